"""What a cell of a Teilergebnis- or Teilfinanzplan means, and the sums computed from the row template.

A cell of a product's plan (one row, one column) is one of four things (README, "So werden Werte geschrieben"):

- a number: the amount;
- ``~`` (also ``{wert: ~}``): known to be unknown, "kein Wert", and so is every sum and Kennzahl that reads it;
- absent, in a column for which the plan states at least one cell: nothing planned, printed blank, counted as 0;
- absent in a column for which the plan states no cell at all: the column is not drawn up, "kein Wert".

A sum row is the sum of its parts (a stated sum is compared with it, never trusted, K216). A stated sum that
differs from that sum is kept beside it (``printed``), so a page can show it as printed and say by how much it
differs. The check compares a stated sum with its parts *as stated* (row 18 = stated 10 + stated 17,
``as_printed``), so the print's per-cell rounding does not accumulate into false errors further down. A sum none
of whose parts is stated stands as the plan states it, and its parts are then kein Wert (they are in the sum, not
broken down); a sum stated neither way is blank (0) like any row the plan leaves out, so a sum of blank rows is
0 in every row that adds it up.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from produktkatalog.model.row_templates import RowTemplate
from produktkatalog.model.values import NoValue, Outcome, Period

STATEMENT_NAMES = {"ergebnisplan": "Teilergebnisplan", "finanzplan": "Teilfinanzplan"}
ZERO = Decimal(0)
# Stated amounts have at most 15 digits before and after the point (Y018): sums of them stay exact in 60 digits.
EXACT = decimal.Context(prec=60, Emax=999_999, Emin=-999_999)
DEFAULT_TOLERANCE = Decimal(1)  # published plans are often off by 1 € from rounding


@dataclass(frozen=True)
class PlanColumn(Mapping[str, Decimal]):
    """Every row of a template in one column (``cells``): an amount (0 where blank) or kein Wert with its reason.

    As a mapping it holds the amounts a page prints: row → amount for every row that is neither blank nor
    kein Wert (``column["17"]``, ``column.items()``)."""

    cells: dict[str, Outcome]
    blank: frozenset[str]  # rows no stated cell reaches: printed blank, counted as 0
    filled: tuple[tuple[str, Outcome], ...] = ()  # the rows that are not blank, for adding up roll-ups
    printed: Mapping[str, tuple[Decimal, Decimal]] = field(default_factory=dict)  # row → (stated, its parts' sum)

    @classmethod
    def of(cls, cells: dict[str, Outcome], blank: set[str] | frozenset[str],
           printed: Mapping[str, tuple[Decimal, Decimal]] | None = None) -> PlanColumn:
        return cls(cells, frozenset(blank), tuple((n, v) for n, v in cells.items() if n not in blank),
                   printed or {})

    def parts_sum(self, number: str) -> Decimal | None:
        """What a sum row's parts add up to; None for kein Wert or a row the template lacks."""
        found = self.printed.get(number)
        return found[1] if found is not None else self.amount(number)

    def amount(self, number: str) -> Decimal | None:
        """The row's amount, 0 where blank; None for kein Wert or a row the template lacks."""
        value = self.cells.get(number)
        return value if isinstance(value, Decimal) else None

    def __getitem__(self, number: str) -> Decimal:
        value = self.cells.get(number)
        if number in self.blank or not isinstance(value, Decimal):
            raise KeyError(number)
        return value

    def __iter__(self) -> Iterator[str]:
        return (number for number, value in self.filled if isinstance(value, Decimal))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def sum_tolerance(settings: Mapping[str, Any] | None) -> Decimal:
    """How far a stated sum may be from its parts (``summentoleranz`` in katalog.yaml, default 1 €)."""
    value = settings.get("summentoleranz") if settings is not None else None
    return Decimal(value) if isinstance(value, (int, Decimal)) and not isinstance(value, bool) else DEFAULT_TOLERANCE


def stated(by_year: Any, period: Period, name: str) -> Outcome:
    """A stated value of a Kennzahl or Ziel: a number, ``{wert: …}``, or kein Wert (``~``, missing, no number)."""
    if not isinstance(by_year, dict) or str(period.year) not in by_year:
        return NoValue(f"{name} hat für {period} keinen Wert.")
    value = by_year[str(period.year)]
    if isinstance(value, dict):
        value = value.get("wert")
    if value is None:
        return NoValue(f"{name} ist für {period} als unbekannt (~) angegeben.")
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return NoValue(f"{name} hat für {period} keinen Wert.")
    return Decimal(value)


def stated_cell(rows: dict[str, Any], number: str, period: Period, subject: str = "") -> Outcome | None:
    """A cell as the plan states it: its amount, kein Wert for ``~``, None where the plan leaves it out."""
    values = rows.get(number)
    by_year = values.get(period.wertart) if isinstance(values, dict) else None
    if not isinstance(by_year, dict) or str(period.year) not in by_year:
        return None
    return _amount(by_year[str(period.year)], period, number, subject)


def plan_column(template: RowTemplate, rows: dict[str, Any], period: Period, statement: str = "ergebnisplan",
                subject: str = "", as_printed: bool = False) -> PlanColumn:
    """One column of a product's plan, every row of its template, sums computed in template order.

    ``as_printed``: a stated sum stands as stated, so the sums below it add it as printed (for the check)."""
    wertart, year = period.wertart, str(period.year)
    cells = {number: by_year[year] for number, data in rows.items()
             if isinstance(data, dict) and isinstance(by_year := data.get(wertart), dict) and year in by_year}
    if not cells:
        where = f" von {subject}" if subject else ""
        missing = NoValue(f"Der {STATEMENT_NAMES.get(statement, 'Plan')}{where} nennt für {period} keinen Betrag "
                          "(Spalte nicht aufgestellt).")
        return PlanColumn.of(dict.fromkeys(template.by_number, missing), frozenset())
    values: dict[str, Outcome] = {}
    blank: set[str] = set()
    printed: dict[str, tuple[Decimal, Decimal]] = {}
    standing: list[str] = []  # stated sums none of whose parts is stated
    for row in template.in_order:
        number = row.number
        if row.parts and not blank.issuperset(row.parts):
            values[number] = total(values.get(part, ZERO) for part in row.parts)
            if number in cells:
                _beside(_amount(cells[number], period, number, subject), number, values, printed, as_printed)
        elif number in cells:
            values[number] = _amount(cells[number], period, number, subject)
            if row.parts:
                standing.append(number)
        else:
            blank.add(number)
            values[number] = ZERO
    for number in standing:
        _not_broken_down(template, number, period, subject, values, blank)
    return PlanColumn.of(values, blank, printed)


def _beside(stated_sum: Outcome, number: str, values: dict[str, Outcome], printed: dict[str, tuple[Decimal, Decimal]],
            as_printed: bool) -> None:
    """A stated sum that differs from the sum of its parts, kept beside it; in place of it ``as_printed``."""
    computed = values[number]
    if isinstance(stated_sum, Decimal) and isinstance(computed, Decimal) and stated_sum != computed:
        printed[number] = (stated_sum, computed)
        if as_printed:
            values[number] = stated_sum


def computed_sum(template: RowTemplate, rows: dict[str, Any], number: str, period: Period) -> Decimal | None:
    """The sum of a sum row's parts as the plan states them; None if the row is no sum, none of its parts is
    stated (the stated sum then stands for them) or a part is kein Wert. For callers that hold a source's rows,
    not a table (``imports``)."""
    spec = template.by_number.get(number)
    if spec is None or not spec.parts:
        return None
    column = plan_column(template, rows, period, as_printed=True)
    return None if column.blank.issuperset(spec.parts) else column.parts_sum(number)


def _amount(value: Any, period: Period, number: str, subject: str) -> Outcome:
    """A stated cell's amount; kein Wert for ``~`` or anything that is no number."""
    if type(value) is Decimal or type(value) is int:
        return Decimal(value)
    return stated({str(period.year): value}, period, f"Zeile {number} ({subject})" if subject else f"Zeile {number}")


def _not_broken_down(template: RowTemplate, number: str, period: Period, subject: str, values: dict[str, Outcome],
                     blank: set[str]) -> None:
    """The parts of a sum that stands as stated are in it, not 0: kein Wert, down to the detail rows."""
    where = f" ({subject})" if subject else ""
    pending = list(template.by_number[number].parts)
    while pending:
        part = pending.pop()
        if part in blank:
            blank.discard(part)
            values[part] = NoValue(f"Zeile {part}{where} ist für {period} nicht einzeln angegeben, nur in der "
                                   f"Summenzeile {number}.")
            pending.extend(template.by_number[part].parts)


def total(parts: Any) -> Outcome:
    """The sum of amounts; the first kein Wert among them (with its reason) if there is one."""
    amount = ZERO
    for part in parts:
        if isinstance(part, NoValue):
            return part
        amount = EXACT.add(amount, part)
    return amount
