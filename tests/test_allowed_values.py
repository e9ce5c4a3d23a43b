"""A field with a closed list of values names the list and the closest entry, whatever the typed value looks like."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PRODUCT, run, tuples

FILE = f"{PRODUCT}/produkt.yaml"


def _edit(catalogue: Path, old: str, new: str) -> None:
    product = catalogue / FILE
    text = product.read_text()
    assert old in text
    product.write_text(text.replace(old, new))


def _only(catalogue: Path, code: str) -> tuple[str, str]:
    result = run(catalogue)
    [finding] = [f for f in result.findings if f.code == code]
    return finding.message, finding.hint


@pytest.mark.parametrize(("typed", "code"), [("Pflichtaufgabe nach Weisung", "S105"),
                                             ("pflichtaufgabe-nach-weisung", "S105"),
                                             ("Pflichtaufgabe_nach_Weisung", "S105"),
                                             ("pflichtaufgabe_nach_weisng", "K207")])
def test_aufgabenart_lists_the_allowed_values_whatever_was_typed(catalogue: Path, typed: str, code: str) -> None:
    """Not written as a Kennung: the format finding (as an editor shows it), with the catalogue's list as hint."""
    _edit(catalogue, "aufgabenart: pflichtaufgabe_hoheitlich", f"aufgabenart: {typed}")
    result = run(catalogue)
    assert [found for found, *_ in tuples(result, catalogue)] == [code]
    [finding] = result.findings
    if code == "K207":
        assert finding.message == f"Die Aufgabenart „{typed}“ gibt es nicht."
    assert finding.hint.startswith("Meinten Sie „pflichtaufgabe_nach_weisung“? Erlaubt sind: freiwillig, "
                                   "pflichtaufgabe_hoheitlich, pflichtaufgabe_nach_weisung,")


def test_a_label_of_the_list_is_understood(catalogue: Path) -> None:
    _edit(catalogue, "aufgabenart: pflichtaufgabe_hoheitlich", "aufgabenart: freiwillige Aufgabe")
    assert _only(catalogue, "S105")[1].startswith("Meinten Sie „freiwillig“?")


def test_produktart_lists_its_values(catalogue: Path) -> None:
    _edit(catalogue, "produktart: extern", "produktart: Extern und intern")
    hint = _only(catalogue, "S105")[1]
    assert hint.startswith("Meinten Sie „extern_und_intern“? Erlaubt sind: extern, extern_und_intern, intern.")


def test_a_misspelt_identifier_gets_the_list_too(catalogue: Path) -> None:
    _edit(catalogue, "produktart: extern", "produktart: extren")
    assert "Erlaubt sind: extern, extern_und_intern, intern." in _only(catalogue, "K207")[1]


def test_a_goal_naming_a_kennzahl_in_words(catalogue: Path) -> None:
    _edit(catalogue, "kennzahlen: [wartezeit_minuten]", "kennzahlen: [Wartezeit Minuten]")
    hint = _only(catalogue, "S105")[1]
    assert hint.startswith("Meinten Sie „wartezeit_minuten“? Erlaubt sind: anzahl_faelle,")


def test_a_programme_named_by_its_title(catalogue: Path) -> None:
    _edit(catalogue, "  - programm: klima\n", "  - programm: Klimaschutz\n")
    hint = _only(catalogue, "S105")[1]
    assert hint.startswith("Meinten Sie „klima“? Erlaubt ist: klima.")


def test_a_schema_value_list_suggests_whatever_was_typed(catalogue: Path) -> None:
    _edit(catalogue, "richtung: niedriger_besser", "richtung: Niedriger ist besser")
    message, hint = _only(catalogue, "S104")
    assert "erlaubt sind: hoeher_besser, niedriger_besser" in message
    assert hint == "Meinten Sie „niedriger_besser“?"
