"""``katalog export``: plan values, Kennzahlen and Zielerreichung as xlsx, long csv or Fiscal Data Package."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from produktkatalog.cli.app import NoCacheOption, PathArgument, checked, finish, stop
from produktkatalog.system.oserror import reason


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"
    fdp = "fdp"


def export(
    pfad: PathArgument = Path("katalog"),
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="xlsx (Arbeitsmappe), csv (lange Tabelle) "
                                                 "oder fdp (Fiscal Data Package für Open-Data-Portale).",
                                                 show_default=False)] = ExportFormat.xlsx,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Ziel: Datei (xlsx, csv) oder Ordner (fdp). "
                                             "Vorgabe: katalog.xlsx, bei csv die Standardausgabe, bei fdp der "
                                             "Ordner datenpaket.", metavar="ZIEL", show_default=False)] = None,
    excel: Annotated[bool, typer.Option("--excel", help="csv für eine deutsche Tabellenkalkulation: Semikolon, "
                                        "Dezimalkomma, deutsche Spaltenköpfe, Byte-Order-Mark.")] = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Exportiert alle Planwerte, Kennzahlen und die Zielerreichung.

    Wie render prüft export den Katalog zuerst; enthält er Fehler, zeigt es die Befunde und exportiert nichts.
    """
    from produktkatalog.export import export as write_export
    from produktkatalog.report import REPORTERS

    if excel and format is not ExportFormat.csv:
        stop("--excel gilt nur für --format csv.")
    result = checked(pfad, use_cache=not no_cache)
    if result.errors:
        REPORTERS["text"](result, sys.stderr)
        typer.echo("Der Katalog enthält Fehler; exportiert wurde nichts.", err=True)
        finish(1)
        return
    try:
        written = write_export(result, format.value, out, excel)
    except OSError as error:
        stop(f"Der Export ließ sich nicht schreiben: {reason(error)}.")
    for path in written:
        typer.echo(f"Geschrieben: {path}", err=out is None and format is ExportFormat.csv)
    finish(0)
