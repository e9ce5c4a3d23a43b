"""The shipped JSON Schemas: draft 2020-12, an $id each, German title and description on every property
(so editors show them on hover), and examples that are themselves valid."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from produktkatalog.schema import KINDS, schema_set

SCHEMAS = schema_set().documents


def _resolve(node: dict[str, Any], home: str) -> dict[str, Any]:
    reference = node.get("$ref")
    if not isinstance(reference, str):
        return node
    document, _, pointer = reference.partition("#")
    target: Any = SCHEMAS[document.removesuffix(".schema.json")] if document else SCHEMAS[home]
    for step in pointer.strip("/").split("/"):
        target = target[step]
    return dict(target)


def _properties(node: Any, home: str, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, child in (node.get("properties") or {}).items():
            yield f"{path}.{name}", child
        for key, child in node.items():
            if key != "if":  # conditions select a case; editors show the properties themselves
                yield from _properties(child, home, f"{path}/{key}")
    elif isinstance(node, list):
        for child in node:
            yield from _properties(child, home, path)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_is_2020_12_with_id(name: str) -> None:
    schema = SCHEMAS[name]
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(f"/{name}.schema.json")
    assert schema["title"] and schema["description"]


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_property_has_german_title_and_description(name: str) -> None:
    for path, prop in _properties(SCHEMAS[name], name):
        shown = {**_resolve(prop, name), **prop}
        assert shown.get("title"), f"{name}{path}: title"
        assert shown.get("description"), f"{name}{path}: description"


@pytest.mark.parametrize("kind", KINDS)
def test_examples_are_valid(kind: str) -> None:
    schema = SCHEMAS[kind]
    validator = schema_set().precise(kind)
    assert schema.get("examples"), f"{kind}: top-level examples"
    for example in schema["examples"]:
        assert list(validator.iter_errors(example)) == []
