"""Findings as JSON for machines."""

from __future__ import annotations

import json
from typing import Any, TextIO

from produktkatalog import __version__
from produktkatalog.codes import title
from produktkatalog.findings import Finding
from produktkatalog.report.common import Options
from produktkatalog.result import Result
from produktkatalog.wording.text import printable


def record(finding: Finding) -> dict[str, Any]:
    """A finding's fields; ``cause`` names the finding that explains it (a Folgefehler), else null."""
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "title": title(finding.code),
        "file": printable(finding.file),
        "line": finding.line,
        "column": finding.column,
        "message": printable(finding.message),
        "hint": printable(finding.hint),
        "cause": _cause(finding.cause),
    }


def _cause(cause: Finding | None) -> dict[str, Any] | None:
    if cause is None:
        return None
    return {"code": cause.code, "file": printable(cause.file), "line": cause.line, "column": cause.column,
            "message": printable(cause.message)}


def write(result: Result, stream: TextIO, options: Options | None = None) -> None:
    document = {
        "tool": "katalog",
        "version": __version__,
        "summary": {"catalogues": len(result.catalogues), "files": result.files,
                    "errors": result.errors, "warnings": result.warnings,
                    "consequences": sum(1 for finding in result.findings if finding.cause is not None)},
        "findings": [record(f) for f in result.findings],
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
