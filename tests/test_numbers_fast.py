"""German number text: the fast formatter gives exactly Babel's text for the locale."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from produktkatalog.wording.numbers import babel_number, number


@settings(max_examples=2000, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**15, max_value=10**15, places=6),
       st.integers(0, 6))
def test_fast_number_equals_babel(value: Decimal, places: int) -> None:
    assert number(value, places) == babel_number(value, places)


def test_examples() -> None:
    assert number(Decimal("1234567.891"), 2) == "1.234.567,89"
    assert number(Decimal("-961395.925"), 2) == "-961.395,93"
    assert number(Decimal("0.05"), 1) == "0,1"
