"""Kennzahlen for the sheets: rows grouped as the catalogue groups them, cells formatted once, small charts."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from produktkatalog.model import Kennzahl, Settings
from produktkatalog.model.plan_rows import stated
from produktkatalog.model.values import NoValue, Outcome, Period
from produktkatalog.present.figures import FigureLine, shown, stated_beside, stated_note
from produktkatalog.render.charts import WERTARTEN, year_chart
from produktkatalog.render.views import Cell, Column, FigureGroup, FigurePart, FigureRow

FIGURE_KINDS = {"grundzahl": "Grundzahl", "kennzahl": "Kennzahl", "zielkennzahl": "Zielkennzahl",
                "standardkennzahl": "Standardkennzahl", "leistungsdaten": "Leistungsdaten"}
DIRECTIONS = {"hoeher_besser": "höher ist besser", "niedriger_besser": "niedriger ist besser"}
DEFAULT_GROUP = "Kennzahlen"
_NO_VALUE = NoValue("")


def columns_of(periods: Iterable[Period], settings: Settings | None = None) -> list[Column]:
    """The columns' headings; ``title`` only where the catalogue's column has a titel or is vorläufig."""
    found = []
    for period in periods:
        heading = settings.heading(period.wertart, period.year) if settings is not None else ""
        plain = Column(WERTARTEN.get(period.wertart, period.wertart), str(period.year))
        found.append(Column(plain.wertart, plain.year, heading if heading != plain.label else ""))
    return found


def text(data: Any, key: str) -> str:
    """A text field of a mapping, "" if missing or not text (data that failed its schema never gets here)."""
    value = data.get(key) if isinstance(data, dict) else None
    if isinstance(value, bool) or value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def groups(lines: Iterable[FigureLine], periods: list[Period], order: list[str]) -> list[FigureGroup]:
    """Rows in the listing's order, grouped by ``gruppe``; the catalogue's kennzahlgruppen first, in its order."""
    grouped: dict[str, list[FigureRow]] = {}
    for line in lines:
        grouped.setdefault(line.figure.text("gruppe") or DEFAULT_GROUP, []).append(row(line, periods))
    ranked = sorted(grouped, key=lambda title: order.index(title) if title in order else len(order))
    return [FigureGroup(title, grouped[title]) for title in ranked]


def row(line: FigureLine, periods: list[Period]) -> FigureRow:
    figure = line.figure
    data = figure.data
    stated = figure.mapping("werte")
    cells = [cell(figure, stated, period, line.values.get(period, _NO_VALUE)) for period in periods]
    scale = _mapping(data.get("skala"))
    steps = _mapping(scale.get("stufen"))
    places = data.get("nachkommastellen")
    anchor = f"kennzahl-{figure.leistung_key or 'produkt'}-{figure.ident}"
    return FigureRow(
        ident=figure.ident, name=figure.text("bezeichnung") or figure.ident,
        art=FIGURE_KINDS.get(text(data, "art"), text(data, "art")), unit=figure.text("einheit") or "",
        cells=cells, description=text(data, "beschreibung"), formula=text(data, "formel"),
        direction=DIRECTIONS.get(text(data, "richtung"), text(data, "richtung")),
        places=str(places) if isinstance(places, int) and not isinstance(places, bool) else "",
        main=data.get("hauptkennzahl") is True,
        scale=[(str(k), str(v)) for k, v in sorted(steps.items(), key=lambda kv: str(kv[0]))],
        scale_range=_range(scale), targets=targets(figure, figure.mapping("werte").get("ziel")),
        source=text(data, "quelle"), chart=year_chart(figure, periods, line.values, cells, anchor), anchor=anchor,
        shared=figure.per_owner, parts=_parts(figure, periods))


def _parts(figure: Kennzahl, periods: list[Period]) -> list[FigurePart]:
    """The Kennzahl's sub-rows ("davon") with their stated values, in the Kennzahl's unit and places."""
    found = []
    for part in figure.items("davon"):
        if isinstance(part, dict):
            werte = _mapping(part.get("werte"))
            cells = [Cell(shown(stated(werte.get(p.wertart), p, ""), figure)) for p in periods]
            found.append(FigurePart(text(part, "bezeichnung"), cells))
    return found


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def cell(figure: Kennzahl, stated: dict[str, Any], period: Period, value: Outcome) -> Cell:
    """A value as printed, with the notes its stated entry carries (vorläufig, Bemerkung), and a stated value next to
    a formula where it is printed otherwise than the computed one."""
    by_year = stated.get(period.wertart)
    entry = by_year.get(str(period.year)) if isinstance(by_year, dict) else None
    text = shown(value, figure)
    beside = stated_note(text, stated_beside(figure, period), figure)
    if not isinstance(entry, dict):
        return Cell(text, beside)
    notes = [beside] if beside else []
    if entry.get("vorlaeufig") is True:
        notes.append("vorläufig")
    if isinstance(entry.get("bemerkung"), str):
        notes.append(entry["bemerkung"])
    return Cell(text, "; ".join(notes))


def targets(figure: Kennzahl, by_year: Any) -> list[tuple[str, str]]:
    """(year, value as printed) of a Jahreswerte mapping, in year order; blanks as "—"."""
    if not isinstance(by_year, dict):
        return []
    found = []
    for year in sorted(by_year, key=str):
        value = by_year[year]
        value = value.get("wert") if isinstance(value, dict) else value
        number = Decimal(value) if isinstance(value, (int, Decimal)) and not isinstance(value, bool) else None
        found.append((str(year), shown(number if number is not None else NoValue(""), figure)))
    return found


def _range(scale: dict[str, Any]) -> str:
    low, high = scale.get("von"), scale.get("bis")
    if low is None and high is None:
        return ""
    return f"{_plain(low)} bis {_plain(high)}"


def _plain(value: Any) -> str:
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value).replace(".", ",")
    return "—"
