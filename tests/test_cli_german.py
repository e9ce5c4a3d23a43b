"""The command line speaks German everywhere, knows -h/--help/--version on every command, and cuts nothing off."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from produktkatalog.cli import run

COMMANDS = ["validate", "kennzahlen", "render", "diff", "fmt", "new", "schema"]
# words of the command-line library's English messages and help pages
ENGLISH = re.compile(r"\b(Usage|Error|Try|Invalid|Missing|Choose|Options|Arguments|Commands|Show|default|required|"
                     r"valid|is not|does not|Did you mean|Possible|No such|Got unexpected|requires|Aborted)\b")


def katalog(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_bare_katalog_shows_the_help_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = katalog(capsys)
    assert code == 0
    assert out.startswith("Aufruf: katalog") and "Befehle:" in out
    assert "Fehler" not in out + err


@pytest.mark.parametrize("command", ["", *COMMANDS])
@pytest.mark.parametrize("option", ["-h", "--help"])
def test_every_command_has_a_german_help(capsys: pytest.CaptureFixture[str], command: str, option: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, err = katalog(capsys, *([command] if command else []), option)
    assert (code, err) == (0, "")
    assert out.startswith(f"Aufruf: katalog {command}".rstrip())
    assert "-h, --help  " in out or "-h, --help " in out
    assert "--version" in out
    assert not ENGLISH.search(out), ENGLISH.search(out)


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_command_knows_version(capsys: pytest.CaptureFixture[str], command: str) -> None:
    from produktkatalog import __version__

    code, out, _ = katalog(capsys, *([command] if command else []), "--version")
    assert (code, out) == (0, f"katalog {__version__}\n")


def test_command_descriptions_are_never_cut_off(capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = katalog(capsys, "--help")
    listed = out.split("Befehle:")[1]
    assert "..." not in listed
    assert "zeigt sie je Produkt." in " ".join(listed.split())
    assert "Kommentare und Werte bleiben erhalten." in " ".join(listed.split())


MISTAKES = [
    (["new"], "Das Argument ART fehlt. Möglich sind: produkt, leistung, kennzahl."),
    (["new", "produkt"], "Das Argument NR|KENNUNG fehlt."),
    (["new", "foo", "1", "x"], "Ungültiger Wert für 'ART': „foo“; erlaubt sind 'produkt', 'leistung', 'kennzahl'."),
    (["kennzahlen", "--jahr", "abc"], "Ungültiger Wert für '--jahr' / '-j': „abc“ ist keine ganze Zahl."),
    (["kennzahlen", "--jahr", "2026.5"], "„2026.5“ ist keine ganze Zahl."),
    (["render", "--format", "pdf"], "„pdf“; erlaubt sind 'md', 'html', 'all'."),
    (["validate", "--fail-on", "alles"], "„alles“; erlaubt sind 'error', 'warning'."),
    (["valdate"], "Unbekannter Befehl „valdate“. Meinten Sie 'validate'?"),
    (["validate", "--formt", "json"], "Unbekannte Option --formt."),
    (["validate", "--format"], "Die Option --format braucht einen Wert."),
    (["validate", "a", "b"], "Unerwartete zusätzliche Angabe: b."),
    (["fmt", "--check=ja"], "Die Option --check nimmt keinen Wert an."),
]


@pytest.mark.parametrize(("args", "german"), MISTAKES, ids=[" ".join(args) for args, _ in MISTAKES])
def test_usage_errors_are_german(capsys: pytest.CaptureFixture[str], args: list[str], german: str) -> None:
    code, out, err = katalog(capsys, *args)
    assert code == 2
    assert err.startswith("Fehler: ") and german in err, err
    assert not ENGLISH.search(err), err
    assert out == ""


def test_a_command_run_in_process_reports_through_run(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = katalog(capsys, "validate", str(tmp_path))
    assert code == 2 and "kein Katalog" in err
