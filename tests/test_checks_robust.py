"""Catalogue checks never crash, whatever shape a file's data has after failing its schema."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BASE
from mutation import loaded, mutated, places
from produktkatalog.check import check_catalogue
from produktkatalog.model import build_catalogue

SOURCES = loaded(BASE)
PLACES = places(SOURCES)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_checks_survive_any_shape(data: st.DataObject) -> None:
    sources = mutated(data, SOURCES, PLACES)
    catalogue = build_catalogue("katalog", sources)
    for finding in check_catalogue(catalogue):
        assert finding.code.startswith("K")
