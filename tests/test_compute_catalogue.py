"""Kennzahlen of whole catalogues, recomputed independently from the raw files."""

from __future__ import annotations

import decimal
from decimal import Decimal
from pathlib import Path

from conftest import BUNDLED, PRODUCT, run
from produktkatalog.compute import CONTEXT, compute_catalogue
from produktkatalog.load import load_document
from produktkatalog.model.values import NoValue, Period

BUERGERBUERO = "beispielstadt/produkte/02-sicherheit-und-ordnung/020101-buergerbuero"


def _raw(relative: str) -> dict:  # type: ignore[type-arg]
    document = load_document((BUNDLED / relative).read_bytes(), relative)
    assert document.data is not None
    return document.data


def _figure(computation, catalogue, ident: str, folder: str):  # type: ignore[no-untyped-def]
    [figure] = [k for k in catalogue.kennzahlen if k.ident == ident and (k.product_folder or "").endswith(folder)]
    return computation.of(figure)


def test_beispielstadt_figures_recomputed_from_the_files() -> None:
    [catalogue] = run(BUNDLED / "beispielstadt").catalogues
    computation = compute_catalogue(catalogue)
    assert computation.findings == []
    rows = _raw(f"{BUERGERBUERO}/teilergebnisplan.yaml")["zeilen"]
    coverage = _figure(computation, catalogue, "aufwandsdeckungsgrad", "020101-buergerbuero")
    for period in computation.periods:
        income = rows["10"][period.wertart][str(period.year)]
        expenses = rows["17"][period.wertart][str(period.year)]
        with decimal.localcontext(CONTEXT):
            assert coverage[period] == Decimal(income) * 100 / -Decimal(expenses)
    staff = _raw(f"{BUERGERBUERO}/kennzahlen/anzahl_stellen.yaml")["werte"]
    per_post = _figure(computation, catalogue, "personalaufwand_je_stelle", "020101-buergerbuero")
    ergebnis = Period("ergebnis", 2024)
    with decimal.localcontext(CONTEXT):
        assert per_post[ergebnis] == -Decimal(rows["11"]["ergebnis"]["2024"]) / Decimal(staff["ergebnis"]["2024"])


def test_division_by_zero_in_one_year_leaves_the_others(catalogue: Path) -> None:
    figures = catalogue / PRODUCT / "kennzahlen"
    (figures / "nenner.yaml").write_text("id: nenner\nbezeichnung: Nenner\nart: grundzahl\n"
                                         "werte:\n  ergebnis: {2024: 0}\n  ansatz: {2025: 5}\n")
    (figures / "quote.yaml").write_text('id: quote\nbezeichnung: Quote\nart: kennzahl\n'
                                        'formel: "anzahl_faelle / nenner"\n')
    [model] = run(catalogue).catalogues
    computation = compute_catalogue(model)
    [quote] = [k for k in model.kennzahlen if k.ident == "quote"]
    values = computation.of(quote)
    assert values[Period("ansatz", 2025)] == Decimal(42000) / 5
    assert isinstance(values[Period("ergebnis", 2024)], NoValue)
    assert isinstance(values[Period("planung", 2026)], NoValue)  # no inputs: kein Wert, no finding
    [finding] = computation.findings
    assert (finding.code, finding.file.endswith("quote.yaml"), finding.offset) == ("K215", True, 14)
    assert "Division durch 0 in Ergebnis 2024" in finding.message
