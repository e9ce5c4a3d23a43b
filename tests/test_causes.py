"""The real cause first: a mistyped product number is reported once as the cause, its consequences under it."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from conftest import PRODUCT, run, tuples
from produktkatalog.report import REPORTERS, Options
from produktkatalog.result import Result

LEISTUNG = f"{PRODUCT}/leistungen/01010101-meldewesen.yaml"
FILE = f"{PRODUCT}/produkt.yaml"


def _renumber(catalogue: Path, folder: str, number: str) -> None:
    product = catalogue / folder / "produkt.yaml"
    text = product.read_text()
    product.write_text(text.replace(text.split("\n", 1)[0], f'nummer: "{number}"', 1))


def _report(result: Result, name: str, root: Path) -> str:
    stream = io.StringIO()
    REPORTERS[name](result, stream, Options(root=root))
    return stream.getvalue()


def test_a_swapped_digit_is_the_cause_and_the_rest_follows(catalogue: Path) -> None:
    _renumber(catalogue, PRODUCT, "011001")
    result = run(catalogue)
    assert sorted(tuples(result, catalogue)) == [("K204", LEISTUNG, 1, 9), ("K205", FILE, 1, 9),
                                                 ("K213", FILE, 1, 9), ("K230", FILE, 1, 9)]
    [cause] = [f for f in result.findings if f.code == "K230"]
    assert cause.message == ("Die Produktnummer 011001 passt nicht zu ihrem Produkt: der Ordner „010101-buergerbuero“"
                             " und seine Leistung nennen 010101.")
    assert cause.hint.startswith("Meinten Sie 010101?")
    assert {f.code: f.cause for f in result.findings} == {"K204": cause, "K205": cause, "K213": cause, "K230": None}


def test_text_shows_the_cause_first_and_folds_the_rest(catalogue: Path) -> None:
    _renumber(catalogue, PRODUCT, "011001")
    lines = _report(run(catalogue), "text", catalogue).splitlines()
    assert " K230 " in lines[0]
    assert lines[2] == "    Folgefehler, behoben mit dieser Ursache (3):"
    assert [line.split(": ", 2)[1].split(" (")[0] for line in lines[3:6]] == ["Fehler K204", "Fehler K205",
                                                                           "Warnung K213"]
    assert all(line.startswith("      ") for line in lines[3:6])
    assert lines[-1].endswith("3 Fehler, 1 Warnung (3 davon Folgefehler).")


def test_machine_formats_keep_every_finding_and_name_the_cause(catalogue: Path) -> None:
    _renumber(catalogue, PRODUCT, "011001")
    result = run(catalogue)
    document = json.loads(_report(result, "json", catalogue))
    assert len(document["findings"]) == 4 and document["summary"]["consequences"] == 3
    causes = {record["code"]: record["cause"] and record["cause"]["code"] for record in document["findings"]}
    assert causes == {"K204": "K230", "K205": "K230", "K213": "K230", "K230": None}
    sarif = json.loads(_report(result, "sarif", catalogue))["runs"][0]["results"]
    assert len(sarif) == 4
    related = [r["relatedLocations"][0] for r in sarif if r["ruleId"] != "K230"]
    assert len(related) == 3 and all(r["physicalLocation"]["artifactLocation"]["uri"].endswith("produkt.yaml")
                                     for r in related)
    gitlab = json.loads(_report(result, "gitlab", catalogue))
    assert sum("Folgefehler von K230" in issue["description"] for issue in gitlab) == 3
    assert _report(result, "github", catalogue).count("Folgefehler von K230") == 3
    assert _report(result, "junit", catalogue).count("Folgefehler von K230") >= 3


def test_a_number_taken_from_another_product_is_blamed_where_it_was_typed(catalogue: Path) -> None:
    """The innocent product (folder, number and file agree) keeps its number; the mistyped one gets K202."""
    other = "produkte/01-innere-verwaltung/010102-fundbuero"
    shutil.copytree(catalogue / PRODUCT, catalogue / other, ignore=shutil.ignore_patterns("leistungen", "kennzahlen",
                                                                                            "teilergebnisplan.yaml"))
    _renumber(catalogue, other, "010102")
    _renumber(catalogue, PRODUCT, "010102")
    result = run(catalogue)
    duplicate = [f for f in result.findings if f.code == "K202"]
    assert [f.file for f in duplicate] == [str(catalogue / FILE)]
    assert duplicate[0].cause is not None and duplicate[0].cause.code == "K230"


def test_a_product_renumbered_with_folder_and_leistungen_has_no_cause(catalogue: Path) -> None:
    _renumber(catalogue, PRODUCT, "010101")
    assert run(catalogue).findings == []


def test_a_consequence_whose_cause_is_not_reported_names_it(catalogue: Path) -> None:
    """With --changed-since only some files are reported; a Folgefehler there still says where its cause is."""
    _renumber(catalogue, PRODUCT, "011001")
    result = run(catalogue)
    result.select({str(catalogue / LEISTUNG)}, "HEAD")
    assert len(result.findings) == 1
    lines = _report(result, "text", catalogue).splitlines()
    assert " K204 " in lines[0]
    assert lines[2] == f"    Folgefehler von {catalogue / FILE}:1:9 K230"
