"""``katalog validate --format/--output/--fail-on``: report files, exit codes, atomic writes."""

from __future__ import annotations

import json
import os
from pathlib import Path
from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from ci_catalogue import PRODUCT_FILE, catalogue_in_repository
from produktkatalog.cli import app
from produktkatalog.system.atomic import atomic_text

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["validate", *args, "--no-cache"])
    return result.exit_code, result.output


@pytest.fixture
def warned(catalogue: Path) -> Path:
    """The clean base catalogue with one warning (a file with no place) and no error."""
    (catalogue / "produkte" / "notizen.yaml").write_text("text: x\n")
    return catalogue


@pytest.mark.parametrize(("options", "code"), [
    ((), 0), (("--fail-on", "error"), 0), (("--fail-on", "warning"), 1), (("--strict",), 1),
    (("--strict", "--fail-on", "error"), 1),
])
def test_fail_on_decides_whether_warnings_fail(warned: Path, options: tuple[str, ...], code: int) -> None:
    assert invoke(str(warned), *options)[0] == code


def test_fail_on_rejects_other_severities(warned: Path) -> None:
    code, output = invoke(str(warned), "--fail-on", "hinweis")
    assert code == 2
    assert "hinweis" in output


def test_output_file_gets_the_report_and_the_log_the_findings(tmp_path: Path) -> None:
    root = catalogue_in_repository(tmp_path)
    target = tmp_path / "bericht.sarif"
    code, output = invoke(str(root), "--format", "sarif", "--output", str(target))
    assert code == 1
    log = json.loads(target.read_text("utf-8"))
    assert len(log["runs"][0]["results"]) == 5
    assert f"{PRODUCT_FILE}:23:1: Fehler S101" in output  # the text report, for the job log
    assert "1 Katalog, 8 Dateien geprüft: 4 Fehler, 1 Warnung." in output


def test_text_into_a_file_is_not_repeated_on_stdout(warned: Path, tmp_path: Path) -> None:
    target = tmp_path / "befunde.txt"
    code, output = invoke(str(warned), "--output", str(target))
    assert (code, output) == (0, "")
    assert target.read_text("utf-8").endswith("1 Katalog, 8 Dateien geprüft: 0 Fehler, 1 Warnung.\n")


def test_output_replaces_an_old_report_and_leaves_no_temporary_file(warned: Path, tmp_path: Path) -> None:
    folder = tmp_path / "berichte"
    folder.mkdir()
    target = folder / "gl-code-quality-report.json"
    target.write_text("alt")
    assert invoke(str(warned), "-f", "gitlab", "-o", str(target))[0] == 0
    [issue] = json.loads(target.read_text("utf-8"))
    assert issue["check_name"] == "K201"
    assert [path.name for path in folder.iterdir()] == [target.name]
    assert target.stat().st_mode & 0o777 == 0o644


def test_output_into_a_missing_folder_cannot_run(warned: Path, tmp_path: Path) -> None:
    target = tmp_path / "fehlt" / "bericht.xml"
    code, output = invoke(str(warned), "--format", "junit", "--output", str(target))
    assert code == 2
    assert f"katalog: Der Bericht kann nicht nach {target} geschrieben werden" in output
    assert not target.parent.exists()


def test_a_failed_write_keeps_the_previous_report(tmp_path: Path) -> None:
    target = tmp_path / "bericht.json"
    target.write_text("vorher")
    with pytest.raises(RuntimeError), atomic_text(target) as stream:
        stream.write("halb")
        raise RuntimeError("abgebrochen")
    assert target.read_text() == "vorher"
    assert [path.name for path in tmp_path.iterdir()] == ["bericht.json"]


def test_help_names_every_format() -> None:
    output = runner.invoke(app, ["validate", "--help"]).output
    for word in ("text", "json", "github", "gitlab", "sarif", "junit", "--output", "--fail-on", "--strict"):
        assert word in output


def test_every_format_survives_a_file_name_that_is_not_utf8_and_a_noncharacter(catalogue: Path,
                                                                                 tmp_path: Path) -> None:
    """A name unzipped from a Latin-1 archive, and U+FFFE in a key, reach every report escaped."""
    folder = os.fsencode(catalogue / "produkte")
    with open(folder + b"/notiz-l\xe4.yaml", "wb") as stream:
        stream.write('"x\ufffey": 1\n'.encode())
    for format in ("text", "json", "github", "gitlab", "sarif", "junit"):
        target = tmp_path / f"bericht.{format}"
        code, output = invoke(str(catalogue), "--format", format, "--output", str(target))
        assert code == 0, output  # the file has no place in the catalogue: one warning
        report = target.read_text("utf-8")
        assert "udce4" in report, format  # escaped; SARIF also percent-encodes the backslash
    ElementTree.parse(tmp_path / "bericht.junit")
    json.loads((tmp_path / "bericht.sarif").read_text("utf-8"))
