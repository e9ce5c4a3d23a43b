"""Computed values kept in the cache: read back exactly, only for owners whose inputs are unchanged."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from conftest import BUNDLED
from produktkatalog.cli import app
from produktkatalog.compute import Computation
from produktkatalog.incremental.stored import decode, encode
from produktkatalog.model.values import NoValue, Period
from produktkatalog.pipeline import validate

SPORT = "produkte/08-sportfoerderung/080201-foerderung-des-vereinssports"


def by_name(computation: Computation) -> dict[tuple[Any, ...], dict[Period, str]]:
    """Every value, keyed by what names it across runs; ``repr`` keeps a Decimal's exponent (1.0 is not 1.00)."""
    figures = {id(figure): figure for figure in computation.index.catalogue.kennzahlen}
    return {(figures[ident].file, figures[ident].ident, figures[ident].leistung_key, owner):
            {period: repr(value) for period, value in row.items()}
            for (ident, owner), row in computation.values.items()}


def test_cached_values_equal_fresh_ones(tmp_path: Path) -> None:
    root = tmp_path / "katalog"
    shutil.copytree(BUNDLED, root)
    validate(root, workers=1)  # fills the cache
    with (root / "beispielstadt" / SPORT / "produkt.yaml").open("a", encoding="utf-8") as stream:
        stream.write("# geändert\n")
    cached = validate(root, workers=1)
    fresh = validate(root, use_cache=False, workers=1)
    reused = 0
    for warm, cold in zip(cached.computations, fresh.computations, strict=True):
        computed_now = len(warm.values.settled())
        assert by_name(warm) == by_name(cold)
        reused += len(warm.values.settled()) - computed_now
    assert reused > 100  # most owners came from the cache, not from a new computation
    assert cached.findings == fresh.findings


def test_changed_owner_is_computed_and_unchanged_ones_are_read_from_the_cache(tmp_path: Path) -> None:
    root = tmp_path / "beispielstadt"
    shutil.copytree(BUNDLED / "beispielstadt", root)
    validate(root, workers=1)
    path = root / SPORT / "kennzahlen" / "anzahl_vereine.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("74", "75"), encoding="utf-8")
    computation = validate(root, workers=1).computations[0]
    computed_now = {owner.key.removeprefix(str(root) + "/") for (_, owner) in computation.values.settled()}
    assert SPORT in computed_now
    assert "produkte/08-sportfoerderung/080101-bereitstellung-von-sportstaetten" not in computed_now
    assert by_name(computation) == by_name(validate(root, use_cache=False, workers=1).computations[0])


def test_a_blob_that_does_not_fit_is_refused() -> None:
    computation = validate(BUNDLED / "beispielstadt", use_cache=False, workers=1).computations[0]
    (ident, _), _ = next(iter(computation.values.items()))
    figures = [f for f in computation.index.catalogue.kennzahlen if id(f) == ident]
    periods = computation.periods
    row = {period: Decimal("1.50") for period in periods} | {periods[1]: NoValue("kein Wert", True, 3)}
    blob = encode([(figures[0], row)], periods)
    rows = decode(blob, figures, periods)
    assert rows is not None and [repr(v) for v in rows[0].values()] == [repr(v) for v in row.values()]
    assert decode(encode([(figures[0], {periods[0]: Decimal(1)})], periods), figures, periods) is None
    assert decode(blob, [], periods) is None
    assert decode(blob, figures, periods[:-1]) is None
    assert decode(b"not a pickle", figures, periods) is None


def test_kennzahlen_output_is_the_same_from_the_cache() -> None:
    runner = CliRunner()
    target = str(BUNDLED)
    fresh = runner.invoke(app, ["kennzahlen", target, "-f", "json", "--no-cache"])
    assert fresh.exit_code == 0
    runner.invoke(app, ["kennzahlen", target, "-f", "json"])  # fills the cache
    cached = runner.invoke(app, ["kennzahlen", target, "-f", "json"])
    assert cached.exit_code == 0
    assert cached.output == fresh.output
