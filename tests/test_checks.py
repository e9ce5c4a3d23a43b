"""Catalogue checks beyond the example folders: nesting, foreign Leistungen, missing columns."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import BASE, PRODUCT, run, tuples


def test_nested_catalogue_is_checked_on_its_own(catalogue: Path) -> None:
    inner = catalogue / "ortsteil"
    shutil.copytree(BASE, inner)
    (inner / PRODUCT / "produkt.yaml").write_text('nummer: 010101\nbezeichnung: "B"\n')
    result = run(catalogue)
    assert len(result.catalogues) == 2
    assert [(code, file) for code, file, *_ in tuples(result, catalogue)] == [
        ("S103", f"ortsteil/{PRODUCT}/produkt.yaml")]


def test_leistung_of_another_product(catalogue: Path) -> None:
    other = catalogue / "produkte" / "01-innere-verwaltung" / "010102-fundbuero"
    (other / "leistungen").mkdir(parents=True)
    (other / "produkt.yaml").write_text('nummer: "010102"\nbezeichnung: "Fundbüro"\n'
                                        "programmbezuege: [{programm: klima, beitrag: x}]\n")
    (other / "leistungen" / "01010201-fundsachen.yaml").write_text('nummer: "01010201"\nbezeichnung: "Fundsachen"\n')
    figure = catalogue / PRODUCT / "kennzahlen" / "fundsachen.yaml"
    figure.write_text('id: fundsachen\nbezeichnung: "Fundsachen"\nart: grundzahl\nleistung: "01010201"\n')
    result = run(catalogue)
    assert [(f.code, f.line, f.column) for f in result.findings] == [("K207", 4, 11)]
    assert "gehört zu einem anderen Produkt" in result.findings[0].message


def test_missing_columns_give_one_finding(catalogue: Path) -> None:
    settings = catalogue / "katalog.yaml"
    text = settings.read_text()
    settings.write_text(text[: text.index("spalten:")] + text[text.index("einwohner:"):])
    assert tuples(run(catalogue), catalogue) == [("K211", "katalog.yaml", 2, 1)]  # line 1 is a comment


def test_year_outside_lists_the_column_years(catalogue: Path) -> None:
    figure = catalogue / PRODUCT / "kennzahlen" / "anzahl_faelle.yaml"
    figure.write_text(figure.read_text().replace("2025: 42000", "2030: 42000"))
    [finding] = run(catalogue).findings
    assert finding.message == "Für das Jahr 2030 hat der Katalog keine Spalte (Spalten: 2024, 2025, 2026)."
