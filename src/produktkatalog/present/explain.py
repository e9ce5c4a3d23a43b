"""How one figure was computed: its formula with the inputs of each year filled in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from produktkatalog.model import Kennzahl, canonical
from produktkatalog.model.formula import Binary, Call, Node, Reference, Unary
from produktkatalog.model.formula.parser import ROW_FUNCTIONS, Text
from produktkatalog.model.values import NoValue, Outcome, Period
from produktkatalog.present.figures import FigureLine, Listing, shown
from produktkatalog.wording.numbers import euro, number
from produktkatalog.wording.text import close_matches

_NAME = re.compile(r"(?:[0-9]+(?:[ .][0-9]+)*\.)?[A-Za-z_][A-Za-z0-9_]*")
Span = tuple[int, int, str]  # start, end, replacement


def matching(listing: Listing, wanted: str) -> list[tuple[Listing, FigureLine]]:
    """Lines of the Kennzahl ``KENNUNG`` or ``NR.KENNUNG`` (NR: product, Leistung or roll-up number, or the folder
    name of a product)."""
    qualifier, _, ident = wanted.rpartition(".")
    return [(listing, line) for line in listing.lines() if line.figure.ident == ident and (
        not qualifier or _qualifies(listing, line, qualifier))]


def _qualifies(listing: Listing, line: FigureLine, qualifier: str) -> bool:
    digits = canonical(qualifier)
    if digits and digits in (canonical(line.number), line.figure.leistung_key):
        return True
    product = listing.products.get(line.owner.key) if line.owner.level == "produkt" else None
    return product is not None and product.named_by(qualifier)


def near(listings: list[Listing], wanted: str, limit: int = 3) -> list[str]:
    """The handles (NR.KENNUNG) closest to a Kennzahl that does not exist, best first."""
    handles = {listing.handle(line) for listing in listings for line in listing.lines()}
    bare = {handle.rpartition(".")[2]: handle for handle in sorted(handles)}
    if "." in wanted:
        return close_matches(wanted, sorted(handles), limit)
    return [bare[ident] if ident in bare and sum(h.endswith("." + ident) or h == ident for h in handles) == 1
            else ident for ident in close_matches(wanted, sorted(bare), limit)]


def explain(listing: Listing, line: FigureLine) -> list[str]:
    figure = line.figure
    head = f"{figure.ident} – {figure.text('bezeichnung') or ''} ({line.label})"
    lines = [head, "=" * len(head)]
    formula = figure.text("formel")
    origin = "mitgelieferte Standardkennzahl" if figure.shipped else figure.file
    if formula is None:
        lines += [f"Grundzahl aus {origin}: Werte wie angegeben, ohne Formel."]
        lines += [f"{period}: {line.shown(period)}" for period in listing.periods]
        return lines
    lines += [f"Formel: {formula}", f"Definiert in: {origin}", ""]
    for period in listing.periods:
        lines += _period(listing, line, formula, period)
    return lines


def _period(listing: Listing, line: FigureLine, formula: str, period: Period) -> list[str]:
    if period.wertart == "ziel":
        return [f"{period}: {line.shown(period)} (Zielwert wie angegeben)"]
    outcome, seen = listing.computation.trace(line.figure, line.owner, period)
    tree = line.figure.tree
    if tree is None:
        return [f"{period}: kein Wert (die Formel ist fehlerhaft, siehe Befunde)"]
    spans = sorted(_spans(listing, line, formula, tree, period, seen))
    pieces, position = [], 0
    for start, end, text in spans:
        pieces += [formula[position:start], text]
        position = end
    filled = "".join(pieces) + formula[position:]
    return [f"{period}: {filled} = {_result(line, period, outcome)}"]


def _result(line: FigureLine, period: Period, outcome: Outcome) -> str:
    """The formula's value, and the stated one where it stands beside or in place of it."""
    if isinstance(outcome, Decimal):
        return line.shown_with_stated(period)
    written = line.stated(period)
    if written is not None and line.values.get(period) == written:
        return f"kein Wert ({_reason(outcome)}); es gilt der angegebene Wert {line.shown(period)}"
    return f"kein Wert ({_reason(outcome)})"


def _spans(listing: Listing, line: FigureLine, formula: str, tree: Node, period: Period,
           seen: dict[tuple[Any, ...], Outcome]) -> Iterator[Span]:
    """Where each input stands in the formula, and its value in ``period`` (vorjahr shifts the period); a list as
    stack, so a formula of a thousand terms is explained like one of two."""
    pending: list[tuple[Node, Period]] = [(tree, period)]
    while pending:
        node, when = pending.pop()
        if isinstance(node, Reference):
            value = seen.get((node, when))
            match = _NAME.match(formula, node.offset)
            if value is not None and match:
                yield node.offset, match.end(), _value(listing, line, node, value)
        elif isinstance(node, Call) and node.function in ROW_FUNCTIONS:
            texts = [argument.value for argument in node.arguments if isinstance(argument, Text)]
            statement = "finanzplan" if node.function == "finanzzeile" else "ergebnisplan"
            value = seen.get((statement, texts[0], texts[1] if len(texts) > 1 else None, when))
            if value is not None:
                yield node.offset, _call_end(formula, node.offset), _bracketed(value, euro)
        elif isinstance(node, Call):
            shifted = listing.computation.previous(when) if node.function == "vorjahr" else when
            pending.extend((argument, shifted) for argument in node.arguments)
        elif isinstance(node, Unary):
            pending.append((node.operand, when))
        elif isinstance(node, Binary):
            pending += [(node.left, when), (node.right, when)]


def _value(listing: Listing, line: FigureLine, reference: Reference, value: Outcome) -> str:
    scope = (line.figure.product_folder or (line.owner.key if line.owner.level == "produkt" else None),
             line.figure.leistung_key)
    target = listing.computation.index.resolve(reference, scope)
    if isinstance(target, Kennzahl):
        return _bracketed(value, lambda amount: shown(amount, target))
    return _bracketed(value, lambda amount: number(amount, 0))  # einwohner


def _bracketed(value: Outcome, format_value: Any) -> str:
    if isinstance(value, NoValue):
        return "[kein Wert]"
    text: str = format_value(value)
    return f"({text})" if value < 0 else text


def _call_end(formula: str, start: int) -> int:
    """The position after the call's closing parenthesis (texts in quotes may hold parentheses)."""
    depth, quoted = 0, False
    for position in range(start, len(formula)):
        char = formula[position]
        if char == '"':
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
        elif not quoted and char == ")":
            depth -= 1
            if depth == 0:
                return position + 1
    return len(formula)


def _reason(outcome: Outcome) -> str:
    return outcome.reason if isinstance(outcome, NoValue) else ""
