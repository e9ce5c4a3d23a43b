"""The README's tour changes no committed file: every output lands where .gitignore keeps it out of git status."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import HERE
from gitrepo import commit, git, isolate_git
from produktkatalog.cli import run

ROOT = HERE.parent
TOUR = (ROOT / "README.md").read_text("utf-8").split("## Rundgang für das Controlling\n", 1)[1].split("```sh\n", 1)[
    1].split("```", 1)[0]
CALLS = [shlex.split(line.split("  #", 1)[0])[1:] for line in TOUR.splitlines() if line.startswith(".venv/bin/")]
OUTPUT_OPTIONS = ("--out", "--output", "-o")


def _outputs(call: list[str]) -> list[str]:
    named = [call[i + 1] for i, word in enumerate(call[:-1]) if word in OUTPUT_OPTIONS]
    return named or {"render": ["ausgabe"], "init": call[1:2]}.get(call[0], [])


def test_the_tour_has_the_commands_a_controller_needs() -> None:
    assert {call[0] for call in CALLS} == {"validate", "kennzahlen", "render", "diff", "fmt", "new", "schema",
                                           "vorlagen", "init", "import", "export", "vergleich"}
    assert ["schema", "--out", "schemas"] not in CALLS  # would rewrite the committed source schemas


def test_every_output_of_the_tour_is_ignored_by_git() -> None:
    outputs = sorted({path for call in CALLS for path in _outputs(call)})
    assert outputs == ["ausgabe", "blaetter", "editor-schemas", "haushalt.xlsx", "katalog.sarif", "neu/katalog",
                       "vergleich.html"]
    probe = subprocess.run(["git", "check-ignore", "--no-index", *(f"{p}/x" for p in outputs)], cwd=ROOT,
                           capture_output=True, text=True, check=False)
    assert sorted(probe.stdout.split()) == sorted(f"{p}/x" for p in outputs), probe.stderr


@pytest.mark.slow
def test_following_the_tour_leaves_git_status_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    isolate_git(monkeypatch)
    repo = tmp_path / "klon"
    for name in ("katalog", "schemas"):
        shutil.copytree(ROOT / name, repo / name)
    shutil.copy(ROOT / ".gitignore", repo / ".gitignore")
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "Stand wie geklont")
    monkeypatch.chdir(repo)
    for call in CALLS:
        code = run(call)
        assert code in (0, 1), (call, capsys.readouterr())
    status = git(repo, "status", "--porcelain", "--untracked-files=all").splitlines()
    assert status == ["?? katalog/leverkusen/produkte/01-innere-verwaltung/011002-beschwerdestelle/produkt.yaml"]
    assert "Bericht (sarif) geschrieben: katalog.sarif" in capsys.readouterr().out
