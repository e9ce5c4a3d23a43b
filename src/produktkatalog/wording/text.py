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


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def normal(text: str) -> str:
    """A word as one might have meant it: lower case, umlauts spelt out, anything between words one „_“.

    „Pflichtaufgabe nach Weisung“, „pflichtaufgabe-nach-weisung“ and „Pflichtaufgabe_nach_Weisung“ are one.
    """
    return _NOT_WORD.sub("_", text.casefold().translate(_UMLAUTS)).strip("_")


def close_matches(word: str, choices: Iterable[str], limit: int = 1, labels: dict[str, str] | None = None) -> list[str]:
    """The choices closest to ``word``, best first: written the same but for case, spaces and umlauts; then one
    whose label (``labels``: choice → its name) is written so; then those beginning with it; then similar ones."""
    options = list(dict.fromkeys(choices))
    wanted = normal(word)
    by_normal: dict[str, str] = {}
    for option in options:
        by_normal.setdefault(normal(option), option)
    for option, label in (labels or {}).items():
        by_normal.setdefault(normal(label), option)
    found = [by_normal[wanted]] if wanted in by_normal else []
    if len(wanted) >= 4:
        found += [option for option in options if normal(option).startswith(wanted)]
    found += [by_normal[match] for match in difflib.get_close_matches(wanted, list(by_normal), n=limit, cutoff=0.6)]
    return list(dict.fromkeys(found))[:limit]


def level_name(label: str, number: str, name: str) -> str:
    """A level's name, or "" where it only repeats label and number (a placeholder „Produktgruppe 0110“)."""
    return "" if normal(name) in (normal(f"{label} {number}"), normal(number)) else name


def same_text(one: str, other: str) -> bool:
    """Whether two texts read the same (case, spaces and punctuation aside)."""
    return normal(one) == normal(other)


def one_of(choices: list[str]) -> str:
    """„a“, „b“ oder „c“."""
    quoted = [f"„{choice}“" for choice in choices]
    return " oder ".join([", ".join(quoted[:-1]), quoted[-1]]) if len(quoted) > 1 else "".join(quoted)


def suggestion(word: str, choices: Iterable[str], labels: dict[str, str] | None = None) -> str:
    """„Meinten Sie „x“?“ for the choice closest to ``word``, or "" when none is close."""
    match = close_matches(word, choices, 1, labels)
    return f"Meinten Sie „{match[0]}“?" if match else ""


def allowed(choices: Iterable[str], limit: int = 40) -> str:
    """„Erlaubt sind: a, b, c.“ (at most ``limit`` shown)."""
    options = list(choices)
    shown = ", ".join(options[:limit]) + (f" und {len(options) - limit} weitere" if len(options) > limit else "")
    return f"Erlaubt {'ist' if len(options) == 1 else 'sind'}: {shown}."


def suggestion_and_allowed(word: str, choices: Iterable[str], labels: dict[str, str] | None = None) -> str:
    """The closest choice (if any) and the whole list: for every field with a closed vocabulary."""
    options = list(choices)
    return " ".join(part for part in (suggestion(word, options, labels), allowed(options)) if part)


def number_hint(written: str) -> str | None:
    """How to write a number typed the German way (decimal comma, thousands points) in YAML; None otherwise."""
    text = written.strip()
    if not _GERMAN_NUMBER.match(text):
        return None
    fixed = text.replace(".", "").replace(",", ".")
    what = " und ".join(name for name, sign in (("Dezimalkomma", ","), ("Tausenderpunkte", ".")) if sign in text)
    return f"{what}: Schreiben Sie {fixed} – mit Punkt als Dezimaltrennzeichen und ohne Tausenderpunkte."
