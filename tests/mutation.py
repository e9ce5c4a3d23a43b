"""Random reshaping of loaded catalogue data, shared by the robustness tests of the checks and of rendering."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from produktkatalog.load import load_document
from produktkatalog.load.discover import catalogue_files
from produktkatalog.load.source import read_bytes

# Any value a YAML file could hold: None, booleans, numbers, text, and small nested lists and mappings.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=8)
    | st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10**6, max_value=10**6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def loaded(root: Path) -> list[tuple[Any, dict[str, Any]]]:
    """Every file of a catalogue with its parsed data."""
    files = catalogue_files(root).files
    return [(s, load_document(read_bytes(s.path, s.shown), s.shown).data) for s in files]  # type: ignore[arg-type]


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every node below ``value``, ``value`` itself included."""
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += paths(child, (*prefix, index))
    return found


def replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    """A copy of ``data`` with the node at ``path`` replaced by ``value``."""
    if not path:
        return value
    data = copy.copy(data)
    data[path[0]] = replaced(data[path[0]], path[1:], value)
    return data


def places(sources: list[tuple[Any, dict[str, Any]]]) -> list[tuple[int, tuple[Any, ...]]]:
    """(file position, node path) of every node of every file."""
    return [(position, path) for position, (_, content) in enumerate(sources) for path in paths(content)]


def mutated(data: st.DataObject, sources: list[tuple[Any, dict[str, Any]]],
            where: list[tuple[int, tuple[Any, ...]]]) -> list[tuple[Any, dict[str, Any]]]:
    """``sources`` with one to four nodes (drawn from ``where``) replaced by random values."""
    sources = list(sources)
    for _ in range(data.draw(st.integers(1, 4))):
        position, path = data.draw(st.sampled_from(where))
        source, content = sources[position]
        if path in paths(content):
            value = replaced(content, path, data.draw(json_values))
            sources[position] = (source, value if isinstance(value, dict) else {"x": value})
    return sources
