"""GitHub Actions workflow commands: escaping, paths from the repository root, the step summary.

The slow test compares every line with what the Actions toolkit (``@actions/core``, run in
node) writes for the same finding; the fast tests read our lines back as the runner does.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ci_catalogue import LEISTUNG_FILE, ODD_NAME, PRODUCT_FILE, catalogue_in_repository, checked
from conftest import HERE
from produktkatalog.cli import app
from produktkatalog.codes import title
from produktkatalog.pipeline import Result
from produktkatalog.report import Options, github

NODE_PACKAGES = HERE / "node"
_COMMAND = re.compile(r"^::(?P<name>[a-z]+) (?P<properties>[^:]*)::(?P<data>.*)$")


def unescape_data(text: str) -> str:
    """The runner's reading of command data (actions/runner, ActionCommand.UnescapeData)."""
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return (text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


def read_command(line: str) -> tuple[str, dict[str, str], str]:
    match = _COMMAND.match(line)
    assert match, line
    properties = dict(pair.split("=", 1) for pair in match["properties"].split(","))
    return match["name"], {key: unescape_property(value) for key, value in properties.items()}, \
        unescape_data(match["data"])


def annotate(result: Result) -> list[str]:
    stream = io.StringIO()
    github.write(result, stream, Options())
    return stream.getvalue().splitlines()


@pytest.fixture
def result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Result:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return checked(catalogue_in_repository(tmp_path))


def test_escaping_follows_the_toolkit_rules() -> None:
    assert github.escape_data("50% a:b,c\r\nd") == "50%25 a:b,c%0D%0Ad"
    assert github.escape_property("50% a:b,c\r\nd") == "50%25 a%3Ab%2Cc%0D%0Ad"
    assert github.escape_data("%0A") == "%250A"  # an escape in the text stays text
    assert unescape_data(github.escape_data("%0A\n%")) == "%0A\n%"


def test_every_finding_reads_back_as_its_annotation(result: Result) -> None:
    lines = annotate(result)
    assert len(lines) == len(result.findings) + 1
    assert lines[-1] == "1 Katalog, 8 Dateien geprüft: 4 Fehler, 1 Warnung."
    for finding, line in zip(result.findings, lines, strict=False):
        name, properties, data = read_command(line)
        assert name == finding.severity.value
        assert properties["title"] == f"{finding.code} {title(finding.code)}"
        assert (int(properties["line"]), int(properties["col"])) == (finding.line, finding.column)
        assert data == f"{finding.message}\n\nHinweis: {finding.hint}"


def test_paths_are_relative_to_the_repository_and_escaped(result: Result) -> None:
    files = [read_command(line)[1]["file"] for line in annotate(result)[:-1]]
    assert files == [LEISTUNG_FILE, PRODUCT_FILE, PRODUCT_FILE, PRODUCT_FILE, f"katalog/produkte/{ODD_NAME}"]
    odd = annotate(result)[-2]
    assert odd.startswith("::warning title=K201 Datei passt nicht in den Katalogaufbau,"
                          "file=katalog/produkte/notiz%2C alt%3A100%25.yaml,line=1,col=1::")
    assert "Unbekanntes Feld „rabatt%25“." in annotate(result)[0]


def test_paths_from_a_subfolder_still_start_at_the_repository(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    root = catalogue_in_repository(tmp_path)
    monkeypatch.chdir(root / "produkte")
    result = checked(Path(".."))
    assert read_command(annotate(result)[0])[1]["file"] == LEISTUNG_FILE


def test_outside_git_paths_start_at_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = catalogue_in_repository(tmp_path)
    shutil.rmtree(root.parent / ".git")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # no repository above tmp_path either
    monkeypatch.chdir(root)
    assert read_command(annotate(checked(Path(".")))[0])[1]["file"] == LEISTUNG_FILE.removeprefix("katalog/")


def test_step_summary_is_appended_as_a_markdown_table(result: Result, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("## Vorheriger Schritt\n", "utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.chdir(tmp_path / "repo")
    assert CliRunner().invoke(app, ["validate", "katalog", "--format", "github", "--no-cache"]).exit_code == 1
    text = summary.read_text("utf-8")
    assert text.startswith("## Vorheriger Schritt\n### katalog validate\n")
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(rows) == 1 + len(result.findings)
    assert all(row.count(" | ") == 4 for row in rows)  # no cell breaks its table row
    assert f"| Warnung | K201 Datei passt nicht in den Katalogaufbau | katalog/produkte/{ODD_NAME} | 1:1 |" in text
    assert "programme/\\*.yaml" in text


def test_an_unwritable_step_summary_is_said_and_changes_nothing_else(result: Result, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "fehlt" / "summary.md"))
    monkeypatch.chdir(tmp_path / "repo")
    report = tmp_path / "annotations.txt"
    result = CliRunner().invoke(app, ["validate", "katalog", "--format", "github", "--output", str(report),
                                      "--no-cache"])
    assert result.exit_code == 1  # the findings decide, not the summary file
    assert "Die Zusammenfassung für GitHub ließ sich nicht" in result.output
    assert report.read_text("utf-8").startswith("::")


def test_without_step_summary_variable_nothing_else_is_written(result: Result, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path / "repo")
    before = sorted(tmp_path.rglob("*"))
    assert CliRunner().invoke(app, ["validate", "katalog", "--format", "github", "--no-cache"]).exit_code == 1
    assert sorted(tmp_path.rglob("*")) == before


@pytest.mark.slow
def test_lines_equal_what_the_actions_toolkit_writes(result: Result) -> None:
    """Each annotation byte for byte as ``core.error``/``core.warning`` of @actions/core write it."""
    node = shutil.which("node")
    if node is None or not (NODE_PACKAGES / "node_modules" / "@actions" / "core").is_dir():
        if os.environ.get("CI"):
            pytest.fail("node or @actions/core missing: .ci/run installs them (npm ci --prefix tests/node)")
        pytest.skip("node or @actions/core not installed (npm ci --prefix tests/node)")
    ours = annotate(result)[:-1]
    calls = [{"kind": f.severity.value, "message": f"{f.message}\n\nHinweis: {f.hint}" if f.hint else f.message,
              "properties": {"title": f"{f.code} {title(f.code)}", "file": read_command(line)[1]["file"],
                             "startLine": f.line, "startColumn": f.column}}
             for f, line in zip(result.findings, ours, strict=True)]
    script = ("const core = require('@actions/core');"
              "for (const c of JSON.parse(process.argv[1])) core[c.kind](c.message, c.properties);")
    written = subprocess.run([node, "-e", script, json.dumps(calls)], cwd=NODE_PACKAGES, capture_output=True,
                             text=True, check=True).stdout
    assert written.splitlines() == ours
