"""A new catalogue file, written from the JSON Schema of its kind.

The file names its schema for the editor, holds the fields the schema requires
(and those the user gave), each under a comment with the field's German title and
description from the schema, and ends with a list of the further fields.
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

from produktkatalog.schema import schema_set

_WIDTH = 110


class SchemaGap(Exception):
    """The schema requires a field for which no value can be made up (a bug in the tool)."""


def field_values(kind: str, given: dict[str, str]) -> dict[str, str]:
    """The given values and a placeholder for every other required field, in the schema's field order."""
    schema = schema_set().schema(kind)
    values = {}
    for name, field in schema["properties"].items():
        if name in given:
            values[name] = given[name]
        elif name in schema.get("required", ()):
            values[name] = _placeholder(kind, name, field)
    return values


def text(kind: str, values: dict[str, str], modeline: str, demanded: dict[str, str] | None = None) -> str:
    """The file: modeline, description of the kind, each value under its comment, then the further fields,
    marked where a rule of the catalogue (``demanded``: field → rule) requires them."""
    schema = schema_set().schema(kind)
    properties = schema["properties"]
    lines = [modeline, *_comment(f"{schema['title']}: {schema['description']}")]
    for name, value in values.items():
        shown = described(kind, properties[name])
        lines += ["", *_comment(f"{shown['title']}: {shown['description']}"), f"{name}: {_quoted(value)}"]
    further = [name for name in properties if name not in values]
    if further:
        lines += ["", "# Weitere Felder (im Editor mit Erklärung beim Überfahren und Ergänzung beim Tippen):"]
        lines += [_further(kind, name, properties[name], (demanded or {}).get(name)) for name in further]
    return "\n".join(lines) + "\n"


def described(kind: str, field: dict[str, Any]) -> dict[str, Any]:
    """The field with title and description, its own or those of the definition it refers to."""
    reference = field.get("$ref")
    if not isinstance(reference, str):
        return field
    document, _, pointer = reference.partition("#")
    target: Any = schema_set().schema(document.removesuffix(".schema.json") if document else kind)
    for step in pointer.strip("/").split("/"):
        target = target[step]
    return {**target, **field}


def _placeholder(kind: str, name: str, field: dict[str, Any]) -> str:
    shown = described(kind, field)
    for candidate in (shown.get("default"), *shown.get("examples", ()), *shown.get("enum", ())):
        if isinstance(candidate, str):
            return candidate
    raise SchemaGap(f"{kind}.schema.json: no text placeholder for the required field {name}")


def _further(kind: str, name: str, field: dict[str, Any], rule: str | None) -> str:
    line = f"#   {name}: {described(kind, field)['title']}"
    return f"{line} (Pflicht nach der Regel „{rule}“ des Katalogs)" if rule else line


def _quoted(value: str) -> str:
    """A double-quoted scalar: numbers stay text, and JSON escapes are YAML escapes."""
    return json.dumps(value, ensure_ascii=False)


def _comment(sentence: str) -> list[str]:
    return [f"# {line}" for line in textwrap.wrap(" ".join(sentence.split()), _WIDTH - 2)]
