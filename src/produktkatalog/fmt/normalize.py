"""First step of ``katalog fmt``, on the round-trip tree: quoting, and key order inside ``{…}``.

- A value the schema declares as text and that looks like a number (``nummer``, ``produktgruppe``,
  ``telefon``, …) is written in double quotes. If it was an unquoted number (``nummer: 011001``, read
  as the number 11001 and reported as S103), the quotes go around the digits as typed, never around
  the number read; each such change is recorded as a ``Quoted``.
- Keys that look like numbers are double-quoted (``"04":``), except years (``2026:``), which stay plain.
- ``null`` is written ``~``; ``True``/``FALSE`` are written ``true``/``false``. Every other scalar keeps
  its spelling (see ``roundtrip``).
- Mappings written in flow style (``{2026: 1, 2025: 2}``) get the canonical key order here; block
  mappings get it in ``reorder``, where comments travel with their keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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


def normalize(tree: Any, shape: Shape) -> list[Quoted]:
    quoted: list[Quoted] = []
    _node(tree, shape, (), quoted)
    return quoted


def _node(node: Any, shape: Shape, path: DocPath, quoted: list[Quoted]) -> None:
    if isinstance(node, CommentedMap):
        _mapping(node, shape, path, quoted)
    elif isinstance(node, CommentedSeq):
        item = shape.item()
        for index, value in enumerate(node):
            replacement = _text(value, item, (*path, index), quoted)
            if replacement is not None:
                node[index] = replacement
            else:
                _node(value, item, (*path, index), quoted)


def _mapping(node: CommentedMap, shape: Shape, path: DocPath, quoted: list[Quoted]) -> None:
    _requote_keys(node, shape)
    if node.fa.flow_style() and not node.ca.items:
        for key in canonical_order(list(node), shape):
            node.move_to_end(key)
    for key in list(node):
        child = shape.child(str(key))
        replacement = _text(node[key], child, (*path, str(key)), quoted)
        if replacement is not None:
            node[key] = replacement
        else:
            _node(node[key], child, (*path, str(key)), quoted)


def _text(value: Any, shape: Shape, path: DocPath, quoted: list[Quoted]) -> str | None:
    """The canonical spelling of a scalar, if it has another: quotes around numbers where the schema
    wants text, ``~`` for ``null``, ``true``/``false`` in lower case."""
    if isinstance(value, Verbatim) and value.tag in _SPELLING and value != _SPELLING[value.tag](value):
        return Verbatim.of(_SPELLING[value.tag](value), value.tag)
    if not shape.is_string or isinstance(value, DoubleQuotedScalarString):
        return None
    if isinstance(value, Verbatim):
        if value.tag == CORE + "timestamp" or (value.is_number and _NUMERIC.match(value)):
            if value.is_number:
                quoted.append(Quoted(path, str(value)))
            return _double_quoted(value)
        return None
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
