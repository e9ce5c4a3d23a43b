"""The ``katalog`` command line. Commands parse options, call one pipeline function, report, exit.

Each command is a function in its own module; ``register`` adds them in the order of ``--help``.
"""

from produktkatalog.cli import diff, export, fmt, init, kennzahlen, new, render, schema, validate
from produktkatalog.cli.app import app, main, register

register(validate.validate, kennzahlen.kennzahlen, render.render, diff.diff, fmt.fmt, init.init, new.new, export.export,
         schema.schema)

__all__ = ["app", "main"]
