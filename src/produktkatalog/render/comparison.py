"""The interkommunaler Vergleich as one static HTML page: a table per IMK Produktgruppe and, for each Kennzahl,
a small bar chart in SVG that a screen reader can read (role img, title, a description listing every value)
and that shows every value as text beside its bar. No JavaScript."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from produktkatalog.present.comparison import Comparison, Line
from produktkatalog.render.environment import templates_for

_LABEL, _PLOT, _VALUE, _BAR, _GAP = 200, 320, 130, 18, 8  # pixels: label column, plot, value text, bar, gap


@dataclass(frozen=True)
class Bar:
    label: str
    text: str
    y: str
    x: str
    width: str
    text_x: str


@dataclass(frozen=True)
class Chart:
    anchor: str
    title: str
    description: str
    width: str
    height: str
    zero: str
    bars: list[Bar]


@dataclass(frozen=True)
class Row:
    name: str
    cells: list[str]
    chart: Chart | None


@dataclass(frozen=True)
class Group:
    heading: str
    rows: list[Row]


def page(comparison: Comparison) -> str:
    groups: dict[str, list[Row]] = {}
    for number, line in enumerate(comparison.lines):
        heading = f"{line.group} {line.group_name}".strip()
        groups.setdefault(heading, []).append(
            Row(line.name, [line.shown(i) for i in range(len(comparison.columns))], _chart(line, comparison, number)))
    kommunen = [column.kommune for column in comparison.columns]
    heads = [f"{column.kommune} ({column.period or 'keine Spalte'})" for column in comparison.columns]
    template = templates_for(None).template("vergleich.html.j2")
    return template.render(titel=f"Interkommunaler Vergleich {comparison.year}", kommunen=kommunen, spalten=heads,
                           gruppen=[Group(heading, rows) for heading, rows in groups.items()])


def _chart(line: Line, comparison: Comparison, number: int) -> Chart | None:
    values = [(column.kommune, value, line.shown(i)) for i, (column, value) in
              enumerate(zip(comparison.columns, line.values, strict=True)) if isinstance(value, Decimal)]
    if not values:
        return None
    low = min(min(v for _, v, _ in values), Decimal(0))
    high = max(max(v for _, v, _ in values), Decimal(0))
    span = (high - low) or Decimal(1)
    zero = _LABEL + float((-low) / span) * _PLOT
    bars = []
    for position, (kommune, value, text) in enumerate(values):
        size = float(abs(value) / span) * _PLOT
        left = zero if value >= 0 else zero - size
        y = _GAP + position * (_BAR + _GAP)
        bars.append(Bar(kommune, text, f"{y}", f"{left:.1f}", f"{max(size, 1):.1f}", f"{_LABEL + _PLOT + 6}"))
    title = f"{line.name} – {line.group} {line.group_name}".strip()
    description = "; ".join(f"{kommune}: {text}" for kommune, _, text in values)
    anchor = re.sub(r"[^a-z0-9]+", "-", f"k{number}-{line.ident}-{line.group}".lower())
    return Chart(anchor, title, description, f"{_LABEL + _PLOT + _VALUE}", f"{_GAP + len(values) * (_BAR + _GAP)}",
                 f"{zero:.1f}", bars)
