"""Every year a file names is one of the catalogue's columns."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from produktkatalog.findings import DocPath, Finding, error, warning
from produktkatalog.model import Catalogue, Entry, Settings
from produktkatalog.model.index import Index

_WERTARTEN = ("ergebnis", "ansatz", "planung", "betrag", "ziel")


def check(index: Index) -> Iterator[Finding]:
    settings = index.catalogue.settings
    if settings is None:
        return
    findings = _all_years(index, settings)
    if settings.columns:
        yield from findings
    elif next(findings, None) is not None:  # one finding for the cause, not one per value
        yield error("K211", settings.file, "Der Katalog enthält Jahreswerte, aber katalog.yaml legt keine Spalten "
                    "fest.", "Ergänzen Sie spalten, z. B. [{art: ergebnis, jahr: 2024}, {art: ansatz, jahr: 2025}].",
                    path=("spalten",) if "spalten" in settings.data else ())


def _all_years(index: Index, settings: Settings) -> Iterator[Finding]:
    catalogue = index.catalogue
    yield from _years(settings, settings, ("einwohner",), settings.mapping("einwohner"), None)
    allowed = {wertart: settings.years_of(wertart) for wertart in _WERTARTEN}
    for entry, base, values in _values(catalogue):
        for wertart, by_year in values.items():
            years = allowed.get(wertart)
            if years is not None and isinstance(by_year, dict) and not by_year.keys() <= years:
                yield from _years(settings, entry, (*base, wertart), by_year, wertart)
    for entry in (*catalogue.products, *catalogue.leistungen):
        for position, goal in enumerate(entry.items("ziele")):
            if isinstance(goal, dict) and isinstance(goal.get("zielwerte"), dict):
                yield from _years(settings, entry, ("ziele", position, "zielwerte"), goal["zielwerte"], None)


def _values(catalogue: Catalogue) -> Iterator[tuple[Entry, DocPath, dict[str, Any]]]:
    """Each mapping of values by wertart and year: a Kennzahl's werte, a plan row's values."""
    for figure in catalogue.kennzahlen:
        values = figure.data.get("werte")
        if isinstance(values, dict):
            yield figure, ("werte",), values
    for plan in catalogue.plans:
        for row, values in plan.mapping("zeilen").items():
            if isinstance(values, dict):
                yield plan, ("zeilen", row), values


def _years(settings: Settings, entry: Entry, base: DocPath, by_year: dict[str, Any], wertart: str | None
           ) -> Iterator[Finding]:
    if by_year.keys() <= settings.years_of(wertart):
        return  # the common case, decided by one set comparison
    for year in by_year:
        path = (*base, year)
        if not (len(year) == 4 and year.isascii() and year.isdigit()):
            continue  # not a year at all: the schema layer reports the key
        if year not in settings.years:
            yield error("K211", entry.file, _outside(settings, year), "Ergänzen Sie die Spalte in katalog.yaml "
                        "unter spalten oder korrigieren Sie das Jahr.", path=path, at_key=True)
        elif wertart in ("ergebnis", "ansatz", "planung", "betrag") and (wertart, year) not in settings.column_keys:
            shown = ", ".join(c.wertart for c in settings.columns if c.year == year)
            yield warning("K214", entry.file,
                          f"Für {year} hat der Katalog keine Spalte „{wertart}“ (sondern: {shown}).",
                          "Tragen Sie den Wert unter der Wertart der Spalte ein.", path=path, at_key=True)


def _outside(settings: Settings, year: str) -> str:
    return f"Für das Jahr {year} hat der Katalog keine Spalte (Spalten: {', '.join(sorted(settings.years))})."
