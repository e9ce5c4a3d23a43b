"""The ``katalog`` application: the typer app, the shared arguments and the process exit.

Each command lives in its own module of this package and registers itself on ``app``.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from produktkatalog.cli.german import HELP_OPTIONS, GermanCommand, GermanGroup, UsageError, usage_error_text

if TYPE_CHECKING:
    from produktkatalog.result import Result

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
    context_settings={"help_option_names": HELP_OPTIONS},
)


PathArgument = Annotated[Path, typer.Argument(help="Katalogordner oder Ordner mit mehreren Katalogen "
                                             "(Vorgabe: katalog).", show_default=False, metavar="[PFAD]")]
StrictOption = Annotated[bool, typer.Option("--strict", help="Auch Warnungen führen zu Exit-Code 1.")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Zwischenspeicher weder lesen noch schreiben.")]


def register(*commands: Callable[..., Any]) -> None:
    """Adds commands to ``app``, in the order ``--help`` lists them."""
    for command in commands:
        app.command(cls=GermanCommand, options_metavar="[OPTIONEN]")(command)


@app.callback()
def _root() -> None:
    """Produktkatalog als Code: prüft, berechnet und druckt den kommunalen Produkthaushalt."""


def stop(message: str) -> NoReturn:
    """Ends a command that could not run: the message on stderr, exit code 2."""
    typer.echo(f"katalog: {message}", err=True)
    raise typer.Exit(2)


def unknown_product(what: str, wanted: str, known: list[str]) -> str:
    """The message for a ``--produkt`` that names nothing: the closest handles and a list of those there are."""
    from produktkatalog.wording.text import close_matches, one_of

    near = close_matches(wanted, known, 3)
    hint = f" Meinten Sie {one_of(near)}?" if near else ""
    shown = ", ".join(known[:12]) + (" …" if len(known) > 12 else "")
    return (f"{what} „{wanted}“ gibt es nicht.{hint} Gewählt wird mit der Nummer, ein Produkt ohne Nummer mit "
            f"seinem Ordnernamen: {shown or 'keine'}")


def checked(pfad: Path, **options: Any) -> Result:
    """The pipeline's result for ``pfad``; a path without a catalogue ends the command (exit 2)."""
    from produktkatalog.pipeline import validate
    from produktkatalog.result import NoCatalogue

    try:
        return validate(pfad, **options)
    except NoCatalogue as exc:
        stop(str(exc))


def finish(code: int) -> None:
    if _END_PROCESS_AFTER_REPORT:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    raise typer.Exit(code)


def run(args: list[str] | None = None) -> int:
    """The exit code of one command line (``sys.argv`` without ``args``); usage errors and bugs reported in German."""
    try:
        code = app(args, prog_name="katalog", standalone_mode=False)
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
    return code if isinstance(code, int) else 0


def main() -> None:
    global _END_PROCESS_AFTER_REPORT
    _END_PROCESS_AFTER_REPORT = True
    gc.disable()
    for stream in (sys.stdout, sys.stderr):  # a console that cannot show „→“ gets „?“, not a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    sys.exit(run())
