"""Findings as GitHub Actions workflow commands, which the runner turns into annotations on the files.

One line per finding, ``::error title=…,file=…,line=…,col=…::message``, escaped as the
Actions toolkit (``@actions/core``) escapes command data and properties. ``step_summary``
gives the Markdown table of the findings that the command appends to the runner's step
summary file (``$GITHUB_STEP_SUMMARY``).
"""

from __future__ import annotations

from typing import TextIO

from produktkatalog.codes import title
from produktkatalog.findings import Finding
from produktkatalog.present.markdown import inline
from produktkatalog.report.common import Options, Places, message
from produktkatalog.report.text_report import summary
from produktkatalog.result import Result

SUMMARY_ROWS = 200  # a step summary may hold 1 MiB; more findings are counted, not listed


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding, path: str, places: Places | None = None) -> str:
    properties = {"title": f"{finding.code} {title(finding.code)}", "file": path,
                  "line": finding.line, "col": finding.column}
    # like the toolkit, properties without a value are left out
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value)
    text = message(finding, "\n\n", places)
    return f"::{finding.severity.value} {listed}::{escape_data(text)}"


def write(result: Result, stream: TextIO, options: Options | None = None) -> None:
    places = Places(result, options or Options())
    for finding in result.findings:
        stream.write(command(finding, places.path(finding.file), places) + "\n")
    stream.write(summary(result) + "\n")


def step_summary(result: Result, options: Options | None = None) -> str:
    """The Markdown table for the run's step summary (``$GITHUB_STEP_SUMMARY``); the CLI appends it there."""
    return markdown(result, Places(result, options or Options()))


def markdown(result: Result, places: Places) -> str:
    lines = ["### katalog validate", "", f"**{inline(summary(result))}**", ""]
    if result.findings:
        lines += ["| | Code | Datei | Zeile | Meldung |", "|---|---|---|---|---|"]
        lines += [_row(finding, places) for finding in result.findings[:SUMMARY_ROWS]]
        hidden = len(result.findings) - SUMMARY_ROWS
        if hidden > 0:
            lines += ["", f"… und {hidden} weitere Befunde (siehe Protokoll des Schritts)."]
        lines.append("")
    return "\n".join(lines) + "\n"


def _row(finding: Finding, places: Places) -> str:
    where = f"{finding.line}:{finding.column}" if finding.line is not None else ""
    cells = (finding.severity.label, f"{finding.code} {title(finding.code)}", places.path(finding.file), where,
             message(finding, places=places))
    return "| " + " | ".join(inline(text) for text in cells) + " |"


