"""The pre-commit hooks of .pre-commit-hooks.yaml, run by the real pre-commit on a throwaway catalogue repository.

pre-commit clones this project at its committed HEAD and pip-installs it into an environment of its
own (that needs the package index), so the test is slow and checks what a municipality would get.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BASE, PRODUCT

PROJECT = Path(__file__).parent.parent
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.slow


def _git(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=check)


def _committed_head() -> str:
    if not (PROJECT / ".git").exists():
        pytest.skip("nur in einem git-Klon des Projekts: pre-commit installiert den Stand eines Commits")
    return _git(PROJECT, "rev-parse", "HEAD").stdout.strip()


@pytest.fixture
def municipality(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with the minimal catalogue and a pre-commit configuration naming this project's hooks."""
    for name, value in {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit"), "GIT_CONFIG_GLOBAL": os.devnull,
                        "GIT_AUTHOR_NAME": "Kämmerei", "GIT_AUTHOR_EMAIL": "kaemmerei@example.org",
                        "GIT_COMMITTER_NAME": "Kämmerei", "GIT_COMMITTER_EMAIL": "kaemmerei@example.org",
                        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}.items():
        monkeypatch.setenv(name, value)
    repo = tmp_path / "gemeinde"
    shutil.copytree(BASE, repo / "katalog")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {PROJECT.resolve().as_uri()}\n    rev: {_committed_head()}\n    hooks:\n"
        "      - id: katalog-validate\n      - id: katalog-fmt-check\n", "utf-8")
    _git(repo, "init", "--quiet")
    subprocess.run([BIN / "pre-commit", "install"], cwd=repo, check=True, capture_output=True)
    return repo


def _commit(repo: Path, message: str) -> tuple[int, str]:
    """Exit code of ``git commit`` and what the hooks printed."""
    _git(repo, "add", "--all")
    done = _git(repo, "commit", "--quiet", "-m", message, check=False)
    return done.returncode, done.stdout + done.stderr


def test_hooks_pass_clean_catalogue_and_stop_bad_commits(municipality: Path) -> None:
    code, output = _commit(municipality, "Katalog angelegt")
    assert code == 0, output
    assert "katalog validate...." in output and "katalog fmt --check...." in output

    product = municipality / "katalog" / PRODUCT / "produkt.yaml"
    text = product.read_text("utf-8")
    product.write_text(text.replace('nummer: "010101"\n', "").replace("produktart: extern\n",
                                                                        'produktart: extern\nnummer: "010101"\n'))
    code, output = _commit(municipality, "Nummer nach unten verschoben")
    assert code != 0
    assert re.search(r"katalog validate\.+Passed", output) and re.search(r"katalog fmt --check\.+Failed", output)
    assert f"Nicht im Standardformat: katalog/{PRODUCT}/produkt.yaml" in output

    subprocess.run([BIN / "katalog", "fmt", "katalog"], cwd=municipality, check=True, capture_output=True)
    assert product.read_text("utf-8") == text
    product.write_text(text.replace('bezeichnung: "Bürgerbüro"', 'bezeichnung: "Bürgerservice"'), "utf-8")
    assert _commit(municipality, "Bezeichnung geändert")[0] == 0

    product.write_text(text.replace('nummer: "010101"', "nummer: 010101"), "utf-8")
    code, output = _commit(municipality, "Nummer ohne Anführungszeichen")
    assert code != 0
    assert re.search(r"katalog validate\.+Failed", output)
    assert "Fehler S103" in output
    assert _git(municipality, "log", "--format=%s").stdout.splitlines() == ["Bezeichnung geändert",
                                                                           "Katalog angelegt"]
