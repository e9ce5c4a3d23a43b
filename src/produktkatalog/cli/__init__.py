"""The ``katalog`` command line. Commands parse options, call one pipeline function, report, exit.

Each command is a function in its own module; ``register`` adds them in the order of ``--help``.
"""

from produktkatalog.cli import fmt, kennzahlen, validate
from produktkatalog.cli.app import app, main, register

register(validate.validate, kennzahlen.kennzahlen, fmt.fmt)

__all__ = ["app", "main"]
