"""``katalog buch``: the whole Haushaltsplan of a catalogue as one PDF (needs the extra ``pdf``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from produktkatalog.cli.app import NoCacheOption, PathArgument, checked, finish, stop
from produktkatalog.cli.progress import waiting
from produktkatalog.system.oserror import reason


def buch(
    pfad: PathArgument = Path("katalog"),
    out: Annotated[Path, typer.Option("--out", "-o", help="Die PDF-Datei (Vorgabe: haushaltsplan.pdf).",
                                      metavar="DATEI.pdf", show_default=False)] = Path("haushaltsplan.pdf"),
    technik: Annotated[bool, typer.Option("--technische-angaben", help="Anhang mit Kennungen, Formeln und "
                                          "Nachkommastellen der Kennzahlen für die Verwaltung.")] = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Setzt den Haushaltsplan als ein PDF: Titelseite, Inhaltsverzeichnis, Kapitel je Produktbereich."""
    from produktkatalog.book import BookUnavailable, make_book
    from produktkatalog.report import REPORTERS
    from produktkatalog.system.atomic import write_bytes

    with waiting(f"katalog prüft {pfad} …"):
        result = checked(pfad, use_cache=not no_cache)
    if result.findings:
        REPORTERS["text"](result, sys.stdout)
    if result.errors:
        typer.echo("Kein Buch gesetzt: Der Katalog enthält Fehler.", err=True)
        finish(1)
    if len(result.computations) != 1:
        names = ", ".join(c.index.catalogue.root for c in result.computations)
        stop(f"{pfad} enthält {len(result.computations)} Kataloge ({names}); ein Buch gilt für einen Katalog. "
             "Geben Sie dessen Ordner an.")
    try:
        with waiting("katalog setzt das Buch …"):
            pdf, pages = make_book(result.computations[0], technical=technik)
        write_bytes(out, pdf)
    except BookUnavailable as exc:
        stop(str(exc))
    except OSError as exc:
        stop(f"Das Buch lässt sich nicht nach {out} schreiben ({reason(exc)}).")
    typer.echo(f"{out}: {pages} Seiten.")
    finish(0)
