"""The bundled catalogues validate cleanly and carry every seed document's distinctive content."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import BUNDLED, run, tuples
from produktkatalog.load import load_document

SEEDS = BUNDLED.parent.parent / "shared" / "seeds"


def data(relative: str) -> dict[str, Any]:
    path = BUNDLED / relative
    document = load_document(path.read_bytes(), relative)
    assert document.data is not None, document.findings
    return document.data


def figures(folder: str) -> dict[str, dict[str, Any]]:
    return {p.name: data(str(p.relative_to(BUNDLED))) for p in sorted((BUNDLED / folder).glob("kennzahlen/*.yaml"))}


def test_bundled_catalogues_validate_without_errors() -> None:
    result = run(BUNDLED)
    assert [f for f in result.findings if f.is_error] == []
    assert len(result.catalogues) >= 6


HALBERSTADT = "halberstadt/produkte/11-innere-verwaltung/111106-staedtepartnerschaften"


def test_halberstadt() -> None:
    product = data(f"{HALBERSTADT}/produkt.yaml")
    assert product["nummer"] == "1111 06"
    assert product["produktgruppe"] == "111"
    assert product["bezeichnungen_im_dokument"]["produktgruppe"] == "Verwaltungssteuerung/ -service"
    assert product["verantwortliche"][0]["name"] == "Frau Moczko"
    assert len(product["aufgabenarten_zur_auswahl"]) == 4 and "aufgabenart" not in product
    assert "Dachverbände aus Wirtschaft, Kultur, Sport" in product["zielgruppen"]
    assert "Freundschaften zu entwickeln" in product["ziele"][0]["text"]
    kennzahlen = figures(HALBERSTADT)
    assert kennzahlen["gesamtkosten_je_einwohner.yaml"]["formel"] == "gesamtkosten / einwohner"
    groups = [k["gruppe"] for k in kennzahlen.values()]
    assert groups.count("Wirtschaftlichkeit") == 6
    names = {k["bezeichnung"] for k in kennzahlen.values()}
    assert "Anz. der empfangenen Gäste aus Partnerstädten" in names


LANDKREIS = "landkreis-vorlage/produkte/11-innere-verwaltung/1111-buero-landrat"


def test_landkreis_template() -> None:
    product = data(f"{LANDKREIS}/produkt.yaml")
    assert product["nummer"] == "1111"
    assert product["aufgabenart"] == "funktionsaufgabe"
    assert any("Stufe __" in goal["text"] for goal in product["ziele"])
    leistungen = [data(str(p.relative_to(BUNDLED))) for p in sorted((BUNDLED / LANDKREIS / "leistungen").glob("*"))]
    assert [(le["nummer"], le["art"]) for le in leistungen] == [
        ("11111", "intern"), ("11112", "extern"), ("11113", "extern"),
        ("11114", "extern"), ("11115", "extern"), ("11116", "extern")]
    kennzahlen = list(figures(LANDKREIS).values())
    assert sum(k["id"] == "anzahl_stellen" for k in kennzahlen) == 7
    satisfaction = next(k for k in kennzahlen if k["id"] == "durchschnittliche_kundenzufriedenheit")
    assert satisfaction["skala"]["von"] == 1 and satisfaction["skala"]["bis"] == 6
    assert satisfaction["richtung"] == "niedriger_besser"
    assert {k["bezeichnung"] for k in kennzahlen} >= {"Auflagenhöhe des Amtsblattes", "Anzahl geehrte Personen"}


def test_siegburg() -> None:
    product = data("siegburg/produkte/partner-und-patenschaftsarbeit/produkt.yaml")
    assert "nummer" not in product
    strategy = product["strategie"]
    partners = {p["name"]: p.get("art") for p in strategy["partner"]}
    assert [n for n, art in partners.items() if art == "Städtepartnerschaft"] == [
        "Nogent", "Bunzlau", "Selcuk", "Orestida", "Guarda"]
    assert any("Werder (Havel)" in name for name in partners)
    assert [goal["nummer"] for goal in product["ziele"]] == ["(1)", "(2)", "(3)", "(4)", "(5)"]
    assert [e["kennung"] for e in strategy["ebenen"]] == ["A", "B", "C"]
    formats = {f["bezeichnung"]: f.get("ebenen") for t in strategy["themenschwerpunkte"] for f in t["formate"]}
    assert formats["Erasmus+"] == ["A", "B"]
    assert formats["Blog & Vlog"] == ["A", "B"]
    assert len(strategy["themenschwerpunkte"]) == 4
    rule = strategy["zuschussregeln"][2]
    assert (rule["betragsgrenze"], rule["zustaendig"], rule["bericht_an"]) == (500, "Amt 01", "Ausschuss")


def test_bad_salzdetfurth() -> None:
    settings = data("bad-salzdetfurth/katalog.yaml")
    rule = settings["regeln"][0]
    assert (rule["art"], rule["programm"]) == ("programmbezug", "organisation_verbindlichkeit")
    assert rule["felder"] == ["beitrag", "massnahmenbereiche"]
    programme = data("bad-salzdetfurth/programme/organisation_verbindlichkeit.yaml")
    assert programme["bezeichnung"] == "Organisation & Verbindlichkeit"
    assert programme["kernmassnahmen"][0]["titel"] == "Projektbeirat und Kommunikation"
    assert programme["kontakt"][0]["telefon"] == "05063 999-102"
    assert not (BUNDLED / "bad-salzdetfurth" / "produkte").exists()


LEVERKUSEN = "leverkusen/produkte/01-innere-verwaltung/011001-verwaltungsfuehrung-und-beschwerdemanagement"


def test_leverkusen() -> None:
    settings = data("leverkusen/katalog.yaml")
    assert [(c["art"], c["jahr"]) for c in settings["spalten"]] == [
        ("ergebnis", 2009), ("ansatz", 2010), ("ansatz", 2011), ("planung", 2012), ("planung", 2013),
        ("planung", 2014)]
    product = data(f"{LEVERKUSEN}/produkt.yaml")
    assert product["nummer"] == "011001"
    assert [g.get("art") for g in product["ziele"]].count("strategisch") == 3
    operative = next(g for g in product["ziele"] if g.get("art") == "operativ")
    assert operative["text"] == "Reaktion auf Anregungen und Beschwerden innerhalb von 10 Arbeitstagen"
    kennzahlen = figures(LEVERKUSEN).values()
    assert sorted(k["art"] for k in kennzahlen).count("zielkennzahl") == 4
    assert {k["gruppe"] for k in kennzahlen} == {"Zielkennzahlen", "Standardkennzahlen", "Leistungsdaten"}
    assert not any("werte" in k for k in kennzahlen)


@pytest.mark.parametrize(("seed", "folder"), [
    ("000", "halberstadt"), ("001", "landkreis-vorlage"), ("002", "siegburg"), ("003", "bad-salzdetfurth"),
    ("004", "leverkusen")])
def test_texts_come_from_the_seed(seed: str, folder: str) -> None:
    """Long texts of the catalogue appear in the seed document (whitespace aside): nothing is invented."""
    if not SEEDS.is_dir():
        pytest.skip("seed documents are not beside this checkout")
    source = " ".join(next(SEEDS.glob(f"{seed}_*.txt")).read_text("utf-8").split())
    texts = [t for path in (BUNDLED / folder).rglob("*.yaml") for t in _texts(data(str(path.relative_to(BUNDLED))))]
    long_texts = [t for t in texts if len(t) > 60 and "Dokument" not in t and "Quelle" not in t]
    assert long_texts
    for text in long_texts:
        for sentence in text.replace("\n- ", "\n").split("\n"):
            sentence = " ".join(sentence.split()).lstrip("- ")
            if len(sentence) > 40:
                assert sentence[:40] in source, sentence


_OWN_WORDING = {"quelle", "aufgabenarten", "produktarten"}  # the catalogue's notes and joined form labels


def _texts(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [t for key, item in value.items() if key not in _OWN_WORDING for t in _texts(item)]
    if isinstance(value, list):
        return [t for item in value for t in _texts(item)]
    return [value] if isinstance(value, str) else []


def test_unknown_key_appended_to_a_seed_product(tmp_path: Path) -> None:
    root = tmp_path / "leverkusen"
    shutil.copytree(BUNDLED / "leverkusen", root)
    product = root / LEVERKUSEN.removeprefix("leverkusen/") / "produkt.yaml"
    lines = product.read_text("utf-8").splitlines()
    product.write_text("\n".join(lines) + "\nverantwortlicher: Oberbürgermeister\n", "utf-8")
    relative = str(product.relative_to(root))
    assert tuples(run(root), root) == [("S101", relative, len(lines) + 1, 1)]


def test_every_bundled_file_names_its_schema_for_editors() -> None:
    from produktkatalog.load.discover import catalogue_files, find_catalogues

    for root in find_catalogues(BUNDLED):
        for source in catalogue_files(root).files:
            path = Path(source.path)
            first_lines = path.read_text("utf-8").splitlines()[:3]
            modeline = next((line for line in first_lines if "yaml-language-server: $schema=" in line), None)
            assert modeline is not None, path
            target = (path.parent / modeline.split("$schema=", 1)[1].strip()).resolve()
            assert target == (BUNDLED.parent / "schemas" / f"{source.kind}.schema.json").resolve(), path
            assert target.is_file(), path
