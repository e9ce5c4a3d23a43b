"""katalog diff on a real catalogue in a throwaway git repository: Änderungen and Auswirkungen."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from gitrepo import BEISPIELSTADT, BUERGERBUERO, commit, git, isolate_git, replace, repository_with_beispielstadt
from produktkatalog.cli import app
from produktkatalog.diff import Diff, compare, open_sides
from produktkatalog.diff.json_writer import as_json
from produktkatalog.diff.markdown import markdown
from produktkatalog.incremental import files

PLAN = f"{BUERGERBUERO}/teilergebnisplan.yaml"
OWNERS = {"Produkt 020101 Bürgerbüro", "Produktgruppe 0201 Bürgerservice und Einwohnerwesen",
          "Produktbereich 02 Sicherheit und Ordnung", "Gesamtplan"}
ROW_11_2026 = "ansatz: {2025: -1090000.00, 2026: -1128200.00}"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    isolate_git(monkeypatch)
    return repository_with_beispielstadt(tmp_path)


def diff_of(repo: Path, old: str | None = None, new: str | None = None) -> Diff:
    with open_sides(repo / "katalog", old, new) as (before, after):
        return compare(before, after)


def raise_personal_costs(repo: Path, with_sums: bool = True) -> None:
    """Personalaufwendungen (row 11) of the Bürgerbüro +10 % in Ansatz 2026: -1,128,200.00 → -1,241,020.00."""
    replace(repo / PLAN, ROW_11_2026, "ansatz: {2025: -1090000.00, 2026: -1241020.00}")
    if with_sums:  # the stated sums 17 and 18, as the finance system would print them
        replace(repo / PLAN, "2026: -1602700.00}", "2026: -1715520.00}")
        replace(repo / PLAN, "2026: -1041200.00}", "2026: -1154020.00}")


def test_ten_percent_more_personalaufwendungen_is_one_change(repo: Path) -> None:
    raise_personal_costs(repo)
    found = diff_of(repo)
    assert found.notes == []
    [catalogue] = found.catalogues
    assert catalogue.entities == [] and catalogue.fields == []
    [change] = catalogue.stated
    assert (change.subject, change.source, change.item, change.column) == (
        "Produkt 020101 Bürgerbüro", "teilergebnisplan", "11", "Ansatz 2026")
    assert (change.old, change.new, change.delta) == (Decimal("-1128200.00"), Decimal("-1241020.00"),
                                                      Decimal("-112820.00"))
    assert change.relative == -10  # the sign of the difference: the row falls by a tenth of its size
    assert change.file.endswith(PLAN)


def test_effects_are_only_what_depends_on_the_row(repo: Path) -> None:
    raise_personal_costs(repo)
    [catalogue] = diff_of(repo).catalogues
    effects = [*catalogue.rows, *catalogue.figures]
    assert {e.subject for e in effects} == OWNERS
    assert {e.column for e in effects} == {"Ansatz 2026"}
    assert catalogue.goals == []
    rows = {(e.subject, e.item): e.delta for e in catalogue.rows}
    for owner in OWNERS:  # ordentliche Aufwendungen and the results below them, at every level
        for row in ("17", "18", "22", "26", "29"):
            assert rows.pop((owner, row)) == Decimal("-112820.00")
    # row 11 itself is a computed value only in the roll-ups; in the product it is the Änderung
    assert set(rows) == {(owner, "11") for owner in OWNERS - {"Produkt 020101 Bürgerbüro"}}
    product = {e.item: e for e in catalogue.figures if e.subject == "Produkt 020101 Bürgerbüro"}
    assert set(product) == {"aufwandsdeckungsgrad", "kosten_je_vorsprache", "personalaufwand_je_stelle",
                            "ordentliche_aufwendungen_je_einwohner", "personalintensitaet",
                            "teilergebnis_je_einwohner", "zuschussbedarf"}
    expected = Decimal("1241020.00") * 100 / Decimal("1715520.00")
    assert abs(product["personalintensitaet"].new - expected) < Decimal("1e-20")
    assert product["zuschussbedarf"].new - product["zuschussbedarf"].old == Decimal("112820.00")


def test_stated_sums_left_stale_are_still_one_change_and_a_note(repo: Path) -> None:
    raise_personal_costs(repo, with_sums=False)
    found = diff_of(repo)
    [catalogue] = found.catalogues
    assert [(c.item, c.column) for c in catalogue.stated] == [("11", "Ansatz 2026")]
    assert len(found.notes) == 1 and found.notes[0].startswith("Arbeitsverzeichnis lässt sich nicht fehlerfrei")


def test_two_revisions_as_json_with_decimal_strings(repo: Path, tmp_path: Path) -> None:
    raise_personal_costs(repo)
    commit(repo, "Personalaufwand Bürgerbüro")
    target = tmp_path / "diff.json"
    result = CliRunner().invoke(app, ["diff", "HEAD~1", "HEAD", "--katalog", str(repo / "katalog"),
                                      "--format", "json", "--output", str(target)])
    assert result.exit_code == 0, result.output
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["old"]["revision"] == git(repo, "rev-parse", "HEAD~1").strip()
    [catalogue] = document["catalogues"]
    [amount] = catalogue["changes"]["amounts"]
    assert {k: amount[k] for k in ("item", "kind", "year", "old", "new", "delta", "relative")} == {
        "item": "11", "kind": "ansatz", "year": 2026, "old": "-1128200.00", "new": "-1241020.00",
        "delta": "-112820.00", "relative": "-10"}
    assert document["summary"]["changes"] == 1


def test_working_tree_equal_to_head_has_no_differences(repo: Path) -> None:
    found = diff_of(repo)
    assert (found.changes, found.effects) == (0, 0)
    assert "Keine inhaltlichen Unterschiede" in markdown(found)


def test_renumbered_leistung_and_renamed_kennzahl(repo: Path) -> None:
    leistungen = repo / BUERGERBUERO / "leistungen"
    moved = leistungen / "02010104-terminmanagement-und-servicetelefon.yaml"
    (leistungen / "02010103-terminmanagement-und-servicetelefon.yaml").rename(moved)
    replace(moved, 'nummer: "02010103"', 'nummer: "02010104"')
    figures = repo / BEISPIELSTADT / "produkte/01-innere-verwaltung/011001-verwaltungsfuehrung-und-ratsangelegenheiten"
    replace(figures / "kennzahlen/anzahl_sitzungen.yaml", "id: anzahl_sitzungen", "id: sitzungen_gremien")
    [catalogue] = diff_of(repo).catalogues
    assert [(e.change, e.kind, e.old, e.new) for e in catalogue.entities] == [
        ("umnummeriert", "Leistung", "02010103 Terminmanagement und Servicetelefon",
         "02010104 Terminmanagement und Servicetelefon"),
        ("umbenannt", "Kennzahl", "011001.anzahl_sitzungen", "011001.sitzungen_gremien")]
    assert catalogue.fields == [] and catalogue.stated == []


def test_fields_and_goals_with_escaped_markdown(repo: Path) -> None:
    product = repo / BUERGERBUERO / "produkt.yaml"
    replace(product, 'bezeichnung: "Bürgerbüro"', 'bezeichnung: "Bürgerbüro | <b>Rathaus</b>"')
    replace(product, "zielwerte: {2025: 12, 2026: 10,", "zielwerte: {2025: 12, 2026: 9,")
    [catalogue] = diff_of(repo).catalogues
    fields = {c.field: (c.old, c.new) for c in catalogue.fields}
    assert fields == {"bezeichnung": ("Bürgerbüro", "Bürgerbüro | <b>Rathaus</b>"),
                      "ziele › „Kurze Wartezeit auf einen Termin“ › zielwerte › 2026": (10, 9)}
    [goal] = catalogue.goals  # Ansatz 2026 is 10 days: on target before, 11 % over the new target after
    assert (goal.figure, goal.column, goal.old_light, goal.new_light) == (
        "wartezeit_termin_tage", "Ansatz 2026", "gruen", "rot")
    assert goal.new_degree == 90
    text = markdown(diff_of(repo))
    assert "Bürgerbüro \\| &lt;b&gt;Rathaus&lt;/b&gt;" in text
    assert "<b>" not in text


def test_removed_product_and_its_roll_ups(repo: Path) -> None:
    shutil.rmtree(repo / BEISPIELSTADT / "produkte/08-sportfoerderung/080201-foerderung-des-vereinssports")
    [catalogue] = diff_of(repo).catalogues
    removed = {(e.change, e.kind) for e in catalogue.entities}
    assert removed == {("entfernt", "Produkt"), ("entfernt", "Leistung"), ("entfernt", "Kennzahl"),
                       ("entfernt", "Teilergebnisplan")}
    owners = {e.subject for e in catalogue.rows}
    assert owners == {"Produkt 080201 Förderung des Vereinssports",
                      "Produktgruppe 0802 Sportförderung", "Produktbereich 08 Sportförderung", "Gesamtplan"}
    assert catalogue.stated == []


def test_revision_side_names_files_as_the_working_tree_does(repo: Path) -> None:
    with open_sides(repo / "katalog") as (before, after):
        assert before.folder != after.folder
        old_files = sorted(p.file for c in before.result.catalogues for p in c.products)
        new_files = sorted(p.file for c in after.result.catalogues for p in c.products)
    assert old_files == new_files and len(old_files) == 14


@pytest.mark.parametrize(("args", "message"), [
    (["a..b"], "kein zulässiger Revisionsname"),
    (["gibtsnicht"], "Revision „gibtsnicht“ unbekannt"),
    (["HEAD", "--", "--output=x"], "kein zulässiger Revisionsname"),
])
def test_bad_revisions_exit_2(repo: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["diff", "--katalog", str(repo / "katalog"), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_outside_a_repository_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate_git(monkeypatch)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    folder = tmp_path / "kein-repo"
    shutil.copytree(Path(__file__).parent / "beispiele" / "basis", folder)
    result = CliRunner().invoke(app, ["diff", "--katalog", str(folder)])
    assert result.exit_code == 2
    assert "Kein git-Repository" in result.output


def test_the_revision_side_borrows_the_working_tree_cache_and_diffs_the_same(repo: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """With the cache, HEAD's files come from the working tree's entries; the diff is that of a run without."""
    raise_personal_costs(repo)
    with open_sides(repo / "katalog", use_cache=False) as (before, after):
        fresh = json.loads(as_json(compare(before, after)))
    with open_sides(repo / "katalog") as (before, after):
        cached = json.loads(as_json(compare(before, after)))
    assert cached == fresh
    parsed: list[str] = []
    original = files.clean_data

    def counting(jobs: list[tuple[str, bytes]], workers: int | None = None) -> list[Any]:
        parsed.extend(kind for kind, _ in jobs)
        return original(jobs, workers)

    monkeypatch.setattr("produktkatalog.incremental.files.clean_data", counting)
    with open_sides(repo / "katalog") as (before, after):
        assert json.loads(as_json(compare(before, after))) == fresh
    assert len(parsed) == 1  # only HEAD's version of the one changed file was parsed again
