"""Evaluate a formula's tree in ``Decimal`` for one period, never raising, never recursing.

A missing input gives ``NoValue`` with the reason ("kein Wert"), never 0. An
impossible operation (division by zero, overflow, a bad rounding place, a result
too large to show to the cent) gives ``NoValue`` marked as a problem, with the
offset in the formula, so the caller can report it as a finding while other years
are still computed. Arithmetic runs in a local decimal context at full precision;
rounding is for display only, except where a formula asks for it with ``runden``.

The tree is first flattened into a program in postfix order (``compile_formula``),
which a loop runs with a stack of values: a formula of a thousand terms, however
its tree leans, needs no deeper Python stack than one of two.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Protocol

from produktkatalog.model.formula import Binary, Call, Node, Number, Reference, Text, Unary
from produktkatalog.model.formula.parser import ROW_FUNCTIONS
from produktkatalog.model.values import NoValue, Outcome, Period

CONTEXT = decimal.Context(prec=34, Emax=999_999, Emin=-999_999,
                          traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow])
MAX_PLACES = 10
# A result must stay exact to MAX_PLACES places in CONTEXT's 34 digits: below 10^24.
MAX_DIGITS_BEFORE_POINT = CONTEXT.prec - MAX_PLACES
LIMIT = Decimal(10) ** MAX_DIGITS_BEFORE_POINT


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


class _Run:
    """The state of one evaluation: the values computed so far and the period of each ``vorjahr`` level."""

    __slots__ = ("inputs", "periods", "values")

    def __init__(self, period: Period, inputs: Inputs) -> None:
        self.values: list[Outcome] = []
        self.periods = [period]
        self.inputs = inputs


Step = Callable[[Any, _Run], None]
Program = tuple[tuple[Step, Any], ...]  # each step with what it needs: a number, a Reference, a node, …


def evaluate(node: Node, period: Period, inputs: Inputs) -> Outcome:
    with decimal.localcontext(CONTEXT):
        return run(compile_formula(node), period, inputs)


def evaluate_in_context(node: Node, period: Period, inputs: Inputs) -> Outcome:
    """``evaluate`` for a caller that has entered ``decimal.localcontext(CONTEXT)`` once for many formulas."""
    return run(compile_formula(node), period, inputs)


def run(program: Program, period: Period, inputs: Inputs) -> Outcome:
    """The value of a compiled formula in ``period``; the caller has entered ``decimal.localcontext(CONTEXT)``."""
    state = _Run(period, inputs)
    for step, payload in program:
        step(payload, state)
    result = state.values[-1]
    if isinstance(result, Decimal) and not result:
        return abs(result)  # 0 × -1 is -0: a zero has no sign
    if isinstance(result, Decimal) and abs(result) >= LIMIT:
        return NoValue(f"Das Ergebnis in {period} hat mehr als {MAX_DIGITS_BEFORE_POINT} Stellen vor dem Komma und "
                       "lässt sich nicht auf den Cent genau zeigen.", problem=True, offset=program[-1][1].offset)
    return result


def compile_formula(node: Node) -> Program:
    """The steps of ``node`` in postfix order: each step finds its operands on top of the value stack. The last
    step's payload is the root node (for the offset of a problem with the result)."""
    program: list[tuple[Step, Any]] = []
    pending: list[tuple[Node, Step | None]] = [(node, None)]
    while pending:
        current, finish = pending.pop()
        if finish is not None:
            program.append((finish, current))
        elif isinstance(current, Unary):
            pending += [(current, _negate if current.operator == "-" else _keep), (current.operand, None)]
        elif isinstance(current, Binary):
            pending += [(current, _binary), (current.right, None), (current.left, None)]
        elif isinstance(current, Call) and current.function == "vorjahr":
            program.append((_shift, current))
            pending += [(current, _unshift), (current.arguments[0], None)]
        elif isinstance(current, Call) and current.function in _FUNCTIONS:
            pending.append((current, _call))
            pending.extend((argument, None) for argument in reversed(current.arguments))
        else:
            program.append(_leaf(current))
    return tuple(program)


def _leaf(node: Node) -> tuple[Step, Any]:
    if isinstance(node, Number):
        return _push, node
    if isinstance(node, Reference):
        return _reference, node
    if isinstance(node, Call) and node.function in ROW_FUNCTIONS:
        texts = [argument.value for argument in node.arguments if isinstance(argument, Text)]  # the parser ensures
        statement = "finanzplan" if node.function == "finanzzeile" else "ergebnisplan"
        return _row, _RowCall(statement, texts[0], texts[1] if len(texts) > 1 else None, node.offset)
    if isinstance(node, Call):  # the check stage names it; here it only has no value
        return _fixed, NoValue(f"Die Funktion „{node.function}“ gibt es nicht.", problem=True, offset=node.offset)
    assert isinstance(node, Text)
    return _fixed, NoValue(f"Text „{node.value}“ ist kein Wert.", problem=True, offset=node.offset)


@dataclass(frozen=True, slots=True)
class _RowCall:
    statement: str
    name: str
    level: str | None
    offset: int


def _push(node: Number, state: _Run) -> None:
    state.values.append(node.value)


def _fixed(value: NoValue, state: _Run) -> None:
    state.values.append(value)


def _reference(node: Reference, state: _Run) -> None:
    state.values.append(state.inputs.figure(node, state.periods[-1]))


def _row(call: _RowCall, state: _Run) -> None:
    outcome = state.inputs.row(call.statement, call.name, call.level, state.periods[-1])
    if isinstance(outcome, NoValue) and outcome.problem and outcome.offset is None:
        outcome = NoValue(outcome.reason, problem=True, offset=call.offset)
    state.values.append(outcome)


def _negate(node: Unary, state: _Run) -> None:
    operand = state.values[-1]
    if isinstance(operand, Decimal):
        state.values[-1] = -operand


def _keep(node: Unary, state: _Run) -> None:
    """Unary plus: the operand as it is."""


def _shift(node: Call, state: _Run) -> None:
    state.periods.append(state.inputs.previous(state.periods[-1]))


def _unshift(node: Call, state: _Run) -> None:
    state.periods.pop()


def _binary(node: Binary, state: _Run) -> None:
    values = state.values
    right = values.pop()
    left = values[-1]
    if isinstance(left, NoValue):
        return
    if isinstance(right, NoValue):
        values[-1] = right
        return
    operator = node.operator
    try:
        if operator == "+":
            values[-1] = left + right
        elif operator == "-":
            values[-1] = left - right
        elif operator == "*":
            values[-1] = left * right
        elif right:
            values[-1] = left / right
        else:
            values[-1] = NoValue(f"Division durch 0 in {state.periods[-1]}.", problem=True, offset=node.offset)
    except (decimal.Overflow, decimal.InvalidOperation):
        values[-1] = _too_large(node, state.periods[-1])


def _call(node: Call, state: _Run) -> None:
    values = state.values
    count = len(node.arguments)
    arguments = values[-count:]
    del values[-count:]
    for value in arguments:
        if isinstance(value, NoValue):
            values.append(value)
            return
    values.append(_FUNCTIONS[node.function](node, state.periods[-1], arguments))


def _guarded(node: Node, period: Period, compute: Callable[[list[Decimal]], Decimal],
             values: Sequence[Outcome]) -> Outcome:
    try:
        return compute([value for value in values if isinstance(value, Decimal)])
    except (decimal.Overflow, decimal.InvalidOperation):
        return _too_large(node, period)


def _too_large(node: Node, period: Period) -> NoValue:
    return NoValue(f"Das Ergebnis in {period} ist zu groß zum Rechnen.", problem=True, offset=node.offset)


def _aggregate(combine: Callable[[list[Decimal]], Decimal]) -> _Function:
    def apply(call: Call, period: Period, values: Sequence[Outcome]) -> Outcome:
        return _guarded(call, period, combine, values)
    return apply


def _round(call: Call, period: Period, values: Sequence[Outcome]) -> Outcome:
    places = values[1] if len(values) > 1 else Decimal(0)
    assert isinstance(places, Decimal)
    if places != places.to_integral_value() or not 0 <= places <= MAX_PLACES:
        return NoValue(f"runden() rundet auf 0 bis {MAX_PLACES} Stellen, nicht auf {places}.", problem=True,
                       offset=call.offset)
    quantum = Decimal(1).scaleb(-int(places))
    return _guarded(call, period, lambda v: v[0].quantize(quantum, ROUND_HALF_UP), values[:1])


def _divide_safely(call: Call, period: Period, values: Sequence[Outcome]) -> Outcome:
    if values[1] == 0:
        return NoValue(f"teile(): der Nenner ist in {period} 0.")
    return _guarded(call, period, lambda v: v[0] / v[1], values)


_Function = Callable[[Call, Period, Sequence[Outcome]], Outcome]
_FUNCTIONS: dict[str, _Function] = {
    "summe": _aggregate(lambda values: sum(values, Decimal(0))),
    "min": _aggregate(min),
    "max": _aggregate(max),
    "abs": _aggregate(lambda values: abs(values[0])),
    "runden": _round,
    "teile": _divide_safely,
}  # vorjahr is compiled as shift, argument, unshift; zeile and finanzzeile as a step of their own
