"""Columns as printed: a column's titel and vorläufig in every heading, a plan's einheit, euros-only
Standardkennzahlen switched off for plans in another unit."""

from __future__ import annotations

import csv
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from conftest import BASE, PRODUCT, run
from produktkatalog.cli.app import app
from produktkatalog.compute.catalogue import compute_catalogue
from produktkatalog.diff.compare import compare_catalogues
from produktkatalog.diff.markdown import markdown
from produktkatalog.diff.records import Diff
from produktkatalog.model.owners import GESAMT, Owner
from produktkatalog.model.values import NoValue, Period

COLUMNS = """spalten:
  - {art: ergebnis, jahr: 2024, vorlaeufig: true}
  - {art: ansatz, jahr: 2025, titel: "Fortgeschriebener Ansatz 2025"}
  - {art: planung, jahr: 2026}
"""


def _printed_columns(catalogue: Path) -> None:
    settings = catalogue / "katalog.yaml"
    text = settings.read_text("utf-8")
    start, end = text.index("spalten:"), text.index("einwohner:")
    settings.write_text(text[:start] + COLUMNS + text[end:], "utf-8")


def _render(catalogue: Path, out: Path, form: str) -> None:
    rendered = CliRunner().invoke(app, ["render", str(catalogue), "-o", str(out), "-f", form, "--no-cache"])
    assert rendered.exit_code == 0, rendered.output


def test_pages_head_each_column_as_printed(catalogue: Path, tmp_path: Path) -> None:
    _printed_columns(catalogue)
    _render(catalogue, tmp_path / "md", "md")
    sheet = (tmp_path / "md" / "produkte" / "010101-buergerbuero.md").read_text("utf-8")
    heads = [line for line in sheet.splitlines() if line.startswith(("| Nr. | Zeile |", "| Kennzahl | Einheit |"))]
    assert len(heads) == 3  # the plan, the product's and the Leistung's Kennzahlen
    for head in heads:
        assert head.endswith("| Ergebnis 2024 (vorläufig) | Fortgeschriebener Ansatz 2025 | Planung 2026 |")
    _render(catalogue, tmp_path / "html", "html")
    page = (tmp_path / "html" / "produkte" / "010101-buergerbuero.html").read_text("utf-8")
    assert page.count('<th scope="col" class="zahl">Ergebnis 2024 (vorläufig)</th>') == 3
    assert page.count('<th scope="col" class="zahl">Fortgeschriebener Ansatz 2025</th>') == 3
    assert page.count('<th scope="col" class="zahl">Planung<br>2026</th>') == 3  # a plain column as before


def test_kennzahlen_text_csv_and_json_name_the_columns_as_printed(catalogue: Path) -> None:
    _printed_columns(catalogue)
    runner = CliRunner()
    text = runner.invoke(app, ["kennzahlen", str(catalogue), "--no-cache"], env={"COLUMNS": "200"})
    assert text.exit_code == 0 and "Ergebnis 2024 (vorläufig)" in text.stdout
    assert "Fortgeschriebener Ansatz 2025" in text.stdout
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["kennzahlen", str(catalogue), "-f", "csv"]).stdout),
                delimiter=";"))
    assert {(r["wertart"], r["spalte"], r["vorlaeufig"]) for r in rows} == {
        ("ergebnis", "Ergebnis 2024 (vorläufig)", "ja"), ("ansatz", "Fortgeschriebener Ansatz 2025", ""),
        ("planung", "Planung 2026", "")}
    document = json.loads(runner.invoke(app, ["kennzahlen", str(catalogue), "-f", "json"]).stdout)
    first = document["kennzahlen"][0]["werte"]
    assert [(v["spalte"], v.get("vorlaeufig")) for v in first] == [
        ("Ergebnis 2024 (vorläufig)", True), ("Fortgeschriebener Ansatz 2025", None), ("Planung 2026", None)]


def test_export_marks_the_vorlaeufig_column(catalogue: Path, tmp_path: Path) -> None:
    _printed_columns(catalogue)
    exported = CliRunner().invoke(app, ["export", str(catalogue), "--format", "csv"])
    assert exported.exit_code == 0, exported.output
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    row = next(r for r in rows if r["zeile"] == "04" and r["jahr"] == "2024" and r["ebene"] == "produkt")
    assert (row["spalte"], row["vorlaeufig"], row["einheit"]) == ("Ergebnis 2024 (vorläufig)", "ja", "EUR")


def test_diff_names_the_column_as_printed(catalogue: Path, tmp_path: Path) -> None:
    _printed_columns(catalogue)
    before = compute_catalogue(run(catalogue).catalogues[0])
    plan = catalogue / PRODUCT / "teilergebnisplan.yaml"
    plan.write_text(plan.read_text("utf-8").replace("ansatz: {2025: 260000.00}", "ansatz: {2025: 270000.00}"))
    after = compute_catalogue(run(catalogue).catalogues[0])
    found = compare_catalogues(before, after)
    [change] = found.stated
    assert change.column == "Fortgeschriebener Ansatz 2025"
    assert "Fortgeschriebener Ansatz 2025" in markdown(Diff("alt", "neu", catalogues=[found]))


PER_HEAD = """einheit: EUR je Einwohner
zeilen:
  "04":
    ergebnis: {2024: 4.99}
  "11":
    ergebnis: {2024: -17.96}
"""


def test_a_plan_in_eur_je_einwohner_says_so_and_has_no_euro_standardkennzahlen(catalogue: Path,
                                                                               tmp_path: Path) -> None:
    (catalogue / PRODUCT / "teilergebnisplan.yaml").write_text(PER_HEAD, "utf-8")
    result = run(catalogue)
    assert result.findings == []
    computation = compute_catalogue(result.catalogues[0])
    owner = Owner("produkt", next(iter(computation.tables.lifts)).key)
    by_id = {f.ident: f for f in computation.index.catalogue.kennzahlen if f.shipped}
    period = Period("ergebnis", 2024)
    zuschuss = computation.of(by_id["zuschussbedarf"], owner)[period]
    assert isinstance(zuschuss, NoValue)
    assert zuschuss.reason == ("Der Teilergebnisplan von Produkt 010101 steht in EUR je Einwohner; "
                               "„Zuschussbedarf“ braucht Beträge in EUR.")
    coverage = computation.of(by_id["aufwandsdeckungsgrad"], owner)[period]  # a ratio is the same in any unit
    assert isinstance(coverage, Decimal) and round(coverage, 2) == Decimal("27.78")
    _render(catalogue, tmp_path / "md", "md")
    sheet = (tmp_path / "md" / "produkte" / "010101-buergerbuero.md").read_text("utf-8")
    assert "**Teilergebnisplan (EUR je Einwohner) – Gliederung:" in sheet


def test_plans_in_different_units_do_not_add_up(catalogue: Path) -> None:
    other = catalogue / "produkte" / "01-innere-verwaltung" / "010102-standesamt"
    shutil.copytree(BASE / PRODUCT, other)
    (other / "produkt.yaml").write_text('nummer: "010102"\nbezeichnung: "Standesamt"\n'
                                        "programmbezuege: [{programm: klima, beitrag: x}]\n", "utf-8")
    shutil.rmtree(other / "kennzahlen")
    shutil.rmtree(other / "leistungen")
    plan = other / "teilergebnisplan.yaml"
    plan.write_text("einheit: T€\n" + plan.read_text("utf-8").replace("250000.00", "250").replace(
        "-900000.00", "-900").replace("260000.00", "260").replace("-950000.00", "-950"), "utf-8")
    result = run(catalogue)
    assert [f.code for f in result.findings] == []
    computation = compute_catalogue(result.catalogues[0])
    total = computation.tables.table(GESAMT, "ergebnisplan")
    assert total is not None and total.unit == ""
    cell = total.value("04", Period("ergebnis", 2024))
    assert isinstance(cell, NoValue) and "verschiedene Einheiten (EUR, T€)" in cell.reason


def test_a_column_whose_kind_the_source_does_not_state(catalogue: Path, tmp_path: Path) -> None:
    """„Betrag 2026“: the figures are computed for it like any column, and it is headed as printed."""
    settings = catalogue / "katalog.yaml"
    settings.write_text(settings.read_text("utf-8").replace("{art: planung, jahr: 2026}",
                                                            "{art: betrag, jahr: 2026}"), "utf-8")
    plan = catalogue / PRODUCT / "teilergebnisplan.yaml"
    plan.write_text(plan.read_text("utf-8").replace("    ansatz: {2025: 260000.00}", "    ansatz: {2025: 260000.00}\n"
                                                    "    betrag: {2026: 270000.00}").replace(
        "    ansatz: {2025: -950000.00}", "    ansatz: {2025: -950000.00}\n    betrag: {2026: -990000.00}"))
    result = run(catalogue)
    assert result.findings == []
    computation = result.computations[0]
    zuschuss = next(f for f in computation.index.catalogue.kennzahlen if f.ident == "zuschussbedarf")
    owner = Owner("produkt", next(iter(computation.tables.lifts)).key)
    assert computation.of(zuschuss, owner)[Period("betrag", 2026)] == Decimal("720000.00")
    _render(catalogue, tmp_path / "md", "md")
    sheet = (tmp_path / "md" / "produkte" / "010101-buergerbuero.md").read_text("utf-8")
    assert "| Nr. | Zeile | Ergebnis 2024 | Ansatz 2025 | Betrag 2026 |" in sheet
    assert "| **17** | **Ordentliche Aufwendungen** | **-900.000,00** | **-950.000,00** | **-990.000,00** |" in sheet
