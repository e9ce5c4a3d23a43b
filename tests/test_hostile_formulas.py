"""Legal and hostile formulas never crash the engine: long and deep formulas, long chains of Kennzahlen, a stock
that reads its own previous year, values too large to show; every remaining limit is a German finding in place.

The catalogues are the minimal example catalogue plus fictional Kennzahlen written by each test.
"""

from __future__ import annotations

import json
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import PRODUCT, run, tuples
from produktkatalog.cli import app
from produktkatalog.compute import Computation
from produktkatalog.model.formula.tokens import MAX_FORMULA_LENGTH
from produktkatalog.model.values import NoValue, Outcome, Period
from produktkatalog.present.explain import explain, matching
from produktkatalog.present.figures import Listing
from produktkatalog.report.figures import write_json
from produktkatalog.wording.numbers import number, with_unit

E24, A25, P26 = Period("ergebnis", 2024), Period("ansatz", 2025), Period("planung", 2026)
FIGURES = f"{PRODUCT}/kennzahlen"


def write(root: Path, ident: str, body: str) -> Path:
    path = root / FIGURES / f"{ident}.yaml"
    path.write_text(f'id: {ident}\nbezeichnung: "{ident}"\n{body}', "utf-8")
    return path


def values(computation: Computation, ident: str) -> dict[Period, Outcome]:
    [figure] = [k for k in computation.index.catalogue.kennzahlen if k.ident == ident]
    return computation.of(figure)


def clean(root: Path) -> Computation:
    result = run(root)
    assert tuples(result, root) == []
    return result.computations[0]


def test_a_flat_formula_of_a_thousand_terms_within_the_length_limit(catalogue: Path) -> None:
    terms = (MAX_FORMULA_LENGTH + 1) // 2
    write(catalogue, "eins", "art: grundzahl\nwerte:\n  ergebnis: {2024: 1}\n  ansatz: {2025: 2}\n")
    write(catalogue, "lang", f'art: kennzahl\nformel: "{"+".join(["eins"] * 400)}"\n')
    write(catalogue, "laenger", f'art: kennzahl\nformel: "{"-".join(["1"] * terms)}"\n')
    computation = clean(catalogue)
    assert values(computation, "lang")[E24] == 400 and values(computation, "lang")[A25] == 800
    assert values(computation, "laenger")[E24] == 2 - terms
    listing = Listing(computation)
    [(_, line)] = matching(listing, "lang")
    explained = explain(listing, line)
    assert explained[-3].startswith("Ergebnis 2024: 1+1+1") and explained[-3].endswith("= 400")


def test_a_chain_of_kennzahlen_each_reading_the_next(catalogue: Path) -> None:
    length = 300
    for position in range(length):
        following = f"glied_{position + 1}" if position < length - 1 else "anzahl_faelle"
        write(catalogue, f"glied_{position}", f'art: kennzahl\nformel: "{following} + 1"\n')
    computation = clean(catalogue)
    first = values(computation, "glied_0")
    assert (first[E24], first[A25]) == (41000 + length, 42000 + length)
    assert isinstance(first[P26], NoValue) and len(first[P26].reason) < 600  # the chain shortened, the cause kept
    assert first[P26].reason.startswith("glied_1: glied_2: glied_3: …") and "anzahl_faelle" in first[P26].reason


def test_a_long_cycle_is_one_finding_and_no_value(catalogue: Path) -> None:
    length = 200
    for position in range(length):
        write(catalogue, f"ring_{position}", f'art: kennzahl\nformel: "ring_{(position + 1) % length} + 1"\n')
    result = run(catalogue)
    assert [f.code for f in result.findings] == ["K210"]
    assert isinstance(values(result.computations[0], "ring_7")[E24], NoValue)


def test_vorjahr_of_itself_continues_a_stock_and_is_no_cycle(catalogue: Path) -> None:
    write(catalogue, "bestand", 'art: kennzahl\nformel: "vorjahr(bestand) + anzahl_faelle"\n'
                                "werte:\n  ergebnis: {2024: 500}\n")
    write(catalogue, "ohne_start", 'art: kennzahl\nformel: "vorjahr(ohne_start) + anzahl_faelle"\n')
    computation = clean(catalogue)
    stock = values(computation, "bestand")
    assert (stock[E24], stock[A25]) == (500, 42500)
    assert "anzahl_faelle" in reason(stock[P26])  # stops at the first column without a value
    assert all(isinstance(value, NoValue) for value in values(computation, "ohne_start").values())


def test_a_result_too_large_to_show_to_the_cent_is_a_finding_in_place(catalogue: Path) -> None:
    write(catalogue, "riesig", f'art: kennzahl\neinheit: EUR\nformel: "anzahl_faelle * 1{"0" * 24}"\n')
    result = run(catalogue)
    assert tuples(result, catalogue) == [("K215", f"{FIGURES}/riesig.yaml", 5, 24)] * 2  # 2024 and 2025, at "*"
    assert "mehr als 24 Stellen vor dem Komma" in result.findings[0].message


def test_the_largest_results_are_shown_to_all_their_places(catalogue: Path) -> None:
    write(catalogue, "gross", f'art: kennzahl\neinheit: EUR\nnachkommastellen: 6\nformel: "1{"0" * 22} / 3"\n')
    stream = StringIO()
    write_json([Listing(clean(catalogue))], [], stream)
    [line] = [line for line in json.loads(stream.getvalue())["kennzahlen"] if line["kennung"] == "gross"]
    assert line["werte"][0]["anzeige"] == "3.333.333.333.333.333.333.333,333333\u00a0€"


@pytest.mark.parametrize(("value", "places", "shown"), [
    ("1E+28", 2, "10.000.000.000.000.000.000.000.000.000,00"),
    ("-123456789012345678901234567890.125", 2, "-123.456.789.012.345.678.901.234.567.890,13"),
    ("-0.004", 2, "0,00"),
    ("9.99999999999999999999999999999999995", 10, "10,0000000000"),
])
def test_display_rounds_any_finite_value_in_its_own_context(value: str, places: int, shown: str) -> None:
    assert number(Decimal(value), places) == shown
    assert with_unit(Decimal(value), "EUR", places) == f"{shown}\u00a0€"


def test_every_command_survives_the_hostile_formulas(catalogue: Path, tmp_path: Path) -> None:
    write(catalogue, "eins", "art: grundzahl\nwerte:\n  ergebnis: {2024: 1}\n")
    write(catalogue, "lang", f'art: kennzahl\nformel: "{"+".join(["eins"] * 399)}"\n')
    for position in range(150):
        write(catalogue, f"k{position}", f'art: kennzahl\nformel: "{f"k{position + 1}" if position < 149 else "lang"}'
                                         ' * 1"\n')
    write(catalogue, "bestand", 'art: kennzahl\nformel: "vorjahr(bestand) + k0"\nwerte:\n  ergebnis: {2024: 1}\n')
    runner = CliRunner()
    for args in (["validate"], ["kennzahlen", "-f", "json"], ["kennzahlen", "-e", "k0"], ["kennzahlen", "-e", "lang"],
                 ["render", "-o", str(tmp_path / "aus"), "-f", "md"]):
        result = runner.invoke(app, [*args[:1], str(catalogue), *args[1:], "--no-cache"])
        assert result.exit_code == 0, (args, result.output[-2000:])
    assert "| k0 | — | 399 |" in (tmp_path / "aus" / "produkte" / "010101-buergerbuero.md").read_text("utf-8")


def reason(value: Outcome) -> str:
    assert isinstance(value, NoValue), value
    return value.reason
