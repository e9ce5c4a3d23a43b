"""The ``katalog`` command line. Commands parse options, call one pipeline function, report, exit.

Each command is a function in its own module; ``register`` adds them in the order of ``--help``.
"""

from produktkatalog.cli import (
    buch,
    diff,
    export,
    fmt,
    imports,
    init,
    kennzahlen,
    new,
    render,
    schema,
    serve,
    validate,
    vergleich,
    vorlagen,
)
from produktkatalog.cli.app import app, main, register, run
from produktkatalog.cli.german import GermanCommand

register(validate.validate, kennzahlen.kennzahlen, render.render, buch.buch, serve.serve, diff.diff, fmt.fmt, init.init,
         new.new)
app.command(name="import", cls=GermanCommand, options_metavar="[OPTIONEN]")(imports.import_)  # a Python keyword
register(export.export, vergleich.vergleich, vorlagen.vorlagen, schema.schema)

__all__ = ["app", "main", "run"]
