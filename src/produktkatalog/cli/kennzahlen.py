"""``katalog kennzahlen``: computed Kennzahlen, Standardkennzahlen and Zielerreichung per product."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from produktkatalog.cli.app import NoCacheOption, PathArgument, StrictOption, checked, finish, stop, unknown_product
from produktkatalog.cli.progress import waiting


class FigureFormat(StrEnum):
    text = "text"
    csv = "csv"
    json = "json"


def kennzahlen(
    pfad: PathArgument = Path("katalog"),
    produkt: Annotated[str | None, typer.Option("--produkt", "-p", help="Nur dieses Produkt (oder diese "
                                                "Produktgruppe, diesen Produktbereich), z. B. 011001; ein Produkt "
                                                "ohne Nummer mit seinem Ordnernamen.", metavar="NR")] = None,
    jahr: Annotated[int | None, typer.Option("--jahr", "-j", help="Nur die Spalten dieses Jahres.",
                                             metavar="JAHR")] = None,
    format: Annotated[FigureFormat, typer.Option("--format", "-f", help="Ausgabeformat: text (Vorgabe), csv "
                                                  "oder json.", show_default=False)] = FigureFormat.text,
    erklaeren: Annotated[str | None, typer.Option("--erklaeren", "-e", help="Zeigt, wie eine Kennzahl berechnet "
                                                  "wurde: Formel mit eingesetzten Werten je Jahr. KENNUNG oder "
                                                  "NR.KENNUNG (--kennungen zeigt sie).", metavar="KENNUNG")] = None,
    kennungen: Annotated[bool, typer.Option("--kennungen", help="Zeigt zu jeder Kennzahl die Kennung, die "
                                            "--erklaeren versteht (NR.KENNUNG).")] = False,
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
    with waiting(f"katalog prüft und rechnet {pfad} …"):
        result = checked(pfad, use_cache=not no_cache)
        listings = [Listing(computation, produkt, jahr) for computation in result.computations]
        for listing in listings:
            listing.lines()  # settles every owner's values now, not while the first table is printed
    if jahr is not None and not any(listing.periods for listing in listings):
        stop(f"Für {jahr} hat kein Katalog eine Spalte.")
    if produkt is not None and not any(listing.names_anything() for listing in listings):
        _unknown_product(listings, produkt)
    if erklaeren is not None:
        _explain(listings, erklaeren)
    elif format is FigureFormat.json:
        figures.write_json(listings, result.findings, sys.stdout)
    elif format is FigureFormat.csv:
        figures.write_csv(listings, sys.stdout, excel)
    else:
        figures.write_text(listings, sys.stdout, handles=kennungen)
        if not any(listing.lines() for listing in listings):
            typer.echo(f"Keine Kennzahlen{f' für „{produkt}“' if produkt else ''}.")
    if format is FigureFormat.text or result.findings:  # machine formats keep stdout clean
        REPORTERS["text"](result, sys.stdout if format is FigureFormat.text else sys.stderr)
    finish(1 if result.errors > 0 or (strict and result.warnings > 0) else 0)


def _unknown_product(listings: list[Any], wanted: str) -> None:
    known = [handle for listing in listings for handle in listing.handles()]
    stop(unknown_product("Ein Produkt, eine Produktgruppe oder einen Produktbereich", wanted, known))


def _explain(listings: list[Any], wanted: str) -> None:
    from produktkatalog.present.explain import explain, matching, near
    from produktkatalog.wording.text import one_of

    lines = [line for listing in listings for line in matching(listing, wanted)]
    if not lines:
        close = near(listings, wanted)
        hint = f" Meinten Sie {one_of(close)}?" if close else ""
        stop(f"Eine Kennzahl „{wanted}“ gibt es nicht.{hint} Alle Kennungen zeigt katalog kennzahlen --kennungen "
             "(Spalte „Kennung“).")
    if len(lines) > 1:
        handles = [listing.handle(line) for listing, line in lines]
        owners = ", ".join(handles[:8]) + (" …" if len(handles) > 8 else "")
        stop(f"„{wanted}“ gibt es mehrfach ({owners}). Wählen Sie eine mit --produkt NR oder als NR.KENNUNG; ein "
             "Produkt ohne Nummer nennen Sie mit seinem Ordnernamen.")
    listing, line = lines[0]
    typer.echo("\n".join(explain(listing, line)))
