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

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BASE, BUNDLED
from mutation import loaded, mutated, places
from produktkatalog.compute import compute_catalogue
from produktkatalog.model import build_catalogue
from produktkatalog.render import build
from produktkatalog.result import Result

ROOTS = (BASE, BUNDLED / "siegburg")


SOURCES = {root: loaded(root) for root in ROOTS}
PLACES = {root: [(position, path) for position, path in places(sources) if path]
          for root, sources in SOURCES.items()}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_render_survives_any_shape(data: st.DataObject) -> None:
    root = data.draw(st.sampled_from(ROOTS))
    sources = mutated(data, SOURCES[root], PLACES[root])
    catalogue = build_catalogue(str(root), sources)
    files = build(Result(computations=[compute_catalogue(catalogue)]), root, ["html", "md"])
    assert "index.html" in files and "index.md" in files


def test_unmutated_sources_render_every_product() -> None:
    for root, sources in SOURCES.items():
        files = build(Result(computations=[compute_catalogue(build_catalogue(str(root), sources))]), root, ["html"])
        products = [s for s, _ in sources if s.kind == "produkt"]
        assert len([p for p in files if p.startswith("produkte/")]) == len(products)
