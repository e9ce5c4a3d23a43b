"""German names for JSON types, values and places in a document."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from produktkatalog.findings import DocPath

# Control characters steer a terminal; lone surrogates (a file name that is not UTF-8) and noncharacters cannot
# be encoded or are forbidden in XML reports.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")

# A number as a German would type it: "535500,50", "1.234.567", "-1.234,50"
_GERMAN_NUMBER = re.compile(r"^[-+]?(?:[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+,[0-9]+)$")

TYPE_NAMES = {
    "string": "Text",
    "number": "eine Zahl",
    "integer": "eine ganze Zahl",
    "boolean": "ein Wahrheitswert (true oder false)",
    "object": "eine Zuordnung von Feldern",
    "array": "eine Liste",
    "null": "leer (~)",
}


def expected_types(expected: str | list[str]) -> str:
    names = [TYPE_NAMES.get(t, t) for t in ([expected] if isinstance(expected, str) else expected)]
    return " oder ".join(names)


def describe(value: Any, source: str = "") -> str:
    if value is None:
        return "ein leerer Wert"
    if isinstance(value, bool):
        return f"der Wahrheitswert {str(value).lower()}"
    if isinstance(value, (int, Decimal)):
        return f"die Zahl {source or value}"
    if isinstance(value, str):
        return f"der Text „{shorten(value)}“"
    if isinstance(value, dict):
        return "eine Zuordnung von Feldern"
    return "eine Liste"


def printable(text: str) -> str:
    """Control characters, lone surrogates and noncharacters from a file shown as escapes (``\\x1b``, ``\\udce4``).

    The text can then neither steer a terminal nor break a UTF-8 or XML report.
    """
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shorten(text: str, limit: int = 60) -> str:
    text = printable(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def place(path: DocPath) -> str:
    """„feld“, or „Eintrag 2 von liste“, for messages."""
    if not path:
        return "Die Datei"
    last = path[-1]
    if isinstance(last, int):
        parent = next((p for p in reversed(path[:-1]) if isinstance(p, str)), "")
        return f"Eintrag {last + 1} von „{shorten(parent, 40)}“" if parent else f"Eintrag {last + 1}"
    return f"„{shorten(last, 40)}“"


def within(path: DocPath) -> str:
    """' in „eltern“' naming the enclosing field, or '' at the top level."""
    if not path:
        return ""
    steps = [f"{p + 1}. Eintrag" if isinstance(p, int) else shorten(p, 40) for p in path]
    return f" in „{' → '.join(steps)}“"


def suggestion(word: str, choices: Iterable[str]) -> str:
    options = list(choices)
    lowered = {c.lower(): c for c in options}
    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return f"Meinten Sie „{lowered[match[0]]}“?" if match else ""


def number_hint(written: str) -> str | None:
    """How to write a number typed the German way (decimal comma, thousands points) in YAML; None otherwise."""
    text = written.strip()
    if not _GERMAN_NUMBER.match(text):
        return None
    fixed = text.replace(".", "").replace(",", ".")
    what = " und ".join(name for name, sign in (("Dezimalkomma", ","), ("Tausenderpunkte", ".")) if sign in text)
    return f"{what}: Schreiben Sie {fixed} – mit Punkt als Dezimaltrennzeichen und ohne Tausenderpunkte."
