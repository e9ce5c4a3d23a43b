"""validate --changed-since: the changed files and their dependants, with the findings a full run gives them."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from gitrepo import BEISPIELSTADT, BUERGERBUERO, commit, isolate_git, replace, repository_with_beispielstadt
from produktkatalog.cli import app
from produktkatalog.pipeline import NoCatalogue, Result, validate

KITA = f"{BEISPIELSTADT}/produkte/06-kinder-jugend-und-familienhilfe/060101-kindertageseinrichtungen"
TAGESPFLEGE = f"{BEISPIELSTADT}/produkte/06-kinder-jugend-und-familienhilfe/060102-kindertagespflege"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    isolate_git(monkeypatch)
    return repository_with_beispielstadt(tmp_path)


def changed_and_full(repo: Path, since: str = "HEAD") -> tuple[Result, Result]:
    folder = repo / "katalog"
    return validate(folder, use_cache=False, changed_since=since), validate(folder, use_cache=False)


def assert_same_as_full_run(part: Result, full: Result) -> None:
    assert part.selected is not None
    chosen = set(part.selected)
    assert part.findings == [f for f in full.findings if f.file in chosen]


def test_renamed_kennzahl_reports_the_formula_in_another_product(repo: Path) -> None:
    replace(repo / KITA / "kennzahlen/betreute_kinder.yaml", "id: betreute_kinder", "id: kinder_betreut")
    part, full = changed_and_full(repo)
    assert_same_as_full_run(part, full)
    other = str(repo / TAGESPFLEGE / "kennzahlen/anteil_tagespflege.yaml")
    assert other in part.selected  # type: ignore[operator]
    assert [(f.code, f.file) for f in part.findings if f.file == other] == [("K208", other)]
    assert len(part.selected or []) < full.files


def test_changed_plan_rechecks_the_figures_reading_it(repo: Path) -> None:
    replace(repo / BUERGERBUERO / "teilergebnisplan.yaml", "2026: -1128200.00}", "2026: -1241020.00}")
    part, full = changed_and_full(repo)
    assert_same_as_full_run(part, full)
    selected = {Path(f).relative_to(repo).as_posix() for f in part.selected or []}
    assert {f"{BUERGERBUERO}/teilergebnisplan.yaml", f"{BUERGERBUERO}/kennzahlen/kosten_je_vorsprache.yaml",
            f"{BUERGERBUERO}/kennzahlen/personalaufwand_je_stelle.yaml", f"{BEISPIELSTADT}/katalog.yaml"} <= selected
    assert not any("/080201-" in f for f in selected)
    assert {f.code for f in part.findings} == {"K216"}  # the stated sums 17 and 18 no longer add up


def test_katalog_yaml_means_the_whole_catalogue(repo: Path) -> None:
    replace(repo / BEISPIELSTADT / "katalog.yaml", "2026: 85050", "2026: 85051")
    part, full = changed_and_full(repo)
    assert part.files == full.files and part.findings == full.findings


def test_committed_untracked_and_deleted_files(repo: Path) -> None:
    folder = repo / BEISPIELSTADT / "kennzahlen"
    replace(folder / "flaeche_km2.yaml", "id: flaeche_km2", "id: flaeche")
    commit(repo, "Kennung geändert")
    (folder / "neu.yaml").write_text('id: neu\nbezeichnung: "Neu"\nart: kennzahl\nformel: "1 +"\n', encoding="utf-8")
    part, full = changed_and_full(repo, since="HEAD~1")
    assert_same_as_full_run(part, full)
    codes = {(Path(f.file).name, f.code) for f in part.findings}
    assert ("neu.yaml", "K209") in codes  # the untracked file's broken formula
    assert ("einwohnerdichte.yaml", "K208") in codes  # reads flaeche_km2, renamed in the commit


def test_nothing_changed_checks_nothing(repo: Path) -> None:
    result = CliRunner().invoke(app, ["validate", str(repo / "katalog"), "--changed-since", "HEAD", "--no-cache"])
    assert result.exit_code == 0
    assert "Seit „HEAD“ hat sich keine Katalogdatei geändert." in result.output
    assert "0 Dateien geprüft: keine Befunde." in result.output


def test_text_summary_names_the_checked_files(repo: Path) -> None:
    replace(repo / KITA / "kennzahlen/betreute_kinder.yaml", "id: betreute_kinder", "id: kinder_betreut")
    result = CliRunner().invoke(app, ["validate", str(repo / "katalog"), "--changed-since", "HEAD", "--no-cache"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    start = lines.index("Geprüft, weil seit „HEAD“ geändert oder davon abhängig:")
    assert f"    {repo / TAGESPFLEGE / 'kennzahlen/anteil_tagespflege.yaml'}" in lines[start:]


def test_unknown_revision_cannot_run(repo: Path) -> None:
    with pytest.raises(NoCatalogue, match="Revision „v9“ unbekannt"):
        validate(repo / "katalog", use_cache=False, changed_since="v9")
    result = CliRunner().invoke(app, ["validate", str(repo / "katalog"), "--changed-since=-v9"])
    assert result.exit_code == 2
    assert "„-v9“ ist kein zulässiger Revisionsname" in result.output
