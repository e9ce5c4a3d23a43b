"""Shared helpers: build catalogues from the example folders and run the real pipeline on them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from produktkatalog.findings import Finding
from produktkatalog.pipeline import Result, validate

HERE = Path(__file__).parent
EXAMPLES = HERE / "beispiele"
BASE = EXAMPLES / "basis"
BUNDLED = HERE.parent / "katalog"
PRODUCT = "produkte/01-innere-verwaltung/010101-buergerbuero"


def tuples(result: Result, root: Path) -> list[tuple[str, str, int | None, int | None]]:
    """(code, file relative to the catalogue, line, column) of every finding."""
    prefix = root.resolve().as_posix() + "/"
    return [(f.code, _relative(f, prefix), f.line, f.column) for f in result.findings]


def _relative(finding: Finding, prefix: str) -> str:
    path = Path(finding.file).resolve().as_posix()
    return path.removeprefix(prefix)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own cache folder, never the user's."""
    monkeypatch.setenv("KATALOG_CACHE", str(tmp_path / "cache"))


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """A fresh copy of the minimal valid catalogue."""
    target = tmp_path / "katalog"
    shutil.copytree(BASE, target)
    return target


def run(root: Path) -> Result:
    return validate(root, use_cache=False, workers=1)
