"""The picture of the whole on the index and in the book: where the money goes, and what each area costs.

- a treemap of the ordentliche Aufwendungen by Produktbereich → Produktgruppe → Produkt
  (the layout of the rectangles from ``squarify``, a small library for the squarified
  treemap algorithm; amounts stay ``Decimal``, only pixel geometry is float);
- a sorted bar chart of the Zuschussbedarf (ordentliche Aufwendungen minus ordentliche Erträge,
  i.e. the ordentliches Ergebnis with the opposite sign) by Produktbereich, with a zero line,
  surpluses drawn to the left.

Both are drawn for one column: the Ansatz of the Haushaltsjahr (else the last Ansatz, else the
last column). Each comes with its values as text (description and a table).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import squarify

from produktkatalog.compute import Computation
from produktkatalog.compute.tables import Table
from produktkatalog.model.values import Period
from produktkatalog.render.charts import WERTARTEN
from produktkatalog.render.views import BarChart, Ranked, Tile, Treemap
from produktkatalog.wording.numbers import euro, number

MAP_WIDTH, MAP_HEIGHT = 760, 380
BAR_LABELS, BAR_PLOT, BAR_HEIGHT, BAR_GAP = 260, 420, 20, 6
PALETTE_SIZE = 8  # light fills (stil.css: .flaeche-0 … -7), dark text on every one
Name = Callable[[str, str], str]  # (level, number) → "02 Sicherheit und Ordnung"


@dataclass(frozen=True)
class _Leaf:
    area: str
    group: str
    product: str  # title
    amount: Decimal


def headline_period(periods: list[Period], year: int | None) -> Period | None:
    """The column the overview shows: Ansatz of the Haushaltsjahr, else the last Ansatz, else the last column."""
    budgets = [p for p in periods if p.wertart == "ansatz"]
    chosen = [p for p in budgets if p.year == year] or budgets[-1:] or periods[-1:]
    return chosen[0] if chosen else None


def column_label(period: Period) -> str:
    return f"{WERTARTEN.get(period.wertart, period.wertart)} {period.year}"


def _row_value(table: Table, role: str, period: Period) -> Decimal | None:
    row = table.template.by_role.get(role)
    return table.column(period).amount(row.number) if row is not None else None


def spending_map(computation: Computation, period: Period, name: Name) -> Treemap | None:
    """Ordentliche Aufwendungen of every product with a Teilergebnisplan, nested by Produktbereich and -gruppe."""
    leaves = _spending(computation, period, name)
    if not leaves:
        return None
    total = sum((leaf.amount for leaf in leaves), Decimal(0))
    areas = _totals(leaves, lambda leaf: leaf.area)
    tiles: list[Tile] = []
    ordered = sorted(areas, key=lambda a: -areas[a])
    boxes = _squares([float(areas[a]) for a in ordered], 0, 0, MAP_WIDTH, MAP_HEIGHT)
    for shade, (area, box) in enumerate(zip(ordered, boxes, strict=True)):
        inside = [leaf for leaf in leaves if leaf.area == area]
        tiles += _products(inside, box, shade % PALETTE_SIZE)
        tiles.append(_tile(box, area, areas[area], 0, shade % PALETTE_SIZE))
    label = column_label(period)
    rows = [(area, euro(areas[area]), _share(areas[area], total)) for area in ordered]
    description = "; ".join(f"{area}: {amount} ({share})" for area, amount, share in rows)
    return Treemap(f"Ordentliche Aufwendungen nach Produktbereichen, {label}", f"Summe {euro(total)}. {description}",
                   str(MAP_WIDTH), str(MAP_HEIGHT), tiles, rows, "aufwendungen-karte")


def _spending(computation: Computation, period: Period, name: Name) -> list[_Leaf]:
    tables = computation.tables
    products = computation.index.catalogue.product_by_folder()
    leaves = []
    for (owner, statement), table in sorted(tables.tables.items(), key=lambda item: item[0][0]):
        if owner.level != "produkt" or statement != "ergebnisplan" or owner.key not in products:
            continue
        amount = _row_value(table, "ordentliche_aufwendungen", period)
        if amount is None or amount >= 0:  # Aufwendungen are negative; nothing spent, nothing to show
            continue
        product = products[owner.key]
        group = tables.placement.group(product) or ""
        area = tables.placement.area(group) or ""
        leaves.append(_Leaf(name("produktbereich", area), name("produktgruppe", group),
                            f"{product.number} {product.text('bezeichnung') or ''}".strip(), -amount))
    return leaves


def _totals(leaves: list[_Leaf], by: Callable[[_Leaf], str]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for leaf in leaves:
        totals[by(leaf)] = totals.get(by(leaf), Decimal(0)) + leaf.amount
    return totals


def _products(leaves: list[_Leaf], box: dict[str, float], shade: int) -> list[Tile]:
    groups = _totals(leaves, lambda leaf: leaf.group)
    ordered = sorted(groups, key=lambda g: -groups[g])
    tiles = []
    for group, inner in zip(ordered, _squares([float(groups[g]) for g in ordered], *_frame(box)), strict=True):
        members = sorted((leaf for leaf in leaves if leaf.group == group), key=lambda leaf: -leaf.amount)
        for leaf, rect in zip(members, _squares([float(m.amount) for m in members], *_frame(inner)), strict=True):
            tiles.append(_tile(rect, leaf.product, leaf.amount, 2, shade))
        tiles.append(_tile(inner, group, groups[group], 1, shade))
    return tiles


def _frame(box: dict[str, float]) -> tuple[float, float, float, float]:
    return box["x"], box["y"], box["dx"], box["dy"]


def _squares(values: list[float], x: float, y: float, width: float, height: float) -> list[dict[str, float]]:
    if width <= 0 or height <= 0:
        return [{"x": x, "y": y, "dx": 0.0, "dy": 0.0} for _ in values]
    rects: list[dict[str, float]] = squarify.squarify(squarify.normalize_sizes(values, width, height), x, y,
                                                      width, height)
    return rects


def _tile(box: dict[str, float], name: str, amount: Decimal, depth: int, shade: int) -> Tile:
    width, height = box["dx"], box["dy"]
    room = int(width // 7) - 1  # characters of 12 px text that fit
    fits = depth == 0 and room >= 15 and height >= 34  # the amount needs about 15 characters
    short = name if len(name) <= room else name[:max(room - 1, 1)].rstrip() + "…"
    return Tile(_px(box["x"]), _px(box["y"]), _px(width), _px(height), name, euro(amount), depth, shade, fits,
                short)


def subsidy_bars(computation: Computation, period: Period, name: Name) -> BarChart | None:
    """Zuschussbedarf of every Produktbereich with a Teilergebnisplan, largest first."""
    found = []
    for table in computation.tables.rollups("ergebnisplan"):
        if table.owner.level == "produktbereich":
            result = _row_value(table, "ordentliches_ergebnis", period)
            if result is not None:
                found.append((name("produktbereich", table.owner.key), -result))
    if not found:
        return None
    found.sort(key=lambda item: -item[1])
    high = max(max(v for _, v in found), Decimal(0))
    low = min(min(v for _, v in found), Decimal(0))
    span = (high - low) or Decimal(1)
    zero = BAR_LABELS + BAR_PLOT * (-low) / span
    bars = []
    for position, (label, value) in enumerate(found):
        end = BAR_LABELS + BAR_PLOT * (value - low) / span
        bars.append(Ranked(label, euro(value), _px(float(min(zero, end))), str(position * (BAR_HEIGHT + BAR_GAP)),
                           _px(float(abs(end - zero))), value < 0))
    height = len(found) * (BAR_HEIGHT + BAR_GAP)
    shown = "; ".join(f"{bar.name}: {bar.value}" for bar in bars)
    return BarChart(f"Zuschussbedarf nach Produktbereichen, {column_label(period)}", shown,
                    str(BAR_LABELS + BAR_PLOT + 110), str(height), _px(float(zero)), str(BAR_LABELS), bars,
                    "zuschussbedarf", "Zuschussbedarf = ordentliche Aufwendungen − ordentliche Erträge; ein negativer "
                    "Wert ist ein Überschuss.")


def _share(part: Decimal, total: Decimal) -> str:
    return f"{number(part * 100 / total, 1)} %" if total else "—"


def _px(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def owner_name(computation: Computation) -> Name:
    """"02 Sicherheit und Ordnung" for a level and number, by the catalogue's Produktrahmen."""
    framework = computation.index.framework
    plural = {"produktbereich": "produktbereiche", "produktgruppe": "produktgruppen"}

    def name(level: str, key: str) -> str:
        if not key:
            return f"Ohne {'Produktbereich' if level == 'produktbereich' else 'Produktgruppe'}"
        known = framework.names(plural[level]).get(key, "") if framework else ""
        return f"{key} {known}".strip()

    return name

