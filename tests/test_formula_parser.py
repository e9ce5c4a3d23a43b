"""The formula parser: precedence, error offsets, and properties over random input."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from produktkatalog.model.formula import ARITY, Binary, Number, ParseError, Reference, Text, TokenError, Unary, parse


def shape(node: Any) -> Any:
    """The tree without offsets, for comparison."""
    if isinstance(node, Number):
        return node.value
    if isinstance(node, Text):
        return ("text", node.value)
    if isinstance(node, Reference):
        return node.text
    if isinstance(node, Unary):
        return (node.operator, shape(node.operand))
    if isinstance(node, Binary):
        return (node.operator, shape(node.left), shape(node.right))
    return (node.function, *[shape(argument) for argument in node.arguments])


@pytest.mark.parametrize(("formula", "expected"), [
    ("1 + 2 * 3", ("+", Decimal(1), ("*", Decimal(2), Decimal(3)))),
    ("(1 + 2) * 3", ("*", ("+", Decimal(1), Decimal(2)), Decimal(3))),
    ("a - b - c", ("-", ("-", "a", "b"), "c")),
    ("a / b / c", ("/", ("/", "a", "b"), "c")),
    ("-a * b", ("*", ("-", "a"), "b")),
    ("--a", ("-", ("-", "a"))),
    ('teile(-zeile("17"), anzahl_faelle)', ("teile", ("-", ("zeile", ("text", "17"))), "anzahl_faelle")),
    ("11112.anzahl_stellen * 1000 / einwohner", ("/", ("*", "11112.anzahl_stellen", Decimal(1000)), "einwohner")),
    ("01.10.01.kosten + 0.5", ("+", "011001.kosten", Decimal("0.5"))),
    ("summe(a, b, c)", ("summe", "a", "b", "c")),
    ("runden(a / 3, 2)", ("runden", ("/", "a", Decimal(3)), Decimal(2))),
])
def test_precedence_and_shapes(formula: str, expected: Any) -> None:
    assert shape(parse(formula)) == expected


@pytest.mark.parametrize(("formula", "offset", "words"), [
    ("", 0, "leer"),
    ("teile(anzahl_faelle", 5, "nicht geschlossen"),
    ("(a + b", 0, "nicht geschlossen"),
    ("a a", 2, "unerwartet"),
    ("a +", 3, "endet"),
    ("a + * b", 4, "nicht „*“"),
    ("summe()", 0, "mindestens 1"),
    ("teile(a)", 0, "2 Angabe"),
    ('a + "17"', 4, "nur in zeile"),
    ('teile("1", a)', 6, "keinen Text"),
    ("summe(a, )", 9, "nicht „)“"),
    ("a ^ 2", 2, "nicht erlaubt"),
    ("(" * 60 + "a" + ")" * 60, 40, "verschachtelt"),
])
def test_errors_point_into_the_formula(formula: str, offset: int, words: str) -> None:
    with pytest.raises(TokenError) as caught:
        parse(formula)
    assert caught.value.offset == offset
    assert words in caught.value.message


names = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True).filter(lambda n: n not in ARITY)
numbers = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)


def trees() -> st.SearchStrategy[tuple[str, Any]]:
    """(formula text, expected shape), built together so the text is unambiguous."""
    leaves = numbers.map(lambda d: (str(d), d)) | names.map(lambda n: (n, n))

    def extend(inner: st.SearchStrategy[tuple[str, Any]]) -> st.SearchStrategy[tuple[str, Any]]:
        binary = st.tuples(inner, st.sampled_from("+-*/"), inner).map(
            lambda t: (f"({t[0][0]} {t[1]} {t[2][0]})", (t[1], t[0][1], t[2][1])))
        negated = inner.map(lambda t: (f"-({t[0]})", ("-", t[1])))
        called = st.tuples(st.sampled_from(["summe", "min", "max"]), st.lists(inner, min_size=1, max_size=3)).map(
            lambda t: (f"{t[0]}({', '.join(a[0] for a in t[1])})", (t[0], *[a[1] for a in t[1]])))
        return binary | negated | called

    return st.recursive(leaves, extend, max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(trees())
def test_random_formulas_parse_to_their_tree(case: tuple[str, Any]) -> None:
    text, expected = case
    assert shape(parse(text)) == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet='abz019_.,()+-*/" ^%é\n', max_size=40))
def test_garbage_never_raises_anything_but_a_formula_error(text: str) -> None:
    try:
        parse(text)
    except TokenError as error:
        assert 0 <= error.offset <= len(text)
        assert isinstance(error, (TokenError, ParseError))
