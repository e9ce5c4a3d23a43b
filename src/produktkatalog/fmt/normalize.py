"""First step of ``katalog fmt``, on the round-trip tree: quoting, and key order inside ``{…}``.

- A value the schema declares as text and that looks like a number (``nummer``, ``produktgruppe``,
  ``telefon``, …) is written in double quotes. If katalog reads it as a number (``nummer: 011001``
  read as 11001, also ``0x1F``, ``1e3``, ``-5``, ``.5``: each reported as S103), the quotes go around the
  text as typed, never around the number read; each such change is recorded as a ``Quoted``.
- Keys that look like numbers are double-quoted (``"04":``), except years (``2026:``), which stay plain.
- ``null`` is written ``~``; ``True``/``FALSE`` are written ``true``/``false``. Every other scalar keeps
  its spelling (see ``roundtrip``).
- Mappings written in flow style (``{2026: 1, 2025: 2}``) get the canonical key order here; block
  mappings get it in ``reorder``, where comments travel with their keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from produktkatalog.findings import DocPath
from produktkatalog.fmt.roundtrip import CORE, Verbatim
from produktkatalog.fmt.shape import Shape

_NUMERIC = re.compile(r"^\+?[0-9][0-9 .,/()+-]*$")
_YEAR = re.compile(r"^[0-9]{4}$")


def _null(text: str) -> str:
    return "~" if text else text  # an empty value stays empty


_SPELLING = {CORE + "null": _null, CORE + "bool": str.lower}


@dataclass(frozen=True)
class Quoted:
    """An unquoted number in a text field, now in quotes as it was typed."""

    path: DocPath
    text: str


def canonical_order(keys: list[Any], shape: Shape) -> list[Any]:
    """Years ascending in a mapping of years; otherwise the schema's order."""
    if shape.has_year_keys and all(_YEAR.match(str(key)) for key in keys):
        return sorted(keys, key=lambda key: int(key))
    return shape.order(keys)


def number_paths(data: Any, path: DocPath = ()) -> set[DocPath]:
    """Where katalog reads a number (never a boolean) in ``data``: the values S103 flags in a text field."""
    if isinstance(data, dict):
        return {found for key, value in data.items() for found in number_paths(value, (*path, key))}
    if isinstance(data, list):
        return {found for index, value in enumerate(data) for found in number_paths(value, (*path, index))}
    return {path} if isinstance(data, int | Decimal) and not isinstance(data, bool) else set()


def normalize(tree: Any, shape: Shape, numbers: set[DocPath]) -> list[Quoted]:
    """Changes ``tree`` in place; ``numbers``: where katalog reads a number (``number_paths``)."""
    changes = _Changes(numbers)
    _node(tree, shape, (), changes)
    return changes.quoted


@dataclass
class _Changes:
    numbers: set[DocPath]
    quoted: list[Quoted] = field(default_factory=list)


def _node(node: Any, shape: Shape, path: DocPath, changes: _Changes) -> None:
    if isinstance(node, CommentedMap):
        _mapping(node, shape, path, changes)
    elif isinstance(node, CommentedSeq):
        item = shape.item()
        for index, value in enumerate(node):
            replacement = _text(value, item, (*path, index), changes)
            if replacement is not None:
                node[index] = replacement
            else:
                _node(value, item, (*path, index), changes)


def _mapping(node: CommentedMap, shape: Shape, path: DocPath, changes: _Changes) -> None:
    _requote_keys(node, shape)
    if node.fa.flow_style() and not node.ca.items:
        for key in canonical_order(list(node), shape):
            node.move_to_end(key)
    for key in list(node):
        child = shape.child(str(key))
        replacement = _text(node[key], child, (*path, str(key)), changes)
        if replacement is not None:
            node[key] = replacement
        else:
            _node(node[key], child, (*path, str(key)), changes)


def _text(value: Any, shape: Shape, path: DocPath, changes: _Changes) -> str | None:
    """The canonical spelling of a scalar, if it has another: quotes around numbers where the schema
    wants text, ``~`` for ``null``, ``true``/``false`` in lower case."""
    if isinstance(value, Verbatim) and value.tag in _SPELLING and value != _SPELLING[value.tag](value):
        return Verbatim.of(_SPELLING[value.tag](value), value.tag)
    if not shape.is_string or not isinstance(value, str) or isinstance(value, DoubleQuotedScalarString):
        return None
    if path in changes.numbers:  # katalog reads a number here (S103), whatever ruamel.yaml makes of it
        changes.quoted.append(Quoted(path, str(value)))
        return _double_quoted(value)
    if isinstance(value, Verbatim):
        return _double_quoted(value) if value.tag == CORE + "timestamp" else None
    if (type(value) is str or isinstance(value, SingleQuotedScalarString)) and _NUMERIC.match(value):
        return _double_quoted(value)
    return None


def _double_quoted(text: str) -> str:
    quoted: str = DoubleQuotedScalarString(str(text))
    return quoted


def _requote_keys(node: CommentedMap, shape: Shape) -> None:
    if not (shape.properties or shape.additional or shape.key_patterns):
        return  # a place the schema does not know: leave it as written
    renamed = [_key(key, shape) for key in node]
    if any(new is not old for new, old in zip(renamed, node, strict=True)):
        _rename(node, renamed)


def _key(key: Any, shape: Shape) -> Any:
    text = str(key)
    if shape.has_year_keys and _YEAR.match(text):
        return key if isinstance(key, Verbatim) else Verbatim.of(text, CORE + "int")
    if _NUMERIC.match(text) and not isinstance(key, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(text)
    return key


def _rename(node: CommentedMap, keys: list[Any]) -> None:
    """Swaps key objects for equal ones of another style; position and comments stay (both are keyed by text)."""
    comments = dict(node.ca.items)
    pairs = list(node.items())
    for key, _ in pairs:
        del node[key]
    for key, (_, value) in zip(keys, pairs, strict=True):
        node[key] = value
    node.ca.items.clear()
    node.ca.items.update(comments)
