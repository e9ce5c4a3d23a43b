"""The ``katalog`` command. Commands parse options, call one pipeline function, report, exit."""

from __future__ import annotations

import gc
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

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
        _stop(str(exc))
    REPORTERS[format.value](result, sys.stdout)
    failed = result.errors > 0 or (strict and result.warnings > 0)
    _finish(1 if failed else 0)


class FigureFormat(StrEnum):
    text = "text"
    csv = "csv"
    json = "json"


@app.command(cls=GermanCommand, options_metavar="[OPTIONEN]")
def kennzahlen(
    pfad: Annotated[Path, typer.Argument(help="Katalogordner oder Ordner mit mehreren Katalogen "
                                         "(Vorgabe: katalog).", show_default=False, metavar="[PFAD]")
                    ] = Path("katalog"),
    produkt: Annotated[str | None, typer.Option("--produkt", "-p", help="Nur dieses Produkt (oder diese "
                                                "Produktgruppe, diesen Produktbereich), z. B. 011001.",
                                                metavar="NR")] = None,
    jahr: Annotated[int | None, typer.Option("--jahr", "-j", help="Nur die Spalten dieses Jahres.",
                                             metavar="JAHR")] = None,
    format: Annotated[FigureFormat, typer.Option("--format", "-f", help="Ausgabeformat: text (Vorgabe), csv "
                                                  "oder json.", show_default=False)] = FigureFormat.text,
    erklaeren: Annotated[str | None, typer.Option("--erklaeren", "-e", help="Zeigt, wie eine Kennzahl berechnet "
                                                  "wurde: Formel mit eingesetzten Werten je Jahr. KENNUNG oder "
                                                  "NR.KENNUNG.", metavar="KENNUNG")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Auch Warnungen führen zu Exit-Code 1.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Zwischenspeicher weder lesen noch schreiben.")] = False,
) -> None:
    """Berechnet Kennzahlen, Standardkennzahlen und Zielerreichung und zeigt sie je Produkt."""
    from produktkatalog.pipeline import NoCatalogue
    from produktkatalog.pipeline import validate as run
    from produktkatalog.present.figures import Listing
    from produktkatalog.report import REPORTERS, figures

    try:
        result = run(pfad, use_cache=not no_cache, compute_all=True)
    except NoCatalogue as exc:
        _stop(str(exc))
    listings = [Listing(computation, produkt, jahr) for computation in result.computations]
    if jahr is not None and not any(listing.periods for listing in listings):
        _stop(f"Für {jahr} hat kein Katalog eine Spalte.")
    if erklaeren is not None:
        _explain(listings, erklaeren)
    elif format is FigureFormat.json:
        figures.write_json(listings, result.findings, sys.stdout)
    elif format is FigureFormat.csv:
        figures.write_csv(listings, sys.stdout)
    else:
        figures.write_text(listings, sys.stdout)
    if format is FigureFormat.text or result.findings:  # machine formats keep stdout clean
        REPORTERS["text"](result, sys.stdout if format is FigureFormat.text else sys.stderr)
    _finish(1 if result.errors > 0 or (strict and result.warnings > 0) else 0)


def _explain(listings: list[Any], wanted: str) -> None:
    from produktkatalog.present.explain import explain, matching

    lines = [line for listing in listings for line in matching(listing, wanted)]
    if not lines:
        _stop(f"Eine Kennzahl „{wanted}“ gibt es nicht. Mit katalog kennzahlen sehen Sie alle Kennungen.")
    if len(lines) > 1:
        owners = ", ".join(line.label for _, line in lines[:8]) + (" …" if len(lines) > 8 else "")
        _stop(f"„{wanted}“ gibt es mehrfach ({owners}). Wählen Sie eine mit --produkt NR oder NR.KENNUNG.")
    listing, line = lines[0]
    typer.echo("\n".join(explain(listing, line)))


def _stop(message: str) -> NoReturn:
    typer.echo(f"katalog: {message}", err=True)
    raise typer.Exit(2)


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
