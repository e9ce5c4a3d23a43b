"""Evaluate a formula's tree in ``Decimal`` for one period, never raising.

A missing input gives ``NoValue`` with the reason ("kein Wert"), never 0. An
impossible operation (division by zero, overflow, a bad rounding place) gives
``NoValue`` marked as a problem, with the offset in the formula, so the caller can
report it as a finding while other years are still computed. Arithmetic runs in
a local decimal context at full precision; rounding is for display only, except
where a formula asks for it with ``runden``.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from produktkatalog.model.formula import Binary, Call, Node, Number, Reference, Text, Unary
from produktkatalog.model.values import NoValue, Outcome, Period

CONTEXT = decimal.Context(prec=34, Emax=999_999, Emin=-999_999,
                          traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow])
MAX_PLACES = 10




class Inputs(Protocol):
    """Where a formula's names get their values."""

    def figure(self, reference: Reference, period: Period) -> Outcome: ...

    def row(self, statement: str, name: str, level: str | None, period: Period) -> Outcome:
        """A row (by number or role) of the owner's ``statement`` (ergebnisplan, finanzplan), or of its roll-up at
        ``level``."""
        ...

    def previous(self, period: Period) -> Period:
        """The column of the year before: Ansatz 2025's previous year is Ergebnis 2024 where that is a column."""
        ...


def evaluate(node: Node, period: Period, inputs: Inputs) -> Outcome:
    with decimal.localcontext(CONTEXT):
        return _value(node, period, inputs)


def evaluate_in_context(node: Node, period: Period, inputs: Inputs) -> Outcome:
    """``evaluate`` for a caller that has entered ``decimal.localcontext(CONTEXT)`` once for many formulas."""
    return _value(node, period, inputs)


def _value(node: Node, period: Period, inputs: Inputs) -> Outcome:
    if isinstance(node, Number):
        return node.value
    if isinstance(node, Reference):
        return inputs.figure(node, period)
    if isinstance(node, Unary):
        operand = _value(node.operand, period, inputs)
        return operand if isinstance(operand, NoValue) or node.operator == "+" else -operand
    if isinstance(node, Binary):
        return _binary(node, period, inputs)
    if isinstance(node, Call):
        function = _FUNCTIONS.get(node.function)
        if function is None:  # the check stage names it; here it only has no value
            return NoValue(f"Die Funktion „{node.function}“ gibt es nicht.", problem=True, offset=node.offset)
        return function(node, period, inputs)
    return NoValue(f"Text „{node.value}“ ist kein Wert.", problem=True, offset=node.offset)


def _binary(node: Binary, period: Period, inputs: Inputs) -> Outcome:
    left = _value(node.left, period, inputs)
    if isinstance(left, NoValue):
        return left
    right = _value(node.right, period, inputs)
    if isinstance(right, NoValue):
        return right
    if node.operator == "/" and right == 0:
        return NoValue(f"Division durch 0 in {period}.", problem=True, offset=node.offset)
    return _guarded(node, period, lambda: _OPERATORS[node.operator](left, right))


def _guarded(node: Node, period: Period, compute: Callable[[], Decimal]) -> Outcome:
    try:
        return compute()
    except (decimal.Overflow, decimal.InvalidOperation):
        return NoValue(f"Das Ergebnis in {period} ist zu groß zum Rechnen.", problem=True, offset=node.offset)


_OPERATORS: dict[str, Callable[[Decimal, Decimal], Decimal]] = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b,
}


def _arguments(call: Call, period: Period, inputs: Inputs) -> list[Decimal] | NoValue:
    values = []
    for argument in call.arguments:
        value = _value(argument, period, inputs)
        if isinstance(value, NoValue):
            return value
        values.append(value)
    return values


def _aggregate(combine: Callable[[list[Decimal]], Decimal]) -> _Function:
    def apply(call: Call, period: Period, inputs: Inputs) -> Outcome:
        values = _arguments(call, period, inputs)
        return values if isinstance(values, NoValue) else _guarded(call, period, lambda: combine(values))
    return apply


def _round(call: Call, period: Period, inputs: Inputs) -> Outcome:
    values = _arguments(call, period, inputs)
    if isinstance(values, NoValue):
        return values
    places = values[1] if len(values) > 1 else Decimal(0)
    if places != places.to_integral_value() or not 0 <= places <= MAX_PLACES:
        return NoValue(f"runden() rundet auf 0 bis {MAX_PLACES} Stellen, nicht auf {places}.", problem=True,
                       offset=call.offset)
    return _guarded(call, period, lambda: values[0].quantize(Decimal(1).scaleb(-int(places)), ROUND_HALF_UP))


def _divide_safely(call: Call, period: Period, inputs: Inputs) -> Outcome:
    values = _arguments(call, period, inputs)
    if isinstance(values, NoValue):
        return values
    if values[1] == 0:
        return NoValue(f"teile(): der Nenner ist in {period} 0.")
    return _guarded(call, period, lambda: values[0] / values[1])


def _previous_year(call: Call, period: Period, inputs: Inputs) -> Outcome:
    return _value(call.arguments[0], inputs.previous(period), inputs)


def _row(statement: str) -> _Function:
    def apply(call: Call, period: Period, inputs: Inputs) -> Outcome:
        texts = [argument.value for argument in call.arguments if isinstance(argument, Text)]  # the parser ensures
        outcome = inputs.row(statement, texts[0], texts[1] if len(texts) > 1 else None, period)
        if isinstance(outcome, NoValue) and outcome.problem and outcome.offset is None:
            return NoValue(outcome.reason, problem=True, offset=call.offset)
        return outcome
    return apply


_Function = Callable[[Call, Period, Inputs], Outcome]
_FUNCTIONS: dict[str, _Function] = {
    "summe": _aggregate(lambda values: sum(values, Decimal(0))),
    "min": _aggregate(min),
    "max": _aggregate(max),
    "abs": _aggregate(lambda values: abs(values[0])),
    "runden": _round,
    "teile": _divide_safely,
    "vorjahr": _previous_year,
    "zeile": _row("ergebnisplan"),
    "finanzzeile": _row("finanzplan"),
}
