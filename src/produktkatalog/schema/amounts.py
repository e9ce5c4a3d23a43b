"""Amounts typed with a thousands point: ``2026: -101.400`` is −101,40 € to YAML, not −101.400 €.

The loader notes every number written with exactly three decimals, as written
(``Built.written``), on the fast and the precise path alike. Here they are judged
by the field they stand in: an amount in Euro has at most two decimals and a count
none, so three decimals there are a thousands point. The finding is a Y code (how
YAML reads the text), not a schema rule: the field's meaning decides, and for a
Kennzahl that is its unit (Y021). In every other field
(%, Tage, Stunden, …) three decimals are a legitimate value and pass, and so does a
``summentoleranz`` below one Euro (0.005).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from produktkatalog.findings import DocPath, Finding, error
from produktkatalog.wording.text import place, within
from produktkatalog.wording.units import is_count, is_money

MONEY, COUNT = "money", "count"


def trapped(kind: str, data: Mapping[str, Any], written: Mapping[DocPath, str]) -> list[tuple[DocPath, str, str]]:
    """(path, text as written, field class) of each three-decimal number in a money or count field."""
    found = []
    for path, text in written.items():
        field = _field(kind, path, data)
        if kind == "katalog" and path == ("summentoleranz",) and text.startswith("0"):
            continue  # 0.005: a tolerance below a cent, not a thousands point
        if field is not None:
            found.append((path, text, field))
    return found


def amount_findings(file: str, kind: str, data: Mapping[str, Any], written: Mapping[DocPath, str]) -> list[Finding]:
    return [_finding(file, path, text, field) for path, text, field in trapped(kind, data, written)]


def _field(kind: str, path: DocPath, data: Mapping[str, Any]) -> str | None:
    tail = path[:-1] if len(path) > 1 and path[-1] == "wert" else path  # {wert: …, vorlaeufig: true}
    if kind == "plan" and len(tail) == 4 and tail[0] == "zeilen":
        return MONEY
    if kind == "kennzahl" and len(tail) == 3 and tail[0] == "werte":
        unit = data.get("einheit")
        return MONEY if is_money(unit) else COUNT if is_count(unit) else None
    if kind == "katalog" and path == ("summentoleranz",):
        return MONEY
    if kind == "katalog" and len(tail) == 2 and tail[0] == "einwohner":
        return COUNT
    return None


def _finding(file: str, path: DocPath, text: str, field: str) -> Finding:
    where = f"{place(path)}{within(path[:-1])}"
    read = text.replace(".", ",")
    whole = text.replace(".", "")
    if field == MONEY:
        message = (f"Der Betrag {text} von {where} hat drei Nachkommastellen und wird als {read} € gelesen; "
                   "Beträge in Euro haben höchstens zwei, der Punkt ist hier wohl ein Tausenderpunkt.")
        cents = f"; sind {read[:-1]} € gemeint, schreiben Sie {text[:-1]}" if text.endswith("0") else ""
    else:
        message = (f"Die Anzahl {text} von {where} hat drei Nachkommastellen und wird als {read} gelesen; "
                   "Anzahlen sind ganze Zahlen, der Punkt ist hier wohl ein Tausenderpunkt.")
        cents = ""
    hint = f"Schreiben Sie {whole} (Zahlen ohne Tausenderpunkte){cents}."
    return error("Y021", file, message, hint, path=path)
