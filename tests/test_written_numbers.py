"""German number habits in YAML: a thousands point or a decimal comma is a finding with the right spelling,
on the fast path and from the cache as well as on the precise path."""

from __future__ import annotations

from pathlib import Path

from conftest import PRODUCT, run, tuples
from produktkatalog.pipeline import validate
from produktkatalog.schema.fast import clean_data

PLAN = f"{PRODUCT}/teilergebnisplan.yaml"
FIGURE = f"{PRODUCT}/kennzahlen/wartezeit_minuten.yaml"


def _plan(catalogue: Path, ergebnis: str) -> None:
    (catalogue / PLAN).write_text(f'zeilen:\n  "11":\n    ergebnis: {ergebnis}\n    ansatz: {{2025: -950000.00}}\n',
                                  encoding="utf-8")


def test_three_decimals_in_a_plan_row_are_a_thousands_point(catalogue: Path) -> None:
    _plan(catalogue, "{2024: -101.400}")
    result = run(catalogue)
    assert tuples(result, catalogue) == [("Y021", PLAN, 3, 22)]
    [finding] = result.findings
    assert "-101,400 €" in finding.message and "Schreiben Sie -101400" in finding.hint
    assert "schreiben Sie -101.40" in finding.hint


def test_the_fast_path_and_the_cache_send_it_to_the_same_finding(catalogue: Path) -> None:
    _plan(catalogue, "{2024: -101.400}")
    raw = (catalogue / PLAN).read_bytes()
    assert clean_data([("plan", raw)], workers=1) == [None]  # libyaml would read it without a problem
    assert clean_data([("plan", raw.replace(b"-101.400", b"-101400"))], workers=1)[0] is not None
    first = validate(catalogue, workers=1)
    again = validate(catalogue, workers=1)
    assert [f.code for f in first.findings] == [f.code for f in again.findings] == ["Y021"]


def test_other_units_keep_their_three_decimals(catalogue: Path) -> None:
    figure = catalogue / FIGURE
    figure.write_text(figure.read_text(encoding="utf-8").replace("18.5", "18.500"), encoding="utf-8")
    assert tuples(run(catalogue), catalogue) == []  # Minuten: 18,500 is a value, not a thousands point
    figure.write_text(figure.read_text(encoding="utf-8").replace("Minuten", "EUR je Einwohner"), encoding="utf-8")
    assert tuples(run(catalogue), catalogue) == [("Y021", FIGURE, 7, 11)]


def test_a_tolerance_below_a_cent_is_no_thousands_point(catalogue: Path) -> None:
    settings = catalogue / "katalog.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "summentoleranz: 0.005\n", encoding="utf-8")
    assert tuples(run(catalogue), catalogue) == []
    settings.write_text(settings.read_text(encoding="utf-8").replace("0.005", "1.000"), encoding="utf-8")
    assert [t[0] for t in tuples(run(catalogue), catalogue)] == ["Y021"]


def test_decimal_comma_in_a_flow_mapping_names_the_fix(catalogue: Path) -> None:
    _plan(catalogue, "{2024: 525000.00, 2025: 535500,50}")
    result = run(catalogue)
    assert tuples(result, catalogue) == [("S103", PLAN, 3, 39)]
    [finding] = result.findings
    assert "„535500,50“ mit Dezimalkomma" in finding.message
    assert "Schreiben Sie 535500.50" in finding.hint
    assert "Schlüssel „50“ in" not in finding.message  # no longer the puzzling key error


def test_decimal_comma_and_thousands_points_in_block_form_name_the_fix(catalogue: Path) -> None:
    _plan(catalogue, "\n      2024: 1.234,50")
    [finding] = run(catalogue).findings
    assert finding.code == "S103" and finding.hint.startswith("Dezimalkomma und Tausenderpunkte: Schreiben Sie 1234.50")
    _plan(catalogue, "\n      2024: -1.234.567")
    [finding] = run(catalogue).findings
    assert finding.hint.startswith("Tausenderpunkte: Schreiben Sie -1234567")


def test_a_comma_before_a_full_entry_is_no_decimal_comma(catalogue: Path) -> None:
    settings = catalogue / "katalog.yaml"
    text = settings.read_text(encoding="utf-8")
    tight = "einwohner: {2024: 50000,2025: 50100,2026: 50200}\n"  # tight, but each year has its value
    settings.write_text(text[:text.index("einwohner:")] + tight + text[text.index("regeln:"):], encoding="utf-8")
    assert tuples(run(catalogue), catalogue) == []
