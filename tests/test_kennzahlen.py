"""Key figures end to end: row templates per Land, roll-ups, Standardkennzahlen, Zielerreichung, the CLI.

Expected values are recomputed here from the raw files with a small independent
implementation (plain recursion over the template file's ``summe`` lists), not
taken from the engine.
"""

from __future__ import annotations

import csv
import decimal
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from conftest import BUNDLED, run
from produktkatalog.cli import app
from produktkatalog.compute import CONTEXT, compute_catalogue
from produktkatalog.compute.goals import goal_results
from produktkatalog.model.owners import GESAMT, Owner
from produktkatalog.model.values import NoValue, Period
from template_catalogues import (
    TEMPLATES,
    Setup,
    amounts_for,
    detail_rows,
    expected,
    plan_file_of,
    raw_template,
    resolved,
    setup_for,
    sum_rows,
    write_catalogue,
)


@pytest.mark.parametrize("path", TEMPLATES, ids=[p.stem for p in TEMPLATES])
def test_every_land_template_sums_products_and_rolls_up(path: Path, tmp_path: Path) -> None:
    data = raw_template(path)
    template, setup = resolved(data), setup_for(data)
    products = dict(zip(setup.products, (amounts_for(template, seed) for seed in (3, 5, 11)), strict=True))
    write_catalogue(tmp_path / "k", setup, products, plan_file_of(template), template["plan"])
    result = run(tmp_path / "k")
    assert result.findings == []
    computation = result.computations[0]
    ergebnis, ansatz = Period("ergebnis", setup.year - 1), Period("ansatz", setup.year)
    folders = {table.plan.product_folder.rsplit("/", 1)[-1].split("-")[0]: owner
               for (owner, _), table in computation.tables.tables.items() if table.plan is not None}
    for number, amounts in products.items():
        table = computation.tables.table(folders[number], template["plan"])
        assert table is not None and table.template.ident == template["id"]
        for row in sum_rows(template):
            assert table.value(row, ergebnis) == expected(template, amounts, row)
    everything = {row: sum((a.get(row, Decimal(0)) for a in products.values()), Decimal(0))
                  for row in detail_rows(template)}
    first, second, _ = setup.products
    group_one = {row: products[first][row] + products[second][row] for row in everything}
    for owner, amounts in ((Owner("produktgruppe", setup.groups[0]), group_one),
                           (Owner("produktbereich", setup.area), everything), (GESAMT, everything)):
        rollup = computation.tables.table(owner, template["plan"])
        assert rollup is not None, owner
        for row in (*sum_rows(template), *detail_rows(template)):
            assert rollup.value(row, ergebnis) == expected(template, amounts, row), (owner, row)
            assert rollup.value(row, ansatz) == 2 * expected(template, amounts, row)


def test_nrw_golden_figures(tmp_path: Path) -> None:
    """One product in numbers a reader can check by hand."""
    rows = {"04": Decimal("120000.00"), "11": Decimal("-300000.00"), "13": Decimal("-99999.99"),
            "19": Decimal("500.01"), "28": Decimal("-20000.00")}
    write_catalogue(tmp_path / "k", Setup("NW", "nrw", ("0101", "0102"), "01", 2025, None), {"010101": rows},
                    "teilergebnisplan.yaml")
    computation = run(tmp_path / "k").computations[0]
    table = computation.tables.table(Owner("produkt", next(iter(computation.tables.lifts)).key), "ergebnisplan")
    assert table is not None
    period = Period("ergebnis", 2024)
    assert [table.value(n, period) for n in ("10", "17", "18", "21", "29")] == [
        Decimal("120000.00"), Decimal("-399999.99"), Decimal("-279999.99"), Decimal("500.01"), Decimal("-299499.98")]
    standard = {figure.ident: computation.of(figure, table.owner)[period]
                for figure in computation.index.catalogue.kennzahlen if figure.shipped}
    with decimal.localcontext(CONTEXT):
        assert standard["aufwandsdeckungsgrad"] == Decimal("120000.00") * 100 / Decimal("399999.99")
        assert standard["zuschussbedarf"] == Decimal("279999.99")
        assert standard["personalintensitaet"] == Decimal("300000.00") * 100 / Decimal("399999.99")
        assert standard["teilergebnis_je_einwohner"] == Decimal("-299499.98") / 40000
        assert standard["ordentliche_aufwendungen_je_einwohner"] == Decimal("399999.99") / 40000


def _raw(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text("utf-8"))  # type: ignore[no-any-return]


def test_standard_figures_of_every_bundled_product_recomputed_from_the_files() -> None:
    """Aufwandsdeckungsgrad and Zuschussbedarf of each Beispielstadt product, from its teilergebnisplan.yaml."""
    result = run(BUNDLED / "beispielstadt")
    computation = result.computations[0]
    shipped = {f.ident: f for f in computation.index.catalogue.kennzahlen if f.shipped}
    checked = 0
    for plan_path in sorted((BUNDLED / "beispielstadt" / "produkte").glob("*/*/teilergebnisplan.yaml")):
        if not (plan_path.parent / "produkt.yaml").is_file():
            continue  # a Produktgruppe's own plan: checked against its products (test_levels.py)
        rows = _raw(plan_path)["zeilen"]
        owner = next(o for o in computation.tables.lifts if o.key.endswith(plan_path.parent.name))
        for period in computation.periods:
            income = _row_total(rows, [f"{n:02d}" for n in range(1, 10)], "10", period)
            expenses = _row_total(rows, [f"{n:02d}" for n in range(11, 17)], "17", period)
            deficit = computation.of(shipped["zuschussbedarf"], owner)[period]
            if income is None or expenses is None:
                continue
            assert deficit == -expenses - income
            checked += 1
    assert checked >= 60


def _row_total(rows: dict[str, Any], parts: list[str], total: str, period: Period) -> Decimal | None:
    """PyYAML reads the year keys as integers and the amounts as floats; str() keeps their digits."""
    def amount(number: str) -> Decimal | None:
        value = (rows.get(number) or {}).get(period.wertart, {}).get(period.year)
        return None if value is None else Decimal(str(value))

    found = [value for part in parts if (value := amount(part)) is not None]
    return sum(found, Decimal(0)) if found else amount(total)


def test_every_bundled_catalogue_computes_without_findings() -> None:
    result = run(BUNDLED)
    assert [f for f in result.findings if f.code == "K215"] == []
    values = [v for c in result.computations for figures in c.values.values() for v in figures.values()]
    assert sum(isinstance(v, Decimal) for v in values) > 1000


def test_zielerreichung_ampel_and_filled_placeholder() -> None:
    computation = run(BUNDLED / "beispielstadt").computations[0]
    results = {goal.goal.get("id"): goal for goal in goal_results(computation)}
    coverage = results["aufwandsdeckung_sportstaetten"]
    [achievements] = coverage.achievements.values()
    by_year = {a.period.year: a for a in achievements}
    for achievement in achievements:
        with decimal.localcontext(CONTEXT):
            ratio = achievement.actual * 100 / achievement.target  # type: ignore[operator]
        assert achievement.degree == ratio
        expected = "gruen" if ratio >= 100 else "gelb" if 100 - ratio <= 5 else "rot"
        assert achievement.light == expected, achievement
    assert {by_year[2024].light, by_year[2029].light} == {"gruen", "rot"}
    assert coverage.gaps[2026] == [Decimal("14.5")]
    energy = results["energieverbrauch_hallen"]  # niedriger_besser: Zielwert ÷ Wert
    for achievement in next(iter(energy.achievements.values())):
        with decimal.localcontext(CONTEXT):
            assert achievement.degree == achievement.target * 100 / achievement.actual  # type: ignore[operator]


def test_landkreis_blanks_stay_open_without_zielwerte() -> None:
    computation = run(BUNDLED / "landkreis-vorlage").computations[0]
    goals = goal_results(computation)
    assert goals and all(goal.gaps == {} for goal in goals)
    assert any("Stufe __" in str(goal.goal.get("text")) for goal in goals)


runner = CliRunner()


def test_kennzahlen_csv_json_and_german_formats() -> None:
    target = str(BUNDLED / "beispielstadt")
    table = runner.invoke(app, ["kennzahlen", target, "--produkt", "020101", "--jahr", "2026"])
    assert table.exit_code == 0, table.output
    assert "Ansatz 2026" in table.output and "Ergebnis 2024" not in table.output
    assert "1.041.200,00\u00a0€" in table.output and "35,0\u00a0%" in table.output
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["kennzahlen", target, "-f", "csv"]).output),
                               delimiter=";"))
    deficit = next(r for r in rows if r["kennung"] == "zuschussbedarf" and r["nummer"] == "020101"
                   and r["jahr"] == "2026")
    assert (deficit["wert"], deficit["anzeige"]) == ("1041200,00", "1.041.200,00\u00a0€")
    document = json.loads(runner.invoke(app, ["kennzahlen", target, "-f", "json", "-p", "080101"]).output)
    assert {line["nummer"] for line in document["kennzahlen"]} == {"080101"}
    goal = next(g for g in document["ziele"] if g["ziel"] == "aufwandsdeckung_sportstaetten")
    assert "mindestens 14,5\u00a0% der" in goal["text_ausgefuellt"]["2026"]


def test_erklaeren_fills_in_the_inputs() -> None:
    target = str(BUNDLED / "beispielstadt")
    shown = runner.invoke(app, ["kennzahlen", target, "-e", "020101.kosten_je_vorsprache", "-j", "2026"])
    assert shown.exit_code == 0, shown.output
    assert "Ansatz 2026: teile(-(-1.602.700,00\u00a0€), 49.500) = 32,38\u00a0€" in shown.output
    ambiguous = runner.invoke(app, ["kennzahlen", target, "-e", "zuschussbedarf"])
    assert ambiguous.exit_code == 2 and "--produkt" in ambiguous.output
    missing = runner.invoke(app, ["kennzahlen", target, "-e", "gibt_es_nicht"])
    assert missing.exit_code == 2


def test_division_by_zero_reaches_validate_and_kennzahlen(catalogue: Path) -> None:
    figures = catalogue / "produkte/01-innere-verwaltung/010101-buergerbuero/kennzahlen"
    (figures / "nenner.yaml").write_text("id: nenner\nbezeichnung: Nenner\nart: grundzahl\n"
                                         "werte:\n  ergebnis: {2024: 0}\n  ansatz: {2025: 5}\n")
    (figures / "quote.yaml").write_text('id: quote\nbezeichnung: Quote\nart: kennzahl\n'
                                        'formel: "anzahl_faelle / nenner"\n')
    for command in (["validate"], ["kennzahlen"]):
        outcome = runner.invoke(app, [*command, str(catalogue)])
        assert outcome.exit_code == 1
        assert "quote.yaml:4:24: Fehler K215" in outcome.output
        assert "Division durch 0 in Ergebnis 2024" in outcome.output
    document = json.loads(runner.invoke(app, ["kennzahlen", str(catalogue), "-f", "json"]).stdout)  # findings: stderr
    quote = next(line for line in document["kennzahlen"] if line["kennung"] == "quote")
    assert [("wert" in v, "kein_wert" in v) for v in quote["werte"]] == [(False, True), (True, False), (False, True)]


def test_cached_computation_findings_match_a_fresh_run(catalogue: Path) -> None:
    """The warm path reuses findings of unchanged owners, and recomputes an owner whose input changed."""
    figures = catalogue / "produkte/01-innere-verwaltung/010101-buergerbuero/kennzahlen"
    (figures / "nenner.yaml").write_text("id: nenner\nbezeichnung: Nenner\nart: grundzahl\nwerte:\n"
                                         "  ergebnis: {2024: 0}\n")
    (figures / "quote.yaml").write_text('id: quote\nbezeichnung: Quote\nart: kennzahl\nformel: "1 / nenner"\n')
    from produktkatalog.pipeline import validate

    fresh = validate(catalogue, use_cache=False).findings
    assert [f.code for f in fresh] == ["K215"]
    assert validate(catalogue).findings == fresh  # fills the cache
    assert validate(catalogue).findings == fresh  # from the cache
    (figures / "nenner.yaml").write_text("id: nenner\nbezeichnung: Nenner\nart: grundzahl\nwerte:\n"
                                         "  ergebnis: {2024: 4}\n")
    assert validate(catalogue).findings == []


def test_catalogue_template_of_its_own(catalogue: Path) -> None:
    (catalogue / "zeilenvorlagen").mkdir()
    (catalogue / "zeilenvorlagen" / "eigene.yaml").write_text(
        'id: eigene\nname: "Eigene Vorlage"\nland: NW\nplan: ergebnisplan\nzeilen:\n'
        '  - {nummer: "A", bezeichnung: "Erträge", art: ertrag, rolle: ordentliche_ertraege}\n'
        '  - {nummer: "B", bezeichnung: "Aufwand", art: aufwand, rolle: ordentliche_aufwendungen}\n'
        '  - {nummer: "C", bezeichnung: "Ergebnis", art: summe, summe: ["A", "B"], rolle: ergebnis}\n')
    plan = catalogue / "produkte/01-innere-verwaltung/010101-buergerbuero/teilergebnisplan.yaml"
    plan.write_text('zeilen:\n  "A": {ergebnis: {2024: 50}}\n  "B": {ergebnis: {2024: -200}}\n')
    result = run(catalogue)
    # the base catalogue's kosten_je_fall reads zeile("17"), which this template does not have
    assert {(f.code, f.file.endswith("kosten_je_fall.yaml")) for f in result.findings} == {("K215", True)}
    assert "Die Zeile „17“ gibt es in der Zeilenvorlage „Eigene Vorlage“ nicht" in result.findings[0].message
    computation = compute_catalogue(result.catalogues[0])
    [figure] = [f for f in result.catalogues[0].kennzahlen if f.ident == "aufwandsdeckungsgrad"]
    owner = Owner("produkt", result.catalogues[0].plans[0].product_folder)
    assert computation.of(figure, owner)[Period("ergebnis", 2024)] == 25
    assert isinstance(computation.of(figure, owner)[Period("ansatz", 2025)], NoValue)
