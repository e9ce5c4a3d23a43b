"""``katalog export``: the computed catalogue for spreadsheets (xlsx), for any tool (csv) and for open-data
portals (a Fiscal Data Package). Each format lays out the same records (``records``)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from produktkatalog.export.records import Catalogue, catalogues
from produktkatalog.result import Result
from produktkatalog.system.atomic import atomic_text, write_bytes

FORMATS = ("xlsx", "csv", "fdp")
DEFAULT_TARGETS = {"xlsx": Path("katalog.xlsx"), "fdp": Path("datenpaket")}

__all__ = ["DEFAULT_TARGETS", "FORMATS", "Catalogue", "catalogues", "export"]


def export(result: Result, kind: str, target: Path | None, excel: bool = False) -> list[Path]:
    """Writes the export of every catalogue in ``result``; returns the files written (none for stdout)."""
    found = catalogues(result.computations)
    if kind == "csv":
        from produktkatalog.export import csv_long

        if target is None:
            csv_long.write(found, sys.stdout, excel)
            return []
        with atomic_text(target) as stream:
            csv_long.write(found, stream, excel)
        return [target]
    if kind == "xlsx":
        from produktkatalog.export import xlsx

        buffer = io.BytesIO()
        xlsx.write(found, buffer)
        path = target or DEFAULT_TARGETS["xlsx"]
        write_bytes(path, buffer.getvalue())
        return [path]
    from produktkatalog.export import fdp

    return fdp.write(found, target or DEFAULT_TARGETS["fdp"])
