"""Property: one catalogue converted between the three sign conventions and back gives identical values,
Standardkennzahlen, Zielerreichung and findings (bounded examples, a few pipeline runs each)."""

from __future__ import annotations

import shutil
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BUNDLED, run
from produktkatalog.model.conventions import CONVENTIONS
from produktkatalog.pipeline import Result
from sign_catalogues import convert, in_convention, plan_text
from test_sign_conventions import BUERO, DEMOS, outcomes

ROWS = ("02", "04", "09", "11", "13", "16", "19", "20", "28")  # Erträge, a "+/-" row, Aufwendungen, Finanz-, ILV
COLUMNS = (("ergebnis", "2024"), ("ansatz", "2025"), ("ansatz", "2026"))
FINANCE_ROWS = ("18", "19", "25", "26")

amounts = st.integers(-10**9, 10**9).map(lambda cents: Decimal(cents).scaleb(-2))
cells = st.one_of(amounts, amounts, st.none(), st.builds(lambda a: {"wert": a}, amounts))


@st.composite
def plans(draw: st.DrawFn, rows: tuple[str, ...]) -> dict[str, Any]:
    """Canonical rows (aufwand_negativ): a few detail rows, each with some cells (amount, ~ or {wert: …})."""
    found: dict[str, Any] = {}
    for number in draw(st.lists(st.sampled_from(rows), min_size=1, max_size=len(rows), unique=True)):
        values: dict[str, dict[str, Any]] = {}
        for wertart, year in draw(st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=3, unique=True)):
            values.setdefault(wertart, {})[year] = draw(cells)
        found[number] = values
    return found


def _with_sum(rows: dict[str, Any], off: Decimal) -> dict[str, Any]:
    """Row 17 (ordentliche Aufwendungen) stated for Ergebnis 2024 as the sum of its stated parts, ``off`` away."""
    parts = [rows.get(n, {}).get("ergebnis", {}).get("2024") for n in ("11", "13", "16")]
    if not all(isinstance(p, Decimal) for p in parts):
        return rows
    return {**rows, "17": {"ergebnis": {"2024": sum(parts, Decimal(0)) + off}}}


def _findings(result: Result, root: Path) -> list[tuple[str, str, tuple[Any, ...]]]:
    prefix = root.resolve().as_posix() + "/"
    return sorted((f.code, Path(f.file).resolve().as_posix().removeprefix(prefix), tuple(f.path or ()))
                  for f in result.findings)


def _catalogue(folder: Path, income: dict[str, Any], finance: dict[str, Any]) -> Path:
    root = folder / "kanonisch"
    shutil.copytree(BUNDLED / DEMOS["aufwand_negativ"], root)
    (root / BUERO / "teilergebnisplan.yaml").write_text(plan_text({"zeilen": income}), "utf-8")
    (root / BUERO / "teilfinanzplan.yaml").write_text(plan_text({"zeilen": finance}), "utf-8")
    return root


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(ROWS), plans(FINANCE_ROWS), st.sampled_from((Decimal(0), Decimal(5))),
       st.sampled_from(CONVENTIONS), st.sampled_from(CONVENTIONS))
def test_a_catalogue_in_each_convention_computes_the_same(income: dict[str, Any], finance: dict[str, Any],
                                                          off: Decimal, shown: str, finance_entered: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = _catalogue(Path(folder), _with_sum(income, off), finance)
        expected = run(root)
        assert not any(f.is_error and f.code.startswith("S") for f in expected.findings)
        for convention in CONVENTIONS:
            target = Path(folder) / convention
            convert(root, target, {"eingabe": convention, "anzeige": shown},
                    {f"{BUERO}/teilfinanzplan.yaml": finance_entered})
            result = run(target)
            assert outcomes(result) == outcomes(expected), convention
            assert _findings(result, target) == _findings(expected, root), convention


@settings(max_examples=60, deadline=None)
@given(plans(("01", "04", "09", "10", "11", "17", "18", "24", "25", "29")), st.permutations(CONVENTIONS))
def test_converting_between_conventions_and_back_gives_the_same_rows(rows: dict[str, Any], order: list[str]) -> None:
    """Canonical → each convention in turn (through canonical, as katalog reads them) → canonical: unchanged."""
    current = rows
    for convention in order:
        entered = in_convention(current, "teilergebnisplan.yaml", convention)
        current = in_convention(entered, "teilergebnisplan.yaml", convention)
        assert current == rows
    unsigned = in_convention(rows, "teilergebnisplan.yaml", "ohne_vorzeichen")
    for number in set(rows) & {"10", "18", "29", "09", "01", "04"}:  # Erträge, Salden, "+/-": as they are
        assert unsigned[number] == rows[number]
