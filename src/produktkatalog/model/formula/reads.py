"""What a parsed formula reads: the one statement of which Kennzahlen, rows and roll-ups it uses."""

from __future__ import annotations

from produktkatalog.model.formula.parser import ROW_FUNCTIONS, Binary, Call, Node, Reference, Text, Unary, parse, walk
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


def shifted_references(tree: Node) -> list[tuple[Reference, int]]:
    """Every Kennzahl the formula names, with how many years back it reads it (one per enclosing ``vorjahr``)."""
    found: list[tuple[Reference, int]] = []
    pending: list[tuple[Node, int]] = [(tree, 0)]
    while pending:
        node, shift = pending.pop()
        if isinstance(node, Reference):
            found.append((node, shift))
        elif isinstance(node, Unary):
            pending.append((node.operand, shift))
        elif isinstance(node, Binary):
            pending += [(node.right, shift), (node.left, shift)]
        elif isinstance(node, Call):
            inner = shift + 1 if node.function == "vorjahr" else shift
            pending.extend((argument, inner) for argument in reversed(node.arguments))
    return found
