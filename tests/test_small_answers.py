"""Small wrong answers: messages that contradict themselves, read as a range, or round away what they explain."""

from __future__ import annotations

from pathlib import Path

from conftest import PRODUCT, run

NBSP_EURO = "\u00a0€"


def _product(catalogue: Path, old: str, new: str) -> None:
    product = catalogue / PRODUCT / "produkt.yaml"
    product.write_text(product.read_text().replace(old, new, 1))


def _finding(catalogue: Path, code: str) -> tuple[str, str]:
    [finding] = [f for f in run(catalogue).findings if f.code == code]
    return finding.message, finding.hint


def test_k206_for_a_group_number_says_what_is_wrong(catalogue: Path) -> None:
    _product(catalogue, 'nummer: "010101"', 'nummer: "0101"\nproduktgruppe: "0101"')
    message, hint = _finding(catalogue, "K206")
    assert "beginnt nicht mit" not in message
    assert message == "Die Produktnummer 0101 ist die Nummer der Produktgruppe 0101 (Bürgerdienste), nicht die " \
                      "eines Produkts darin."
    assert hint.endswith("z. B. 010101.")


def test_k205_names_the_group_it_looked_for(catalogue: Path) -> None:
    _product(catalogue, 'nummer: "010101"', 'nummer: "019901"')
    message, hint = _finding(catalogue, "K205")
    assert message.endswith("keine Produktgruppe (gesucht: 0199).")
    assert "Produktgruppe 0199 in katalog.yaml" in hint


def _plan(catalogue: Path, extra: str, tolerance: str | None = None) -> tuple[str, str]:
    plan = catalogue / PRODUCT / "teilergebnisplan.yaml"
    plan.write_text(plan.read_text() + extra)
    if tolerance is not None:
        settings = catalogue / "katalog.yaml"
        settings.write_text(settings.read_text() + f"summentoleranz: {tolerance}\n")
    return _finding(catalogue, "K216")


def test_k216_lists_parts_that_are_no_range(catalogue: Path) -> None:
    message, _ = _plan(catalogue, '  "18":\n    ergebnis: {2024: -600000.00}\n')
    assert "die Zeilen 10 und 17 ergeben -650.000,00" in message
    assert "(Ergebnis 2024)" in message  # the Wertart as a word, not the key „ergebnis“


def test_k216_keeps_the_range_for_a_run_of_rows(catalogue: Path) -> None:
    message, _ = _plan(catalogue, '  "10":\n    ergebnis: {2024: 250009.00}\n', "1")
    assert "die Zeilen 01–09 ergeben 250.000,00" in message


def test_k216_shows_the_tolerance_with_its_places(catalogue: Path) -> None:
    message, hint = _plan(catalogue, '  "10":\n    ergebnis: {2024: 250000.01}\n', "0.009")
    assert f"(Abweichung 0,010{NBSP_EURO})" in message
    assert hint.endswith(f"Zulässige Rundungsabweichung: 0,009{NBSP_EURO} (summentoleranz).")
