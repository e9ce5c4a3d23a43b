"""The canonical form of one catalogue file, and the proof that nothing but its form changed.

``format_text`` never returns a text that reads differently: the result is loaded again with
katalog's own loader and must give the same data (numbers compared digit by digit, not by value)
and the same comments; otherwise the file is left as it is and ``Formatted.unsafe`` says why.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from produktkatalog.findings import DocPath, Finding
from produktkatalog.fmt import reorder, roundtrip
from produktkatalog.fmt.layout import align_comments
from produktkatalog.fmt.normalize import Quoted, block_mappings, canonical_order, normalize
from produktkatalog.fmt.shape import Shape, root_shape
from produktkatalog.load import load_document, load_fast
from produktkatalog.load.source import decode


@dataclass
class Formatted:
    """The canonical text of a file (``None`` if it cannot be formatted) and what changed on the way."""

    text: str | None
    quoted: list[tuple[Quoted, int, int]] = field(default_factory=list)  # with line and column in the input
    findings: list[Finding] = field(default_factory=list)  # why the file could not be read
    unsafe: str = ""  # why katalog refused to write the formatted text


def format_text(raw: bytes, kind: str, shown: str) -> Formatted:
    """The canonical form of a catalogue file of ``kind``; ``shown`` names it in findings."""
    text, data, findings = _read(raw, shown)
    if text is None:
        return Formatted(None, findings=findings)
    shape = root_shape(kind)
    tree = roundtrip.load(text)
    quoted = normalize(tree, shape)
    written = align_comments(roundtrip.dump(tree))
    if written != text:  # positions for the key moves must be those of the written text
        tree = roundtrip.load(written)
    result = reorder.apply(written, list(_moves(tree, written, shape)))
    if result == text:
        return Formatted(text)
    positions = []
    if quoted:
        document = load_document(raw, shown)
        positions = [(change, *document.position(change.path)) for change in quoted]
    problem = _difference(text, data, result, quoted, shown)
    return Formatted(None if problem else result, positions, unsafe=problem)


def _read(raw: bytes, shown: str) -> tuple[str | None, Any, list[Finding]]:
    """Text and data of a file that katalog can read without a finding; else the findings."""
    text = decode(raw, shown)
    if isinstance(text, Finding):
        return None, None, [text]
    data = load_fast(text)
    if data is not None:
        return text, data, []
    document = load_document(raw, shown)
    if document.data is None:
        return None, None, document.findings
    return text, document.data, []


def _moves(tree: Any, text: str, shape: Shape) -> Iterator[reorder.Move]:
    lines = text.splitlines(keepends=True)
    for index, (mapping, place) in enumerate(block_mappings(tree, shape)):
        keys = list(mapping)
        order = canonical_order(mapping, place)
        if len(keys) < 2 or order == keys:
            continue
        key_lines = tuple(mapping.lc.key(key)[0] for key in keys)
        column = mapping.lc.key(keys[0])[1]
        if reorder.movable(lines, key_lines, column):
            first = lines[key_lines[0]][:column]
            yield reorder.Move(key_lines, column, tuple(keys.index(key) for key in order),
                               keeps_lead=index == 0 or bool(first.strip()))


def _difference(text: str, data: Any, result: str, quoted: list[Quoted], shown: str) -> str:
    """Why ``result`` is not a faithful rewrite of ``text`` (read as ``data``); "" when it is."""
    after = load_document(result.encode("utf-8"), shown)
    if after.data is None:
        return "das Ergebnis wäre kein gültiges YAML mehr"
    expected = data
    for change in quoted:
        expected = _replaced(expected, change.path, change.text)
    if _exact(after.data) != _exact(expected):
        return "Werte würden sich ändern"
    if Counter(roundtrip.comment_lines(text)) != Counter(roundtrip.comment_lines(result)):
        return "Kommentare würden sich ändern"
    return ""


def _replaced(data: Any, path: DocPath, value: str) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {**data, head: _replaced(data[head], rest, value)}
    copy = list(data)
    copy[int(head)] = _replaced(copy[int(head)], rest, value)
    return copy


def _exact(data: Any) -> Any:
    """Data with every scalar tagged by its type and digits: ``1.50`` ≠ ``1.5``, ``True`` ≠ ``1``."""
    if isinstance(data, dict):
        return {key: _exact(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_exact(value) for value in data]
    if isinstance(data, Decimal):
        return ("decimal", str(data))
    return (type(data).__name__, data)
