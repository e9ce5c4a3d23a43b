"""The README's "Erste Schritte" run as written: every command of its block in a fresh folder, each exiting 0,
and the rendered product sheet shows the source's printed sum rows."""

from __future__ import annotations

import csv
import io
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import HERE
from produktkatalog.cli import app

README = (HERE.parent / "README.md").read_text("utf-8")
SECTION = README.split("## Erste Schritte: ein neuer Katalog\n", 1)[1].split("\n## ", 1)[0]
BLOCK = SECTION.split("```sh\n", 1)[1].split("```", 1)[0]


def commands() -> list[list[str]]:
    lines = [line.strip() for line in BLOCK.splitlines() if line.strip() and not line.startswith("#")]
    assert all(line.startswith(".venv/bin/katalog ") for line in lines)
    return [shlex.split(line)[1:] for line in lines]


def test_the_block_walks_init_import_new_validate_render() -> None:
    assert [words[0] for words in commands()] == ["init", "import", "import", "new", "validate", "render"]


def test_first_steps_run_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(HERE.parent / "katalog" / "quellen", tmp_path / "katalog" / "quellen")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    outputs = []
    for words in commands():
        result = runner.invoke(app, words)
        assert result.exit_code == 0, (words, result.output)
        outputs.append(result.output)
        if "--probe" in words:
            assert not list((tmp_path / "haushalt" / "katalog").rglob("produkt.yaml"))
    assert "1 Katalog, 10 Dateien geprüft: keine Befunde." in outputs[4]
    page = next((tmp_path / "haushalt" / "ausgabe" / "produkte").glob("020101-*.html")).read_text("utf-8")
    source = (tmp_path / "katalog" / "quellen" / "teilplaene-produkte.csv").read_text("utf-8-sig")
    printed = [record for record in csv.reader(io.StringIO(source), delimiter=";")
               if record[4] == "020101" and record[6].startswith(("18 =", "29 ="))]
    assert len(printed) == 2
    for record in printed:
        ergebnis = record[7]  # with cents, as the page shows it
        assert f">{ergebnis}<" in page.replace("\u2212", "-"), (record[6], ergebnis)
