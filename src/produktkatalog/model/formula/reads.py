"""What a parsed formula reads: the one statement of which Kennzahlen, rows and roll-ups it uses."""

from __future__ import annotations

from produktkatalog.model.formula.parser import ROW_FUNCTIONS, Call, Node, Reference, Text, parse, walk
from produktkatalog.model.formula.tokens import TokenError


def row_calls(tree: Node) -> list[Call]:
    """The calls of ``zeile`` and ``finanzzeile``."""
    return [node for node in walk(tree) if isinstance(node, Call) and node.function in ROW_FUNCTIONS]


def rollup_levels(tree: Node) -> set[str]:
    """The levels whose roll-up the formula reads: the second argument of a row call (``zeile("17", "gesamt")``)."""
    return {call.arguments[1].value for call in row_calls(tree)
            if len(call.arguments) > 1 and isinstance(call.arguments[1], Text)}


def qualified(tree: Node) -> list[Reference]:
    """The Kennzahlen named with the number of another product or Leistung (``02010101.anzahl``)."""
    return [node for node in walk(tree) if isinstance(node, Reference) and node.qualifier is not None]


def named_reference(text: object) -> Reference | None:
    """The Kennzahl a Ziel names, read as a formula would read it; None for anything that is no plain name."""
    try:
        reference = parse(text) if isinstance(text, str) else None
    except TokenError:
        return None
    return reference if isinstance(reference, Reference) else None
