"""``katalog export``: the xlsx opens with numbers and German formats, the csv keeps every digit, the Fiscal Data
Package passes the real frictionless validator; texts never run as formulas; a catalogue with errors is not
exported."""

from __future__ import annotations

import csv
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from conftest import BUNDLED, run
from produktkatalog.cli import app
from produktkatalog.model.values import Period

runner = CliRunner()
BEISPIEL = BUNDLED / "beispielstadt"
PRODUCT = "produkte/02-sicherheit-und-ordnung/020101-buergerbuero"


def katalog(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def computed() -> object:
    return run(BEISPIEL).computations[0]


def table_value(computation: object, level: str, number: str, row: str, period: Period) -> Decimal:
    tables = computation.tables.tables  # type: ignore[attr-defined]
    for (owner, statement), table in tables.items():
        name = computation.index.catalogue.product_by_folder()  # type: ignore[attr-defined]
        shown = name[owner.key].number if owner.level == "produkt" else owner.key
        if owner.level == level and shown == number and statement == "ergebnisplan":
            return table.column(period)[row]
    raise AssertionError((level, number, row))


def test_xlsx_has_numbers_formats_frozen_headings_filters_and_the_kommune(tmp_path: Path, computed: object) -> None:
    code, output = katalog("export", str(BEISPIEL), "--format", "xlsx", "--out", str(tmp_path / "k.xlsx"))
    assert code == 0, output
    book = load_workbook(tmp_path / "k.xlsx")
    assert book.sheetnames == ["Produkte", "Produktgruppen", "Produktbereiche", "Gesamtplan", "Teilhaushalte",
                               "Kennzahlen", "Zielerreichung"]
    for sheet in book.worksheets:
        assert "Beispielstadt (fiktiv)" in sheet["A1"].value and "Haushaltsjahr 2026" in sheet["A1"].value
        assert sheet["A2"].value == "Kommune" and sheet["B2"].value == "Haushaltsjahr"
        assert sheet.freeze_panes in ("J3", "D3")
        assert sheet.auto_filter.ref.startswith("A2:")
        assert sheet["A3"].value == "Beispielstadt (fiktiv)" and sheet["B3"].value == 2026
    products = book["Produkte"]
    heads = [cell.value for cell in products[2]]
    assert heads[:9] == ["Kommune", "Haushaltsjahr", "Produktbereich", "Produktgruppe", "Nummer", "Bezeichnung",
                         "Plan", "Zeile", "Zeilenbezeichnung"]
    assert heads[9:] == ["Ergebnis 2024", "Ansatz 2025", "Ansatz 2026", "Planung 2027", "Planung 2028",
                         "Planung 2029"]
    row = next(r for r in products.iter_rows(min_row=3) if r[4].value == "020101" and r[7].value == "17")
    cell = row[heads.index("Ansatz 2026")]
    assert isinstance(cell.value, (int, float)) and cell.number_format == "#,##0.00;-#,##0.00"
    assert Decimal(str(cell.value)) == table_value(computed, "produkt", "020101", "17", Period("ansatz", 2026))
    assert cell.font.b  # a sum row is bold
    assert row[2].value == "02" and row[3].value == "0201" and row[4].data_type == "s"
    figures = book["Kennzahlen"]
    share = next(r for r in figures.iter_rows(min_row=3) if r[5].value == "aufwandsdeckungsgrad"
                 and r[3].value == "020101")
    assert share[8].value == "%" and share[9].number_format.startswith("#,##0.0\\ \"%\"")
    goals = book["Zielerreichung"]
    assert any(r[9].value in ("grün", "gelb", "rot") and isinstance(r[8].value, float)
               for r in goals.iter_rows(min_row=3))


def test_texts_that_look_like_formulas_stay_text(tmp_path: Path) -> None:
    catalogue = tmp_path / "beispielstadt"
    shutil.copytree(BEISPIEL, catalogue)
    product = catalogue / PRODUCT / "produkt.yaml"
    product.write_text(product.read_text("utf-8").replace('bezeichnung: "Bürgerbüro"',
                                                          "bezeichnung: '=HYPERLINK(\"http://x.invalid\",\"a\")'"),
                       "utf-8")
    assert katalog("export", str(catalogue), "--format", "xlsx", "--out", str(tmp_path / "k.xlsx"))[0] == 0
    book = load_workbook(tmp_path / "k.xlsx")
    cells = [row[5] for row in book["Produkte"].iter_rows(min_row=3) if row[4].value == "020101"]
    assert cells and all(c.data_type == "s" and c.value.startswith("=HYPERLINK") and c.quotePrefix for c in cells)
    code, output = katalog("export", str(catalogue), "--format", "csv")
    assert code == 0
    rows = [r for r in csv.DictReader(io.StringIO(output)) if r["nummer"] == "020101"]
    assert rows and all(r["bezeichnung"].startswith("'=HYPERLINK") for r in rows)


def test_csv_keeps_full_precision_and_shows_the_rounded_value(computed: object) -> None:
    code, output = katalog("export", str(BEISPIEL), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(output)))
    assert {r["kommune"] for r in rows} == {"Beispielstadt (fiktiv)"}
    total = next(r for r in rows if r["ebene"] == "gesamt" and r["zeile"] == "17" and r["jahr"] == "2026")
    assert Decimal(total["wert"]) == table_value(computed, "gesamt", "", "17", Period("ansatz", 2026))
    assert total["herkunft"] == "summe"
    per_head = next(r for r in rows if r["kennung"] == "teilergebnis_je_einwohner" and r["ebene"] == "gesamt"
                    and r["jahr"] == "2026")
    assert len(per_head["wert"].replace("-", "").replace(".", "")) > 20  # every digit
    assert len(per_head["anzeige"].split(",")[1].removesuffix("\u00a0€")) == 2  # EUR je Einwohner: two places
    stated = next(r for r in rows if r["nummer"] == "020101" and r["zeile"] == "04" and r["jahr"] == "2024")
    assert (stated["wert"], stated["anzeige"], stated["herkunft"]) == ("512384.60", "512.384,60", "angegeben")
    computed_sum = next(r for r in rows if r["nummer"] == "020101" and r["zeile"] == "10" and r["jahr"] == "2024")
    assert computed_sum["herkunft"] == "berechnet"


def test_csv_for_excel_has_semicolons_decimal_commas_german_headings_and_a_bom() -> None:
    code, output = katalog("export", str(BEISPIEL), "--format", "csv", "--excel")
    assert code == 0
    assert output.startswith("\ufeffKommune;Haushaltsjahr;Ebene;Nummer;")
    rows = list(csv.DictReader(io.StringIO(output.removeprefix("\ufeff")), delimiter=";"))
    stated = next(r for r in rows if r["Nummer"] == "020101" and r["Zeile"] == "04" and r["Jahr"] == "2024")
    assert stated["Wert"] == "512384,60"
    assert katalog("export", str(BEISPIEL), "--format", "xlsx", "--excel")[0] == 2


def test_fdp_passes_frictionless_and_its_details_give_the_plan_result(tmp_path: Path, computed: object) -> None:
    from frictionless import validate

    code, output = katalog("export", str(BEISPIEL), "--format", "fdp", "--out", str(tmp_path / "paket"))
    assert code == 0, output
    report = validate(str(tmp_path / "paket" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    descriptor = json.loads((tmp_path / "paket" / "datapackage.json").read_text("utf-8"))
    fields = {f["name"]: f for f in descriptor["resources"][0]["schema"]["fields"]}
    assert fields["produkt"]["type"] == "string" and fields["betrag"]["columnType"] == "value"
    assert descriptor["model"]["measures"]["betrag"]["currency"] == "EUR"
    rows = list(csv.DictReader((tmp_path / "paket" / "plaene.csv").open(encoding="utf-8")))
    balance = sum((Decimal(r["betrag"]) * (1 if r["richtung"] == "revenue" else -1) for r in rows
                   if r["produkt"] == "020101" and r["jahr"] == "2026" and r["plan"] == "teilergebnisplan"),
                  Decimal(0))
    assert balance == table_value(computed, "produkt", "020101", "29", Period("ansatz", 2026))
    assert {r["phase"] for r in rows if r["wertart"] == "ergebnis"} == {"executed"}


def test_frictionless_is_not_vacuous_on_the_export(tmp_path: Path) -> None:
    from frictionless import validate

    assert katalog("export", str(BEISPIEL), "--format", "fdp", "--out", str(tmp_path / "paket"))[0] == 0
    plans = tmp_path / "paket" / "plaene.csv"
    lines = plans.read_text("utf-8").splitlines()
    plans.write_text("\n".join([*lines, lines[1], lines[2].replace(",revenue,", ",einnahme,")]) + "\n", "utf-8")
    report = validate(str(tmp_path / "paket" / "datapackage.json"))
    kinds = {error.type for task in report.tasks for error in task.errors}
    assert {"primary-key", "constraint-error"} <= kinds


def test_a_catalogue_with_errors_is_not_exported(tmp_path: Path, catalogue: Path) -> None:
    product = next(catalogue.rglob("produkt.yaml"))
    product.write_text(product.read_text("utf-8") + "bezeichnug: Tippfehler\n", "utf-8")
    code, output = katalog("export", str(catalogue), "--format", "xlsx", "--out", str(tmp_path / "k.xlsx"))
    assert code == 1 and "S101" in output and "exportiert wurde nichts" in output
    assert not (tmp_path / "k.xlsx").exists()


def test_kennzahlen_csv_and_json_name_the_kommune_and_round_for_display() -> None:
    code, output = katalog("kennzahlen", str(BEISPIEL), "-f", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(output), delimiter=";"))
    assert {r["kommune"] for r in rows} == {"Beispielstadt (fiktiv)"}
    per_head = next(r for r in rows if r["kennung"] == "teilergebnis_je_einwohner" and r["ebene"] == "gesamt"
                    and r["jahr"] == "2026")
    assert len(per_head["wert"]) > 20 and per_head["gerundet"].count(",") == 1
    assert len(per_head["gerundet"].split(",")[1]) == 2
    assert Decimal(per_head["gerundet"].replace(",", ".")) == round(Decimal(per_head["wert"].replace(",", ".")), 2)
    excel = katalog("kennzahlen", str(BEISPIEL), "-f", "csv", "--excel")[1]
    assert excel.startswith("\ufeffKommune;Ebene;Nummer;Bezeichnung der Ebene;")
    document = json.loads(katalog("kennzahlen", str(BEISPIEL), "-f", "json", "-p", "020101")[1])
    line = next(k for k in document["kennzahlen"] if k["kennung"] == "aufwandsdeckungsgrad")
    assert line["kommune"] == "Beispielstadt (fiktiv)"
    assert all(value["gerundet"].count(".") <= 1 and len(value["gerundet"].split(".")[-1]) == 1
               for value in line["werte"] if "wert" in value)
