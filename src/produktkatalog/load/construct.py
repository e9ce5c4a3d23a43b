"""Turn a composed YAML node graph into plain data, with YAML 1.2 core-schema semantics.

Both composers (libyaml for speed, ruamel.yaml for precision) feed this one
constructor, so the fast and the precise path cannot disagree on what a value
means. Plain scalars are resolved here, not by either library; mapping keys are
always their source text (``2026:`` is the key "2026").
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from produktkatalog.findings import DocPath
from produktkatalog.load.limits import MAX_DEPTH, MAX_EXPONENT, MAX_NODES, MAX_NUMBER_DIGITS
from produktkatalog.wording.text import number_hint, place, within

TOO_DEEP = (f"Die Daten sind tiefer als {MAX_DEPTH} Ebenen verschachtelt.",
            "Katalogdateien brauchen nur wenige Ebenen; prüfen Sie Einrückung und Klammern.")

PLAIN_TAG = "tag:katalog,plain"
_CORE = "tag:yaml.org,2002:"
STR_TAG = _CORE + "str"

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")
# A German amount typed as YAML reads wrongly without an error: "-101.400" is -101.4, and in a flow mapping
# "535500,50" is 535500 followed by a key "50". Both are noted here, where the text is still as written.
_THREE_PLACES = re.compile(r"^[-+]?[0-9]+\.[0-9]{3}$")
_PLAIN_NUMBER = re.compile(r"^[-+]?[0-9][0-9.]*$")
_DIGITS = re.compile(r"^[0-9]+$")

Position = tuple[int, int]
Span = tuple[int, int, str | None]  # start and end offset in the text, scalar style


@dataclass(frozen=True, slots=True)
class Problem:
    """Something the constructor objects to, at a 1-based position."""

    code: str
    message: str
    hint: str
    line: int
    column: int


class Abort(Exception):
    """A limit was hit; construction cannot go on."""


@dataclass
class Built:
    data: Any
    problems: list[Problem] = field(default_factory=list)
    values: dict[DocPath, Position] = field(default_factory=dict)
    keys: dict[DocPath, Position] = field(default_factory=dict)
    spans: dict[DocPath, Span] = field(default_factory=dict)
    # numbers written with exactly three decimals ("-101.400"), as written: a thousands separator in a
    # money or count field (see ``schema.amounts``), harmless elsewhere
    written: dict[DocPath, str] = field(default_factory=dict)


class Constructor:
    def __init__(self, with_positions: bool) -> None:
        self.with_positions = with_positions
        self.built = Built(None)
        self.nodes = 0
        self.top_key: Any = None  # the top-level key being built: where an alias explosion is reported
        self.visited: set[int] = set()  # collection nodes seen, to tell alias repeats from plain size
        self.aliased = False

    def build(self, root: Any) -> Built:
        try:
            self.built.data = self.node(root, (), 0)
        except Abort:
            self.built.data = None
        return self.built

    def node(self, node: Any, path: DocPath, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            cause = " Anker und Aliase (&, *) vervielfachen hier die Daten." if self.aliased else ""
            self.abort(self.top_key or node, "Y016",
                       f"Die Datei enthält mehr als {MAX_NODES:_} Werte.".replace("_", ".") + cause,
                       "Eine Katalogdatei beschreibt ein Produkt, eine Leistung oder eine Kennzahl; teilen Sie "
                       "die Daten auf und schreiben Sie Werte direkt aus statt über Aliase.")
        if depth > MAX_DEPTH:
            self.abort(node, "Y015", *TOO_DEEP)
        if self.with_positions:
            self.built.values.setdefault(path, _position(node))
        kind = node.id
        if kind == "scalar":
            if self.with_positions:
                self.built.spans.setdefault(path, (node.start_mark.index, node.end_mark.index, node.style))
            return self.scalar(node, path)
        if id(node) in self.visited:
            self.aliased = True
        self.visited.add(id(node))
        self.check_tag(node, _CORE + ("seq" if kind == "sequence" else "map"))
        if kind == "sequence":
            return [self.node(item, (*path, index), depth + 1) for index, item in enumerate(node.value)]
        return self.mapping(node, path, depth)

    def mapping(self, node: Any, path: DocPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        previous: tuple[Any, DocPath] | None = None  # the last value node and its path
        for key_node, value_node in node.value:
            if previous is not None and node.flow_style and _decimal_comma(previous[0], key_node, value_node):
                self.decimal_comma(previous[0], key_node, previous[1])
                continue
            key = self.key(key_node)
            if key is None:
                continue
            if key in result:
                self.problem(key_node, "Y012", f"Der Schlüssel „{key}“ steht mehrfach in derselben Zuordnung.",
                             "Jeder Schlüssel darf je Ebene nur einmal vorkommen; löschen oder benennen Sie einen um.")
                continue
            child = (*path, key)
            if depth == 0:
                self.top_key = key_node
            if self.with_positions:
                self.built.keys[child] = _position(key_node)
                if _is_empty(value_node):  # an empty value has no place of its own: point at its key
                    self.built.values[child] = self.built.keys[child]
            result[key] = self.node(value_node, child, depth + 1)
            previous = value_node, child
        return result

    def decimal_comma(self, value: Any, key: Any, path: DocPath) -> None:
        written = f"{value.value},{key.value}"
        self.problem(value, "S103", f"Der Wert von {place(path)}{within(path[:-1])} ist „{written}“ mit "
                     f"Dezimalkomma; gelesen würde daraus die Zahl {value.value} und ein Schlüssel „{key.value}“.",
                     number_hint(written) or "")

    def key(self, node: Any) -> str | None:
        if node.id != "scalar":
            self.problem(node, "Y020", "Ein Schlüssel besteht hier aus einer Liste oder Zuordnung.",
                         "Schlüssel sind einfache Wörter oder Zahlen vor dem Doppelpunkt.")
            return None
        self.check_tag(node, STR_TAG)
        return sys.intern(str(node.value))  # keys repeat in every file: one object each, also in the cache

    def scalar(self, node: Any, path: DocPath) -> Any:
        tag = str(node.tag)
        text = node.value
        if tag == PLAIN_TAG:
            return self.plain(node, text, path)
        if tag == STR_TAG:
            return text
        if tag in (_CORE + "int", _CORE + "float", _CORE + "bool", _CORE + "null"):
            return self.plain(node, text, path)
        self.forbidden_tag(node, tag)
        return None

    def plain(self, node: Any, text: str, path: DocPath) -> Any:
        if _NULL.match(text):
            return None
        if text in _BOOL:
            return _BOOL[text]
        if _INT.match(text):
            return self.number(node, text, int)
        if _OCT.match(text):
            return self.number(node, text, lambda t: int(t[2:], 8))
        if _HEX.match(text):
            return self.number(node, text, lambda t: int(t[2:], 16))
        if _FLOAT.match(text):
            if _THREE_PLACES.match(text):
                self.built.written[path] = text
            return self.number(node, text, Decimal)
        if _INF.match(text) or _NAN.match(text):
            self.problem(node, "Y019", f"„{text}“ ist keine endliche Zahl.",
                         "Tragen Sie eine Zahl ein oder lassen Sie den Wert mit ~ leer.")
            return None
        return text

    def number(self, node: Any, text: str, convert: Any) -> Any:
        value = convert(text) if len(text) <= MAX_NUMBER_DIGITS else None
        if value is None or _too_large(value):
            shown = text[:30] + ("…" if len(text) > 30 else "")
            self.problem(node, "Y018", f"Die Zahl {shown} liegt außerhalb des zulässigen Bereichs (höchstens "
                         f"10^{MAX_EXPONENT}, höchstens {MAX_EXPONENT} Nachkommastellen).",
                         "Prüfen Sie Exponent und Stellenzahl; Beträge werden in Euro ohne Exponent geschrieben.")
            return None
        return value

    def check_tag(self, node: Any, expected: str) -> None:
        tag = str(node.tag)
        if tag not in (expected, PLAIN_TAG):
            self.forbidden_tag(node, tag)

    def forbidden_tag(self, node: Any, tag: str) -> None:
        shown = tag.replace(_CORE, "!!")
        self.problem(node, "Y014", f"Der YAML-Tag „{shown}“ ist nicht erlaubt.",
                     "Katalogdateien enthalten nur Text, Zahlen, Wahrheitswerte, Listen und Zuordnungen; "
                     "entfernen Sie den Tag.")

    def problem(self, node: Any, code: str, message: str, hint: str) -> None:
        line, column = _position(node)
        self.built.problems.append(Problem(code, message, hint, line, column))

    def abort(self, node: Any, code: str, message: str, hint: str) -> None:
        self.problem(node, code, message, hint)
        raise Abort


def _decimal_comma(value: Any, key: Any, key_value: Any) -> bool:
    """In a flow mapping, ``535500,50``: a plain number, a comma, then plain digits as a key without value."""
    return bool(value.id == "scalar" and not value.style and _PLAIN_NUMBER.match(value.value)
                and key.id == "scalar" and not key.style and _DIGITS.match(key.value)
                and key_value.id == "scalar" and key_value.value == "" and not key_value.style
                and key.start_mark.line == value.end_mark.line
                and key.start_mark.column == value.end_mark.column + 1)


def _is_empty(node: Any) -> bool:
    return bool(node.id == "scalar" and node.value == "" and node.style is None)


def _position(node: Any) -> Position:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def _too_large(value: int | Decimal) -> bool:
    """Amounts up to 10^15 with at most 15 decimal places: beyond that a value is a typo, not a figure."""
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        if not value.is_finite() or not isinstance(exponent, int) or exponent < -MAX_EXPONENT:
            return True
        return bool(value.adjusted() >= MAX_EXPONENT and value.copy_abs() > 10**MAX_EXPONENT)  # never overflows
    return bool(abs(value) > 10**MAX_EXPONENT)


def construct(root: Any, with_positions: bool) -> Built:
    return Constructor(with_positions).build(root)
