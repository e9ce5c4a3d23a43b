"""German number formats, and the display rounding rule.

Computation keeps full precision; rounding happens here, for display only,
kaufmännisch (half up), to

- the Kennzahl's ``nachkommastellen`` where it states them;
- else 2 places for amounts in EUR (also "EUR je Einwohner") and 1 place for %;
- else as many places as the value has, at most 2 (4,5 Stellen stay 4,5).
"""

from __future__ import annotations

import decimal
import functools
from decimal import ROUND_HALF_UP, Decimal

from babel import Locale
from babel.numbers import NumberPattern, parse_pattern

from produktkatalog.wording.units import is_money

LOCALE = "de_DE"
_NBSP = "\u00a0"


def places_for(unit: str | None, stated: object, value: Decimal) -> int:
    if isinstance(stated, int) and not isinstance(stated, bool) and 0 <= stated <= 10:
        return stated
    if is_money(unit):
        return 2
    if unit == "%":
        return 1
    exponent = value.as_tuple().exponent
    return min(max(-exponent, 0), 2) if isinstance(exponent, int) else 2


def rounded(value: Decimal, places: int) -> Decimal:
    """``value`` to ``places`` places, half up, in a context just wide enough for it: never the caller's (whose
    precision may be too small for a large value), never an exception for a finite value. A value that rounds to
    zero is 0, never -0 („-0,0 %“ would claim a direction)."""
    digits = max(value.adjusted(), 0) + places + 2
    result = value.quantize(_quantum(places), ROUND_HALF_UP, context=_context(max(digits, _MIN_PRECISION)))
    return abs(result) if result.is_zero() else result


_MIN_PRECISION = 34


@functools.lru_cache(maxsize=64)
def _context(precision: int) -> decimal.Context:
    return decimal.Context(prec=precision, rounding=ROUND_HALF_UP, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)


def unsigned_zero(value: Decimal) -> Decimal:
    """``value``, with -0 (from 0 × -1 or 0 ÷ -x) written as 0: for full-precision output (CSV, JSON)."""
    return abs(value) if value.is_zero() else value


@functools.cache
def _quantum(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


def number(value: Decimal, places: int) -> str:
    """``1234567.891`` with 2 places → ``1.234.567,89``.

    Python's own grouping with the locale's symbols from Babel: the same text as
    ``babel_number`` (a test holds them equal), a tenth of the time, which counts
    when a site shows a quarter of a million figures.
    """
    return format(rounded(value, places), ",f").translate(_symbols())


def babel_number(value: Decimal, places: int) -> str:
    """The reference: Babel's pattern ``#,##0.00`` for the locale."""
    shown = rounded(value, places)
    with decimal.localcontext(_context(max(len(shown.as_tuple().digits) + 2, _MIN_PRECISION))):
        return str(_pattern(places).apply(shown, _locale(), decimal_quantization=False))


@functools.cache
def _symbols() -> dict[int, str]:
    symbols = _locale().number_symbols["latn"]
    return str.maketrans({",": symbols["group"], ".": symbols["decimal"], "-": symbols["minusSign"]})


@functools.cache
def _pattern(places: int) -> NumberPattern:
    return parse_pattern("#,##0" + ("." + "0" * places if places else ""))


@functools.cache
def _locale() -> Locale:
    return Locale.parse(LOCALE)


def with_unit(value: Decimal, unit: str | None, places: int) -> str:
    """Amounts with € (also „EUR je Einwohner“), shares with %, other units stay in their own column."""
    text = number(value, places)
    if unit in ("EUR", "€", "Euro") or (unit or "").startswith(("EUR ", "€ ", "Euro ")):
        return f"{text}{_NBSP}€"
    if unit == "%":
        return f"{text}{_NBSP}%"
    return text


def euro(value: Decimal) -> str:
    return with_unit(value, "EUR", 2)
