"""Plan amounts whose sign contradicts the row template's convention are warnings (K221) naming the likely cause:
one for a plan typed with a whole side flipped, else one per row; "+/-" rows may carry either sign."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PRODUCT, run
from produktkatalog.check.signs import expected_sign
from produktkatalog.model.row_templates import Row
from produktkatalog.model.template_choice import row_templates
from produktkatalog.present.row_templates import description

PLAN = f"{PRODUCT}/teilergebnisplan.yaml"


def plan(catalogue: Path, rows: str) -> list[tuple[str, int | None, str]]:
    (catalogue / PLAN).write_text(f"zeilen:\n{rows}", "utf-8")
    result = run(catalogue)
    return [(f.code, f.line, f.message) for f in result.findings]


def test_a_plan_typed_as_printed_is_one_warning_with_the_cause(catalogue: Path) -> None:
    found = plan(catalogue, '  "04": {ansatz: {2025: 260000}}\n  "11": {ansatz: {2025: 950000}}\n'
                            '  "13": {ergebnis: {2024: 12000}, ansatz: {2025: 13000}}\n')
    [(code, line, message)] = found
    assert (code, line) == ("K221", 3)
    assert "alle Aufwendungen positiv (3 Beträge in 2 Zeilen)" in message
    assert "Aufwendungen sind hier negativ einzugeben" in message
    assert "der ganze Plan scheint mit positiven Aufwendungen erfasst" in message
    assert run(catalogue).warnings == 1 and run(catalogue).errors == 0


def test_a_plan_with_every_sign_reversed_names_the_export(catalogue: Path) -> None:
    found = plan(catalogue, '  "04": {ansatz: {2025: -260000}}\n  "07": {ansatz: {2025: -1000}}\n'
                            '  "11": {ansatz: {2025: 950000}}\n  "13": {ansatz: {2025: 13000}}\n')
    [(code, line, message)] = found
    assert (code, line) == ("K221", 2)
    assert "alle Erträge negativ und alle Aufwendungen positiv" in message and "umgekehrten Vorzeichen" in message


def test_single_rows_with_the_other_sign_get_one_warning_each(catalogue: Path) -> None:
    found = plan(catalogue, '  "04": {ansatz: {2025: 260000}}\n  "07": {ergebnis: {2024: -5}, ansatz: {2025: -6}}\n'
                            '  "11": {ansatz: {2025: -950000}}\n  "13": {ansatz: {2025: 13000}}\n'
                            '  "16": {ansatz: {2025: -400}}\n')
    assert [(code, line) for code, line, _ in found] == [("K221", 3), ("K221", 5)]
    assert found[0][2].startswith("Zeile 07 (Sonstige ordentliche Erträge) ist negativ: Ergebnis 2024: -5,00\u00a0€, "
                                  "Ansatz 2025: -6,00\u00a0€.")
    assert "Aufwendungen sind hier negativ einzugeben" in found[1][2]


def test_rows_printed_plus_minus_and_zeros_and_sums_are_not_judged(catalogue: Path) -> None:
    assert plan(catalogue, '  "04": {ansatz: {2025: 260000}}\n  "09": {ansatz: {2025: -3000}}\n'
                           '  "11": {ansatz: {2025: -950000}}\n  "12": {ansatz: {2025: 0}}\n'
                           '  "13": {ansatz: {2025: ~}}\n  "18": {ansatz: {2025: -693000}}\n') == []


def test_an_own_template_may_let_a_row_take_either_sign(catalogue: Path) -> None:
    (catalogue / "zeilenvorlagen").mkdir()
    (catalogue / "zeilenvorlagen" / "eigene.yaml").write_text(
        'id: eigene\nname: "Eigene Vorlage"\nland: NW\nplan: ergebnisplan\nvorzeichen: aufwand_negativ\nzeilen:\n'
        '  - {nummer: "1", bezeichnung: "Erträge", art: ertrag, vorzeichen: beide}\n'
        '  - {nummer: "2", bezeichnung: "Aufwendungen", art: aufwand}\n'
        '  - {nummer: "3", bezeichnung: "Ergebnis", art: summe, summe: ["1", "2"], rolle: ergebnis}\n', "utf-8")
    found = plan(catalogue, '  "1": {ansatz: {2025: -10}}\n  "2": {ansatz: {2025: 5}}\n')
    assert [(code, line) for code, line, _ in found if code == "K221"] == [("K221", 3)]  # row 2 only


@pytest.mark.parametrize(("nature", "sign"), [("ertrag", 1), ("einzahlung", 1), ("aufwand", -1),
                                              ("auszahlung", -1), ("summe", None), ("darunter", None)])
def test_the_convention_gives_each_kind_its_sign(nature: str, sign: int | None) -> None:
    assert expected_sign("aufwand_negativ", Row("1", "Zeile", nature)) == sign
    assert expected_sign("aufwand_negativ", Row("1", "Zeile", nature, either_sign=True)) is None
    assert expected_sign("eine_kuenftige_regel", Row("1", "Zeile", nature)) is None


def test_shipped_templates_mark_their_plus_minus_rows() -> None:
    marked = {(t.ident, row.number) for t in row_templates().values() for row in t.rows if row.either_sign}
    assert marked == {("nrw_ergebnisplan", "09"), ("nrw_ergebnisplan_minderaufwand_30", "09"),
                      ("nrw_ergebnisplan_minderaufwand_30", "30"), ("nrw2005_ergebnisplan", "09"),
                      ("nrw2005_ergebnisplan", "27"), ("bw_ergebnisplan", "9"), ("by_ergebnisplan", "10"),
                      ("he_ergebnisplan", "040"), ("ni_ergebnisplan", "10"), ("sh_ergebnisplan", "9"),
                      ("sh_ergebnisplan_ausgleichsruecklage", "9"), ("sl_ergebnisplan", "9"),
                      ("sn_ergebnisplan", "1.8"), ("sn_ergebnisplan_2014", "1.8"), ("st_ergebnisplan", "8"),
                      ("rp_ergebnisplan", "E21"), ("rp_ergebnisplan", "E22")}


def test_katalog_vorlagen_names_the_rows_that_take_either_sign() -> None:
    lines = description(row_templates()["nrw_ergebnisplan"])
    position = next(i for i, line in enumerate(lines) if line.startswith("09 "))
    assert lines[position + 1].strip() == "Vorzeichen: beide (wird nicht geprüft)"
