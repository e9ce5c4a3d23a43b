"""The command line: exit codes 0/1/2, text and JSON output, --strict."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from conftest import PRODUCT
from produktkatalog.cli import app
from produktkatalog.pipeline import validate
from produktkatalog.report import text_report

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_clean_catalogue_exits_0(catalogue: Path) -> None:
    code, output = invoke("validate", str(catalogue), "--no-cache")
    assert code == 0
    assert "1 Katalog, 8 Dateien geprüft: keine Befunde." in output


def test_errors_exit_1_with_file_line_column(catalogue: Path) -> None:
    product = catalogue / PRODUCT / "produkt.yaml"
    product.write_text(product.read_text() + "bezeichnug: x\n")
    code, output = invoke("validate", str(catalogue), "--no-cache")
    assert code == 1
    assert f"{PRODUCT}/produkt.yaml:17:1: Fehler S101" in output
    assert "Meinten Sie „bezeichnung“?" in output


def test_json_format(catalogue: Path) -> None:
    product = catalogue / PRODUCT / "produkt.yaml"
    product.write_text(product.read_text().replace('nummer: "010101"', "nummer: 010101"))
    code, output = invoke("validate", str(catalogue), "--format", "json", "--no-cache")
    report = json.loads(output)
    assert code == 1
    assert report["summary"]["errors"] == 1
    [finding] = report["findings"]
    assert (finding["code"], finding["severity"], finding["line"], finding["column"]) == ("S103", "error", 1, 9)
    assert finding["file"].endswith(f"{PRODUCT}/produkt.yaml")


def test_warnings_fail_only_with_strict(catalogue: Path) -> None:
    (catalogue / "produkte" / "notizen.yaml").write_text("text: x\n")
    assert invoke("validate", str(catalogue), "--no-cache")[0] == 0
    assert invoke("validate", str(catalogue), "--no-cache", "--strict")[0] == 1


def test_no_catalogue_exits_2(tmp_path: Path) -> None:
    code, output = invoke("validate", str(tmp_path))
    assert code == 2
    assert "kein Katalog" in output


def test_bad_option_exits_2(catalogue: Path) -> None:
    assert invoke("validate", str(catalogue), "--format", "xml")[0] == 2


def test_module_entry_point(catalogue: Path) -> None:
    completed = subprocess.run([sys.executable, "-m", "produktkatalog", "validate", str(catalogue), "--no-cache"],
                               capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr


def katalog(*args: str) -> subprocess.CompletedProcess[str]:
    """The real process, through ``main()``: German help and usage errors."""
    return subprocess.run([sys.executable, "-m", "produktkatalog", *args], capture_output=True, text=True, check=False)


def test_help_is_german() -> None:
    completed = katalog("--help")
    assert completed.returncode == 0
    for text in ("Aufruf: katalog [OPTIONEN] BEFEHL", "Befehle:", "Diese Hilfe anzeigen und beenden."):
        assert text in completed.stdout
    assert "Usage" not in completed.stdout and "Show this message" not in completed.stdout


def test_usage_errors_are_german_and_exit_2(catalogue: Path) -> None:
    completed = katalog("validate", str(catalogue), "--format", "xml")
    assert completed.returncode == 2
    assert "Fehler: Ungültiger Wert für '--format' / '-f': „xml“" in completed.stderr
    misspelled = katalog("valdate")
    assert misspelled.returncode == 2
    assert "Unbekannter Befehl „valdate“. Meinten Sie 'validate'?" in misspelled.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_terminal_output_is_the_plain_text_in_colour(catalogue: Path) -> None:
    product = catalogue / PRODUCT / "produkt.yaml"
    product.write_text(product.read_text() + "bezeichnug: x\nverantwortlich: y\n")
    result = validate(catalogue, use_cache=False)
    plain, terminal = io.StringIO(), _Terminal()
    text_report.write(result, plain)
    text_report.write(result, terminal)
    assert "\x1b[" in terminal.getvalue()
    assert re.sub(r"\x1b\[[0-9;]*m", "", terminal.getvalue()) == plain.getvalue()
    assert "Meinten Sie „bezeichnung“?" in plain.getvalue()
