"""Sheet fields a municipality defines: declared fields, renamed labels, hidden empty fields and blank rows."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from conftest import PRODUCT, run, tuples
from produktkatalog.cli.app import app

FIELDS = """felder:
  - {name: dezernat, bezeichnung: "Dezernat", typ: text, zeigen: [produkt]}
  - {name: gremien, bezeichnung: "Gremien", typ: liste}
  - {name: stellen, bezeichnung: "Stellen (VZÄ)", typ: zahl, zeigen: [leistung]}
bezeichnungen:
  aufgabenart: "Bindungsgrad"
  produktart: "Klassifizierung"
"""
LEISTUNG = f"{PRODUCT}/leistungen/01010101-meldewesen.yaml"


def _declare(catalogue: Path, extra: str = "") -> None:
    settings = catalogue / "katalog.yaml"
    text = settings.read_text("utf-8")
    settings.write_text(text.replace("regeln:\n", FIELDS + extra + "regeln:\n"), "utf-8")


def _fill(catalogue: Path, product: str, leistung: str) -> None:
    for path, block in ((catalogue / PRODUCT / "produkt.yaml", product), (catalogue / LEISTUNG, leistung)):
        text = path.read_text("utf-8")
        path.write_text(text.replace("bezeichnung:", block + "bezeichnung:", 1) if block else text, "utf-8")


def _page(catalogue: Path, out: Path, form: str) -> str:
    rendered = CliRunner().invoke(app, ["render", str(catalogue), "-o", str(out), "-f", form, "--no-cache"])
    assert rendered.exit_code == 0, rendered.output
    return (out / "produkte" / f"010101-buergerbuero.{form}").read_text("utf-8")


def test_declared_fields_and_renamed_labels_are_on_the_sheet(catalogue: Path, tmp_path: Path) -> None:
    _declare(catalogue)
    _fill(catalogue, 'felder: {dezernat: "II", gremien: ["Rat", "Bürgerausschuss"]}\n', "felder: {stellen: 12.5}\n")
    assert tuples(run(catalogue), catalogue) == []
    page = _page(catalogue, tmp_path / "md", "md")
    assert "- **Dezernat:** II\n- **Gremien:** Rat; Bürgerausschuss\n" in page
    assert "- **Bindungsgrad:** " in page and "- **Klassifizierung:** extern" in page
    assert "Aufgabenart" not in page and "Stellen (VZÄ)" not in page.split("## Leistungen")[0]
    assert "Stellen (VZÄ): 12,5" in page.split("## Leistungen")[1]
    html = _page(catalogue, tmp_path / "html", "html")
    assert "<dt>Dezernat</dt><dd>II</dd>" in html
    assert "<dt>Gremien</dt><dd><ul><li>Rat</li><li>Bürgerausschuss</li></ul></dd>" in html
    assert "<dt>Bindungsgrad</dt>" in html and "<dt>Stellen (VZÄ)</dt><dd>12,5</dd>" in html


def test_an_undeclared_field_is_an_error_with_the_closest_name(catalogue: Path) -> None:
    _declare(catalogue)
    _fill(catalogue, 'felder: {dezernt: "II"}\n', 'felder: {dezernat: "II"}\n')
    found = run(catalogue).findings
    assert [(f.code, f.file.rsplit("/", 1)[-1], f.line, f.column) for f in found] == [
        ("K260", "01010101-meldewesen.yaml", 2, 10), ("K260", "produkt.yaml", 2, 10)]
    assert found[1].message == "Das Feld „dezernt“ ist in katalog.yaml unter felder nicht vereinbart."
    assert found[1].hint.startswith("Meinten Sie „dezernat“? Erlaubt sind: dezernat, gremien.")
    assert found[0].message == "Das Feld „dezernat“ ist in katalog.yaml unter felder nicht für Leistungen vereinbart."


def test_a_field_of_the_wrong_type_is_an_error(catalogue: Path) -> None:
    _declare(catalogue)
    _fill(catalogue, 'felder: {gremien: "Rat"}\n', 'felder: {stellen: "zwölf"}\n')
    assert [(f.code, f.file.rsplit("/", 1)[-1], f.line) for f in run(catalogue).findings] == [
        ("K261", "01010101-meldewesen.yaml", 2), ("K261", "produkt.yaml", 2)]


def test_empty_standard_fields_and_blank_plan_rows_can_be_hidden(catalogue: Path, tmp_path: Path) -> None:
    shown = _page(catalogue, tmp_path / "vorher", "md")
    assert "- **Organisationseinheit:** —" in shown and "| 01 | Steuern und ähnliche Abgaben |" in shown
    _declare(catalogue, "leere_felder_ausblenden: true\nleere_zeilen_ausblenden: true\n")
    page = _page(catalogue, tmp_path / "md", "md")
    general = page.split("## Allgemeine Angaben")[1].split("## Ziele")[0]
    assert "—" not in general and "Organisationseinheit" not in general and "Dezernat" not in general
    assert "- **Bindungsgrad:** " in general
    plan = page.split("**Teilergebnisplan (EUR)")[1]
    rows = [line.split(" | ")[0].strip("| *") for line in plan.splitlines() if line.startswith("| ")][1:]
    assert rows[:3] == ["04", "10", "11"]  # 01–03 and 05–09 are blank in every column
    assert "01" not in rows and "29" in rows
    html = _page(catalogue, tmp_path / "html", "html")
    assert "<dt>Organisationseinheit</dt>" not in html and "<dt>Produktart</dt>" not in html
    assert "<dt>Klassifizierung</dt>" in html


def test_leistungen_without_numbers_are_listed_on_the_product(catalogue: Path, tmp_path: Path) -> None:
    _fill(catalogue, 'leistungen:\n  - {bezeichnung: "Beratung zu Ausweisen", art: extern, beschreibung: "Am '
                     'Schalter"}\n  - {bezeichnung: "Fundsachen"}\n', "")
    assert tuples(run(catalogue), catalogue) == []
    page = _page(catalogue, tmp_path / "md", "md")
    table = page.split("## Leistungen")[1].split("###")[0]
    assert "| 01010101 | Meldewesen |" in table
    assert "| — | Beratung zu Ausweisen | externe Leistung | Am Schalter |" in table
    assert "| — | Fundsachen | — | — |" in table
    product = catalogue / PRODUCT / "produkt.yaml"
    product.write_text(product.read_text("utf-8").replace("art: extern, beschreibung", "art: extren, beschreibung"))
    [finding] = run(catalogue).findings
    assert finding.code.startswith("S") and "Meinten Sie „extern“?" in finding.hint
