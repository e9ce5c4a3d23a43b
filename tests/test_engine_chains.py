"""Long chains of Kennzahlen, each reading the next (some a year back): computed without Python recursion and equal
to a reference computed column by column from the chain's end. The catalogues are built in memory."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from produktkatalog.compute import CONTEXT, compute_catalogue
from produktkatalog.compute.evaluate import LIMIT
from produktkatalog.model.types import Catalogue, Column, Kennzahl, Settings
from produktkatalog.model.values import NoValue, Period
from shallow import shallow

COLUMNS = [Column("ergebnis", "2024"), Column("ansatz", "2025"), Column("planung", "2026")]
PERIODS = [Period(c.wertart, int(c.year)) for c in COLUMNS]
Link = tuple[str, int, bool]  # operator, digit, read the next Kennzahl a year back


def chain(links: list[Link], base: list[int]) -> Catalogue:
    figures = [Kennzahl("basis.yaml", {"id": "basis", "art": "grundzahl", "werte": {
        column.wertart: {column.year: value} for column, value in zip(COLUMNS, base, strict=True)}}, "p")]
    for position, (operator, digit, back) in enumerate(links):
        following = f"k{position + 1}" if position < len(links) - 1 else "basis"
        read = f"vorjahr({following})" if back else following
        figures.append(Kennzahl(f"k{position}.yaml", {"id": f"k{position}", "art": "kennzahl",
                                                      "formel": f"{read} {operator} {digit}"}, "p"))
    return Catalogue("katalog", Settings("katalog.yaml", {}, COLUMNS), kennzahlen=figures)


def reference(links: list[Link], base: list[int]) -> list[list[Decimal | None]]:
    """Values per Kennzahl and column, from the end of the chain to its start."""
    following: list[Decimal | None] = [Decimal(value) for value in base]
    found = []
    with decimal.localcontext(CONTEXT):
        for operator, digit, back in reversed(links):
            current: list[Decimal | None] = []
            for column in range(len(COLUMNS)):
                source = column - 1 if back else column
                value = following[source] if source >= 0 else None
                if value is not None:
                    value = {"+": value + digit, "-": value - digit, "*": value * digit, "/": value / digit}[operator]
                    value = None if abs(value) >= LIMIT else value if value else abs(value)  # no -0
                current.append(value)
            found.append(current)
            following = current
    return list(reversed(found))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("+-*/"), st.integers(1, 9), st.sampled_from([False] * 9 + [True])),
                min_size=100, max_size=600),
       st.lists(st.integers(-10**6, 10**6), min_size=3, max_size=3))
def test_long_chains_agree_with_a_reference(links: list[Link], base: list[int]) -> None:
    catalogue = chain(links, base)
    computation = shallow(lambda: compute_catalogue(catalogue), frames=400)  # a recursive engine needs thousands
    expected = reference(links, base)
    by_ident = {figure.ident: figure for figure in catalogue.kennzahlen}
    for position in (0, len(links) // 2, len(links) - 1):
        values = computation.of(by_ident[f"k{position}"])
        for period, value in zip(PERIODS, expected[position], strict=True):
            computed = values[period]
            assert computed == value if value is not None else isinstance(computed, NoValue), (position, period)


@pytest.mark.slow
def test_a_chain_of_twenty_thousand_kennzahlen() -> None:
    catalogue = chain([("+", 1, False)] * 20_000, [1, 2, 3])
    computation = compute_catalogue(catalogue)
    assert [computation.of(catalogue.kennzahlen[1])[period] for period in PERIODS] == [20_001, 20_002, 20_003]
