"""Wording on pages and in output: names where numbers stood alone, no ids in captions, signs that agree."""

from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import BASE, BUNDLED, PRODUCT
from produktkatalog.cli import app
from produktkatalog.diff.markdown import _amount
from produktkatalog.diff.records import AmountChange
from produktkatalog.load import load_document
from produktkatalog.wording.numbers import number, with_unit

runner = CliRunner()
SPECIAL = "produkte/21-sonderaufgaben/210101-sonderprojekt"


def _catalogue(root: Path) -> Path:
    """The base catalogue with a placeholder group name, a Produktgruppe without Produktbereich, a level name
    „as printed“ equal to the official one, and a Kennzahl that computes to -0."""
    shutil.copytree(BASE, root)
    settings = root / "katalog.yaml"
    settings.write_text(settings.read_text().replace('    "0101": "Bürgerdienste"\n',
                                                     '    "0101": "Produktgruppe 0101"\n    "21": "Sonderaufgaben"\n'))
    product = root / PRODUCT / "produkt.yaml"
    product.write_text(product.read_text() + "bezeichnungen_im_dokument:\n  produktgruppe: \"Produktgruppe 0101\"\n")
    (root / PRODUCT / "kennzahlen" / "quote_null.yaml").write_text(
        'id: quote_null\nbezeichnung: "Quote null"\nart: kennzahl\neinheit: "%"\nformel: "-(anzahl_faelle * 0)"\n')
    (root / SPECIAL).mkdir(parents=True)
    (root / SPECIAL / "produkt.yaml").write_text('nummer: "210101"\nbezeichnung: "Sonderprojekt"\n'
                                                 'produktgruppe: "21"\nprogrammbezuege:\n'
                                                 '  - {programm: klima, beitrag: "keiner"}\n')
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wording")
    root = _catalogue(folder / "katalog")
    result = runner.invoke(app, ["render", str(root), "--out", str(folder / "aus"), "--no-cache"])
    assert result.exit_code == 0, result.output
    return folder / "aus"


def test_the_gesamtplan_caption_names_no_template_id(site: Path) -> None:
    page = (site / "haushalt" / "gesamt.md").read_text("utf-8")
    assert "– Gliederung: Teilergebnisplan NRW**" in page and "nrw_ergebnisplan" not in page
    assert "nrw_ergebnisplan" not in (site / "haushalt" / "gesamt.html").read_text("utf-8")


def test_roll_ups_describe_no_product(site: Path) -> None:
    page = (site / "haushalt" / "gesamt.md").read_text("utf-8")
    assert "Ordentliche Aufwendungen je Einwohner." in page and "des Produkts" not in page


def test_contained_levels_carry_their_names(site: Path) -> None:
    page = (site / "haushalt" / "gesamt.md").read_text("utf-8")
    assert "[Produktbereich 01 Innere Verwaltung](../haushalt/produktbereich-01.md)" in page


def test_a_placeholder_name_is_not_repeated(site: Path) -> None:
    index = (site / "index.md").read_text("utf-8")
    assert "Produktgruppe 0101 Produktgruppe 0101" not in index and "  - Produktgruppe [0101](" in index
    assert "Produktgruppe 0101 Produktgruppe 0101" not in (site / "index.html").read_text("utf-8")


def test_the_land_is_named(site: Path) -> None:
    assert "| Land | Nordrhein-Westfalen |" in (site / "index.md").read_text("utf-8")


def test_amounts_per_inhabitant_carry_the_euro_sign(site: Path) -> None:
    page = (site / "haushalt" / "gesamt.md").read_text("utf-8")
    row = next(line for line in page.splitlines() if line.startswith("| Ordentliche Aufwendungen je Einwohner |"))
    assert row.count("\u00a0€") == 2 and "EUR je Einwohner | 18,00\u00a0€ |" in row
    assert with_unit(Decimal("-33.24"), "EUR je Einwohner", 2) == "-33,24\u00a0€"


def test_a_group_without_produktbereich_is_listed_under_its_group(site: Path) -> None:
    index_md = (site / "index.md").read_text("utf-8")
    assert "- Ohne Produktbereich\n  - Produktgruppe 21 Sonderaufgaben\n    - [210101 Sonderprojekt]" in index_md
    assert "Ohne Produktgruppe" not in index_md
    index_html = (site / "index.html").read_text("utf-8")
    sheet = (site / "produkte" / "210101-sonderprojekt.html").read_text("utf-8")
    [anchor] = re.findall(r'href="\.\./index\.html#([^"]+)"', sheet)
    assert anchor == "pg-21" and f'id="{anchor}"' in index_html


def test_the_printed_name_only_where_it_differs(site: Path) -> None:
    sheet = (site / "produkte" / "010101-buergerbuero.md").read_text("utf-8")
    assert "im Dokument" not in sheet
    halberstadt = runner.invoke(app, ["render", str(BUNDLED / "halberstadt"), "--out", str(site.parent / "hb"),
                                      "--format", "md"])
    assert halberstadt.exit_code == 0
    assert "(im Dokument: Verwaltungssteuerung/ -service)" in next((site.parent / "hb" / "produkte").iterdir()
                                                                    ).read_text("utf-8")


def test_zero_has_no_sign(site: Path, tmp_path: Path) -> None:
    assert number(Decimal("-0.04"), 1) == "0,0" and number(Decimal("-0"), 2) == "0,00"
    root = _catalogue(tmp_path / "katalog")
    document = json.loads(runner.invoke(app, ["kennzahlen", str(root), "-f", "json"]).stdout)
    [line] = [line for line in document["kennzahlen"] if line["kennung"] == "quote_null"]
    assert {value["wert"] for value in line["werte"] if "wert" in value} == {"0"}
    assert {value["anzeige"] for value in line["werte"] if "anzeige" in value} == {"0,0\u00a0%"}
    assert "-0,0" not in (site / "produkte" / "010101-buergerbuero.md").read_text("utf-8")


def test_no_empty_goal_table_without_zielkennzahlen() -> None:
    output = runner.invoke(app, ["kennzahlen", str(BUNDLED / "siegburg")]).output
    assert "Zielerreichung" not in output
    chosen = runner.invoke(app, ["kennzahlen", str(BUNDLED / "siegburg"), "-p", "partner-und-patenschaftsarbeit"])
    assert chosen.exit_code == 0 and "Keine Kennzahlen für „partner-und-patenschaftsarbeit“." in chosen.output


def test_the_index_of_several_plan_years_tells_them_apart(tmp_path: Path) -> None:
    for year in (2024, 2025, 2026):
        target = tmp_path / "stadt" / f"haushalt-{year}"
        shutil.copytree(BASE, target)
        settings = target / "katalog.yaml"
        settings.write_text(settings.read_text().replace("haushaltsjahr: 2025", f"haushaltsjahr: {year}"))
    result = runner.invoke(app, ["render", str(tmp_path / "stadt"), "--out", str(tmp_path / "aus"), "--format", "md"])
    assert result.exit_code == 0, result.output
    lines = [line for line in (tmp_path / "aus" / "index.md").read_text("utf-8").splitlines() if line.startswith("- ")]
    assert [line.split("](")[0] for line in lines] == [f"- [Teststadt, Haushaltsjahr {year}" for year in
                                                       (2024, 2025, 2026)]


def test_a_missing_colon_is_reported_on_its_own_line() -> None:
    text = 'nummer: "010101"\nbezeichnung: "B"\nziele:\n  - id: a\n    art operativ\n    text: "x"\n'
    document = load_document(text.encode(), "produkt.yaml")
    [finding] = document.findings
    assert (finding.code, finding.line) == ("Y010", 5)


def test_difference_and_relative_change_have_one_sign() -> None:
    grown = AmountChange("Gesamtplan", "gesamt", "teilergebnisplan", "29", "Ergebnis", "ansatz", 2026,
                         Decimal("-55000000"), Decimal("-54887180"))
    assert grown.delta == Decimal("112820") and grown.relative is not None and grown.relative > 0
    cells = _amount(grown)
    assert cells[-2].startswith("+112.820,00") and cells[-1].startswith("+0,2")
    more_expense = AmountChange("Produkt 020101 Bürgerbüro", "produkt", "teilergebnisplan", "11", "Personal",
                                "ansatz", 2026, Decimal("-1128200.00"), Decimal("-1241020.00"))
    assert _amount(more_expense)[-2:] == ["-112.820,00 €", "-10,0\u00a0%"]
