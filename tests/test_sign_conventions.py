"""Sign conventions as data: plans entered aufwand_negativ, ertrag_negativ or ohne_vorzeichen give the same
values, Standardkennzahlen and Zielerreichung; pages show the catalogue's anzeige; K216 and K221 follow the
convention a plan is entered in. The three demo catalogues hold the same figures in the three conventions."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import BUNDLED, run, tuples
from produktkatalog.cli import app
from produktkatalog.model.conventions import CONVENTIONS, converted, factors, operator
from produktkatalog.model.owners import Owner
from produktkatalog.model.template_choice import row_templates
from produktkatalog.pipeline import Result
from produktkatalog.present.figures import Listing
from render_helpers import flat, read_page, render_files
from sign_catalogues import TEMPLATES, read

DEMOS = {"aufwand_negativ": "demo-aufwand-negativ", "ertrag_negativ": "demo-ertrag-negativ",
         "ohne_vorzeichen": "demo-ohne-vorzeichen"}
BUERO = "produkte/02-sicherheit-und-ordnung/020101-buergerbuero"
ORDNUNG = "produkte/02-sicherheit-und-ordnung/020201-allgemeine-ordnungsangelegenheiten"


def outcomes(result: Result) -> dict[str, Any]:
    """Every computed value of the one catalogue: each row of each plan table (products and roll-ups) in each
    column, each Kennzahl (Standardkennzahlen included) and each Zielerreichung."""
    [computation] = result.computations

    def named(owner: Owner) -> tuple[str, str]:  # a product's key is its folder, under the catalogue's root
        return owner.level, owner.key.rsplit("/", 1)[-1]

    tables = {(named(owner), statement, str(period), number): str(value)
              for (owner, statement), table in computation.tables.tables.items()
              for period in computation.periods for number, value in table.column(period).cells.items()}
    listing = Listing(computation)
    figures = {(named(line.owner), line.figure.ident, str(period)): str(value)
               for line in listing.lines() for period, value in line.values.items()}
    goals = {(named(goal.owner), written, str(a.period)): (str(a.actual), a.degree, a.light)
             for goal in listing.goals() for written, found in goal.achievements.items() for a in found}
    return {"tables": tables, "figures": figures, "goals": goals}


@pytest.fixture(scope="module")
def demo_results() -> dict[str, Result]:
    return {convention: run(BUNDLED / name) for convention, name in DEMOS.items()}


def test_the_three_demos_validate_without_a_finding(demo_results: dict[str, Result]) -> None:
    assert {name: [f.code for f in result.findings] for name, result in demo_results.items()} == {
        name: [] for name in DEMOS}


def test_the_three_demos_give_identical_values_figures_and_goals(demo_results: dict[str, Result]) -> None:
    canonical = outcomes(demo_results["aufwand_negativ"])
    assert len(canonical["tables"]) > 300 and len(canonical["figures"]) > 40 and canonical["goals"]
    for convention in ("ertrag_negativ", "ohne_vorzeichen"):
        assert outcomes(demo_results[convention]) == canonical, convention
    standard = {key: value for key, value in canonical["figures"].items() if key[1] == "zuschussbedarf"}
    # 680.576,12 + 266.459,85: the Zuschussbedarf is positive, in every convention
    assert standard[(("gesamt", ""), "zuschussbedarf", "Ergebnis 2024")] == "947035.97"
    goal = next(value for key, value in canonical["goals"].items() if key[2] == "Ansatz 2025")
    assert goal[0].startswith("30.6") and goal[2] == "gruen"


def test_each_demo_is_the_first_one_entered_in_its_convention() -> None:
    """The plan files of the demos are demo-aufwand-negativ's, converted with the rule of model.conventions."""
    for convention, name in DEMOS.items():
        for path in sorted((BUNDLED / name).rglob("teil*plan.yaml")):
            data = read(path)
            entered = data.get("vorzeichen", {}).get("eingabe", convention)
            template = row_templates()[TEMPLATES[path.name]]
            original = read(BUNDLED / DEMOS["aufwand_negativ"] / path.relative_to(BUNDLED / name))
            assert converted(data["zeilen"], factors(template, entered)) == original["zeilen"], path
    ohne = read(BUNDLED / DEMOS["ohne_vorzeichen"] / BUERO / "teilergebnisplan.yaml")["zeilen"]
    assert (ohne["11"]["ergebnis"]["2024"], ohne["17"]["ergebnis"]["2024"]) == (Decimal("812345.67"),
                                                                               Decimal("1038776.32"))
    assert (ohne["18"]["ergebnis"]["2024"], ohne["09"]["ergebnis"]["2024"]) == (Decimal("-680576.12"),
                                                                               Decimal("-1250.00"))


def _rows(page: bytes) -> dict[str, list[str]]:
    """Markdown table rows of a page by their first cell's row number (bold stripped)."""
    found: dict[str, list[str]] = {}
    for line in page.decode().splitlines():
        cells = [cell.strip().strip("*") for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0].isdigit():
            found.setdefault(cells[0], cells[1:])
    return found


@pytest.mark.parametrize(("convention", "row_11", "row_04", "row_17", "row_18", "operators"), [
    ("aufwand_negativ", "-812.345,67", "318.450,20", "-1.038.776,32", "-680.576,12", False),
    ("ertrag_negativ", "812.345,67", "-318.450,20", "1.038.776,32", "680.576,12", False),
    ("ohne_vorzeichen", "812.345,67", "318.450,20", "1.038.776,32", "-680.576,12", True),
])
def test_pages_show_amounts_in_the_catalogues_anzeige(convention: str, row_11: str, row_04: str, row_17: str,
                                                      row_18: str, operators: bool) -> None:
    _, files = render_files(BUNDLED / DEMOS[convention])
    rows = _rows(files["produkte/020101-buergerbuero.md"])
    shift = 1 if operators else 0
    assert [rows[number][1 + shift] for number in ("11", "04", "17", "18")] == [row_11, row_04, row_17, row_18]
    if operators:
        assert [rows[number][0] for number in ("04", "09", "11", "17", "18")] == ["+", "+/−", "−", "=", "="]
        assert rows["31"][:2] == ["=", "Saldo aus Investitionstätigkeit"] and rows["30"][-1] == "68.500,00"
    page = flat(" ".join(read_page(files["produkte/020101-buergerbuero.html"].decode()).texts))
    assert ("Beträge ohne Vorzeichen, Rechenart in Spalte +/−/=" in page) == operators
    assert ("+/−" in page) == operators
    assert ("Vorzeichen: Erträge negativ, Aufwendungen positiv" in page) == (convention == "ertrag_negativ")
    # the Teilfinanzplan of the unsigned demo comes from an SAP export and says so; its page says it too
    assert ("Eingabe dieses Plans: Erträge negativ, Aufwendungen positiv" in page) == operators


def _demo(tmp_path: Path, convention: str) -> Path:
    target = tmp_path / DEMOS[convention]
    shutil.copytree(BUNDLED / DEMOS[convention], target)
    return target


def test_the_sign_warning_follows_the_entered_convention(tmp_path: Path) -> None:
    root = _demo(tmp_path, "ertrag_negativ")
    plan = root / ORDNUNG / "teilergebnisplan.yaml"
    plan.write_text(plan.read_text("utf-8").replace("{2025: 30000.00, 2026: 30500.00}",
                                                    "{2025: -30000.00, 2026: 30500.00}"), "utf-8")
    result = run(root)
    [finding] = result.findings
    assert tuples(result, root) == [("K221", f"{ORDNUNG}/teilergebnisplan.yaml", 18, 20)]
    assert "Zeile 16 (Sonstige ordentliche Aufwendungen) ist negativ: Ansatz 2025: -30.000,00" in finding.message
    assert "Aufwendungen sind hier positiv einzugeben" in finding.message and "vorzeichen: ertrag_negativ" in \
        finding.message


def test_a_plan_entered_the_other_way_is_one_warning_naming_the_plans_vorzeichen(tmp_path: Path) -> None:
    root = _demo(tmp_path, "ertrag_negativ")
    shutil.copy(BUNDLED / DEMOS["aufwand_negativ"] / ORDNUNG / "teilergebnisplan.yaml", root / ORDNUNG)
    [finding] = run(root).findings
    assert finding.code == "K221" and "umgekehrten Vorzeichen" in finding.message
    assert "vorzeichen: {eingabe: aufwand_negativ}" in (finding.hint or "")
    plan = root / ORDNUNG / "teilergebnisplan.yaml"
    plan.write_text(plan.read_text("utf-8").replace("zeilen:", "vorzeichen: {eingabe: aufwand_negativ}\nzeilen:"),
                    "utf-8")
    result = run(root)
    assert result.findings == [] and outcomes(result) == outcomes(run(BUNDLED / DEMOS["aufwand_negativ"]))


def test_unsigned_plans_warn_at_a_negative_expense_and_compare_sums_as_entered(tmp_path: Path) -> None:
    root = _demo(tmp_path, "ohne_vorzeichen")
    plan = root / BUERO / "teilergebnisplan.yaml"
    text = plan.read_text("utf-8").replace("ergebnis: {2024: 143210.55}", "ergebnis: {2024: -143210.55}")
    plan.write_text(text.replace("ergebnis: {2024: 1038776.32}", "ergebnis: {2024: 1000000.00}"), "utf-8")
    found = sorted((f.code, f.message) for f in run(root).findings)
    assert [code for code, _ in found] == ["K216", "K216", "K221"]
    assert "Zeile 13 (Aufwendungen für Sach- und Dienstleistungen) ist negativ" in found[2][1]
    assert "Aufwendungen sind hier positiv einzugeben" in found[2][1]
    # 812.345,67 − 143.210,55 + 18.400 + 64.820,10 as entered: the stated total is compared unsigned …
    assert "Summenzeile 17 (Ergebnis 2024) nennt 1.000.000,00\u00a0€, die Zeilen 11–16 ergeben 752.355,22\u00a0€" \
        in found[0][1]
    # … and the Saldo signed, as printed, against its parts as stated (issue 12.5): 358.200,20 − 1.000.000,00
    assert "Summenzeile 18 (Ergebnis 2024) nennt -680.576,12\u00a0€, die Zeilen 10 und 17 ergeben -641.799,80\u00a0€" \
        in found[1][1]


def test_the_catalogue_eingabe_overrides_the_template_and_the_plan_overrides_both(tmp_path: Path) -> None:
    root = _demo(tmp_path, "aufwand_negativ")
    (root / "zeilenvorlagen").mkdir()
    source = (Path(__file__).parent.parent / "src/produktkatalog/referenz/zeilen/nrw-ergebnisplan.yaml")
    own = source.read_text("utf-8").replace("id: nrw_ergebnisplan", "id: sap_ergebnisplan").replace(
        "vorzeichen: aufwand_negativ", "vorzeichen: ertrag_negativ").replace("gueltig_ab: 2019\n", "")
    (root / "zeilenvorlagen" / "sap.yaml").write_text(own, "utf-8")
    katalog = root / "katalog.yaml"
    text = katalog.read_text("utf-8")
    katalog.write_text(text.replace("vorzeichen:\n  eingabe: aufwand_negativ\n", "vorzeichen:\n")
                       .replace("land: NW\n", "land: NW\nzeilenvorlagen: {ergebnisplan: sap_ergebnisplan}\n"),
                       "utf-8")
    for folder in (BUERO, ORDNUNG):  # the template's convention holds where the catalogue names none
        shutil.copy(BUNDLED / DEMOS["ertrag_negativ"] / folder / "teilergebnisplan.yaml", root / folder)
    expected = outcomes(run(BUNDLED / DEMOS["aufwand_negativ"]))
    result = run(root)
    assert result.findings == [] and outcomes(result)["figures"] == expected["figures"]
    katalog.write_text(katalog.read_text("utf-8").replace("vorzeichen:\n", "vorzeichen:\n  eingabe: ohne_vorzeichen\n"),
                       "utf-8")
    for path in (BUNDLED / DEMOS["ohne_vorzeichen"]).rglob("teil*plan.yaml"):  # its Teilfinanzplan says ertrag_negativ
        shutil.copy(path, root / path.relative_to(BUNDLED / DEMOS["ohne_vorzeichen"]))
    result = run(root)
    assert result.findings == [] and outcomes(result)["figures"] == expected["figures"]


def test_an_unknown_convention_is_a_schema_error_with_a_suggestion(tmp_path: Path) -> None:
    root = _demo(tmp_path, "ertrag_negativ")
    plan = root / ORDNUNG / "teilergebnisplan.yaml"
    plan.write_text(plan.read_text("utf-8").replace("zeilen:", "vorzeichen: {eingabe: aufwand_positiv}\nzeilen:"),
                    "utf-8")
    katalog = root / "katalog.yaml"
    katalog.write_text(katalog.read_text("utf-8").replace("anzeige: ertrag_negativ", "anzeige: ertrag_positiv"),
                       "utf-8")
    result = run(root)
    assert tuples(result, root) == [("S104", "katalog.yaml", 27, 12),
                                    ("S104", f"{ORDNUNG}/teilergebnisplan.yaml", 3, 23)]
    assert [f.hint for f in result.findings] == ["Meinten Sie „ertrag_negativ“?", "Meinten Sie „aufwand_negativ“?"]
    assert set(CONVENTIONS) == {"aufwand_negativ", "ertrag_negativ", "ohne_vorzeichen"}


def test_every_shipped_template_gives_each_row_a_sign_class_and_an_operator() -> None:
    """Sums of one side are that side (17 Ordentliche Aufwendungen: aufwand), mixed sums are Salden, "+/-" rows
    are signed as printed, darunter lines follow their row but print no operator."""
    nrw, saxony = row_templates()["nrw_ergebnisplan"], row_templates()["sn_ergebnisplan"]
    assert [nrw.sign_classes[n] for n in ("04", "09", "10", "11", "17", "18", "29")] == [
        "ertrag", "beide", "ertrag", "aufwand", "aufwand", "summe", "summe"]
    assert [operator(nrw, n) for n in ("04", "09", "10", "11", "17", "18")] == ["+", "+/−", "=", "−", "=", "="]
    assert (saxony.sign_classes["1.2a"], operator(saxony, "1.2a")) == ("ertrag", "")
    for template in row_templates().values():
        assert set(template.sign_classes) == set(template.by_number), template.ident
        assert set(template.sign_classes.values()) <= {"ertrag", "aufwand", "einzahlung", "auszahlung", "beide",
                                                       "summe"}, template.ident
    finance = row_templates()["nrw_finanzplan"]
    assert [finance.sign_classes[n] for n in ("23", "30", "31")] == ["einzahlung", "auszahlung", "summe"]


def test_katalog_vorlagen_names_the_catalogues_sign_conventions() -> None:
    result = CliRunner().invoke(app, ["vorlagen", "--katalog", str(BUNDLED / DEMOS["ertrag_negativ"])])
    assert result.exit_code == 0
    assert "Vorzeichen des Katalogs: Eingabe ertrag_negativ, Anzeige ertrag_negativ" in result.output
    plain = CliRunner().invoke(app, ["vorlagen", "--katalog", str(BUNDLED / "beispielstadt")])
    assert "Vorzeichen des Katalogs" not in plain.output


def test_a_level_plan_is_entered_in_the_catalogues_convention_and_named_so(tmp_path: Path) -> None:
    """The stated plan of a Produktbereich in an unsigned catalogue: compared canonical, named as entered."""
    root = _demo(tmp_path, "ohne_vorzeichen")
    area = root / "produkte" / "02-sicherheit-und-ordnung"
    (area / "produktbereich.yaml").write_text('nummer: "02"\nbezeichnung: "Sicherheit und Ordnung"\n', "utf-8")
    (area / "teilergebnisplan.yaml").write_text('zeilen:\n  "11":\n    ergebnis: {2024: 1467465.67}\n', "utf-8")
    assert run(root).findings == []  # 812.345,67 + 655.120,00, unsigned as the catalogue enters it
    (area / "teilergebnisplan.yaml").write_text('zeilen:\n  "11":\n    ergebnis: {2024: 1467565.67}\n', "utf-8")
    [finding] = run(root).findings
    assert finding.code == "K242" and "nennt 1.467.565,67\u00a0€" in finding.message
    assert "ergibt 1.467.465,67\u00a0€ (Abweichung 100,00\u00a0€)" in finding.message
