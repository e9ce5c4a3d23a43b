"""What a plan cell and a Kennzahl value mean (README, "So werden Werte geschrieben"), on fictional catalogues.

tests/beispiele/werte: a product with expenses and no income row, a ~ cell, a column the plan does not draw up, a
plan of sums only, a stock continued with vorjahr(), a printed value next to a formula and a Zielwert ~.
tests/beispiele/bw-summen: a Baden-Württemberg plan whose außerordentliche rows are never filled.
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES, run
from produktkatalog.cli import app
from produktkatalog.compute import Computation
from produktkatalog.compute.goals import goal_results
from produktkatalog.compute.tables import Table
from produktkatalog.diff.compare import compare_catalogues
from produktkatalog.model.owners import GESAMT, Owner
from produktkatalog.model.values import NoValue, Outcome, Period
from produktkatalog.present.explain import explain, matching
from produktkatalog.present.figures import Listing
from produktkatalog.render.budget import plan_view
from produktkatalog.report.figures import write_json

WERTE = EXAMPLES / "werte"
BW = EXAMPLES / "bw-summen"
FOLDER = "produkte/01-innere-verwaltung"
SPORT, STREETS, PRINT = (f"{FOLDER}/{name}" for name in
                         ("010101-vereinsfoerderung", "010102-strassen", "010201-hausdruckerei"))
E24, A25, A26, P27 = Period("ergebnis", 2024), Period("ansatz", 2025), Period("ansatz", 2026), Period("planung", 2027)


@pytest.fixture(scope="module")
def werte() -> Computation:
    result = run(WERTE)
    assert result.findings == []
    return result.computations[0]


def table(computation: Computation, folder: str) -> Table:
    owner = next(o for o in computation.tables.lifts if o.key.endswith(folder))
    found = computation.tables.table(owner, "ergebnisplan")
    assert found is not None
    return found


def figure(computation: Computation, ident: str, folder: str = "") -> dict[Period, Outcome]:
    """The values of a Kennzahl; a Standardkennzahl for the product in ``folder``."""
    [found] = [k for k in computation.index.catalogue.kennzahlen if k.ident == ident
               and (k.per_owner or (k.product_folder or "").endswith(folder))]
    owner = next(o for o in computation.tables.lifts if o.key.endswith(folder)) if found.per_owner else None
    return computation.of(found, owner)


def reason(value: Outcome) -> str:
    assert isinstance(value, NoValue), value
    return value.reason


def test_no_income_row_is_zero_income_not_no_value(werte: Computation) -> None:
    """Expenses of 798.900 € and no income row: Zuschussbedarf 798.900 €, Aufwandsdeckungsgrad 0 %."""
    sport = table(werte, SPORT)
    assert sport.value("10", A26) == 0 and "10" in sport.column(A26).blank
    assert sport.value("18", A26) == Decimal("-798900.00")
    assert figure(werte, "zuschussbedarf", SPORT)[A26] == Decimal("798900.00")
    assert figure(werte, "aufwandsdeckungsgrad", SPORT)[A26] == 0


def test_a_tilde_cell_makes_every_dependent_sum_and_figure_no_value_naming_the_cell(werte: Computation) -> None:
    streets = table(werte, STREETS)
    assert streets.value("10", A26) == Decimal("130000.00")  # does not depend on row 14
    for row in ("14", "17", "18", "22", "26", "29"):
        assert "Zeile 14 (Produkt 010102) ist für Ansatz 2026 als unbekannt (~)" in reason(streets.value(row, A26))
    for ident in ("zuschussbedarf", "aufwandsdeckungsgrad", "personalintensitaet", "teilergebnis_je_einwohner"):
        assert "Zeile 14 (Produkt 010102)" in reason(figure(werte, ident, STREETS)[A26])
    group = werte.tables.table(Owner("produktgruppe", "0101"), "ergebnisplan")
    assert group is not None and "Zeile 14 (Produkt 010102)" in reason(group.value("17", A26))
    gesamt = werte.tables.table(GESAMT, "ergebnisplan")
    assert gesamt is not None and "Zeile 14" in reason(gesamt.value("29", A26))
    assert gesamt.value("10", A26) == Decimal("130000.00") + Decimal("22000.00")
    assert figure(werte, "zuschussbedarf", SPORT)[A26] == Decimal("798900.00")  # another product: unaffected


def test_a_column_the_plan_does_not_draw_up_is_no_value_never_zeros(werte: Computation) -> None:
    streets = table(werte, STREETS)
    for row in ("04", "10", "17", "29"):
        assert "nennt für Planung 2027 keinen Betrag" in reason(streets.value(row, P27))
    gesamt = werte.tables.table(GESAMT, "ergebnisplan")
    assert gesamt is not None
    assert "Produkt 010102" in reason(gesamt.value("10", P27))  # not the other products' sum
    assert table(werte, SPORT).value("17", P27) == Decimal("-815900.00")


def test_zeile_of_an_absent_row_is_zero_where_the_column_is_drawn_up(werte: Computation) -> None:
    values = figure(werte, "finanzertraege", STREETS)
    assert (values[E24], values[A25], values[A26]) == (Decimal("500.00"), 0, 0)
    assert "Planung 2027" in reason(values[P27])


def test_a_plan_of_sums_only_keeps_its_sums_and_leaves_their_parts_open(werte: Computation) -> None:
    printing = table(werte, PRINT)
    assert printing.value("18", A26) == Decimal("22000.00") - Decimal("84000.00")
    assert "nicht einzeln angegeben, nur in der Summenzeile 17" in reason(printing.value("11", A26))
    assert "Zeile 11 (Produkt 010201)" in reason(figure(werte, "personalintensitaet", PRINT)[A26])
    assert figure(werte, "zuschussbedarf", PRINT)[A26] == Decimal("62000.00")


def test_blank_sum_rows_are_zero_in_every_row_that_adds_them_up() -> None:
    """BW: rows 21/22 never filled; row 23 is blank (0) and row 24 equals row 20, on the page as in the figures."""
    result = run(BW)
    assert result.findings == []
    computation = result.computations[0]
    [product] = [t for t in computation.tables.tables.values() if t.plan is not None]
    for period in computation.periods:
        assert product.value("23", period) == 0 and "23" in product.column(period).blank
        assert product.value("24", period) == product.value("20", period)
    view = plan_view(product, computation.periods, "Teilergebnisplan")
    cells = {row.number: [cell.text for cell in row.cells] for row in view.rows}
    assert cells["23"] == ["", "", ""] and cells["21"] == ["", "", ""]
    assert cells["24"] == cells["20"] == ["-593.300,00", "-613.000,00", "-630.000,00"]


def test_no_value_cells_show_a_dash_with_the_reason(werte: Computation) -> None:
    view = plan_view(table(werte, STREETS), werte.periods, "Teilergebnisplan")
    cells = {row.number: row.cells for row in view.rows}
    assert [c.text for c in cells["14"]] == ["-450.000,00", "-455.000,00", "—", "—"]
    assert "als unbekannt (~)" in cells["14"][2].note
    assert [c.text for c in cells["15"]] == ["", "", "", "—"]  # nothing planned, then a column not drawn up


def test_a_stock_continues_from_its_stated_start(werte: Computation) -> None:
    values = figure(werte, "strassen_km", STREETS)
    assert (values[E24], values[A25], values[A26]) == (Decimal("212.4"), Decimal("213.6"), Decimal("214.4"))
    assert "neubau_km" in reason(values[P27])
    listing = Listing(werte)
    [(_, line)] = matching(listing, "strassen_km")
    explained = explain(listing, line)[5:8]
    assert explained[0].endswith("; es gilt der angegebene Wert 212,4")
    assert explained[1:] == ["Ansatz 2025: vorjahr(212,4) + 1,2 = 213,6", "Ansatz 2026: vorjahr(213,6) + 0,8 = 214,4"]


def test_a_stated_value_next_to_a_formula_is_kept_beside_the_computed_one(werte: Computation) -> None:
    stream = StringIO()
    write_json([Listing(werte)], [], stream)
    lines = [line for line in json.loads(stream.getvalue())["kennzahlen"] if line["kennung"] == "deckung_gedruckt"]
    [line] = lines
    ansatz = line["werte"][1]
    assert (ansatz["wert"][:7], ansatz["angegeben"], ansatz["angegeben_anzeige"]) == ("16.3398", "16.3", "16,3\u00a0%")
    assert [("angegeben" in value) for value in line["werte"]] == [False, True, False, False]


def test_a_zielwert_written_as_tilde_is_open_not_left_out(werte: Computation) -> None:
    [goal] = [g for g in goal_results(werte) if g.goal.get("id") == "deckung"]
    by_year = {a.period.year: a for a in goal.achievements["aufwandsdeckungsgrad"]}
    assert (by_year[2025].light, by_year[2025].degree) == ("rot", 0)
    assert isinstance(by_year[2026].target, NoValue) and by_year[2026].light is None
    assert 2024 not in by_year  # no Zielwert written for 2024


def test_diff_counts_an_added_row_from_zero_and_a_filled_tilde_from_no_value(tmp_path: Path) -> None:
    shutil.copytree(WERTE, tmp_path / "neu")
    plan = tmp_path / "neu" / STREETS / "teilergebnisplan.yaml"
    plan.write_text(plan.read_text("utf-8").replace("2026: ~}", "2026: -460000.00}"), "utf-8")
    sport = tmp_path / "neu" / SPORT / "teilergebnisplan.yaml"
    sport.write_text(sport.read_text("utf-8") + '  "04":\n    ansatz: {2026: 5000.00}\n', "utf-8")
    old, new = run(WERTE).computations[0], run(tmp_path / "neu").computations[0]
    found = compare_catalogues(old, new)
    stated = {(c.subject.split()[1], c.item, c.column): (c.old, c.new) for c in found.stated}
    assert stated == {("010102", "14", "Ansatz 2026"): (None, Decimal("-460000.00")),
                      ("010101", "04", "Ansatz 2026"): (Decimal(0), Decimal("5000.00"))}
    rows = {(c.subject, c.item): (c.old, c.new) for c in found.rows if c.column == "Ansatz 2026"}
    assert rows[("Produkt 010102 Gemeindestraßen", "17")] == (None, Decimal("-780000.00"))
    assert rows[("Produkt 010101 Vereinsförderung", "10")] == (0, Decimal("5000.00"))


def test_a_plan_without_a_row_template_is_an_error_and_nothing_is_rendered(catalogue: Path, tmp_path: Path) -> None:
    settings = catalogue / "katalog.yaml"
    settings.write_text(settings.read_text("utf-8").replace("land: NW", "land: BB"), "utf-8")
    finance = catalogue / "produkte/01-innere-verwaltung/010101-buergerbuero/teilfinanzplan.yaml"
    finance.write_text('zeilen:\n  "xyz":\n    ansatz: {2025: 5}\n', "utf-8")
    result = run(catalogue)
    assert [(f.code, f.file.rsplit("/", 1)[-1], f.line) for f in result.findings] == [
        ("K219", "katalog.yaml", 3), ("K219", "katalog.yaml", 3)]
    assert [f.message.split(";")[0].rsplit(" ", 1)[-1] for f in result.findings] == [
        "Teilergebnispläne", "Teilfinanzpläne"]
    assert "zeilenvorlagen/" in result.findings[0].hint
    rendered = CliRunner().invoke(app, ["render", str(catalogue), "-o", str(tmp_path / "aus"), "--no-cache"])
    assert rendered.exit_code == 1 and not (tmp_path / "aus").exists()


def test_a_stated_value_within_its_wertetoleranz_is_shown_beside_the_computed_one(tmp_path: Path) -> None:
    root = tmp_path / "werte"
    shutil.copytree(WERTE, root)
    path = root / STREETS / "kennzahlen" / "deckung_gedruckt.yaml"
    path.write_text(path.read_text("utf-8").replace("{2025: 16.3}", "{2025: 16.0}\nwertetoleranz: 0.5"), "utf-8")
    runner = CliRunner()
    text = runner.invoke(app, ["kennzahlen", str(root), "--produkt", "010102", "--no-cache"])
    assert text.exit_code == 0 and "16,3 % (angegeben: 16,0 %)" in text.stdout.replace("\u00a0", " ")
    assert runner.invoke(app, ["render", str(root), "-o", str(tmp_path / "aus"), "-f", "md"]).exit_code == 0
    sheet = (tmp_path / "aus" / "produkte" / "010102-gemeindestrassen.md").read_text("utf-8")
    assert "| 16,3\u00a0% (angegeben: 16,0\u00a0%) |" in sheet
    path.write_text(path.read_text("utf-8").replace("wertetoleranz: 0.5", "wertetoleranz: 0.3"), "utf-8")
    [finding] = run(root).findings
    assert (finding.code, finding.line, finding.column) == ("K220", 9, 18)
    assert "nennt für Ansatz 2025 16,0\u00a0%, die Formel ergibt 16,3\u00a0%" in finding.message
