"""Every folder under beispiele/ungueltig/ overlays the base catalogue and names the findings it must produce."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, run, tuples

CASES = sorted(p for p in (EXAMPLES / "ungueltig").iterdir() if p.is_dir())


def expected(case: Path) -> list[tuple[str, str, int, int]]:
    rows = []
    for line in (case / "erwartet.txt").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, where = line.split()
            file, row, column = where.rsplit(":", 2)
            rows.append((code, file, int(row), int(column)))
    return rows


def test_base_catalogue_is_clean(catalogue: Path) -> None:
    assert tuples(run(catalogue), catalogue) == []


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_findings(case: Path, catalogue: Path) -> None:
    for source in case.rglob("*"):
        if source.is_file() and source.name != "erwartet.txt":
            target = catalogue / source.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    assert tuples(run(catalogue), catalogue) == expected(case)
