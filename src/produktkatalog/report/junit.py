"""Findings as JUnit XML, which CI test viewers (GitLab, Jenkins, Azure) show per file.

A ``testsuite`` per checked file: a clean file is one passing ``testcase``; each finding
is a ``testcase`` of its own, a ``failure`` if it fails the check under the fail-on
policy, otherwise passing with the warning in ``system-out``. Counts are taken from
what was built, so they cannot disagree with it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from produktkatalog.codes import title
from produktkatalog.findings import Finding
from produktkatalog.report.common import Options, Places, message
from produktkatalog.result import Result

CLEAN = "keine Befunde"


def write(result: Result, stream: TextIO, options: Options | None = None) -> None:
    options = options or Options()
    places = Places(result, options)
    by_path: dict[str, list[Finding]] = {places.path(shown): [] for shown in result.paths}
    for finding in result.findings:
        by_path.setdefault(places.path(finding.file), []).append(finding)
    root = ET.Element("testsuites", name="katalog validate")
    for path, findings in sorted(by_path.items()):
        root.append(_suite(path, findings, options, places))
    _count(root, root.findall("testsuite"))
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")


def _suite(path: str, found: list[Finding], options: Options, places: Places) -> ET.Element:
    suite = ET.Element("testsuite", name=path, file=path)
    if not found:
        ET.SubElement(suite, "testcase", name=CLEAN, classname=path)
    for finding in found:
        suite.append(_case(finding, path, options, places))
    _count(suite, [suite])
    return suite


def _case(finding: Finding, path: str, options: Options, places: Places) -> ET.Element:
    where = f" (Zeile {finding.line}, Spalte {finding.column})" if finding.line is not None else ""
    case = ET.Element("testcase", name=f"{finding.code} {title(finding.code)}{where}", classname=path)
    said = message(finding, "\n", places)
    text = f"{path}{_position(finding)}: {finding.severity.label} {finding.code} {said}"
    if options.failing(finding):
        failure = ET.SubElement(case, "failure", type=finding.code, message=message(finding, places=places))
        failure.text = text
    else:
        ET.SubElement(case, "system-out").text = text
    return case


def _position(finding: Finding) -> str:
    return f":{finding.line}:{finding.column}" if finding.line is not None else ""


def _count(element: ET.Element, suites: list[ET.Element]) -> None:
    cases = [case for suite in suites for case in suite.findall("testcase")]
    element.set("tests", str(len(cases)))
    element.set("failures", str(sum(1 for case in cases if case.find("failure") is not None)))
    element.set("errors", "0")
