"""What a Kennzahl's unit says about how its values are written: money has two decimals, counts none."""

from __future__ import annotations

# Units of whole things; "Personen je Gerät" or "Einwohner je km²" are ratios and may have decimals.
_COUNTS = frozenset({"anzahl", "personen", "fälle", "kinder", "einwohner", "stück", "plätze"})


def is_money(unit: str | None) -> bool:
    """EUR, € and Euro, also "EUR je Einwohner"; not TEUR, whose values may well have three decimals."""
    return bool(unit) and (str(unit).startswith(("EUR", "€")) or unit == "Euro")


def is_count(unit: str | None) -> bool:
    return isinstance(unit, str) and unit.strip().lower() in _COUNTS
