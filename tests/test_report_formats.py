"""GitLab Code Quality, SARIF 2.1.0 and JUnit XML, each checked by its published schema or a real consumer.

The SARIF schema (OASIS) and the JUnit schema (Jenkins xunit plugin, as pytest validates its
own JUnit output with it) lie in ``tests/schemas/``, with their sources in its README.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import junitparser
import pytest
import xmlschema
from jsonschema import Draft4Validator, FormatChecker

from ci_catalogue import LEISTUNG_FILE, ODD_NAME, PRODUCT_FILE, catalogue_in_repository, checked
from conftest import HERE, PRODUCT
from produktkatalog.codes import CODES, explanation, title
from produktkatalog.findings import Severity
from produktkatalog.pipeline import Result
from produktkatalog.report import REPORTERS, Options

SCHEMAS = HERE / "schemas"
K201_FILE = f"katalog/produkte/{ODD_NAME}"


def report(result: Result, name: str, **options: Any) -> str:
    stream = io.StringIO()
    REPORTERS[name](result, stream, Options(**options))
    return stream.getvalue()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return catalogue_in_repository(tmp_path)


@pytest.fixture
def result(root: Path) -> Result:
    return checked(root)


# GitLab Code Quality

def test_gitlab_issues_carry_the_fields_the_widget_reads(result: Result) -> None:
    issues = json.loads(report(result, "gitlab"))
    assert [(i["check_name"], i["severity"], i["location"]["path"], i["location"]["lines"]["begin"])
            for i in issues] == [("S101", "major", LEISTUNG_FILE, 4), ("K207", "major", PRODUCT_FILE, 17),
                                 ("K207", "major", PRODUCT_FILE, 20), ("S101", "major", PRODUCT_FILE, 23),
                                 ("K201", "minor", K201_FILE, 1)]
    assert issues[3]["description"] == "S101 Unbekanntes Feld „bezeichnug“. Hinweis: Meinten Sie „bezeichnung“?"
    assert all(set(i) == {"description", "check_name", "fingerprint", "severity", "location"} for i in issues)


def test_gitlab_fingerprints_are_unique_and_stable(root: Path, result: Result) -> None:
    first = [i["fingerprint"] for i in json.loads(report(result, "gitlab"))]
    assert len(set(first)) == len(first)  # the two identical K207 on lines 17 and 20 differ
    again = [i["fingerprint"] for i in json.loads(report(checked(root), "gitlab"))]
    assert again == first
    product = root / PRODUCT / "produkt.yaml"
    product.write_text("# Kommentar über allem\n" + product.read_text("utf-8"), "utf-8")
    moved = json.loads(report(checked(root), "gitlab"))
    assert [i["location"]["lines"]["begin"] for i in moved][1:4] == [18, 21, 24]
    assert [i["fingerprint"] for i in moved] == first  # moving lines does not make findings new


# SARIF 2.1.0

def sarif_validator() -> Draft4Validator:
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text("utf-8"))
    return Draft4Validator(schema, format_checker=FormatChecker())  # every format, uri-reference too


def test_sarif_is_valid_against_the_oasis_schema(result: Result) -> None:
    validator = sarif_validator()
    assert list(validator.iter_errors(json.loads(report(result, "sarif")))) == []


def test_sarif_schema_rejects_a_broken_log(result: Result) -> None:
    log = json.loads(report(result, "sarif"))
    log["runs"][0]["results"][0]["level"] = "fehler"
    log["runs"][0]["results"][-1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = K201_FILE
    assert sorted(error.validator for error in sarif_validator().iter_errors(log)) == ["enum", "format"]


def test_sarif_rules_are_the_codes_with_german_descriptions(result: Result) -> None:
    [run] = json.loads(report(result, "sarif"))["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("katalog", __import__("produktkatalog").__version__)
    assert [rule["id"] for rule in driver["rules"]] == list(CODES)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] == title(rule["id"])
        assert rule["fullDescription"]["text"] == explanation(rule["id"])


def test_sarif_results_point_at_file_line_and_column(result: Result) -> None:
    [run] = json.loads(report(result, "sarif"))["runs"]
    rules = run["tool"]["driver"]["rules"]
    located = []
    for item in run["results"]:
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]
        [location] = item["locations"]
        physical = location["physicalLocation"]
        located.append((item["ruleId"], item["level"], physical["artifactLocation"]["uri"],
                        physical["region"]["startLine"], physical["region"]["startColumn"]))
    assert located == [("S101", "error", LEISTUNG_FILE, 4, 1), ("K207", "error", PRODUCT_FILE, 17, 15),
                       ("K207", "error", PRODUCT_FILE, 20, 15), ("S101", "error", PRODUCT_FILE, 23, 1),
                       ("K201", "warning", "katalog/produkte/notiz%2C%20alt%3A100%25.yaml", 1, 1)]
    assert run["results"][0]["message"]["text"].startswith("Unbekanntes Feld „rabatt%“. Hinweis: Erlaubt sind")
    gitlab = [issue["fingerprint"] for issue in json.loads(report(result, "gitlab"))]
    assert [item["partialFingerprints"]["katalogBefund/v1"] for item in run["results"]] == gitlab


def test_sarif_for_a_clean_catalogue_has_no_results(catalogue: Path) -> None:
    log = json.loads(report(checked(catalogue), "sarif", root=catalogue))
    assert list(sarif_validator().iter_errors(log)) == []
    assert log["runs"][0]["results"] == []


# JUnit XML

def junit_file(result: Result, tmp_path: Path, **options: Any) -> Path:
    target = tmp_path / "junit.xml"
    target.write_text(report(result, "junit", **options), "utf-8")
    return target


def test_junit_is_valid_against_the_jenkins_schema(result: Result, tmp_path: Path) -> None:
    schema = xmlschema.XMLSchema(SCHEMAS / "junit-10.xsd")
    for fail_on in Severity:
        schema.validate(junit_file(result, tmp_path, fail_on=fail_on))


def test_junit_has_a_suite_per_file_and_passing_cases_for_clean_files(result: Result, tmp_path: Path) -> None:
    suites = {suite.name: suite for suite in junitparser.JUnitXml.fromfile(str(junit_file(result, tmp_path)))}
    shown = {path.split("/repo/", 1)[1] for path in result.paths} | {K201_FILE}
    assert set(suites) == shown
    clean = suites["katalog/katalog.yaml"]
    [case] = list(clean)
    assert (case.name, case.is_passed, clean.tests, clean.failures) == ("keine Befunde", True, 1, 0)


def test_junit_counts_and_failures_follow_the_fail_on_policy(result: Result, tmp_path: Path) -> None:
    for fail_on, failures in ((Severity.ERROR, 4), (Severity.WARNING, 5)):
        xml = junitparser.JUnitXml.fromfile(str(junit_file(result, tmp_path, fail_on=fail_on)))
        cases = [case for suite in xml for case in suite]
        assert xml.tests == len(cases) == 7 + 4  # seven clean files, five findings in three files
        assert xml.failures == sum(1 for case in cases if not case.is_passed) == failures
        assert sum(suite.failures for suite in xml) == failures
        [warning] = [case for case in cases if case.classname == K201_FILE]
        if fail_on is Severity.ERROR:
            assert warning.is_passed and warning.system_out.startswith(f"{K201_FILE}:1:1: Warnung K201 ")
        else:
            [failure] = warning.result
            assert not warning.is_passed and failure.type == "K201"
            assert failure.message.startswith("Die Datei hat keinen Platz im Katalogaufbau")


def test_junit_failure_names_code_position_and_hint(result: Result, tmp_path: Path) -> None:
    xml = junitparser.JUnitXml.fromfile(str(junit_file(result, tmp_path)))
    product = next(suite for suite in xml if suite.name == PRODUCT_FILE)
    names = [case.name for case in product]
    assert names == ["K207 Verweis ins Leere (Zeile 17, Spalte 15)", "K207 Verweis ins Leere (Zeile 20, Spalte 15)",
                     "S101 Unbekanntes Feld (Zeile 23, Spalte 1)"]
    [failure] = list(product)[2].result
    assert failure.type == "S101"
    assert failure.text == (f"{PRODUCT_FILE}:23:1: Fehler S101 Unbekanntes Feld „bezeichnug“.\n"
                            "Hinweis: Meinten Sie „bezeichnung“?")
