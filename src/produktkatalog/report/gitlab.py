"""Findings as a GitLab Code Quality report, shown in the merge request's code quality widget.

A JSON array of issues with ``description``, ``check_name``, ``fingerprint``, ``severity``
and ``location`` (``path`` relative to the repository, ``lines.begin``), as GitLab reads
them from a job artifact declared under ``artifacts:reports:codequality``.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from produktkatalog.findings import Finding, Severity
from produktkatalog.report.common import Options, Places, fingerprints, message
from produktkatalog.result import Result

# GitLab's scale is info, minor, major, critical, blocker.
SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def write(result: Result, stream: TextIO, options: Options | None = None) -> None:
    places = Places(result, options or Options())
    paths = [places.path(finding.file) for finding in result.findings]
    keys = fingerprints(result.findings, paths)
    issues = [_issue(finding, path, key, places)
              for finding, path, key in zip(result.findings, paths, keys, strict=True)]
    json.dump(issues, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _issue(finding: Finding, path: str, fingerprint: str, places: Places) -> dict[str, Any]:
    return {
        "description": f"{finding.code} {message(finding, places=places)}",
        "check_name": finding.code,
        "fingerprint": fingerprint,
        "severity": SEVERITY[finding.severity],
        "location": {"path": path, "lines": {"begin": finding.line or 1}},
    }
