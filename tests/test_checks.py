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


def test_row_templates_are_consistent() -> None:
    """Every shipped template: sums name earlier rows, darunter lines are never added, no row twice."""
    from produktkatalog.model.template_choice import row_templates

    templates = row_templates()
    assert {"nrw_ergebnisplan", "nrw_finanzplan"} <= set(templates)
    assert len({t.land for t in templates.values() if t.statement == "ergebnisplan"}) >= 4
    for template in templates.values():
        seen: set[str] = set()
        for row in template.rows:
            assert row.number not in seen, (template.ident, row.number)
            assert set(row.parts) <= seen, (template.ident, row.number)
            assert not any(template.by_number[part].nature == "darunter" for part in row.parts)
            assert (row.nature == "summe") == bool(row.parts), (template.ident, row.number)
            assert row.under is None or row.under in seen
            seen.add(row.number)


def test_nrw_sums_follow_the_komhvo() -> None:
    from produktkatalog.model.template_choice import row_templates

    rows = row_templates()["nrw_ergebnisplan"].by_number
    assert rows["10"].parts == ("01", "02", "03", "04", "05", "06", "07", "08", "09")
    assert rows["17"].parts == ("11", "12", "13", "14", "15", "16")
    assert rows["18"].parts == ("10", "17")
    assert rows["29"].parts == ("26", "27", "28")


def test_stated_sum_within_tolerance_passes(catalogue: Path) -> None:
    plan = catalogue / PRODUCT / "teilergebnisplan.yaml"
    plan.write_text(plan.read_text() + '  "10":\n    ergebnis: {2024: 250000.99}\n')
    assert tuples(run(catalogue), catalogue) == []
    settings = catalogue / "katalog.yaml"
    settings.write_text(settings.read_text() + "summentoleranz: 0\n")
    [finding] = run(catalogue).findings
    assert finding.code == "K216"
    expected = "nennt 250.000,99 €, die Zeilen 01–09 ergeben 250.000,00 € (Abweichung 0,99 €)".replace(" €", "\u00a0€")
    assert expected in finding.message
