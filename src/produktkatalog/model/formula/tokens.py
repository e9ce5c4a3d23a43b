"""Tokens of a formula, each with its offset in the formula text.

A Kennung may be qualified by the number of a Leistung or Produkt
(``11112.anzahl_stellen``); the parser decides what each token means.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

MAX_FORMULA_LENGTH = 2000

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
    category: str  # number, qualified, name, string, operator
    text: str
    offset: int


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
        category = match.lastgroup or ""
        if category == "invalid":
            raise TokenError(f"Das Zeichen „{match.group()}“ ist in Formeln nicht erlaubt.", match.start())
        if category != "space":
            tokens.append(Token(category, match.group(), match.start()))
    return tuple(tokens)
