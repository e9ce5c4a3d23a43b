"""Rows of a Teilergebnis- or Teilfinanzplan: stated amounts, and sums computed from the row template.

A sum row is the sum of its parts, computed from the detail rows (stated sums of
parts are not trusted); a part that is not stated counts as 0, as in a printed
plan, but a sum none of whose parts is stated has no value of its own making and
falls back to what the plan states.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from produktkatalog.model.row_templates import Row, RowTemplate
from produktkatalog.model.values import NoValue, Outcome, Period


def stated(by_year: Any, period: Period, name: str) -> Outcome:
    """A stated value: a number, ``{wert: …}``, or kein Wert (blank, missing, not a number)."""
    value = by_year.get(str(period.year)) if isinstance(by_year, dict) else None
    if isinstance(value, dict):
        value = value.get("wert")
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return NoValue(f"{name} hat für {period} keinen Wert.")
    return Decimal(value)


def row_value(template: RowTemplate | None, rows: dict[str, Any], number: str, period: Period) -> Outcome:
    computed = computed_sum(template, rows, number, period)
    if computed is not None:
        return computed
    return stated_row(rows, number, period)


def stated_row(rows: dict[str, Any], number: str, period: Period) -> Outcome:
    values = rows.get(number)
    return stated(values.get(period.wertart) if isinstance(values, dict) else None, period, f"Zeile {number}")


def computed_sum(template: RowTemplate | None, rows: dict[str, Any], number: str, period: Period) -> Decimal | None:
    """The sum of a sum row's parts, or None if the row is no sum or none of its parts has a value."""
    spec = template.by_number.get(number) if template else None
    return sum_of_parts(spec, lambda part: row_value(template, rows, part, period))


def sum_of_parts(spec: Row | None, value: Callable[[str], Outcome]) -> Decimal | None:
    if spec is None or not spec.parts:
        return None
    present = [amount for part in spec.parts if isinstance(amount := value(part), Decimal)]
    return sum(present, Decimal(0)) if present else None
