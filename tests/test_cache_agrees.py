"""`--no-cache` and cached runs give the same Kennzahlen, values, reasons and findings, on every test catalogue:
the bundled ones, the fictional example catalogues, every case of beispiele/ungueltig (slow) and the hostile
formulas of test_hostile_formulas."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import BASE, BUNDLED, EXAMPLES, PRODUCT
from produktkatalog.cli import app

CATALOGUES = [BUNDLED, BASE, EXAMPLES / "werte", EXAMPLES / "bw-summen"]
CASES = sorted(p for p in (EXAMPLES / "ungueltig").iterdir() if p.is_dir())


def assert_cache_agrees(root: Path) -> None:
    runner = CliRunner()
    fresh = runner.invoke(app, ["kennzahlen", str(root), "-f", "json", "--no-cache"])
    filled = runner.invoke(app, ["kennzahlen", str(root), "-f", "json"])
    cached = runner.invoke(app, ["kennzahlen", str(root), "-f", "json"])
    assert fresh.exit_code in (0, 1), fresh.output[-2000:]
    assert fresh.stdout.startswith("{")
    for run in (filled, cached):
        assert (run.exit_code, run.stdout) == (fresh.exit_code, fresh.stdout)


@pytest.mark.parametrize("source", CATALOGUES, ids=[p.name for p in CATALOGUES])
def test_bundled_and_example_catalogues(source: Path, tmp_path: Path) -> None:
    root = tmp_path / source.name
    shutil.copytree(source, root)
    assert_cache_agrees(root)


def test_hostile_formulas(tmp_path: Path) -> None:
    root = tmp_path / "katalog"
    shutil.copytree(BASE, root)
    figures = root / PRODUCT / "kennzahlen"
    for position in range(120):
        following = f"k{position + 1}" if position < 119 else "anzahl_faelle"
        (figures / f"k{position}.yaml").write_text(f'id: k{position}\nbezeichnung: K\nart: kennzahl\n'
                                                   f'formel: "{following} * 1 + 1"\n', "utf-8")
    (figures / "bestand.yaml").write_text('id: bestand\nbezeichnung: B\nart: kennzahl\nformel: "vorjahr(bestand) '
                                          '+ k0"\nwerte:\n  ergebnis: {2024: 3}\n', "utf-8")
    (figures / "lang.yaml").write_text(f'id: lang\nbezeichnung: L\nart: kennzahl\nformel: "{"+".join(["k7"] * 300)}'
                                       '"\n', "utf-8")
    (figures / "riesig.yaml").write_text(f'id: riesig\nbezeichnung: R\nart: kennzahl\nformel: "k0 * 1{"0" * 25}"\n',
                                         "utf-8")
    assert_cache_agrees(root)


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_case_of_the_invalid_examples(case: Path, tmp_path: Path) -> None:
    root = tmp_path / "katalog"
    shutil.copytree(BASE, root)
    shutil.copytree(case, root, dirs_exist_ok=True)
    assert_cache_agrees(root)


def test_a_renumbered_product_is_named_anew_in_its_roll_ups(tmp_path: Path) -> None:
    """A roll-up's kein Wert names the product whose cell is ~: the cached reason must follow a new number."""
    root = tmp_path / "werte"
    shutil.copytree(EXAMPLES / "werte", root)
    runner = CliRunner()
    runner.invoke(app, ["kennzahlen", str(root), "-f", "json"])  # fills the cache
    product = root / "produkte/01-innere-verwaltung/010102-strassen/produkt.yaml"
    product.write_text(product.read_text("utf-8").replace('nummer: "010102"', 'nummer: "010103"'), "utf-8")
    assert_cache_agrees(root)
    assert "Zeile 14 (Produkt 010103)" in runner.invoke(app, ["kennzahlen", str(root), "-f", "json"]).stdout
