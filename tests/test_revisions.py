"""Reading a catalogue at a git revision: revision names are checked, only regular YAML files are written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gitrepo import BEISPIELSTADT, commit, git, isolate_git, repository_with_beispielstadt
from produktkatalog.git.revisions import GitError, check_revision, repository


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    isolate_git(monkeypatch)
    return repository_with_beispielstadt(tmp_path)


@pytest.mark.parametrize("name", ["HEAD", "HEAD~1", "main^", "v1.0", "feature/neue-kennzahlen", "3dd0540",
                                  "HEAD@{1}"])
def test_plain_revision_names_pass(name: str) -> None:
    assert check_revision(name) == name


@pytest.mark.parametrize("name", ["", "-x", "--output=/tmp/x", "a..b", "HEAD:katalog", "a b", "x\n", "x\x1b[31m",
                                  "main/", "refs//x", "@{-1}", "a\\b", "*"])
def test_other_revision_names_are_refused(name: str) -> None:
    with pytest.raises(GitError, match="kein zulässiger Revisionsname"):
        check_revision(name)


def test_materialize_writes_regular_yaml_files_only(repo: Path, tmp_path: Path) -> None:
    root = repo / BEISPIELSTADT
    os.symlink("/etc/passwd", root / "kennzahlen" / "passwort.yaml")
    (root / "notiz.txt").write_text("kein YAML\n", encoding="utf-8")
    commit(repo, "Verweis und Notiz")
    git_repo = repository(root)
    target = tmp_path / "ziel"
    target.mkdir()
    written = git_repo.materialize(git_repo.commit("HEAD"), git_repo.inside(root), target)
    files = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    expected = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.yaml") if not p.is_symlink())
    assert files == expected and written == len(expected)
    assert not any(p.is_symlink() for p in target.rglob("*"))
    katalog = (root / "katalog.yaml").read_bytes()
    assert (target / "katalog.yaml").read_bytes() == katalog


def test_changed_since_lists_committed_staged_unstaged_untracked_and_deleted(repo: Path) -> None:
    root = repo / BEISPIELSTADT
    (root / "kennzahlen" / "einwohnerdichte.yaml").write_text("id: einwohnerdichte\n", encoding="utf-8")
    commit(repo, "committed")
    (root / "kennzahlen" / "beschaeftigte_gesamt.yaml").write_text("id: x\n", encoding="utf-8")
    git(repo, "add", "-A")  # staged
    (root / "kennzahlen" / "flaeche_km2.yaml").write_text("id: flaeche_km2\n", encoding="utf-8")  # unstaged
    (root / "kennzahlen" / "neu.yaml").write_text("id: neu\n", encoding="utf-8")  # untracked
    (root / "programme" / "klimaschutz_2035.yaml").unlink()  # deleted
    git_repo = repository(root)
    changed = git_repo.changed_since(git_repo.commit("HEAD~1"), git_repo.inside(root))
    assert changed == [f"{BEISPIELSTADT}/kennzahlen/{name}.yaml" for name in (
        "beschaeftigte_gesamt", "einwohnerdichte", "flaeche_km2", "neu")] + [
        f"{BEISPIELSTADT}/programme/klimaschutz_2035.yaml"]
    assert git(repo, "status", "--porcelain")  # nothing was staged or reset by asking


def test_unknown_revision_and_no_repository(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(GitError, match="Revision „v9“ unbekannt"):
        repository(repo).commit("v9")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    outside = tmp_path / "woanders"
    outside.mkdir()
    with pytest.raises(GitError, match="Kein git-Repository"):
        repository(outside)
