"""``katalog kennzahlen``: computed Kennzahlen, Standardkennzahlen and Zielerreichung per product."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from produktkatalog.cli.app import NoCacheOption, PathArgument, StrictOption, checked, finish, stop


class FigureFormat(StrEnum):
    text = "text"
    csv = "csv"
    json = "json"


def kennzahlen(
    pfad: PathArgument = Path("katalog"),
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
    excel: Annotated[bool, typer.Option("--excel", help="csv mit deutschen Spaltenköpfen und Byte-Order-Mark für "
                                        "Excel.")] = False,
    strict: StrictOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Berechnet Kennzahlen, Standardkennzahlen und Zielerreichung und zeigt sie je Produkt."""
    from produktkatalog.present.figures import Listing
    from produktkatalog.report import REPORTERS, figures

    if excel and format is not FigureFormat.csv:
        stop("--excel gilt nur für --format csv.")
    result = checked(pfad, use_cache=not no_cache)
    listings = [Listing(computation, produkt, jahr) for computation in result.computations]
    if jahr is not None and not any(listing.periods for listing in listings):
        stop(f"Für {jahr} hat kein Katalog eine Spalte.")
    if erklaeren is not None:
        _explain(listings, erklaeren)
    elif format is FigureFormat.json:
        figures.write_json(listings, result.findings, sys.stdout)
    elif format is FigureFormat.csv:
        figures.write_csv(listings, sys.stdout, excel)
    else:
        figures.write_text(listings, sys.stdout)
    if format is FigureFormat.text or result.findings:  # machine formats keep stdout clean
        REPORTERS["text"](result, sys.stdout if format is FigureFormat.text else sys.stderr)
    finish(1 if result.errors > 0 or (strict and result.warnings > 0) else 0)


def _explain(listings: list[Any], wanted: str) -> None:
    from produktkatalog.present.explain import explain, matching

    lines = [line for listing in listings for line in matching(listing, wanted)]
    if not lines:
        stop(f"Eine Kennzahl „{wanted}“ gibt es nicht. Mit katalog kennzahlen sehen Sie alle Kennungen.")
    if len(lines) > 1:
        owners = ", ".join(line.label for _, line in lines[:8]) + (" …" if len(lines) > 8 else "")
        stop(f"„{wanted}“ gibt es mehrfach ({owners}). Wählen Sie eine mit --produkt NR oder NR.KENNUNG.")
    listing, line = lines[0]
    typer.echo("\n".join(explain(listing, line)))
