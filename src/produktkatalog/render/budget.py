"""Haushalt tables: Teilergebnis- and Teilfinanzpläne per product and roll-up, in the catalogue's columns."""

from __future__ import annotations

import functools
from decimal import Decimal

from produktkatalog.compute.tables import Table
from produktkatalog.model.owners import LEVEL_NAMES
from produktkatalog.model.plan_rows import PlanColumn
from produktkatalog.model.values import Period
from produktkatalog.render.figures import columns_of
from produktkatalog.render.views import Cell, PlanRow, PlanView
from produktkatalog.wording.numbers import number

PLAN_TITLES = {"ergebnisplan": "Teilergebnisplan", "finanzplan": "Teilfinanzplan"}
ROLLUP_TITLES = {"ergebnisplan": "Ergebnisplan", "finanzplan": "Finanzplan"}
BLANK = Cell("")


@functools.lru_cache(maxsize=65536)
def amount(value: Decimal) -> Cell:
    """An amount in EUR as a table shows it (the unit is in the caption): ``-1.234,50``."""
    return Cell(number(value, 2))


def plan_view(table: Table, periods: list[Period], title: str) -> PlanView:
    """Every row of the template, in its order; sums computed; blank where nothing is planned, "—" for kein
    Wert (its reason as the cell's note)."""
    columns = [table.column(period) for period in periods]
    rows = [PlanRow(row.shown_number, row.name, row.nature, [_cell(column, row.number) for column in columns])
            for row in table.template.rows]
    plan = table.plan
    return PlanView(title, table.template.name, table.template.ident, columns_of(periods), rows,
                    plan.text("erlaeuterungen") or "" if plan else "", plan.text("quelle") or "" if plan else "")


def _cell(column: PlanColumn, number: str) -> Cell:
    if number in column.blank:
        return BLANK
    value = column.cells.get(number)
    return amount(value) if isinstance(value, Decimal) else Cell("—", value.reason if value is not None else "")


def rollup_title(table: Table, name: str) -> str:
    """"Teilergebnisplan Produktbereich 01 Innere Verwaltung", "Gesamtergebnisplan"."""
    if table.owner.level == "gesamt":
        return "Gesamt" + ROLLUP_TITLES[table.statement].lower()
    return f"{PLAN_TITLES[table.statement]} {LEVEL_NAMES[table.owner.level]} {table.owner.key} {name}".strip()
