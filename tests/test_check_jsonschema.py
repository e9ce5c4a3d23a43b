"""An independent validator agrees with katalog: check-jsonschema, the real command, with the exported schemas.

Editors judge files with the exported schemas alone; this shows they accept every bundled file
and reject the files that katalog rejects for their schema. One invocation per kind.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import BASE, BUNDLED, EXAMPLES, run
from produktkatalog.cli import app
from produktkatalog.load.discover import catalogue_files, find_catalogues

CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
SCHEMA_CASES = sorted(case for case in (EXAMPLES / "ungueltig").iterdir()
                      if any(line.startswith("S") for line in (case / "erwartet.txt").read_text("utf-8").splitlines()))


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("editor") / "schemas"
    assert CliRunner().invoke(app, ["schema", "--out", str(folder)]).exit_code == 0
    return folder


def check_jsonschema(schema: Path, files: list[str]) -> subprocess.CompletedProcess[str]:
    assert CHECK_JSONSCHEMA.is_file(), "check-jsonschema comes with the test extra: pip install -e '.[test]'"
    return subprocess.run([str(CHECK_JSONSCHEMA), "--no-cache", "--schemafile", str(schema), *files],
                          capture_output=True, text=True, check=False, timeout=300)


def bundled_by_kind() -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for root in find_catalogues(BUNDLED):
        for source in catalogue_files(root).files:
            assert source.kind is not None, source.path
            grouped.setdefault(source.kind, []).append(source.path)
    return grouped


BUNDLED_BY_KIND = bundled_by_kind()


@pytest.mark.parametrize("kind", sorted(BUNDLED_BY_KIND))
def test_every_bundled_file_passes_check_jsonschema(schemas: Path, kind: str) -> None:
    completed = check_jsonschema(schemas / f"{kind}.schema.json", BUNDLED_BY_KIND[kind])
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "ok -- validation done" in completed.stdout


def test_the_bundled_files_are_the_ones_katalog_accepts() -> None:
    result = run(BUNDLED)
    assert [f for f in result.findings if f.code.startswith("S")] == []
    assert sum(map(len, BUNDLED_BY_KIND.values())) == result.files


@pytest.mark.parametrize("case", SCHEMA_CASES, ids=[case.name for case in SCHEMA_CASES])
def test_files_katalog_rejects_for_their_schema_fail_check_jsonschema(schemas: Path, case: Path,
                                                                      tmp_path: Path) -> None:
    root = tmp_path / "katalog"
    shutil.copytree(BASE, root)
    for source in case.rglob("*.yaml"):
        target = root / source.relative_to(case)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    rejected = {Path(f.file).resolve() for f in run(root).findings if f.code.startswith("S")}
    assert rejected
    kinds = {Path(source.path).resolve(): source.kind for source in catalogue_files(root).files}
    for path in rejected:
        completed = check_jsonschema(schemas / f"{kinds[path]}.schema.json", [str(path)])
        assert completed.returncode == 1, completed.stdout + completed.stderr
        assert "Schema validation errors were encountered." in completed.stdout + completed.stderr
