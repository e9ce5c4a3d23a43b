"""A value in one column of the plan: the column (``Period``), and a number or "kein Wert" with its reason."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple


class Period(NamedTuple):
    """A column of the plan: its Wertart (ergebnis, ansatz, planung, ziel) and year.

    A named tuple rather than a dataclass: every computed value is looked up by (Kennzahl, owner, period), and a
    tuple hashes and compares in C."""

    wertart: str
    year: int

    def previous(self) -> Period:
        return Period(self.wertart, self.year - 1)

    def __str__(self) -> str:
        return f"{self.wertart.capitalize()} {self.year}"


@dataclass(frozen=True, slots=True)
class NoValue:
    """'kein Wert': why, and whether it is a mistake in the catalogue (then ``offset`` points into the formula)."""

    reason: str
    problem: bool = False
    offset: int | None = None


Outcome = Decimal | NoValue
