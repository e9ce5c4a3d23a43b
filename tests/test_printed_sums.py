"""Printed and computed side by side: a stated sum stands as printed, checked against its parts as printed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from conftest import PRODUCT, run, tuples
from produktkatalog.cli.app import app
from produktkatalog.compute.catalogue import compute_catalogue

# Rounded per cell, as printed: 01 + 02 = 4 but 10 says 3 (1,6 + 1,6 = 3,2); 11 + 12 = -2 but 17 says -3
# (-1,4 - 1,4 = -2,8); 18 = 3 - 3 = 0 exactly as printed. Recomputed from the details, 18 would be 2: two
# roundings of 1 carried down the plan.
AS_PRINTED = """zeilen:
  "01":
    ergebnis: {2024: 2}
  "02":
    ergebnis: {2024: 2}
  "10":
    ergebnis: {2024: 3}
  "11":
    ergebnis: {2024: -1}
  "12":
    ergebnis: {2024: -1}
  "17":
    ergebnis: {2024: -3}
  "18":
    ergebnis: {2024: 0}
"""


def _plan(catalogue: Path, text: str = AS_PRINTED) -> None:
    (catalogue / PRODUCT / "teilergebnisplan.yaml").write_text(text, "utf-8")


def test_a_plan_that_adds_up_as_printed_has_no_finding(catalogue: Path) -> None:
    _plan(catalogue)
    assert tuples(run(catalogue), catalogue) == []


def test_a_sum_is_checked_against_its_parts_as_printed(catalogue: Path) -> None:
    """18 = stated 10 + stated 17; a 18 off by 2 from that is K216 at 18, nowhere else."""
    _plan(catalogue, AS_PRINTED.replace("ergebnis: {2024: 0}", "ergebnis: {2024: 2}"))
    [finding] = run(catalogue).findings
    assert (finding.code, finding.line) == ("K216", 15)
    assert "nennt 2,00\u00a0€, die Zeilen 10 und 17 ergeben 0,00\u00a0€" in finding.message


def test_the_table_computes_from_the_details_and_keeps_the_printed_sums_beside(catalogue: Path) -> None:
    """Kennzahlen and roll-ups add up the detail rows to the cent; the printed sums stay for the page."""
    _plan(catalogue)
    result = run(catalogue)
    [computation] = [compute_catalogue(c) for c in result.catalogues]
    [table] = [t for (owner, statement), t in computation.tables.tables.items()
               if owner.level == "produkt" and statement == "ergebnisplan"]
    column = table.column(computation.periods[0])
    assert [column.amount(n) for n in ("10", "17", "18")] == [Decimal(4), Decimal(-2), Decimal(2)]
    assert dict(column.printed) == {"10": (Decimal(3), Decimal(4)), "17": (Decimal(-3), Decimal(-2)),
                                    "18": (Decimal(0), Decimal(2))}


def test_the_page_shows_the_printed_sum_and_says_by_how_much_it_differs(catalogue: Path, tmp_path: Path) -> None:
    _plan(catalogue)
    out = tmp_path / "aus"
    rendered = CliRunner().invoke(app, ["render", str(catalogue), "-o", str(out), "-f", "md", "--no-cache"])
    assert rendered.exit_code == 0, rendered.output
    page = (out / "produkte" / "010101-buergerbuero.md").read_text("utf-8")
    row10 = next(line for line in page.splitlines() if line.startswith("| **10**"))
    assert "**3,00\u2009¹**" in row10
    row18 = next(line for line in page.splitlines() if line.startswith("| **18**"))
    assert "**0,00\u2009³**" in row18  # 3 - 3 as printed; the details add up to 2
    assert ("¹ Zeile 10, Ergebnis 2024: wie im Plan angegeben; aus den Einzelzeilen berechnet 4,00 (Abweichung "
            "-1,00).") in page
    assert "² Zeile 17, Ergebnis 2024: wie im Plan angegeben; aus den Einzelzeilen berechnet -2,00" in page
    assert "³ Zeile 18, Ergebnis 2024: wie im Plan angegeben; aus den Einzelzeilen berechnet 2,00" in page


def test_above_the_tolerance_it_stays_an_error_and_no_page_is_written(catalogue: Path, tmp_path: Path) -> None:
    _plan(catalogue, AS_PRINTED.replace("ergebnis: {2024: 3}", "ergebnis: {2024: 7}").replace(
        "ergebnis: {2024: 0}", "ergebnis: {2024: 4}"))
    assert [(f.code, f.line) for f in run(catalogue).findings] == [("K216", 7)]  # 18 = stated 10 + stated 17 holds
    rendered = CliRunner().invoke(app, ["render", str(catalogue), "-o", str(tmp_path / "aus"), "--no-cache"])
    assert rendered.exit_code == 1 and not (tmp_path / "aus").exists()
