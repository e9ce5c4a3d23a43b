"""The ``katalog`` command. Commands parse options, call one pipeline function, report, exit."""

from __future__ import annotations

import gc
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from produktkatalog.clitext import GermanCommand, GermanGroup, UsageError, usage_error_text

# Set by ``main()``, for the short-lived command process only: loading creates about
# a million acyclic objects, which the cyclic collector would rescan again and again,
# and which the normal interpreter exit would free one by one (0.1 s each for a
# Großstadt catalogue). Reference counting still frees them; the only cyclic garbage
# is ~26 objects per file on the precise path. In-process callers such as test
# runners go through ``app`` unchanged.
_END_PROCESS_AFTER_REPORT = False

app = typer.Typer(
    name="katalog",
    help="Produktkatalog als Code: prüft, berechnet und druckt den kommunalen Produkthaushalt.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    cls=GermanGroup,
    options_metavar="[OPTIONEN]",
    subcommand_metavar="BEFEHL [ARGUMENTE]...",
)


class Format(StrEnum):
    text = "text"
    json = "json"


@app.callback()
def _root() -> None:
    """Produktkatalog als Code: prüft, berechnet und druckt den kommunalen Produkthaushalt."""


@app.command(cls=GermanCommand, options_metavar="[OPTIONEN]")
def validate(
    pfad: Annotated[Path, typer.Argument(help="Katalogordner oder Ordner mit mehreren Katalogen "
                                         "(Vorgabe: katalog).", show_default=False, metavar="[PFAD]")
                    ] = Path("katalog"),
    format: Annotated[Format, typer.Option("--format", "-f", help="Ausgabeformat: text (Vorgabe) oder json.",
                                            show_default=False)] = Format.text,
    strict: Annotated[bool, typer.Option("--strict", help="Auch Warnungen führen zu Exit-Code 1.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Zwischenspeicher weder lesen noch schreiben.")] = False,
) -> None:
    """Prüft alle Dateien eines Katalogs: YAML, Schema und Katalogregeln."""
    from produktkatalog.pipeline import NoCatalogue
    from produktkatalog.pipeline import validate as run
    from produktkatalog.report import REPORTERS

    try:
        result = run(pfad, use_cache=not no_cache)
    except NoCatalogue as exc:
        typer.echo(f"katalog: {exc}", err=True)
        raise typer.Exit(2) from None
    REPORTERS[format.value](result, sys.stdout)
    failed = result.errors > 0 or (strict and result.warnings > 0)
    _finish(1 if failed else 0)


def _finish(code: int) -> None:
    if _END_PROCESS_AFTER_REPORT:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    raise typer.Exit(code)


def main() -> None:
    global _END_PROCESS_AFTER_REPORT
    _END_PROCESS_AFTER_REPORT = True
    gc.disable()
    for stream in (sys.stdout, sys.stderr):  # a console that cannot show „→“ gets „?“, not a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    try:
        code = app(prog_name="katalog", standalone_mode=False)
    except UsageError as error:
        typer.echo(usage_error_text(error), err=True)
        code = 2
    except typer.Abort:
        typer.echo("Abgebrochen.", err=True)
        code = 1
    except Exception as error:  # a bug in katalog itself: say so, exit 2 as for any failure to run
        if os.environ.get("KATALOG_DEBUG"):
            raise
        typer.echo(f"katalog: interner Fehler ({type(error).__name__}: {error}). Bitte melden Sie ihn mit der "
                   "Eingabe, die ihn auslöst; KATALOG_DEBUG=1 zeigt den Ablauf.", err=True)
        code = 2
    sys.exit(code if isinstance(code, int) else 0)
