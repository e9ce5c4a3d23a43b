"""Values set in a catalogue file through fmt's round trip: comments, order and every untouched value stay as
they are written; new keys land in order (plan rows as their template orders them), amounts are written as
plain decimals, and the result is brought into the standard form of ``katalog fmt``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from produktkatalog.findings import DocPath
from produktkatalog.fmt import format_text, frame, roundtrip
from produktkatalog.fmt.roundtrip import CORE, Verbatim
from produktkatalog.imports.patch import Change, patched


def edited(text: str, kind: str, changes: Sequence[Change], shown: str, order: Sequence[str] = ()) -> str:
    """``text`` (a catalogue file of ``kind``, or "" for a new one) with ``changes`` applied.

    ``order`` ranks the keys directly below the first path element (plan rows by their template).
    """
    fast = patched(text, changes, order) if text.strip() else None
    if fast is not None:
        return fast
    framed = frame.split(text)
    tree = roundtrip.load(framed.body) if framed.body.strip() else None
    head = framed.head
    if not isinstance(tree, CommentedMap):  # a new file: only its comments so far
        tree, head = CommentedMap(), text
    for path, value in changes:
        _set(tree, path, value, order)
    result = head + roundtrip.dump(tree) + framed.tail
    formatted = format_text(result.encode("utf-8"), kind, shown)
    return formatted.text if formatted.text is not None else result


def _set(tree: CommentedMap, path: DocPath, value: Decimal | str, order: Sequence[str]) -> None:
    node = tree
    for depth, step in enumerate(path[:-1]):
        key = _find(node, str(step))
        if key is None:
            child = CommentedMap()
            if depth >= 2 or (depth == 1 and path[0] == "werte"):
                child.fa.set_flow_style()  # {2025: 1234.50, 2026: …} as in the bundled files
            key = _key(str(step), year=False)
            _insert(node, _position(node, str(step), order if depth == 1 else ()), key, child)
        node = node[key]
    last = str(path[-1])
    existing = _find(node, last)
    if existing is not None:
        node[existing] = _scalar(value)
    else:
        key = _key(last, year=path[0] in ("zeilen", "werte"))
        _insert(node, len(node) if node.fa.flow_style() else _position(node, last, ()), key, _scalar(value))


_PENDING: dict[int, Any] = {}  # a new nested mapping → the trailing comment its first key takes over


def _insert(node: CommentedMap, position: int, key: Any, value: Any) -> None:
    """A new key at ``position``; at the end of a block mapping it takes over the comment lines that followed
    the old last value, which belong to what comes after the mapping, not to its last key."""
    keys = list(node)
    token = _PENDING.pop(id(node), None)
    if position == len(keys) and keys and not node.fa.flow_style():
        trailing = node.ca.items.get(keys[-1])
        if trailing and len(trailing) > 2 and trailing[2] is not None:
            token, trailing[2] = trailing[2], None
    node.insert(position, key, value)
    if token is not None:
        if isinstance(value, CommentedMap) and not value.fa.flow_style():
            _PENDING[id(value)] = token  # handed on to the new mapping's own last key
        else:
            node.ca.items.setdefault(key, [None, None, None, None])[2] = token


def _find(node: CommentedMap, wanted: str) -> Any:
    return next((key for key in node if str(key) == wanted), None)


def _key(text: str, year: bool) -> Any:
    if year:
        return Verbatim.of(text, CORE + "int")  # a year: written bare, read as text by katalog
    if text.isdigit() or text[:1].isdigit():
        return DoubleQuotedScalarString(text)  # a number as text: "04", "0201"
    return text


def _scalar(value: Decimal | str) -> Any:
    if isinstance(value, Decimal):
        return Verbatim.of(format(value, "f"), CORE + ("int" if value == value.to_integral_value() and
                                                       value.as_tuple().exponent == 0 else "float"))
    return DoubleQuotedScalarString(value)


def _position(node: CommentedMap, key: str, order: Sequence[str]) -> int:
    """Where a new key goes: after the last present key that ``order`` ranks before it; else at the end."""
    if key not in order:
        return len(node)
    rank = order.index(key)
    position = 0
    for index, present in enumerate(node):
        if str(present) in order and order.index(str(present)) < rank:
            position = index + 1
    return position
