"""``katalog vorlagen``: the list and one template in German, the README's copy of the list, and the README's
template examples applied to real catalogues.

Regenerate the README block after an intended change with ``UPDATE_GOLDEN=1 pytest tests/test_vorlagen_cli.py``.
"""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path

import yaml
from typer.testing import CliRunner

from conftest import HERE, PRODUCT, run
from produktkatalog.cli import app
from produktkatalog.model.template_choice import row_templates
from produktkatalog.model.values import Period
from template_catalogues import Setup, write_catalogue

README = HERE.parent / "README.md"
BLOCK = re.compile(r"(<!-- katalog vorlagen: Anfang -->\n```text\n)(.*?)(```\n<!-- katalog vorlagen: Ende -->)",
                   re.DOTALL)


def _invoke(*args: str) -> tuple[int, str]:
    outcome = CliRunner().invoke(app, ["vorlagen", *args])
    return outcome.exit_code, outcome.output


def test_the_list_names_every_shipped_template_with_land_plan_years_and_source() -> None:
    code, output = _invoke()
    assert code == 0
    for template in row_templates().values():
        assert f"\n{template.ident}  {template.name}\n" in output
    assert "    NW · Teilergebnisplan · Haushaltsjahre bis 2018 · 28 Zeilen\n" in output
    assert "    NW · Teilergebnisplan · Haushaltsjahre ab 2019 · 31 Zeilen · Variante von nrw_ergebnisplan\n" in output
    assert "    Quelle: § 2 GemHVO NRW (Gemeindehaushaltsverordnung NRW vom 16. November 2004" in output


def test_one_template_in_german_with_sums_darunter_roles_signs_and_source() -> None:
    code, output = _invoke("sn_ergebnisplan")
    assert code == 0
    lines = output.splitlines()
    assert lines[0] == "sn_ergebnisplan – Teilergebnishaushalt Sachsen"
    assert "gilt für:     Haushaltsjahre ab 2017; gewählt für Kataloge mit land: SN" in lines
    assert "1.2a  darunter    darunter: Umlagen" in lines
    assert any("darunter von 1.2, wird nie addiert" in line for line in lines)
    assert any(line.strip() == "= 1.1 bis 1.9 · Rolle ordentliche_ertraege" for line in lines)  # 1.2a/b skipped
    assert any(line.strip() == "= 5 + 9 · Rolle ergebnis" for line in lines)
    assert any(line.startswith("Vorzeichen:   aufwand_negativ – Erträge und Einzahlungen positiv") for line in lines)
    assert any(line.startswith("Quelle:       § 4 SächsKomHVO") for line in lines)


def test_a_variant_names_its_base_and_edits_and_unnumbered_rows_are_marked() -> None:
    _, output = _invoke("nrw_ergebnisplan_minderaufwand_30")
    assert "Grundvorlage: nrw_ergebnisplan; ersetzt 29; fügt hinzu 30 (nach 29), 31 (nach 30)" in output
    _, output = _invoke("ni_ergebnisplan")
    assert "\nJE*  Summe       Jahresergebnis Überschuss (+)/Fehlbetrag (-)\n" in output
    assert "* im Druck ohne Nummer" in output
    _, output = _invoke("sl_ergebnisplan")
    assert "ohne Zeile:   ordentliches_ergebnis" in output


def test_an_unknown_template_is_exit_2_with_the_nearest_name() -> None:
    code, output = _invoke("nrw_ergebnisplam")
    assert code == 2
    assert "Eine Zeilenvorlage „nrw_ergebnisplam“ gibt es nicht. Meinten Sie „nrw_ergebnisplan“?" in output


def test_with_a_catalogue_its_own_templates_and_the_ones_its_plans_follow(catalogue: Path) -> None:
    (catalogue / "zeilenvorlagen").mkdir()
    (catalogue / "zeilenvorlagen" / "stadt.yaml").write_text(
        'id: stadt\nname: "Stadt"\nbasis: nrw_ergebnisplan\nzeilen_hinzufuegen:\n'
        '  - {nummer: "30", bezeichnung: "X", art: darunter, darunter_von: "29"}\n', "utf-8")
    (catalogue / "zeilenvorlagen" / "kaputt.yaml").write_text(
        'id: kaputt\nname: "Kaputt"\nbasis: gibt_es_nicht\nzeilen_entfernen: ["1"]\n', "utf-8")
    code, output = _invoke("--katalog", str(catalogue))
    assert code == 0
    assert "Eigene Zeilenvorlagen des Katalogs Teststadt (1):\n\nstadt  Stadt\n" in output
    assert "zeilenvorlagen/kaputt.yaml: fehlerhaft, wird nicht verwendet" in output
    assert "Für diesen Katalog (land: NW, haushaltsjahr: 2025) gelten ohne eigene Wahl:\n" \
           "    Teilergebnisplan: stadt\n    Teilfinanzplan: nrw_finanzplan\n" in output
    code, output = _invoke("stadt", "--katalog", str(catalogue))
    assert code == 0 and output.startswith("stadt – Stadt\n")
    assert _invoke("--katalog", str(catalogue / "fehlt"))[0] == 2


def test_the_readme_shows_the_real_list() -> None:
    text = README.read_text("utf-8")
    match = BLOCK.search(text)
    assert match is not None, "README: the block between the katalog vorlagen markers is missing"
    code, output = _invoke()
    assert code == 0
    if os.environ.get("UPDATE_GOLDEN"):
        README.write_text(BLOCK.sub(lambda m: m.group(1) + output + m.group(3), text), "utf-8")
        return
    assert match.group(2) == output


def _readme_templates() -> list[dict[str, object]]:
    section = README.read_text("utf-8").split("### Zeilenvorlagen: `katalog vorlagen`\n", 1)[1].split("\n### ", 1)[0]
    blocks = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)]
    return [block for block in blocks if isinstance(block, dict) and "basis" in block]


def test_the_readme_examples_are_sound_templates(tmp_path: Path) -> None:
    examples = {str(example["basis"]): example for example in _readme_templates()}
    assert set(examples) == {"he_ergebnisplan", "nrw_ergebnisplan"}
    hessen = tmp_path / "he"
    amounts = {"010": Decimal("100"), "110": Decimal("-40"), "120": Decimal("-10"), "130": Decimal("-5")}
    write_catalogue(hessen, Setup("HE", "imk", ("111", "112"), "11", 2026, None), {"11101": amounts},
                    "teilergebnisplan.yaml")
    (hessen / "zeilenvorlagen").mkdir()
    (hessen / "zeilenvorlagen" / "stadt.yaml").write_text(yaml.safe_dump(examples["he_ergebnisplan"]), "utf-8")
    result = run(hessen)
    assert result.findings == []
    table = next(t for t in result.computations[0].tables.tables.values() if t.plan is not None)
    assert table.template.ident == "stadt_ergebnisplan"
    values = {n: table.value(n, Period("ergebnis", 2025)) for n in ("125", "185", "190", "340")}
    assert values == {"125": Decimal(-50), "185": Decimal(-5), "190": Decimal(-55), "340": Decimal(45)}


def test_the_readme_variant_27_28_is_a_sound_template(catalogue: Path) -> None:
    example = next(e for e in _readme_templates() if e["basis"] == "nrw_ergebnisplan")
    (catalogue / "zeilenvorlagen").mkdir()
    (catalogue / "zeilenvorlagen" / "variante.yaml").write_text(yaml.safe_dump(example), "utf-8")
    settings = catalogue / "katalog.yaml"
    settings.write_text(settings.read_text() + f"zeilenvorlagen:\n  ergebnisplan: {example['id']}\n")
    plan = catalogue / PRODUCT / "teilergebnisplan.yaml"
    plan.write_text(plan.read_text() + '  "27":\n    ergebnis: {2024: 15000.00}\n')
    result = run(catalogue)
    assert result.findings == []
    table = next(t for t in result.computations[0].tables.tables.values() if t.plan is not None)
    assert [row.number for row in table.template.rows][-5:] == ["27", "28", "29", "30", "31"]
    assert table.value("31", Period("ergebnis", 2024)) == Decimal("-635000.00")
