"""The ``katalog`` command line. Commands parse options, call one pipeline function, report, exit.

Each command is a function in its own module; ``register`` adds them in the order of ``--help``.
"""

from produktkatalog.cli import buch, diff, fmt, kennzahlen, new, render, schema, serve, validate
from produktkatalog.cli.app import app, main, register, run

register(validate.validate, kennzahlen.kennzahlen, render.render, buch.buch, serve.serve, diff.diff, fmt.fmt, new.new,
         schema.schema)

__all__ = ["app", "main", "run"]
