"""Tokens of a formula, each with its offset in the formula text.

A reference is a Kennung (``anzahl_stellen``) or a Kennung qualified by the
number of a Leistung or Produkt (``11112.anzahl_stellen``); a name followed by
``(`` is a function call.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

FUNCTIONS = frozenset({"summe", "min", "max", "runden", "abs", "vorjahr", "teile", "zeile"})
MAX_FORMULA_LENGTH = 2000
_NOT_DIGIT = re.compile(r"\D")

_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<qualified>[0-9]+(?:[ .][0-9]+)*\.[a-z][a-z0-9_]*)
      | (?P<number>[0-9]+(?:\.[0-9]+)?)
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<string>"[^"\n]*")
      | (?P<operator>[-+*/(),])
      | (?P<invalid>.)""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    text: str
    offset: int


@dataclass(frozen=True, slots=True)
class Reference:
    qualifier: str | None  # digits of a Leistung or Produkt number
    name: str
    offset: int

    @property
    def text(self) -> str:
        return f"{self.qualifier}.{self.name}" if self.qualifier else self.name


class TokenError(ValueError):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


@functools.lru_cache(maxsize=8192)
def tokenize(formula: str) -> tuple[Token, ...]:
    """Tokens of ``formula``; catalogues repeat formulas across products, so results are memoized."""
    if len(formula) > MAX_FORMULA_LENGTH:
        raise TokenError(f"Die Formel ist länger als {MAX_FORMULA_LENGTH} Zeichen.", 0)
    tokens = []
    for match in _TOKEN.finditer(formula):
        kind = match.lastgroup or ""
        if kind == "invalid":
            raise TokenError(f"Das Zeichen „{match.group()}“ ist in Formeln nicht erlaubt.", match.start())
        if kind != "space":
            tokens.append(Token(kind, match.group(), match.start()))
    return tuple(tokens)


def references(tokens: tuple[Token, ...]) -> list[Reference]:
    """Kennzahl references; names directly before ``(`` are functions, not references."""
    found = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1].text if index + 1 < len(tokens) else ""
        if token.kind == "name" and following != "(":
            found.append(Reference(None, token.text, token.offset))
        elif token.kind == "qualified":
            number, _, name = token.text.rpartition(".")
            found.append(Reference(_NOT_DIGIT.sub("", number), name, token.offset))
    return found
