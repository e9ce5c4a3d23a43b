"""Kennzahlen for the sheets: rows grouped as the catalogue groups them, cells formatted once, small charts."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from produktkatalog.compute import NoValue, Outcome, Period
from produktkatalog.model import Kennzahl
from produktkatalog.present.figures import FigureLine, shown
from produktkatalog.render.views import Bar, Cell, Chart, Column, FigureGroup, FigureRow

KINDS = {"ergebnis": "Ergebnis", "ansatz": "Ansatz", "planung": "Planung", "ziel": "Ziel"}
FIGURE_KINDS = {"grundzahl": "Grundzahl", "kennzahl": "Kennzahl", "zielkennzahl": "Zielkennzahl",
                "standardkennzahl": "Standardkennzahl", "leistungsdaten": "Leistungsdaten"}
DIRECTIONS = {"hoeher_besser": "höher ist besser", "niedriger_besser": "niedriger ist besser"}
DEFAULT_GROUP = "Kennzahlen"
_BAR, _GAP, _PLOT, _LABEL = Decimal(34), Decimal(10), Decimal(60), Decimal(14)


def columns_of(periods: Iterable[Period]) -> list[Column]:
    return [Column(KINDS.get(p.kind, p.kind), str(p.year)) for p in periods]


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
    cells = [cell(figure, period, line.values.get(period, NoValue(""))) for period in periods]
    scale = _mapping(data.get("skala"))
    steps = _mapping(scale.get("stufen"))
    places = data.get("nachkommastellen")
    return FigureRow(
        ident=figure.ident, name=figure.text("bezeichnung") or figure.ident,
        art=FIGURE_KINDS.get(text(data, "art"), text(data, "art")), unit=figure.text("einheit") or "",
        cells=cells, description=text(data, "beschreibung"), formula=text(data, "formel"),
        direction=DIRECTIONS.get(text(data, "richtung"), text(data, "richtung")),
        places=str(places) if isinstance(places, int) and not isinstance(places, bool) else "",
        main=data.get("hauptkennzahl") is True,
        scale=[(str(k), str(v)) for k, v in sorted(steps.items(), key=lambda kv: str(kv[0]))],
        scale_range=_range(scale), targets=targets(figure, figure.mapping("werte").get("ziel")),
        source=text(data, "quelle"), chart=chart(figure, periods, line.values),
        anchor=f"kennzahl-{figure.leistung_key or 'produkt'}-{figure.ident}")


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def cell(figure: Kennzahl, period: Period, value: Outcome) -> Cell:
    stated = figure.mapping("werte").get(period.kind)
    entry = stated.get(str(period.year)) if isinstance(stated, dict) else None
    notes = []
    if isinstance(entry, dict):
        if entry.get("vorlaeufig") is True:
            notes.append("vorläufig")
        if isinstance(entry.get("bemerkung"), str):
            notes.append(entry["bemerkung"])
    return Cell(shown(value, figure), "; ".join(notes))


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


def chart(figure: Kennzahl, periods: list[Period], values: dict[Period, Outcome]) -> Chart | None:
    """Bars of the years with a value (at least two), scaled to the largest amount; pure SVG geometry.

    Each column of the table has its slot, so a year without a value leaves a gap under its column.
    """
    points = [(position, p, v) for position, p in enumerate(periods) if isinstance(v := values.get(p), Decimal)]
    if len(points) < 2:
        return None
    largest = max(abs(v) for _, _, v in points) or Decimal(1)
    has_negative = any(v < 0 for _, _, v in points)
    top = _LABEL
    zero = top + (_PLOT / 2 if has_negative else _PLOT)
    scale = (_PLOT / 2 if has_negative else _PLOT) / largest
    bars = []
    for position, period, value in points:
        height = abs(value) * scale
        y = zero - height if value >= 0 else zero
        bars.append(Bar(_px(_GAP + position * (_BAR + _GAP)), _px(y), _px(_BAR), _px(height),
                        f"{KINDS.get(period.kind, period.kind)[:1]} {period.year}", shown(value, figure)))
    width = _GAP + len(periods) * (_BAR + _GAP)
    return Chart(figure.text("bezeichnung") or figure.ident, _px(width), _px(top + _PLOT + 2 * _LABEL),
                 _px(zero), bars)


def _px(value: Decimal) -> str:
    shown_value = format(value.quantize(Decimal("0.1")), "f")
    return shown_value.removesuffix(".0")
