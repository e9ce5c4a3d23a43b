"""Signs of life on a terminal: validate and kennzahlen show a spinner once they run longer than a moment."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from produktkatalog.cli import progress, run


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("command", ["validate", "kennzahlen"])
def test_long_work_shows_a_spinner_on_a_terminal(catalogue: Path, command: str, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr(progress, "SHOW_AFTER", 0.0)
    assert run([command, str(catalogue), "--no-cache"]) == 0
    assert "katalog prüft" in terminal.getvalue()
    assert "katalog prüft" not in capsys.readouterr().out


def test_quick_work_shows_nothing(catalogue: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr(progress, "SHOW_AFTER", 60.0)
    assert run(["validate", str(catalogue), "--no-cache"]) == 0
    assert terminal.getvalue() == ""


def test_no_spinner_outside_a_terminal(catalogue: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(progress, "SHOW_AFTER", 0.0)
    assert run(["validate", str(catalogue), "--no-cache"]) == 0
    assert "katalog prüft" not in capsys.readouterr().err


def test_the_spinner_appears_only_after_the_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr(progress, "SHOW_AFTER", 0.05)
    with progress.waiting("katalog prüft x …"):
        assert terminal.getvalue() == ""
        time.sleep(0.3)
    assert "katalog prüft x …" in terminal.getvalue()
