"""Rendering never raises, whatever shape the data has (the library call; the command renders only valid data).

Random values (None, numbers, text, nested lists and mappings) replace random parts
of two small catalogues – the minimal example and Siegburg's product strategy – and
the whole site is rendered in both formats. The guards exercised are the readers in
``render.texts`` and ``render.figures`` (``mappings``, ``strings``, ``text``,
``_mapping``) that treat a value of the wrong type as empty: with ``mappings``
returning its input unchanged, a number in ``verantwortliche`` or ``partner`` reaches
``text(p, "name")`` as an int, ``p.get`` fails, and this test finds it within a few
dozen examples.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BASE, BUNDLED
from produktkatalog.compute import compute_catalogue
from produktkatalog.discover import catalogue_files
from produktkatalog.load import load_document
from produktkatalog.load.source import read_bytes
from produktkatalog.model import build_catalogue
from produktkatalog.render import build

ROOTS = (BASE, BUNDLED / "siegburg")


def _loaded(root: Path) -> list[tuple[Any, dict[str, Any]]]:
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


SOURCES = {root: _loaded(root) for root in ROOTS}
PLACES = [(root, position, path) for root, sources in SOURCES.items()
          for position, (_, content) in enumerate(sources) for path in _paths(content) if path]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=8)
    | st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10**6, max_value=10**6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    data = copy.copy(data)
    data[path[0]] = _replace(data[path[0]], path[1:], value)
    return data


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_render_survives_any_shape(data: st.DataObject) -> None:
    root = data.draw(st.sampled_from(ROOTS))
    sources = list(SOURCES[root])
    places = [(position, path) for r, position, path in PLACES if r == root]
    for _ in range(data.draw(st.integers(1, 4))):
        position, path = data.draw(st.sampled_from(places))
        source, content = sources[position]
        if path in _paths(content):
            sources[position] = (source, _replace(content, path, data.draw(json_values)))
    catalogue = build_catalogue(str(root), sources)
    files = build([compute_catalogue(catalogue)], root, ["html", "md"])
    assert "index.html" in files and "index.md" in files


def test_unmutated_sources_render_every_product() -> None:
    for root, sources in SOURCES.items():
        files = build([compute_catalogue(build_catalogue(str(root), sources))], root, ["html"])
        products = [s for s, _ in sources if s.kind == "produkt"]
        assert len([p for p in files if p.startswith("produkte/")]) == len(products)
