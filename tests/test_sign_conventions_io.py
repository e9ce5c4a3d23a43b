"""Exports state their sign convention; the import reads a source in its convention (profile, mapping or
--vorzeichen) and writes amounts as the catalogue enters them."""

from __future__ import annotations

import csv
import io
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from conftest import BUNDLED, run
from gitrepo import commit, git, isolate_git
from produktkatalog.cli import app
from produktkatalog.diff import compare, open_sides
from produktkatalog.diff.records import CatalogueDiff
from sign_catalogues import read
from test_sign_conventions import BUERO, DEMOS, ORDNUNG, outcomes

runner = CliRunner()


def katalog(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def _csv(name: str) -> list[dict[str, str]]:
    code, output = katalog("export", str(BUNDLED / name), "--format", "csv")
    assert code == 0
    return list(csv.DictReader(io.StringIO(output)))


def test_the_csv_export_is_canonical_in_every_convention_and_says_so() -> None:
    tables = {convention: _csv(name) for convention, name in DEMOS.items()}
    plan_rows = [row for row in tables["aufwand_negativ"] if row["quelle"] == "teilergebnisplan"]
    assert {row["vorzeichen"] for row in plan_rows} == {"aufwand_negativ"}
    staff = next(row for row in plan_rows if row["nummer"] == "020101" and row["zeile"] == "11"
                 and row["jahr"] == "2024")
    assert (staff["wert"], staff["anzeige"]) == ("-812345.67", "-812.345,67")
    for convention in ("ertrag_negativ", "ohne_vorzeichen"):
        assert [{k: v for k, v in row.items() if k != "kommune"} for row in tables[convention]] == [
            {k: v for k, v in row.items() if k != "kommune"} for row in tables["aufwand_negativ"]]


def test_the_xlsx_export_shows_and_states_the_catalogues_anzeige(tmp_path: Path) -> None:
    found = {}
    for convention, name in DEMOS.items():
        target = tmp_path / f"{name}.xlsx"
        assert katalog("export", str(BUNDLED / name), "--format", "xlsx", "--out", str(target))[0] == 0
        sheet = load_workbook(target)["Produkte"]
        rows = list(sheet.iter_rows(min_row=3, values_only=True))
        found[convention] = (sheet["A1"].value, {row[7]: row[9] for row in rows if row[4] == "020101"
                                                 and row[6] == "Teilergebnisplan"})
    assert found["aufwand_negativ"][0].endswith("· Produkte · Vorzeichen: Erträge positiv, Aufwendungen negativ")
    assert found["ertrag_negativ"][0].endswith("· Vorzeichen: Erträge negativ, Aufwendungen positiv")
    assert "Vorzeichen: ohne Vorzeichen" in found["ohne_vorzeichen"][0]
    assert [found[c][1]["11"] for c in DEMOS] == [-812345.67, 812345.67, 812345.67]
    assert [found[c][1]["04"] for c in DEMOS] == [318450.2, -318450.2, 318450.2]
    assert [found[c][1]["18"] for c in DEMOS] == [-680576.12, 680576.12, -680576.12]


def _travelling(found: dict[str, dict[tuple[object, ...], object]]) -> dict[tuple[object, ...], object]:
    """The figures an export carries into an import: the export leaves out kein Wert (row 16 of the Bürgerbüro is
    ``~`` in Ansatz 2026), so that column arrives as a blank row."""
    return {key: value for key, value in found["figures"].items() if key[2] != "Ansatz 2026"}


def _without_plans(tmp_path: Path, convention: str) -> Path:
    root = tmp_path / DEMOS[convention]
    shutil.copytree(BUNDLED / DEMOS[convention], root)
    for path in root.rglob("teil*plan.yaml"):
        path.unlink()
    return root


def test_an_import_writes_amounts_as_the_catalogue_enters_them(tmp_path: Path) -> None:
    source = tmp_path / "export.csv"
    code, output = katalog("export", str(BUNDLED / DEMOS["aufwand_negativ"]), "--format", "csv")
    source.write_text(output, "utf-8")
    expected = outcomes(run(BUNDLED / DEMOS["aufwand_negativ"]))
    for convention, staff in (("ertrag_negativ", Decimal("812345.67")), ("ohne_vorzeichen", Decimal("812345.67"))):
        root = _without_plans(tmp_path, convention)
        code, output = katalog("import", str(source), "--katalog", str(root))
        assert code == 0, output
        rows = read(root / BUERO / "teilergebnisplan.yaml")["zeilen"]
        assert rows["11"]["ergebnis"]["2024"] == staff and rows["04"]["ergebnis"]["2024"] == Decimal(
            "-318450.20" if convention == "ertrag_negativ" else "318450.20")
        assert rows["09"]["ergebnis"]["2024"] == Decimal("1250.00" if convention == "ertrag_negativ" else "-1250.00")
        result = run(root)
        assert result.findings == [] and _travelling(outcomes(result)) == _travelling(expected)


def test_importing_the_same_figures_into_a_catalogue_entered_otherwise_changes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "export.csv"
    source.write_text(katalog("export", str(BUNDLED / DEMOS["aufwand_negativ"]), "--format", "csv")[1], "utf-8")
    root = tmp_path / "demo"
    shutil.copytree(BUNDLED / DEMOS["ohne_vorzeichen"], root)
    before = {path: path.read_bytes() for path in root.rglob("*.yaml")}
    code, output = katalog("import", str(source), "--katalog", str(root))
    assert code == 0 and "I313" not in output
    assert {path: path.read_bytes() for path in root.rglob("*.yaml")} == before


def test_a_source_with_revenues_negative_imports_right_with_vorzeichen(tmp_path: Path) -> None:
    """An SAP-style table: the export's amounts with every sign reversed, read with --vorzeichen ertrag_negativ."""
    rows = _csv(DEMOS["aufwand_negativ"])
    for row in rows:
        if row["quelle"] in ("teilergebnisplan", "teilfinanzplan"):
            row["wert"] = format(-Decimal(row["wert"]), "f")
    source = tmp_path / "sap.csv"
    with source.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    expected = outcomes(run(BUNDLED / DEMOS["aufwand_negativ"]))
    root = _without_plans(tmp_path, "aufwand_negativ")
    code, output = katalog("import", str(source), "--katalog", str(root), "--vorzeichen", "ertrag_negativ")
    assert code == 0, output
    assert read(root / ORDNUNG / "teilergebnisplan.yaml")["zeilen"]["11"]["ergebnis"]["2024"] == Decimal("-655120.00")
    result = run(root)
    assert result.findings == [] and _travelling(outcomes(result)) == _travelling(expected)
    plain = _without_plans(tmp_path / "ohne-option", "aufwand_negativ")
    code, output = katalog("import", str(source), "--katalog", str(plain))
    assert code == 0 and "K221" in output  # read as aufwand_negativ, every sign is wrong, and katalog says so


def _repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, convention: str) -> Path:
    isolate_git(monkeypatch)
    repo = tmp_path / "repo"
    shutil.copytree(BUNDLED / DEMOS[convention], repo / "katalog")
    git(repo, "init", "-q")
    commit(repo, "Demo")
    return repo


def _diff(repo: Path) -> CatalogueDiff:
    with open_sides(repo / "katalog", None, None) as (before, after):
        [catalogue] = compare(before, after).catalogues
    return catalogue


def test_entering_the_same_figures_in_another_convention_changes_no_amount(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repository(tmp_path, monkeypatch, "aufwand_negativ")
    katalog_file = repo / "katalog" / "katalog.yaml"
    text = katalog_file.read_text("utf-8")
    katalog_file.write_text(text.replace("eingabe: aufwand_negativ", "eingabe: ertrag_negativ"), "utf-8")
    for path in (BUNDLED / DEMOS["ertrag_negativ"]).rglob("teil*plan.yaml"):
        shutil.copy(path, repo / "katalog" / path.relative_to(BUNDLED / DEMOS["ertrag_negativ"]))
    found = _diff(repo)
    assert (found.stated, found.rows, found.figures, found.goals) == ([], [], [], [])
    assert [(f.path, f.old, f.new) for f in found.fields] == [(("vorzeichen", "eingabe"), "aufwand_negativ",
                                                                "ertrag_negativ")]


def test_a_diff_shows_amounts_as_the_pages_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repository(tmp_path, monkeypatch, "ohne_vorzeichen")
    plan = repo / "katalog" / BUERO / "teilergebnisplan.yaml"
    text = plan.read_text("utf-8").replace("ansatz: {2025: 845000.00, 2026: 872500.00}",
                                           "ansatz: {2025: 929500.00, 2026: 872500.00}")
    plan.write_text(text.replace("ansatz: {2025: 1080400.00}", "ansatz: {2025: 1164900.00}"), "utf-8")
    found = _diff(repo)
    [change] = found.stated  # the stated total 17 follows its parts: no Änderung of its own
    assert (change.item, change.column, change.old, change.new) == ("11", "Ansatz 2025", Decimal("845000.00"),
                                                                    Decimal("929500.00"))
    totals = {(c.subject, c.item): (c.old, c.new) for c in found.rows if c.column == "Ansatz 2025"}
    assert totals[("Gesamtplan", "11")] == (Decimal("1535300.00"), Decimal("1619800.00"))  # unsigned, as shown
    assert totals[("Gesamtplan", "17")] == (Decimal("1892700.00"), Decimal("1977200.00"))
    assert totals[("Gesamtplan", "29")][1] - totals[("Gesamtplan", "29")][0] == Decimal("-84500.00")  # the Saldo
