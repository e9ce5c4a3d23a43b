"""What the JSON Schema of a file kind says about one place in a document: key order, strings, year keys.

The canonical key order of a mapping is the order of ``properties`` in the schema, following ``$ref``
into shared definitions and the branches of ``allOf``/``anyOf``/``oneOf``/``then``/``else`` (never
``if``: a condition only selects a case).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from produktkatalog.schema import schema_set

Part = tuple[str, str]  # (schema document name, JSON pointer inside it)

_BRANCHES = ("allOf", "anyOf", "oneOf", "then", "else")


@dataclass(frozen=True)
class Shape:
    """The merged schema parts that apply at one place; empty when the schema does not know it."""

    properties: dict[str, tuple[Part, ...]] = field(default_factory=dict)
    additional: tuple[Part, ...] = ()
    items: tuple[Part, ...] = ()
    types: frozenset[str] = frozenset()
    key_patterns: tuple[str, ...] = ()

    @property
    def is_string(self) -> bool:
        """Only a text is allowed here."""
        return self.types == {"string"}

    @property
    def has_year_keys(self) -> bool:
        """Keys are years (``2026``), by the ``propertyNames`` pattern."""
        return bool(self.key_patterns) and all(
            re.search(p, "2026") and not re.search(p, "04") and not re.search(p, "x") for p in self.key_patterns)

    def order(self, keys: Iterable[str]) -> list[str]:
        """The keys in schema order; keys the schema does not know keep their order after the known ones."""
        rank = {name: index for index, name in enumerate(self.properties)}
        return sorted(keys, key=lambda key: rank.get(key, len(rank)))

    def child(self, key: str) -> Shape:
        return shape_of(self.properties.get(key, self.additional))

    def item(self) -> Shape:
        return shape_of(self.items)


def root_shape(kind: str) -> Shape:
    return shape_of(((kind, ""),))


@functools.cache
def shape_of(parts: tuple[Part, ...]) -> Shape:
    collected = _Collector()
    for part in parts:
        collected.add(part, depth=0)
    return Shape(collected.properties, tuple(collected.additional), tuple(collected.items),
                 frozenset(collected.types), tuple(collected.key_patterns))


class _Collector:
    def __init__(self) -> None:
        self.properties: dict[str, tuple[Part, ...]] = {}
        self.additional: list[Part] = []
        self.items: list[Part] = []
        self.types: set[str] = set()
        self.key_patterns: list[str] = []

    def add(self, part: Part, depth: int) -> None:
        node = _node(part)
        if not isinstance(node, dict) or depth > 32:
            return
        document, pointer = part
        if isinstance(node.get("$ref"), str):
            self.add(_target(node["$ref"], document), depth + 1)
        for name in node.get("properties") or {}:
            self.properties[name] = (*self.properties.get(name, ()), (document, f"{pointer}/properties/{name}"))
        if isinstance(node.get("additionalProperties"), dict):
            self.additional.append((document, f"{pointer}/additionalProperties"))
        if isinstance(node.get("items"), dict):
            self.items.append((document, f"{pointer}/items"))
        kinds = node.get("type")
        self.types.update([kinds] if isinstance(kinds, str) else kinds or ())
        names = node.get("propertyNames")
        if isinstance(names, dict) and isinstance(names.get("pattern"), str):
            self.key_patterns.append(names["pattern"])
        for branch in _BRANCHES:
            choices = node.get(branch)
            if isinstance(choices, dict):
                self.add((document, f"{pointer}/{branch}"), depth + 1)
            elif isinstance(choices, list):
                for index in range(len(choices)):
                    self.add((document, f"{pointer}/{branch}/{index}"), depth + 1)


def _target(reference: str, home: str) -> Part:
    document, _, pointer = reference.partition("#")
    return (document.removesuffix(".schema.json") if document else home), pointer


def _node(part: Part) -> Any:
    document, pointer = part
    node: Any = schema_set().documents.get(document)
    for step in pointer.strip("/").split("/") if pointer.strip("/") else ():
        if isinstance(node, dict):
            node = node.get(step.replace("~1", "/").replace("~0", "~"))
        elif isinstance(node, list) and step.isdigit() and int(step) < len(node):
            node = node[int(step)]
        else:
            return None
    return node
