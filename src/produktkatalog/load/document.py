"""Load one catalogue file: a fast path for clean files, a precise path for the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from produktkatalog.findings import DocPath, Finding, error
from produktkatalog.load.composers import compose_fast, compose_precise
from produktkatalog.load.construct import TOO_DEEP, Built, Position, Span, construct
from produktkatalog.load.limits import FAST_MAX_FLOW_OPENERS, FAST_MAX_INDENT
from produktkatalog.load.source import decode
from produktkatalog.load.syntax import syntax_finding

_DEEP_INDENT = re.compile(rf"^ {{{FAST_MAX_INDENT}}}", re.MULTILINE)


@dataclass
class Document:
    """A loaded file: its data (``None`` if unusable), findings and the position of every node."""

    file: str
    data: dict[str, Any] | None
    findings: list[Finding] = field(default_factory=list)
    values: dict[DocPath, Position] = field(default_factory=dict)
    keys: dict[DocPath, Position] = field(default_factory=dict)
    spans: dict[DocPath, Span] = field(default_factory=dict)
    text: str = ""
    written: dict[DocPath, str] = field(default_factory=dict)  # numbers with three decimals, as written

    def position(self, path: DocPath, at_key: bool = False) -> Position:
        """Line and column of ``path``, or of its nearest existing ancestor."""
        if at_key and path in self.keys:
            return self.keys[path]
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return 1, 1

    def source_text(self, path: DocPath) -> str:
        """A scalar exactly as the editor typed it (``011001``, not 11001)."""
        if path not in self.spans:
            return ""
        start, end, _ = self.spans[path]
        return self.text[start:end]

    def position_inside(self, path: DocPath, offset: int) -> Position:
        """Position of the ``offset``-th character of a one-line text value (a place in a formula).

        Block scalars and values spread over lines keep the position of the value itself.
        """
        line, column = self.position(path)
        span = self.spans.get(path)
        if span is None or span[2] in ("|", ">") or "\n" in self.text[span[0]:span[1]]:
            return line, column
        text = self.source_line(line)
        quote = text[column - 1:column]
        if quote not in ("'", '"'):
            return line, column + offset
        index = column  # 0-based index of the first character after the quote
        for _ in range(offset):
            index += _source_width(text, index, quote)
        return line, index + 1

    def source_line(self, line: int) -> str:
        lines = self.text.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else ""


_ESCAPE_WIDTH = {"x": 4, "u": 6, "U": 10}


def _source_width(text: str, index: int, quote: str) -> int:
    """How many source characters make up the parsed character at ``index``."""
    if quote == '"' and text[index:index + 1] == "\\":
        return _ESCAPE_WIDTH.get(text[index + 1:index + 2], 2)
    if quote == "'" and text[index:index + 2] == "''":
        return 2
    return 1


# What libyaml and ruamel.yaml read differently (tabs as separators, a BOM inside the text,
# Unicode line separators, a bare "!" tag, repeated "..." end markers): files containing any
# of it always take the precise path.
_PRECISE_ONLY = re.compile("[\t\ufeff\u2028\u2029\u0085]|(?:^|[\\s\\[\\]{},])!|^\\.\\.\\.", re.MULTILINE)


def load_fast(text: str) -> dict[str, Any] | None:
    """Data of a clean file via libyaml, or ``None`` when the precise path must decide."""
    built = load_fast_built(text)
    return built.data if built is not None else None


def load_fast_built(text: str) -> Built | None:
    """``load_fast`` with what the constructor noted about the text (``Built.written``)."""
    if text.count("[") + text.count("{") > FAST_MAX_FLOW_OPENERS or _DEEP_INDENT.search(text):
        return None
    if _PRECISE_ONLY.search(text):
        return None
    try:
        root = compose_fast(text)
    except (yaml.YAMLError, RecursionError):
        return None
    if root is None:
        return None
    built = construct(root, with_positions=False)
    if built.problems or not isinstance(built.data, dict):
        return None
    return built


def load_document(raw: bytes, shown: str) -> Document:
    """Data, findings and positions of a file via ruamel.yaml."""
    from ruamel.yaml.error import YAMLError as RuamelError

    text = decode(raw, shown)
    if isinstance(text, Finding):
        return Document(shown, None, [text])
    try:
        root = compose_precise(text)
    except RecursionError:
        return Document(shown, None, [_too_deep(shown)], text=text)
    except (RuamelError, AssertionError, NotImplementedError, ValueError) as exc:
        # besides its own errors, the parser raises assertions on some inputs (e.g. %YAML 1.3)
        return Document(shown, None, [syntax_finding(exc, shown, text)], text=text)
    if root is None:
        return Document(shown, None, [error("Y005", shown, "Die Datei enthält kein YAML-Dokument.",
                                            "Füllen Sie die Datei oder löschen Sie sie.", line=1, column=1)])
    return _from_built(construct(root, with_positions=True), shown, text)


def _from_built(built: Built, shown: str, text: str) -> Document:
    findings = [error(p.code, shown, p.message, p.hint, line=p.line, column=p.column) for p in built.problems]
    data = built.data
    if not findings and not isinstance(data, dict):
        findings.append(error("Y017", shown, "Die Datei enthält eine Liste, einen einzelnen Wert oder nur ~ statt "
                              "einer Zuordnung von Feldern.", "Eine Katalogdatei beginnt mit Feldern wie "
                              "„nummer: …“ am Zeilenanfang.", line=1, column=1))
    if findings:
        data = None  # values were dropped or replaced; checking the rest would only add noise
    return Document(shown, data, findings, built.values, built.keys, built.spans, text, built.written)


def _too_deep(shown: str) -> Finding:
    return error("Y015", shown, *TOO_DEEP, line=1, column=1)
