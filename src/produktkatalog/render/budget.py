"""Haushalt tables: Teilergebnis- and Teilfinanzpläne per product and roll-up, in the catalogue's columns."""

from __future__ import annotations

import functools
from decimal import Decimal

from produktkatalog.compute.tables import Table
from produktkatalog.model.conventions import CANONICAL, SIGN_WORDS, factors, operator
from produktkatalog.model.owners import LEVEL_NAMES
from produktkatalog.model.plan_rows import PlanColumn
from produktkatalog.model.values import Period
from produktkatalog.render.figures import columns_of
from produktkatalog.render.views import Cell, PlanRow, PlanView
from produktkatalog.wording.numbers import number

PLAN_TITLES = {"ergebnisplan": "Teilergebnisplan", "finanzplan": "Teilfinanzplan"}
ROLLUP_TITLES = {"ergebnisplan": "Ergebnisplan", "finanzplan": "Finanzplan"}
BLANK = Cell("")
SIGN_NOTES = {"ertrag_negativ": "Vorzeichen: Erträge negativ, Aufwendungen positiv",
              "ohne_vorzeichen": "Beträge ohne Vorzeichen, Rechenart in Spalte +/−/=; Salden mit Vorzeichen "
                                 "(negativ: Fehlbetrag)"}


@functools.lru_cache(maxsize=65536)
def amount(value: Decimal) -> Cell:
    """An amount in EUR as a table shows it (the unit is in the caption): ``-1.234,50``."""
    return Cell(number(value, 2))


def plan_view(table: Table, periods: list[Period], title: str, convention: str = CANONICAL) -> PlanView:
    """Every row of the template, in its order; sums computed; blank where nothing is planned, "—" for kein
    Wert (its reason as the cell's note). Amounts as ``convention`` shows them (the catalogue's anzeige)."""
    columns = [table.column(period) for period in periods]
    template = table.template
    signs = factors(template, convention)
    unsigned = convention == "ohne_vorzeichen"
    rows = [PlanRow(row.shown_number, row.name, row.nature,
                    [_cell(column, row.number, signs[row.number]) for column in columns],
                    operator(template, row.number) if unsigned else "")
            for row in template.rows]
    plan = table.plan
    return PlanView(title, template.name, template.ident, columns_of(periods), rows,
                    plan.text("erlaeuterungen") or "" if plan else "", plan.text("quelle") or "" if plan else "",
                    _signs_note(convention, plan.mapping("vorzeichen").get("eingabe") if plan else None))


def _signs_note(convention: str, entered: object) -> str:
    """How the amounts are shown, where not as katalog computes; and how a plan that says so is entered."""
    notes = [SIGN_NOTES[convention]] if convention in SIGN_NOTES else []
    if isinstance(entered, str) and entered in SIGN_WORDS:
        notes.append(f"Eingabe dieses Plans: {SIGN_WORDS[entered]}")
    return "; ".join(notes)


def _cell(column: PlanColumn, number: str, sign: int) -> Cell:
    if number in column.blank:
        return BLANK
    value = column.cells.get(number)
    if isinstance(value, Decimal):
        return amount(-value if sign == -1 else value)
    return Cell("—", value.reason if value is not None else "")


def rollup_title(table: Table, name: str) -> str:
    """"Teilergebnisplan Produktbereich 01 Innere Verwaltung", "Gesamtergebnisplan"."""
    if table.owner.level == "gesamt":
        return "Gesamt" + ROLLUP_TITLES[table.statement].lower()
    return f"{PLAN_TITLES[table.statement]} {LEVEL_NAMES[table.owner.level]} {table.owner.key} {name}".strip()
