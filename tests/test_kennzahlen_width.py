"""`katalog kennzahlen` in a terminal of any width: every amount whole, every line within the width."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import BUNDLED
from produktkatalog.cli import app
from produktkatalog.pipeline import validate
from produktkatalog.present.figures import Listing
from produktkatalog.report import figures

BEISPIELSTADT = BUNDLED / "beispielstadt"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(scope="module")
def listings() -> list[Listing]:
    result = validate(BEISPIELSTADT, use_cache=False)
    return [Listing(computation) for computation in result.computations]


def _shown_values(listings: list[Listing]) -> set[str]:
    return {line.shown(period) for listing in listings for line in listing.lines() for period in listing.periods}


def _assert_whole(output: str, listings: list[Listing], width: int) -> None:
    lines = re.sub(r"\x1b\[[0-9;]*m", "", output).splitlines()
    assert max(len(line.rstrip()) for line in lines) <= width
    assert "…" not in output
    cells = {cell.strip() for line in lines for cell in line.split("│")} | {
        line.split(": ", 1)[1].strip() for line in lines if line.startswith("  ") and ": " in line}
    missing = {value for value in _shown_values(listings) if value != "—" and value not in cells}
    assert not missing, sorted(missing)[:10]


@pytest.mark.parametrize("width", [80, 100, 120])
def test_every_amount_is_whole_in_a_terminal(listings: list[Listing], width: int,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    terminal = _Terminal()
    figures.write_text(listings, terminal)
    _assert_whole(terminal.getvalue(), listings, width)


def test_a_very_narrow_terminal_lists_the_values_one_per_line(listings: list[Listing],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    terminal = _Terminal()
    figures.write_text(listings, terminal)
    assert "┃" not in terminal.getvalue()
    assert "  Ansatz 2026: 1.041.200,00\u00a0€" in terminal.getvalue()
    _assert_whole(terminal.getvalue(), listings, 40)


def test_columns_is_honoured_when_the_output_is_not_a_terminal(listings: list[Listing], tmp_path: Path) -> None:
    output = CliRunner().invoke(app, ["kennzahlen", str(BEISPIELSTADT)], env={"COLUMNS": "80"}).output
    body = output[: output.index("1 Katalog,")]
    _assert_whole(body, listings, 80)
    assert "Produkt 020101 Bürgerbüro (Fortsetzung)" in body
