"""Every level is an owner: Produktbereich, Produktgruppe and Teilhaushalt files, their plans and roll-ups."""

from __future__ import annotations

import csv
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import BASE, run, tuples
from produktkatalog.model.owners import GESAMT, Owner
from produktkatalog.model.values import Period
from produktkatalog.pipeline import Result, validate

ANSATZ = Period("ansatz", 2025)
AREA = "produkte/01-innere-verwaltung"
GROUP = f"{AREA}/0101-buergerdienste"


def _write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def _plan(**rows: int) -> str:
    return "zeilen:\n" + "".join(f'  "{row}":\n    ansatz: {{2025: {amount}}}\n' for row, amount in rows.items())


def _product(root: Path, folder: str, number: str, **rows: int) -> None:
    _write(root, f"{folder}/produkt.yaml", f'nummer: "{number}"\nbezeichnung: "Produkt {number}"\n'
                                           "programmbezuege:\n  - programm: klima\n    beitrag: Weniger Papier.\n")
    if rows:
        _write(root, f"{folder}/teilergebnisplan.yaml", _plan(**rows))


@pytest.fixture
def levels(tmp_path: Path) -> Path:
    """Base catalogue with groups 0101 and 0102; products 010101 (in the area folder, as before) and 010102
    inside the folder of its Produktgruppe 0101, which has its own produktgruppe.yaml."""
    root = tmp_path / "katalog"
    shutil.copytree(BASE, root)
    settings = (root / "katalog.yaml").read_text("utf-8")
    (root / "katalog.yaml").write_text(settings.replace('"0101": "Bürgerdienste"',
                                                        '"0101": "Bürgerdienste"\n    "0102": "Ordnung"'), "utf-8")
    _write(root, f"{AREA}/produktbereich.yaml", 'nummer: "01"\nbezeichnung: Innere Verwaltung\n'
                                                "beschreibung: Steuerung und Service der Verwaltung.\n")
    _write(root, f"{GROUP}/produktgruppe.yaml", 'nummer: "0101"\nbezeichnung: Bürgerdienste\n'
                                                "beschreibung: Alles rund um das Bürgerbüro.\n")
    _product(root, f"{GROUP}/010102-fundbuero", "010102", **{"04": 1000, "11": -40000})
    return root


def _amount(result: Result, owner: Owner, row: str) -> Decimal | None:
    table = result.computations[0].tables.table(owner, "ergebnisplan")
    assert table is not None
    return table.column(ANSATZ).amount(row)


def test_level_files_and_a_product_inside_its_group_folder_are_clean(levels: Path) -> None:
    result = run(levels)
    assert tuples(result, levels) == []
    catalogue = result.catalogues[0]
    assert sorted((level.level, level.number) for level in catalogue.levels) == [("produktbereich", "01"),
                                                                                 ("produktgruppe", "0101")]
    # the product in the group folder rolls up with the one in the area folder: 260000 + 1000
    assert _amount(result, Owner("produktgruppe", "0101"), "04") == Decimal("261000.00")
    assert _amount(result, GESAMT, "11") == Decimal("-990000.00")


def test_stated_level_plan_is_checked_against_the_rollup(levels: Path) -> None:
    _write(levels, f"{GROUP}/teilergebnisplan.yaml", _plan(**{"04": 261000.4, "11": -900000}))
    result = run(levels)
    assert tuples(result, levels) == [("K242", f"{GROUP}/teilergebnisplan.yaml", 5, 20)]
    [finding] = result.findings
    assert "Produktgruppe 0101 nennt -900.000,00\xa0€" in finding.message
    assert "ihrer Produkte ergibt -990.000,00\xa0€" in finding.message
    # the level's table stays the roll-up of its products
    assert _amount(result, Owner("produktgruppe", "0101"), "11") == Decimal("-990000.00")


def test_tolerance_of_the_catalogue_applies(levels: Path) -> None:
    _write(levels, f"{GROUP}/teilergebnisplan.yaml", _plan(**{"11": -990003}))
    settings = levels / "katalog.yaml"
    settings.write_text(settings.read_text("utf-8") + "summentoleranz: 5\n", "utf-8")
    assert tuples(run(levels), levels) == []


def test_stated_plan_where_nothing_below_has_one_is_the_level_table_and_rolls_up(levels: Path) -> None:
    _write(levels, f"{AREA}/0102-ordnung/produktgruppe.yaml", 'nummer: "0102"\nbezeichnung: Ordnung\n')
    _write(levels, f"{AREA}/0102-ordnung/teilergebnisplan.yaml", _plan(**{"04": 5000, "11": -70000}))
    _product(levels, f"{AREA}/0102-ordnung/010201-gewerbe", "010201")  # no plan of its own
    result = run(levels)
    assert tuples(result, levels) == []
    assert _amount(result, Owner("produktgruppe", "0102"), "11") == Decimal("-70000")
    assert _amount(result, Owner("produktbereich", "01"), "11") == Decimal("-1060000.00")
    assert _amount(result, GESAMT, "17") == Decimal("-1060000.00")
    # and a Produktbereich plan above is checked against it, group plan included
    _write(levels, f"{AREA}/teilergebnisplan.yaml", _plan(**{"11": -990000}))
    assert tuples(run(levels), levels) == [("K242", f"{AREA}/teilergebnisplan.yaml", 3, 20)]


def test_teilhaushalt_adds_up_its_members_once_and_never_feeds_the_gesamtplan(levels: Path) -> None:
    _write(levels, "teilhaushalte/2-buergerdienste/teilhaushalt.yaml",
           'nummer: "2"\nbezeichnung: Bürgerdienste\numfasst: ["0101", "010102"]\n'
           "beschreibung: Was das Dezernat 2 verantwortet.\n")
    result = run(levels)
    assert tuples(result, levels) == []
    owner = Owner("teilhaushalt", "2")
    assert _amount(result, owner, "11") == Decimal("-990000.00")  # 010102 is inside 0101: counted once
    assert _amount(result, GESAMT, "11") == Decimal("-990000.00")  # not doubled by the Teilhaushalt
    _write(levels, "teilhaushalte/2-buergerdienste/teilergebnisplan.yaml", _plan(**{"11": -989000}))
    assert tuples(run(levels), levels) == [("K242", "teilhaushalte/2-buergerdienste/teilergebnisplan.yaml", 3, 20)]


def test_teilhaushalt_plan_without_member_plans_is_its_table(levels: Path) -> None:
    _write(levels, "teilhaushalte/21-24-schulen/teilhaushalt.yaml",
           'nummer: "21-24"\nbezeichnung: Schulen\numfasst: ["0102"]\n')
    _write(levels, "teilhaushalte/21-24-schulen/teilergebnisplan.yaml", _plan(**{"11": -5000}))
    result = run(levels)
    assert tuples(result, levels) == []
    assert _amount(result, Owner("teilhaushalt", "21-24"), "17") == Decimal("-5000")
    assert _amount(result, GESAMT, "11") == Decimal("-990000.00")


def test_level_numbers_and_places_are_checked(levels: Path) -> None:
    _write(levels, "teilhaushalte/3-ordnung/teilhaushalt.yaml",
           'nummer: "3"\nbezeichnung: Ordnung\numfasst: ["0103"]\n')
    _write(levels, f"{AREA}/0102-ordnung/produktgruppe.yaml", 'nummer: "0102"\nbezeichnung: Ordnung\n')
    _product(levels, f"{AREA}/0102-ordnung/010103-fund", "010103")  # belongs to 0101
    _write(levels, f"{AREA}/0199-x/produktgruppe.yaml", 'nummer: "0199"\nbezeichnung: Gibt es nicht\n')
    _write(levels, f"{GROUP}/010102-fundbuero/produktgruppe.yaml", 'nummer: "010102"\nbezeichnung: Doppelt\n')
    _write(levels, f"{AREA}/0101-noch-einmal/produktgruppe.yaml", 'nummer: "0101"\nbezeichnung: Zweimal\n')
    _write(levels, "teilhaushalte/21-sport/teilhaushalt.yaml", 'nummer: "2"\nbezeichnung: X\numfasst: ["0101"]\n')
    found = tuples(run(levels), levels)
    assert ("K202", f"{AREA}/0101-noch-einmal/produktgruppe.yaml", 1, 9) in found
    assert ("K240", "teilhaushalte/21-sport/teilhaushalt.yaml", 1, 9) in found
    assert ("K207", "teilhaushalte/3-ordnung/teilhaushalt.yaml", 3, 11) in found
    assert ("K241", f"{AREA}/0102-ordnung/010103-fund/produkt.yaml", 1, 9) in found
    assert ("K240", f"{AREA}/0199-x/produktgruppe.yaml", 1, 9) in found
    assert ("K201", f"{GROUP}/010102-fundbuero/produktgruppe.yaml", 1, 1) in found


def test_leistungen_belong_to_products_only(levels: Path) -> None:
    _write(levels, f"{GROUP}/leistungen/01010199-x.yaml", 'nummer: "01010199"\nbezeichnung: X\n')
    assert ("K201", f"{GROUP}/leistungen/01010199-x.yaml", 1, 1) in tuples(run(levels), levels)


def test_cached_run_sees_a_changed_level_plan(levels: Path) -> None:
    plan = f"{GROUP}/teilergebnisplan.yaml"
    _write(levels, plan, _plan(**{"11": -990000}))
    assert validate(levels, workers=1).findings == []
    _write(levels, plan, _plan(**{"11": -900000}))
    assert tuples(validate(levels, workers=1), levels) == [("K242", plan, 3, 20)]


def test_level_kennzahl_reads_its_own_table_and_products_see_level_names(levels: Path) -> None:
    _write(levels, f"{GROUP}/kennzahlen/personalaufwand_gruppe.yaml",
           "id: personalaufwand_gruppe\nbezeichnung: Personalaufwand der Gruppe\nart: kennzahl\neinheit: EUR\n"
           'formel: zeile("11")\n')
    _write(levels, f"{AREA}/kennzahlen/faelle_bereich.yaml",
           "id: faelle_bereich\nbezeichnung: Fälle im Bereich\nart: grundzahl\neinheit: Anzahl\n"
           "werte:\n  ansatz: {2025: 990}\n")
    _write(levels, f"{GROUP}/010102-fundbuero/kennzahlen/aufwand_je_fall.yaml",
           "id: aufwand_je_fall\nbezeichnung: Anteil am Gruppenaufwand je Fall\nart: kennzahl\neinheit: EUR\n"
           "formel: personalaufwand_gruppe / faelle_bereich\n")
    result = run(levels)
    assert tuples(result, levels) == []
    computation = result.computations[0]
    figures = {figure.ident: figure for figure in result.catalogues[0].kennzahlen}
    group = Owner("produktgruppe", "0101")
    assert computation.of(figures["personalaufwand_gruppe"])[ANSATZ] == Decimal("-990000.00")
    assert computation.owners_of(figures["personalaufwand_gruppe"]) == [group]
    # the product's formula finds the names of its Produktgruppe and Produktbereich, in that order
    assert computation.of(figures["aufwand_je_fall"])[ANSATZ] == Decimal("-1000")
    # Standardkennzahlen are computed for the level owner too
    standard = [f for f in result.catalogues[0].kennzahlen if f.per_owner]
    assert any(group in computation.owners_of(f) for f in standard)


def test_a_product_outside_the_group_folder_does_not_see_its_names(levels: Path) -> None:
    _write(levels, f"{GROUP}/kennzahlen/nur_gruppe.yaml", "id: nur_gruppe\nbezeichnung: Nur Gruppe\nart: grundzahl\n"
           "einheit: Anzahl\nwerte:\n  ansatz: {2025: 1}\n")
    _write(levels, "produkte/01-innere-verwaltung/010101-buergerbuero/kennzahlen/liest_gruppe.yaml",
           "id: liest_gruppe\nbezeichnung: Liest\nart: kennzahl\neinheit: Anzahl\nformel: nur_gruppe * 2\n")
    assert [code for code, *_ in tuples(run(levels), levels)] == ["K208"]


def test_import_writes_produktgruppen_plans_into_their_folders_and_export_shows_them(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from produktkatalog.cli import app

    runner = CliRunner()
    root = tmp_path / "katalog"
    assert runner.invoke(app, ["init", str(root), "--kommune", "Musterstadt (fiktiv)", "--land", "NW",
                               "--haushaltsjahr", "2026", "--einwohner", "85000"]).exit_code == 0
    settings = root / "katalog.yaml"
    settings.write_text(settings.read_text("utf-8").replace(
        "  schema: nrw", '  schema: nrw\n  produktgruppen: {"0201": "Bürgerservice", "0801": "Sportstätten", '
                         '"0802": "Sportförderung"}'), "utf-8")
    groups = {"0201": "02-sicherheit-und-ordnung/0201-buergerservice", "0801": "08-sport/0801-sportstaetten",
              "0802": "08-sport/0802-sportfoerderung"}
    for number, folder in groups.items():
        _write(root, f"produkte/{folder}/produktgruppe.yaml", f'nummer: "{number}"\nbezeichnung: Gruppe {number}\n')
    source = BASE.parent.parent.parent / "katalog" / "quellen" / "teilplan-breit.csv"
    result = runner.invoke(app, ["import", str(source), "--katalog", str(root), "--profil", "teilplan-breit",
                                 "--ebene", "produktgruppe"])
    assert result.exit_code == 0, result.output
    assert sorted(p.parent.name for p in root.rglob("teilergebnisplan.yaml")) == [
        "0201-buergerservice", "0801-sportstaetten", "0802-sportfoerderung"]
    checked = run(root)
    assert [f.code for f in checked.findings if f.severity.value == "error"] == []
    assert _amount_of(checked, Owner("produktgruppe", "0201"), "04", Period("ansatz", 2026)) == Decimal("1490000")
    # the stated Produktgruppen plans are the levels' tables and roll up into their Produktbereich
    area = _amount_of(checked, Owner("produktbereich", "08"), "04", Period("ansatz", 2026))
    parts = [_amount_of(checked, Owner("produktgruppe", g), "04", Period("ansatz", 2026)) for g in ("0801", "0802")]
    assert area == sum(p or 0 for p in parts)
    csv_file = tmp_path / "k.csv"
    assert runner.invoke(app, ["export", str(root), "--format", "csv", "--out", str(csv_file)]).exit_code == 0
    with csv_file.open(encoding="utf-8", newline="") as stream:
        records = list(csv.DictReader(stream))
    assert any((r["ebene"], r["nummer"], r["zeile"], r["herkunft"], r["vorzeichen"]) ==
               ("produktgruppe", "0201", "04", "angegeben", "aufwand_negativ")
               for r in records)


def _amount_of(result: Result, owner: Owner, row: str, period: Period) -> Decimal | None:
    table = result.computations[0].tables.table(owner, "ergebnisplan")
    assert table is not None
    return table.column(period).amount(row)


def test_export_has_a_sheet_of_teilhaushalte(levels: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from produktkatalog.cli import app

    _write(levels, "teilhaushalte/2-buergerdienste/teilhaushalt.yaml",
           'nummer: "2"\nbezeichnung: Bürgerdienste\numfasst: ["0101"]\n')
    target = tmp_path / "k.xlsx"
    result = CliRunner().invoke(app, ["export", str(levels), "--format", "xlsx", "--out", str(target)])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(target)["Teilhaushalte"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
    heads = [cell.value for cell in sheet[2]]
    eleven = next(r for r in rows if r[heads.index("Zeile")] == "11")
    assert eleven[heads.index("Nummer")] == "2" and eleven[heads.index("Ansatz 2025")] == -990000


AREA_08 = "katalog/beispielstadt/produkte/08-sportfoerderung"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from gitrepo import isolate_git, repository_with_beispielstadt

    isolate_git(monkeypatch)
    return repository_with_beispielstadt(tmp_path)


def test_changed_product_plan_rechecks_the_level_plan_above_it(repo: Path) -> None:
    from gitrepo import replace

    replace(repo / AREA_08 / "080101-bereitstellung-von-sportstaetten/teilergebnisplan.yaml",
            "ansatz: {2025: -1010000.00, 2026: -1045400.00}", "ansatz: {2025: -1010000.00, 2026: -1145400.00}")
    folder = repo / "katalog"
    part, full = validate(folder, use_cache=False, changed_since="HEAD"), validate(folder, use_cache=False)
    level_plan = str(repo / AREA_08 / "teilergebnisplan.yaml")
    assert [(f.code, f.file, f.line) for f in full.findings] == [("K242", level_plan, 21)]
    assert part.selected is not None and level_plan in part.selected
    assert part.findings == [f for f in full.findings if f.file in set(part.selected)]


def test_diff_names_the_level_of_a_changed_level_plan_and_file(repo: Path) -> None:
    from gitrepo import replace
    from produktkatalog.diff import compare, open_sides

    replace(repo / AREA_08 / "teilergebnisplan.yaml", "ansatz: {2025: -1108000, 2026: -1146800}",
            "ansatz: {2025: -1108000, 2026: -1146801}")
    replace(repo / AREA_08 / "produktbereich.yaml", 'titel: "Sport für alle"', 'titel: "Sport für alle Generationen"')
    with open_sides(repo / "katalog", None, None) as (before, after):
        [catalogue] = compare(before, after).catalogues
    [stated] = catalogue.stated
    assert (stated.subject, stated.source, stated.item, stated.column) == (
        "Produktbereich 08 Sportförderung", "teilergebnisplan", "11", "Ansatz 2026")
    assert stated.delta == Decimal("-1")
    [changed] = catalogue.fields
    assert changed.subject == "Produktbereich 08 Sportförderung" and changed.new == "Sport für alle Generationen"


def test_level_goal_measures_a_level_kennzahl_and_unknown_names_are_k207(levels: Path) -> None:
    _write(levels, f"{GROUP}/kennzahlen/personalaufwand_gruppe.yaml",
           "id: personalaufwand_gruppe\nbezeichnung: Personalaufwand\nart: kennzahl\neinheit: EUR\n"
           'formel: -zeile("11")\n')
    group_file = levels / GROUP / "produktgruppe.yaml"
    group_file.write_text(group_file.read_text("utf-8") + (
        "ziele:\n  - id: personal\n    art: operativ\n    text: Personalaufwand begrenzen\n"
        "    kennzahlen: [personalaufwand_gruppe]\n    richtung: niedriger_besser\n    zielwerte: {2025: 900000}\n"),
        "utf-8")
    result = run(levels)
    assert tuples(result, levels) == []
    from produktkatalog.compute.goals import goal_results

    [goal] = [g for g in goal_results(result.computations[0]) if g.owner == Owner("produktgruppe", "0101")]
    [achievement] = goal.achievements["personalaufwand_gruppe"]
    assert achievement.actual == Decimal("990000.00") and achievement.light == "rot"
    group_file.write_text(group_file.read_text("utf-8").replace("[personalaufwand_gruppe]", "[personalaufwand]"),
                          "utf-8")
    assert tuples(run(levels), levels) == [("K207", f"{GROUP}/produktgruppe.yaml", 8, 18)]


def test_level_pages_are_rendered_again_exactly_when_their_inputs_change(tmp_path: Path) -> None:
    from conftest import BUNDLED
    from test_render_incremental import assert_same_as_full_render, render_again

    root = tmp_path / "beispielstadt"
    shutil.copytree(BUNDLED / "beispielstadt", root)
    out = tmp_path / "site"
    render_again(root, out)
    group = root / "produkte/06-kinder-jugend-und-familienhilfe/0601-tagesbetreuung-fuer-kinder/produktgruppe.yaml"
    group.write_text(group.read_text("utf-8").replace("Rechtsanspruch erfüllen", "Rechtsanspruch sicher erfüllen"),
                     "utf-8")
    rendered = {path for path in render_again(root, out).files if path.startswith(("haushalt/", "index"))}
    assert rendered == {"haushalt/produktgruppe-0601.html", "haushalt/produktgruppe-0601.md"}
    assert "Rechtsanspruch sicher erfüllen" in (out / "haushalt/produktgruppe-0601.md").read_text("utf-8")
    plan = root / "produkte/06-kinder-jugend-und-familienhilfe/060102-kindertagespflege/teilergebnisplan.yaml"
    text = plan.read_text("utf-8")  # a detail row of a product in 0601 changes within the tolerance
    plan.write_text(text.replace("ansatz: {2025: 2120000.00,", "ansatz: {2025: 2120000.40,", 1), "utf-8")
    rendered = set(render_again(root, out).files)
    assert {"haushalt/produktgruppe-0601.md", "haushalt/teilhaushalt-2.md", "haushalt/gesamt.md"} <= rendered
    assert "33.830.630,40 | 35.220.000,40 |" in (out / "haushalt/produktgruppe-0601.md").read_text("utf-8")
    assert_same_as_full_render(root, out, tmp_path)


def test_book_has_the_teilhaushalte_and_the_level_pages_with_their_content() -> None:
    from conftest import BUNDLED
    from produktkatalog.book.chapters import book_chapters
    from produktkatalog.render.site import catalogue_site

    root = BUNDLED / "beispielstadt"
    site = catalogue_site(run(root).computations[0], "", None)
    chapters = book_chapters(site, root, technical=False)
    titles = [chapter.title for chapter in chapters]
    assert titles[titles.index("Gesamtplan") + 1] == "Teilhaushalte"
    [entry] = chapters[titles.index("Teilhaushalte")].entries
    assert entry.title == "Teilhaushalt 2 Bildung, Jugend und Familie"
    sport = chapters[titles.index("Produktbereich 08 Sportförderung")].entries[0]
    assert sport.kind == "haushalt" and sport.item.text.goals[2].achievements  # type: ignore[attr-defined]


def test_a_level_file_without_number_feeds_nothing(levels: Path) -> None:
    _write(levels, f"{AREA}/0102-ordnung/produktgruppe.yaml", "bezeichnung: Ordnung\n")
    _write(levels, f"{AREA}/0102-ordnung/teilergebnisplan.yaml", _plan(**{"11": -70000}))
    result = run(levels)
    assert [code for code, *_ in tuples(result, levels)] == ["S102"]
    assert _amount(result, GESAMT, "11") == Decimal("-990000.00")
