"""The generated Großstadt catalogue: parallel, serial and cached runs give the same findings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import HERE, tuples
from produktkatalog.pipeline import validate

GENERATOR = HERE.parent / "benchmarks" / "generate_grossstadt.py"


@pytest.fixture(scope="module")
def grossstadt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("gross") / "grossstadt"
    subprocess.run([sys.executable, str(GENERATOR), str(target), "--scale", "0.1"], check=True, capture_output=True)
    return target


@pytest.mark.slow
def test_generated_catalogue_is_clean_in_parallel(grossstadt: Path) -> None:
    result = validate(grossstadt, use_cache=False, workers=2)
    assert result.files > 900
    assert result.findings == []


@pytest.mark.slow
def test_parallel_serial_and_cached_runs_agree(grossstadt: Path) -> None:
    products = sorted(grossstadt.rglob("produkt.yaml"))
    products[3].write_text(products[3].read_text() + "bezeichnug: x\n")
    figure = sorted(grossstadt.rglob("kennzahlen/*.yaml"))[5]
    figure.write_text(figure.read_text().replace("art: ", "art: X", 1))
    serial = tuples(validate(grossstadt, use_cache=False, workers=1), grossstadt)
    parallel = tuples(validate(grossstadt, use_cache=False, workers=2), grossstadt)
    first = tuples(validate(grossstadt, use_cache=True, workers=2), grossstadt)
    cached = tuples(validate(grossstadt, use_cache=True, workers=2), grossstadt)
    assert serial == parallel == first == cached
    assert sorted(code for code, *_ in serial) == ["S101", "S104"]
