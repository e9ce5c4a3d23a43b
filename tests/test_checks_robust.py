"""Catalogue checks never crash, whatever shape a file's data has after failing its schema."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BASE
from produktkatalog.check import check_catalogue
from produktkatalog.discover import catalogue_files
from produktkatalog.load import load_document
from produktkatalog.load.source import read_bytes
from produktkatalog.model import build_catalogue


def _loaded(root: Any) -> list[tuple[Any, dict[str, Any]]]:
    files = catalogue_files(root).files
    return [(s, load_document(read_bytes(s.path, s.shown), s.shown).data) for s in files]  # type: ignore[arg-type]


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


SOURCES = _loaded(BASE)
PLACES = [(position, path) for position, (_, content) in enumerate(SOURCES) for path in _paths(content)]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.decimals(allow_nan=False, places=2),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    data = copy.copy(data)
    data[path[0]] = _replace(data[path[0]], path[1:], value)
    return data


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_checks_survive_any_shape(data: st.DataObject) -> None:
    sources = list(SOURCES)
    for _ in range(data.draw(st.integers(1, 4))):
        position, path = data.draw(st.sampled_from(PLACES))
        source, content = sources[position]
        if path not in _paths(content):
            continue
        replacement = data.draw(json_values)
        mutated = _replace(content, path, replacement) if path else replacement
        sources[position] = (source, mutated if isinstance(mutated, dict) else {"x": mutated})
    catalogue = build_catalogue("katalog", sources)
    for finding in check_catalogue(catalogue):
        assert finding.code.startswith("K")
