"""A throwaway git repository holding a copy of a bundled catalogue, for diff and --changed-since tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import BUNDLED

BEISPIELSTADT = "katalog/beispielstadt"
BUERGERBUERO = f"{BEISPIELSTADT}/produkte/02-sicherheit-und-ordnung/020101-buergerbuero"


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c",
                           "commit.gpgsign=false", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


def isolate_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither the user's nor the system's git configuration applies."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


def repository_with_beispielstadt(root: Path) -> Path:
    repo = root / "repo"
    shutil.copytree(BUNDLED / "beispielstadt", repo / BEISPIELSTADT)
    git(repo, "init", "-q")
    commit(repo, "Beispielstadt")
    return repo


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not unique in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
