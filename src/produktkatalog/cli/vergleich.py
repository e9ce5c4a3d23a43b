"""``katalog vergleich``: Kennzahlen of several catalogues side by side, by IMK Produktgruppe and per Einwohner."""

from __future__ import annotations

import io
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from produktkatalog.cli.app import NoCacheOption, checked, finish, stop
from produktkatalog.system.oserror import reason


class CompareFormat(StrEnum):
    text = "text"
    csv = "csv"
    html = "html"


def vergleich(
    pfade: Annotated[list[Path], typer.Argument(help="Kataloge (oder Ordner mit Katalogen), die verglichen werden.",
                                                metavar="PFAD...", show_default=False)],
    kennzahl: Annotated[list[str] | None, typer.Option("--kennzahl", "-k", help="Weitere Kennzahl (Kennung) "
                                                       "vergleichen; mehrfach möglich.", metavar="KENNUNG")] = None,
    jahr: Annotated[int | None, typer.Option("--jahr", "-j", help="Jahr der verglichenen Spalte (Vorgabe: das "
                                             "Haushaltsjahr des ersten Katalogs).", metavar="JAHR")] = None,
    format: Annotated[CompareFormat, typer.Option("--format", "-f", help="text (Vorgabe), csv oder html (Seite "
                                                  "mit Diagrammen).", show_default=False)] = CompareFormat.text,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="In diese Datei schreiben statt auf die "
                                             "Standardausgabe.", metavar="DATEI", show_default=False)] = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Vergleicht Standardkennzahlen und gewählte Kennzahlen mehrerer Kommunen.

    Ausgerichtet wird nach der IMK-Produktgruppe der Produkte (statistik_produktgruppe); verglichen werden die
    Zeilen nach ihrer Rolle, so dass auch Kataloge verschiedener Länder nebeneinanderstehen.
    """
    from produktkatalog.present.comparison import compare
    from produktkatalog.report import comparison as report
    from produktkatalog.system.atomic import write_text

    computations = [c for pfad in pfade for c in checked(pfad, use_cache=not no_cache).computations]
    found = compare(computations, jahr, list(kennzahl or []))
    if format is CompareFormat.html:
        from produktkatalog.render.comparison import page

        text = page(found)
    else:
        buffer = io.StringIO()
        (report.write_csv if format is CompareFormat.csv else report.write_text)(found, buffer)
        text = buffer.getvalue()
    if out is None:
        sys.stdout.write(text)
    else:
        try:
            write_text(out, text)
        except OSError as error:
            stop(f"{out} lässt sich nicht schreiben: {reason(error)}.")
        typer.echo(f"Geschrieben: {out}")
    finish(0)
