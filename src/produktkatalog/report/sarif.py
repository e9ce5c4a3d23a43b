"""Findings as SARIF 2.1.0, the exchange format of code scanning (GitHub, GitLab, IDEs).

One run; the tool's rules are the finding codes with their German titles and
explanations; each result points at its file (a URI relative to the repository) and,
where known, its line and column (counted in characters, ``columnKind``).
"""

from __future__ import annotations

import json
from typing import Any, TextIO
from urllib.parse import quote

from produktkatalog import __version__
from produktkatalog.codes import CODES, explanation, title
from produktkatalog.findings import Finding
from produktkatalog.report.common import Options, Places, fingerprints, message
from produktkatalog.result import Result

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT = "katalogBefund/v1"


def write(result: Result, stream: TextIO, options: Options | None = None) -> None:
    places = Places(result, options or Options())
    paths = [places.path(finding.file) for finding in result.findings]
    keys = fingerprints(result.findings, paths)
    rules = list(CODES)
    run = {
        "tool": {"driver": {"name": "katalog", "version": __version__, "semanticVersion": __version__,
                            "rules": [_rule(code) for code in rules]}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(finding, path, key, rules.index(finding.code), places)
                    for finding, path, key in zip(result.findings, paths, keys, strict=True)],
    }
    json.dump({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _rule(code: str) -> dict[str, Any]:
    return {"id": code, "shortDescription": {"text": title(code)},
            "fullDescription": {"text": explanation(code)}}


def _result(finding: Finding, path: str, fingerprint: str, rule_index: int, places: Places) -> dict[str, Any]:
    result = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": finding.severity.value,
        "message": {"text": message(finding, places=places)},
        "locations": [{"physicalLocation": _location(finding, path)}],
        "partialFingerprints": {FINGERPRINT: fingerprint},
    }
    if finding.cause is not None:  # a Folgefehler points at its cause
        result["relatedLocations"] = [{"id": 1, "physicalLocation": _location(finding.cause,
                                                                              places.path(finding.cause.file)),
                                       "message": {"text": f"Ursache: {finding.cause.code} {finding.cause.message}"}}]
        result["properties"] = {"cause": finding.cause.code}
    return result


def _location(finding: Finding, path: str) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": quote(path)}}
    if finding.line is not None:
        location["region"] = {"startLine": finding.line, "startColumn": finding.column or 1}
    return location
