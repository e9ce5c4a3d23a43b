"""Kennzahlen with sub-rows ("davon") and with their own Einwohner basis."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from conftest import PRODUCT, run, tuples
from produktkatalog.cli.app import app
from produktkatalog.model.owners import Owner
from produktkatalog.model.values import Period

FIGURE = f"{PRODUCT}/kennzahlen/anzahl_faelle.yaml"
PARTS = """davon:
  - bezeichnung: "online"
    werte: {ergebnis: {2024: 12000}, ansatz: {2025: 15000}}
  - bezeichnung: "am Schalter"
    werte: {ergebnis: {2024: 29000}, ansatz: {2025: 27000}}
"""


def _with_parts(catalogue: Path, parts: str = PARTS) -> None:
    path = catalogue / FIGURE
    path.write_text(path.read_text("utf-8") + parts, "utf-8")


def test_sub_rows_that_add_up_are_shown_under_their_kennzahl(catalogue: Path, tmp_path: Path) -> None:
    _with_parts(catalogue)
    assert tuples(run(catalogue), catalogue) == []
    out = tmp_path / "aus"
    assert CliRunner().invoke(app, ["render", str(catalogue), "-o", str(out), "--no-cache"]).exit_code == 0
    page = (out / "produkte" / "010101-buergerbuero.md").read_text("utf-8")
    lines = page.splitlines()
    total = next(i for i, line in enumerate(lines) if line.startswith("| Anzahl Fälle |"))
    assert lines[total + 1] == "| davon online | Anzahl | 12.000 | 15.000 | — |"
    assert lines[total + 2] == "| davon am Schalter | Anzahl | 29.000 | 27.000 | — |"
    html = (out / "produkte" / "010101-buergerbuero.html").read_text("utf-8")
    assert '<tr class="davon"><th scope="row">davon online</th><td>Anzahl</td><td class="zahl">12.000</td>' in html


def test_sub_rows_that_differ_from_the_total_are_an_error(catalogue: Path) -> None:
    _with_parts(catalogue, PARTS.replace("27000", "26000"))
    [finding] = run(catalogue).findings
    assert (finding.code, finding.line, finding.column) == ("K262", 9, 11)
    assert finding.message == ("„anzahl_faelle“ nennt für Ansatz 2025 42000, die Unterzeilen (davon „online“, "
                               "„am Schalter“) ergeben zusammen 41000.")
    path = catalogue / FIGURE
    path.write_text(path.read_text("utf-8") + "wertetoleranz: 1000\n", "utf-8")
    assert run(catalogue).findings == []


def test_a_kennzahl_may_name_its_own_einwohner(catalogue: Path) -> None:
    figure = catalogue / PRODUCT / "kennzahlen" / "faelle_je_einwohner.yaml"
    figure.write_text('id: faelle_je_einwohner\nbezeichnung: "Fälle je Einwohner des Einzugsgebiets"\n'
                      'art: kennzahl\neinheit: "je Einwohner"\nformel: "teile(anzahl_faelle, einwohner)"\n', "utf-8")
    shared = run(catalogue)
    assert shared.findings == []
    figure.write_text(figure.read_text("utf-8") + "einwohner: {2024: 20500, 2025: 21000}\n", "utf-8")
    own = run(catalogue)
    assert own.findings == []
    period = Period("ergebnis", 2024)
    values = []
    for result in (shared, own):
        computation = result.computations[0]
        [kennzahl] = [f for f in computation.index.catalogue.kennzahlen if f.ident == "faelle_je_einwohner"]
        values.append(computation.of(kennzahl, Owner("produkt", kennzahl.product_folder or ""))[period])
    assert values == [Decimal(41000) / Decimal(50000), Decimal(2)]
