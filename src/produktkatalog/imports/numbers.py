"""Amounts as sources write them, read by one rule per file (``zahlen: format`` of the mapping):

- ``deutsch``: ``1.234.567,89``, ``1234567,89``, ``1.234`` (= 1234: thousands dots without decimals);
- ``punkt``: ``1234567.89``, ``1.234`` (= 1,234).

Both accept a leading or trailing minus (``-1.234``, ``1.762.470-``), blanks and non-breaking spaces, and
``(1.234)`` for −1234 where the mapping allows it. Empty cells, ``-`` and ``–`` mean "kein Wert". Anything else
is not an amount: the caller reports it (I308), katalog never guesses per cell. Spreadsheet numbers arrive as
floats and are taken by their shortest decimal form (1393780.85, not 1393780.8500000001).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

NO_VALUE = ("", "-", "–", "—")
_GERMAN = re.compile(r"^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")
_POINT = re.compile(r"^\d+(?:\.\d+)?$")
_BLANKS = str.maketrans("", "", " \u00a0\u202f\t")
_MAX_DIGITS = 30


class NotAnAmount(ValueError):
    """The cell holds text or a number in another format than the file's rule."""


def amount(cell: object, style: str, parentheses: bool = False) -> Decimal | None:
    """The amount in ``cell``; None for kein Wert; raises ``NotAnAmount``."""
    if isinstance(cell, bool):
        raise NotAnAmount(str(cell))
    if isinstance(cell, int):
        return Decimal(cell)
    if isinstance(cell, float):
        if cell != cell or not abs(cell) < 1e15:  # NaN, infinities, and nothing a budget holds
            raise NotAnAmount(str(cell))
        value = Decimal(repr(cell))
        return value.quantize(Decimal(1)) if value == value.to_integral_value() else value
    if not isinstance(cell, str):
        raise NotAnAmount(str(cell))
    text = cell.translate(_BLANKS)
    if text in NO_VALUE:
        return None
    negative = False
    if parentheses and text.startswith("(") and text.endswith(")"):
        text, negative = text[1:-1], True
    if text.startswith("-") or text.endswith("-"):
        text, negative = text.strip("-"), not negative
    elif text.startswith("+"):
        text = text[1:]
    pattern = _GERMAN if style == "deutsch" else _POINT
    if not pattern.match(text) or len(text) > _MAX_DIGITS:
        raise NotAnAmount(cell)
    plain = text.replace(".", "").replace(",", ".") if style == "deutsch" else text
    try:
        value = Decimal(plain)
    except InvalidOperation:  # the patterns above make this unreachable; kept as a guard
        raise NotAnAmount(cell) from None
    return -value if negative else value
