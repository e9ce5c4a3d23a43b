"""The evaluator: Decimal to the cent, 'kein Wert' with a reason instead of 0 or a crash."""

from __future__ import annotations

import decimal
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from produktkatalog.compute import CONTEXT, evaluate
from produktkatalog.model.formula import Reference, parse
from produktkatalog.model.formula.parser import MAX_DEPTH
from produktkatalog.model.values import NoValue, Outcome, Period
from shallow import shallow

ANSATZ_2026 = Period("ansatz", 2026)


@dataclass
class Table:
    """Figures by (name, year) and plan rows by (number, year), as a catalogue would give them."""

    figures: dict[tuple[str, int], Decimal] = field(default_factory=dict)
    rows: dict[tuple[str, int], Decimal] = field(default_factory=dict)

    def figure(self, reference: Reference, period: Period) -> Outcome:
        value = self.figures.get((reference.text, period.year))
        return NoValue(f"{reference.text} hat für {period} keinen Wert.") if value is None else value

    def previous(self, period: Period) -> Period:
        return period.previous()

    def row(self, kind: str, number: str, level: str | None, period: Period) -> Outcome:
        value = self.rows.get((number, period.year)) if (kind, level) == ("ergebnisplan", None) else None
        return NoValue(f"Zeile {number} hat für {period} keinen Wert.") if value is None else value


def run(formula: str, table: Table | None = None, period: Period = ANSATZ_2026) -> Outcome:
    return evaluate(parse(formula), period, table or Table())


@pytest.mark.parametrize(("formula", "expected"), [
    ("0.1 + 0.2", Decimal("0.3")),
    ("1 / 3 * 3", Decimal("0." + "9" * 34)),  # full precision inside; rounding is for display
    ("-(2 - 5) * 1.5", Decimal("4.5")),
    ("summe(1.10, 2.20, 3.30)", Decimal("6.60")),
    ("min(3, -1, 2) + max(3, -1, 2)", Decimal(2)),
    ("abs(-12.5)", Decimal("12.5")),
    ("runden(2.345, 2)", Decimal("2.35")),
    ("runden(-2.345, 2)", Decimal("-2.35")),
    ("runden(2.5)", Decimal(3)),
    ("teile(10, 4)", Decimal("2.5")),
])
def test_arithmetic_is_exact_decimal(formula: str, expected: Decimal) -> None:
    result = run(formula)
    assert isinstance(result, Decimal)
    assert result == expected
    assert str(result) == str(expected)


def test_names_rows_and_previous_year() -> None:
    table = Table(figures={("gesamtkosten", 2026): Decimal("1234567.89"), ("einwohner", 2026): Decimal(85000),
                           ("anzahl", 2025): Decimal(40), ("anzahl", 2026): Decimal(50)},
                  rows={("17", 2026): Decimal("-950000.00"), ("10", 2026): Decimal("260000.00")})
    with decimal.localcontext(CONTEXT):
        assert run("gesamtkosten * 1000 / einwohner", table) == Decimal("1234567.89") * 1000 / 85000
        assert run('teile(zeile("10") * 100, -zeile("17"))', table) == Decimal("26000000.00") / Decimal("950000.00")
    assert run("anzahl - vorjahr(anzahl)", table) == 10


def test_missing_input_is_no_value_with_reason_never_zero() -> None:
    result = run("gesamtkosten / einwohner + 1")
    assert isinstance(result, NoValue) and not result.problem
    assert result.reason == "gesamtkosten hat für Ansatz 2026 keinen Wert."
    assert isinstance(run("vorjahr(anzahl)", Table(figures={("anzahl", 2026): Decimal(1)})), NoValue)


def test_division_by_zero_is_a_problem_at_its_place() -> None:
    result = run("1 + anzahl / leer", Table(figures={("anzahl", 2026): Decimal(5), ("leer", 2026): Decimal(0)}))
    assert isinstance(result, NoValue) and result.problem
    assert (result.offset, result.reason) == (11, "Division durch 0 in Ansatz 2026.")


def test_safe_division_yields_no_value_without_problem() -> None:
    result = run("teile(5, 0)")
    assert isinstance(result, NoValue) and not result.problem


def test_overflow_and_bad_rounding_are_problems() -> None:
    table = Table(figures={("riesig", 2026): Decimal("1E+999990")})
    assert isinstance(overflow := run("riesig * riesig", table), NoValue) and overflow.problem
    assert isinstance(bad := run("runden(1.5, 0.5)"), NoValue) and bad.problem


# Independent reference: the same arithmetic written with Python's own operators on Decimal.
def _reference(tree: Any) -> Decimal | None:
    operator, *parts = tree if isinstance(tree, tuple) else (None, tree)
    if operator is None:
        return parts[0]
    values = [_reference(part) for part in parts]
    if any(value is None for value in values):
        return None
    try:
        with decimal.localcontext(CONTEXT):
            if operator == "neg":
                return -values[0]
            a, b = values
            return {"+": a + b, "-": a - b, "*": a * b}[operator] if operator != "/" else (a / b if b else None)
    except (decimal.Overflow, decimal.InvalidOperation):
        return None


def _text(tree: Any) -> str:
    if not isinstance(tree, tuple):
        return str(tree)
    if tree[0] == "neg":
        return f"-({_text(tree[1])})"
    return f"({_text(tree[1])} {tree[0]} {_text(tree[2])})"


numbers = st.decimals(min_value=-10**6, max_value=10**6, places=3, allow_nan=False, allow_infinity=False).map(abs)
trees = st.recursive(
    numbers,
    lambda inner: st.tuples(st.sampled_from("+-*/"), inner, inner) | st.tuples(st.just("neg"), inner),
    max_leaves=10,
)


@settings(max_examples=400, deadline=None)
@given(trees)
def test_random_expressions_agree_with_a_reference_computation(tree: Any) -> None:
    expected = _reference(tree)
    if expected is not None and abs(expected) >= Decimal(10) ** 24:  # not exact to the cent: a finding (README)
        expected = None
    result = run(_text(tree))
    if expected is None:
        assert isinstance(result, NoValue) and result.problem
    else:
        assert result == expected


# Long and deep formulas: a reference that needs no recursion, over the same Decimal context.
DIGITS = st.integers(min_value=1, max_value=9)
OPERATORS = st.sampled_from("+-*/")


def _flat(first: int, rest: list[tuple[str, int]]) -> Decimal:
    """``first op digit op digit …`` with * and / before + and -, left to right, as the parser groups it."""
    with decimal.localcontext(CONTEXT):
        terms: list[tuple[str, Decimal]] = [("+", Decimal(first))]
        for operator, digit in rest:
            if operator in "*/":
                sign, value = terms[-1]
                terms[-1] = (sign, value * digit if operator == "*" else value / digit)
            else:
                terms.append((operator, Decimal(digit)))
        total = Decimal(0)
        for sign, value in terms:
            total = total + value if sign == "+" else total - value
        return total


@settings(max_examples=20, deadline=None)
@given(DIGITS, st.lists(st.tuples(OPERATORS, DIGITS), min_size=200, max_size=999))
def test_long_flat_formulas_agree_with_a_reference(first: int, rest: list[tuple[str, int]]) -> None:
    formula = str(first) + "".join(f"{operator}{digit}" for operator, digit in rest)
    expected = _flat(first, rest)
    tree = parse(formula)  # the parser builds a chain without recursion; the evaluator must not recurse over it
    result = shallow(lambda: evaluate(tree, ANSATZ_2026, Table()), frames=60)
    if abs(expected) >= Decimal(10) ** 24:
        assert isinstance(result, NoValue) and result.problem
    else:
        assert result == expected


WRAPPERS = st.sampled_from(["({} + {})", "({} * {})", "-({} - {})", "summe({}, {})", "max({}, -{})", "abs({} - {})",
                            "teile({}, {})", "(vorjahr({}) + {})"])
LEVELS = {"-({} - {})": 2, "(vorjahr({}) + {})": 2, "max({}, -{})": 2}  # else one level


def _wrapped(wrapper: str, inner: Decimal, digit: int) -> Decimal:
    with decimal.localcontext(CONTEXT):
        return {"({} + {})": lambda: inner + digit, "({} * {})": lambda: inner * digit,
                "-({} - {})": lambda: -(inner - digit), "summe({}, {})": lambda: inner + digit,
                "max({}, -{})": lambda: max(inner, Decimal(-digit)), "abs({} - {})": lambda: abs(inner - digit),
                "teile({}, {})": lambda: inner / digit, "(vorjahr({}) + {})": lambda: inner + digit}[wrapper]()


@settings(max_examples=80, deadline=None)
@given(DIGITS, st.lists(st.tuples(WRAPPERS, DIGITS), min_size=20, max_size=40))
def test_deeply_nested_formulas_agree_with_a_reference(first: int, layers: list[tuple[str, int]]) -> None:
    """Up to the parser's limit of 40 levels of brackets and functions, built from the inside out."""
    formula, expected, depth = str(first), Decimal(first), 0
    for wrapper, digit in layers:
        depth += LEVELS.get(wrapper, 1)
        if depth > MAX_DEPTH:
            break
        formula = wrapper.format(formula, digit)
        expected = _wrapped(wrapper, expected, digit)
    tree = parse(formula)
    assert shallow(lambda: evaluate(tree, ANSATZ_2026, Table()), frames=60) == expected  # vorjahr(1) is 1 here
