"""A recursive-descent parser for formulas: text → AST, never Python's ``eval``.

Grammar (lowest precedence first)::

    expression := term (("+" | "-") term)*
    term       := unary (("*" | "/") unary)*
    unary      := ("-" | "+") unary | primary
    primary    := number | reference | call | "(" expression ")"
    call       := name "(" [argument ("," argument)*] ")"
    argument   := expression | string        (strings only where a function takes a row number)

Every node keeps the offset of its first character, so a finding can point into the formula.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from produktkatalog.model.formula.tokens import Token, TokenError, tokenize
from produktkatalog.model.numbering import canonical

MAX_DEPTH = 40

# function → (fewest, most arguments; None: any number), and which argument positions are row numbers
ARITY: dict[str, tuple[int, int | None]] = {
    "summe": (1, None), "min": (1, None), "max": (1, None), "runden": (1, 2), "abs": (1, 1),
    "vorjahr": (1, 1), "teile": (2, 2), "zeile": (1, 2), "finanzzeile": (1, 2),
}
TEXT_ARGUMENTS = {"zeile": {0, 1}, "finanzzeile": {0, 1}}
ROW_FUNCTIONS = frozenset({"zeile", "finanzzeile"})  # every argument is text: a row, then a level
PLAN_LEVELS = ("produkt", "produktgruppe", "produktbereich", "gesamt")


@dataclass(frozen=True, slots=True)
class Number:
    value: Decimal
    offset: int


@dataclass(frozen=True, slots=True)
class Text:
    value: str
    offset: int


@dataclass(frozen=True, slots=True)
class Reference:
    qualifier: str | None  # digits of a Leistung or Produkt number
    name: str
    offset: int

    @property
    def text(self) -> str:
        return f"{self.qualifier}.{self.name}" if self.qualifier else self.name


@dataclass(frozen=True, slots=True)
class Unary:
    operator: str
    operand: Node
    offset: int


@dataclass(frozen=True, slots=True)
class Binary:
    operator: str
    left: Node
    right: Node
    offset: int


@dataclass(frozen=True, slots=True)
class Call:
    function: str
    arguments: tuple[Node, ...]
    offset: int


Node = Number | Text | Reference | Unary | Binary | Call
_Step = Callable[[int], Node]


class ParseError(TokenError):
    """What is wrong, in German, and where in the formula (offset)."""


@functools.lru_cache(maxsize=8192)
def parse(formula: str) -> Node:
    """The AST of ``formula``, or raises ``TokenError``/``ParseError`` with an offset; memoized (ASTs are immutable)."""
    parser = _Parser(tokenize(formula), len(formula))
    if not parser.tokens:
        raise ParseError("Die Formel ist leer.", 0)
    node = parser.expression(0)
    if parser.position < len(parser.tokens):
        token = parser.tokens[parser.position]
        raise ParseError(f"Nach einem vollständigen Ausdruck folgt unerwartet „{token.text}“.", token.offset)
    return node


def walk(node: Node) -> list[Node]:
    """Every node of the tree, in reading order (a node before its parts)."""
    found: list[Node] = []
    waiting = [node]
    while waiting:
        current = waiting.pop()
        found.append(current)
        if isinstance(current, Unary):
            waiting.append(current.operand)
        elif isinstance(current, Binary):
            waiting.extend((current.right, current.left))
        elif isinstance(current, Call):
            waiting.extend(reversed(current.arguments))
    return found


def references(node: Node) -> list[Reference]:
    """Every Kennzahl the formula names, in reading order."""
    return [part for part in walk(node) if isinstance(part, Reference)]


class _Parser:
    def __init__(self, tokens: tuple[Token, ...], length: int) -> None:
        self.tokens = tokens
        self.length = length
        self.position = 0

    def peek(self) -> Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> Token:
        token = self.peek()
        if token is None:
            raise ParseError("Die Formel endet mitten in einem Ausdruck.", self.length)
        self.position += 1
        return token

    def expression(self, depth: int) -> Node:
        return self._chain(depth, ("+", "-"), self.term)

    def term(self, depth: int) -> Node:
        return self._chain(depth, ("*", "/"), self.unary)

    def _chain(self, depth: int, operators: tuple[str, ...], operand: _Step) -> Node:
        node = operand(depth)
        while (token := self.peek()) is not None and token.text in operators:
            self.position += 1
            node = Binary(token.text, node, operand(depth), token.offset)
        return node

    def unary(self, depth: int) -> Node:
        token = self.peek()
        if token is not None and token.text in ("-", "+"):
            self.position += 1
            return Unary(token.text, self._deeper(depth, token, self.unary), token.offset)
        return self.primary(depth)

    def primary(self, depth: int) -> Node:
        token = self.take()
        if token.category == "number":
            return Number(Decimal(token.text), token.offset)
        if token.category == "qualified":
            qualifier, _, name = token.text.rpartition(".")
            return Reference(canonical(qualifier), name, token.offset)
        if token.category == "name":
            if (following := self.peek()) is not None and following.text == "(":
                return self.call(token, depth)
            return Reference(None, token.text, token.offset)
        if token.text == "(":
            node = self._deeper(depth, token, self.expression)
            self._close(token)
            return node
        if token.category == "string":
            raise ParseError(f"Text in Anführungszeichen ({token.text}) steht nur in zeile(\"…\") und "
                             f"finanzzeile(\"…\").", token.offset)
        raise ParseError(f"An dieser Stelle erwartet die Formel eine Zahl, eine Kennung oder „(“, nicht "
                         f"„{token.text}“.", token.offset)

    def call(self, name: Token, depth: int) -> Node:
        opening = self.take()
        arguments: list[Node] = []
        if (token := self.peek()) is not None and token.text == ")":
            self.position += 1
        else:
            while True:
                arguments.append(self.argument(name, len(arguments), depth))
                separator = self.take() if self.peek() is not None else None
                if separator is None or separator.text not in (",", ")"):
                    self._unclosed(opening, separator)
                if separator is not None and separator.text == ")":
                    break
        _check_arity(name, len(arguments))
        return Call(name.text, tuple(arguments), name.offset)

    def argument(self, function: Token, index: int, depth: int) -> Node:
        token = self.peek()
        if token is not None and token.category == "string":
            if index not in TEXT_ARGUMENTS.get(function.text, set()):
                raise ParseError(f"{function.text}() erwartet hier keinen Text in Anführungszeichen.", token.offset)
            self.position += 1
            return _row_argument(function.text, index, Text(token.text[1:-1], token.offset))
        if function.text in ROW_FUNCTIONS:
            raise ParseError(f'{function.text}() erwartet eine Zeilennummer oder Rolle in Anführungszeichen, z. B. '
                             f'{function.text}("17") oder {function.text}("17", "produktgruppe").',
                             token.offset if token is not None else self.length)
        return self._deeper(depth, function, self.expression)

    def _deeper(self, depth: int, token: Token, step: _Step) -> Node:
        if depth >= MAX_DEPTH:
            raise ParseError(f"Die Formel ist tiefer als {MAX_DEPTH} Ebenen verschachtelt.", token.offset)
        return step(depth + 1)

    def _close(self, opening: Token) -> None:
        token = self.peek()
        if token is None or token.text != ")":
            self._unclosed(opening, token)
        self.position += 1

    def _unclosed(self, opening: Token, found: Token | None) -> None:
        if found is None:
            raise ParseError("Die Klammer wird nicht geschlossen.", opening.offset)
        raise ParseError(f"Hier fehlt „)“ oder „,“; gefunden wurde „{found.text}“.", found.offset)


def _row_argument(function: str, index: int, text: Text) -> Text:
    if function in ROW_FUNCTIONS and index == 1 and text.value not in PLAN_LEVELS:
        raise ParseError(f"{function}() kennt die Ebene „{text.value}“ nicht; möglich sind "
                         f"{', '.join(PLAN_LEVELS)}.", text.offset)
    return text


def _check_arity(name: Token, count: int) -> None:
    if name.text not in ARITY:
        return  # unknown functions are named by the reference check, with a suggestion
    fewest, most = ARITY[name.text]
    if count < fewest or (most is not None and count > most):
        expected = f"{fewest}" if fewest == most else (f"mindestens {fewest}" if most is None
                                                      else f"{fewest} bis {most}")
        raise ParseError(f"{name.text}() erwartet {expected} Angabe(n), bekommt {count}.", name.offset)
