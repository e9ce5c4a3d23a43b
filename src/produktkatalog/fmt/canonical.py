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
from produktkatalog.fmt import frame, layout, reorder, roundtrip
from produktkatalog.fmt.normalize import Quoted, canonical_order, normalize, number_paths
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
    framed = frame.split(text.replace("\r\n", "\n"))  # values read the same; comments keep no "\r"
    tree = roundtrip.load(framed.body)
    quoted = normalize(tree, shape, number_paths(data))
    written = roundtrip.dump(tree)
    result = framed.head + _arranged(written, shape, move_keys=True) + framed.tail
    if result == text:
        return Formatted(text)
    positions = []
    if quoted:
        document = load_document(raw, shown)
        positions = [(change, *document.position(change.path)) for change in quoted]
    problem = _difference(text, data, result, quoted, shown)
    if problem:  # e.g. an alias moved above its anchor: keep the keys where they are
        result = framed.head + _arranged(written, shape, move_keys=False) + framed.tail
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


def _arranged(text: str, shape: Shape, move_keys: bool) -> str:
    """Comments aligned and, with ``move_keys``, block keys in canonical order."""
    if any(char in text for char in layout.UNSURE_BREAKS):
        return text
    root = layout.compose(text)
    texts = layout.texts_of(root)
    lines = layout.align_comments(layout.split_lines(text), texts)  # moves no key to another line
    moves = list(_moves(root, lines, shape)) if move_keys else []
    return "".join(reorder.apply(lines, moves, texts.inside) if moves else lines)


def _moves(root: Any, lines: list[str], shape: Shape) -> Iterator[reorder.Move]:
    for index, (node, place) in enumerate(_block_mappings(root, shape, set())):
        names = [key.value for key, _ in node.value]
        order = canonical_order(names, place)
        if len(names) < 2 or order == names:
            continue
        key_lines = tuple(key.start_mark.line for key, _ in node.value)
        column = node.value[0][0].start_mark.column
        if reorder.movable(lines, key_lines, column):
            first = lines[key_lines[0]][:column]
            yield reorder.Move(key_lines, column, tuple(names.index(name) for name in order),
                               keeps_lead=index == 0 or bool(first.strip()))


def _block_mappings(node: Any, shape: Shape, seen: set[int]) -> Iterator[tuple[Any, Shape]]:
    """Every block mapping with simple keys and its schema shape, outermost first, each once."""
    if node is None or id(node) in seen:
        return
    seen.add(id(node))
    if node.id == "mapping":
        if not node.flow_style and all(key.id == "scalar" for key, _ in node.value):
            yield node, shape
        for key, value in node.value:
            yield from _block_mappings(value, shape.child(str(key.value)), seen)
    elif node.id == "sequence":
        for value in node.value:
            yield from _block_mappings(value, shape.item(), seen)


def _difference(text: str, data: Any, result: str, quoted: list[Quoted], shown: str) -> str:
    """Why ``result`` is not a faithful rewrite of ``text`` (read as ``data``); "" when it is."""
    after = load_fast(result)
    if after is None:
        after = load_document(result.encode("utf-8"), shown).data
    if after is None:
        return "das Ergebnis wäre kein gültiges YAML mehr"
    expected = data
    for change in quoted:
        expected = _replaced(expected, change.path, change.text)
    if _exact(after) != _exact(expected):
        return "Werte würden sich ändern"
    if Counter(_comments(text)) != Counter(_comments(result)):
        return "Kommentare würden sich ändern"
    return ""


def _comments(text: str) -> list[str]:
    return layout.comments(layout.split_lines(text), layout.texts_of(layout.compose(text)))


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
