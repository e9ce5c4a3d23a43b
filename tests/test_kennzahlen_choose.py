"""Choosing with --produkt and -e: unknown names end with a suggestion, every product and Kennzahl can be named."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from conftest import BUNDLED, PRODUCT
from produktkatalog.cli import app

runner = CliRunner()
BEISPIELSTADT = str(BUNDLED / "beispielstadt")


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "160"})  # wide enough for the Kennung column
    return result.exit_code, result.output


def test_an_unknown_product_exits_2_with_a_suggestion() -> None:
    code, output = invoke("kennzahlen", BEISPIELSTADT, "--produkt", "999999")
    assert code == 2
    assert "„999999“ gibt es nicht" in output and "011001, 011101, 020101" in output
    code, output = invoke("kennzahlen", BEISPIELSTADT, "--produkt", "02101")
    assert code == 2 and "Meinten Sie „020101“" in output


def test_render_names_the_closest_product(tmp_path: Path) -> None:
    code, output = invoke("render", BEISPIELSTADT, "--produkt", "02101", "--out", str(tmp_path / "aus"))
    assert code == 2 and "Ein Produkt „02101“ gibt es nicht. Meinten Sie „020101“" in output


def test_a_roll_up_number_is_known() -> None:
    code, output = invoke("kennzahlen", BEISPIELSTADT, "--produkt", "0201", "--jahr", "2026")
    assert code == 0 and "Produktgruppe 0201 Bürgerservice und Einwohnerwesen" in output


def test_a_missing_letter_in_erklaeren_gets_the_kennung_suggested() -> None:
    code, output = invoke("kennzahlen", BEISPIELSTADT, "-e", "kosten_je_vorsprach")
    assert code == 2
    assert "Meinten Sie „020101.kosten_je_vorsprache“" in output
    assert "katalog kennzahlen --kennungen" in output
    code, output = invoke("kennzahlen", BEISPIELSTADT, "-e", "020101.kosten_je_vorsprach")
    assert code == 2 and "Meinten Sie „020101.kosten_je_vorsprache“" in output


def test_kennungen_shows_what_erklaeren_takes() -> None:
    code, output = invoke("kennzahlen", BEISPIELSTADT, "--produkt", "020101", "--jahr", "2026", "--kennungen")
    assert code == 0
    assert "Kennung" in output and "020101.kosten_je_vorsprache" in output
    leistung = invoke("kennzahlen", BEISPIELSTADT, "--kennungen", "--jahr", "2026")[1]
    handle = next(word for word in leistung.split() if word.startswith("02010101."))
    assert invoke("kennzahlen", BEISPIELSTADT, "-e", handle, "--jahr", "2026")[0] == 0


def _without_number(catalogue: Path) -> None:
    product = catalogue / PRODUCT / "produkt.yaml"
    product.write_text(product.read_text().replace('nummer: "010101"\n', ""))
    for leistung in (catalogue / PRODUCT / "leistungen").iterdir():
        leistung.unlink()


def test_a_product_without_number_is_chosen_by_its_folder(catalogue: Path) -> None:
    _without_number(catalogue)
    code, output = invoke("kennzahlen", str(catalogue), "--produkt", "010101-buergerbuero", "--kennungen")
    assert code == 0, output
    assert "Produkt Bürgerbüro" in output and "Produkt  Bürgerbüro" not in output
    assert "010101-buergerbuero.kosten_je_fall" in output
    code, output = invoke("kennzahlen", str(catalogue), "-e", "010101-buergerbuero.kosten_je_fall")
    assert code == 0 and "kosten_je_fall" in output.splitlines()[0]
    code, output = invoke("kennzahlen", str(catalogue), "-e", "kosten_je_fal")
    assert code == 2 and "Meinten Sie „010101-buergerbuero.kosten_je_fall“" in output


def test_no_double_space_for_a_product_without_number_in_csv_and_json(catalogue: Path) -> None:
    _without_number(catalogue)
    rows = list(csv.DictReader(io.StringIO(invoke("kennzahlen", str(catalogue), "-f", "csv")[1]), delimiter=";"))
    labels = {row["bezeichnung_ebene"] for row in rows}
    assert "Produkt Bürgerbüro" in labels and not any("  " in label for label in labels)
    document = json.loads(invoke("kennzahlen", str(catalogue), "-f", "json")[1])
    assert "Produkt Bürgerbüro" in {line["bezeichnung_ebene"] for line in document["kennzahlen"]}
