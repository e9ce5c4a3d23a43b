"""Haushalt tables: Teilergebnis- and Teilfinanzpläne per product and roll-up, in the catalogue's columns."""

from __future__ import annotations

import functools
from decimal import Decimal

from produktkatalog.compute.tables import Table
from produktkatalog.model import Settings
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
    """An amount as a table shows it (the unit, EUR or the plan's ``einheit``, is in the caption): ``-1.234,50``."""
    return Cell(number(value, 2))


def plan_view(table: Table, periods: list[Period], title: str, convention: str = CANONICAL,
              settings: Settings | None = None) -> PlanView:
    """Every row of the template, in its order; sums computed; blank where nothing is planned, "—" for kein
    Wert (its reason as the cell's note). Amounts as ``convention`` shows them (the catalogue's anzeige). A
    stated sum that differs from its parts gets a footnote saying by how much."""
    columns = [(settings.heading(period.wertart, period.year) if settings else str(period), table.column(period))
               for period in periods]
    template = table.template
    signs = factors(template, convention)
    unsigned = convention == "ohne_vorzeichen"
    footnotes: list[str] = []
    rows = [PlanRow(row.shown_number, row.name, row.nature,
                    [_cell(table, column, (row.number, row.shown_number, heading, signs[row.number]), footnotes)
                     for heading, column in columns],
                    operator(template, row.number) if unsigned else "")
            for row in template.rows]
    if settings is not None and settings.flag("leere_zeilen_ausblenden"):
        rows = _without_blank_rows(rows, [column for _, column in columns])
    plan = table.plan
    return PlanView(title, template.name, template.ident, columns_of(periods, settings), rows,
                    plan.text("erlaeuterungen") or "" if plan else "", plan.text("quelle") or "" if plan else "",
                    _signs_note(convention, plan.mapping("vorzeichen").get("eingabe") if plan else None),
                    footnotes, table.unit)


def _signs_note(convention: str, entered: object) -> str:
    """How the amounts are shown, where not as katalog computes; and how a plan that says so is entered."""
    notes = [SIGN_NOTES[convention]] if convention in SIGN_NOTES else []
    if isinstance(entered, str) and entered in SIGN_WORDS:
        notes.append(f"Eingabe dieses Plans: {SIGN_WORDS[entered]}")
    return "; ".join(notes)


def _without_blank_rows(rows: list[PlanRow], columns: list[PlanColumn]) -> list[PlanRow]:
    """The rows with something in a column that has amounts (a column not drawn up is "—" in every row)."""
    counted = [position for position, column in enumerate(columns) if len(column)]
    return [row for row in rows if any(row.cells[position].text for position in counted)]


def _cell(table: Table, column: PlanColumn, where: tuple[str, str, str, int], footnotes: list[str]) -> Cell:
    number, sign = where[0], where[3]
    if number in column.blank:
        return BLANK
    value = column.cells.get(number)
    if not isinstance(value, Decimal):
        return Cell("—", value.reason if value is not None else "")
    printed = column.printed.get(number)
    if printed is None:
        return amount(-value if sign == -1 else value)
    shown, computed = (-printed[0], -printed[1]) if sign == -1 else printed
    note = _printed_note(table, where, shown, computed)
    mark = _mark(len(footnotes) + 1)
    footnotes.append(f"{mark.strip()} {note}")
    return Cell(f"{amount(shown).text}{mark}", note)


def _printed_note(table: Table, where: tuple[str, str, str, int], shown: Decimal, computed: Decimal) -> str:
    """„Zeile 10, Ergebnis 2024: wie im Plan angegeben; aus den Einzelzeilen berechnet 250.000,00 (Abweichung
    0,99).“ A page is written only if every stated sum is within the tolerance of its stated parts (else K216);
    the rounding of several sums may add up to more further down."""
    key, printed_number, heading, _ = where
    row = f"Zeile {printed_number or table.template.by_number[key].name}, {heading}"
    return (f"{row}: wie im Plan angegeben; aus den Einzelzeilen berechnet {number(computed, 2)} "
            f"(Abweichung {number(shown - computed, 2)}).")


def _mark(count: int) -> str:
    """A footnote's mark in the cell: ¹, ², … ¹⁰."""
    return f"\u2009{count}".translate(_SUPERSCRIPT)


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def rollup_title(table: Table, name: str) -> str:
    """"Teilergebnisplan Produktbereich 01 Innere Verwaltung", "Gesamtergebnisplan"."""
    if table.owner.level == "gesamt":
        return "Gesamt" + ROLLUP_TITLES[table.statement].lower()
    return f"{PLAN_TITLES[table.statement]} {LEVEL_NAMES[table.owner.level]} {table.owner.key} {name}".strip()
