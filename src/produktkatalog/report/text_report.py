"""Findings for people, in German: file:line:column, what is wrong, how to fix it."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text

from produktkatalog.codes import title
from produktkatalog.findings import Finding
from produktkatalog.pipeline import Result
from produktkatalog.schema.wording import printable

_STYLE = {"error": "bold red", "warning": "yellow"}


def write(result: Result, stream: TextIO) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=True)
    for finding in result.findings:
        console.print(_finding(finding))
    console.print(_summary(result))


def _finding(finding: Finding) -> Text:
    where = printable(finding.file)
    if finding.line is not None:
        where += f":{finding.line}:{finding.column}"
    text = Text(where, style="bold")
    text.append(": ")
    text.append(f"{finding.severity.label} {finding.code}", style=_STYLE[finding.severity.value])
    text.append(f" ({title(finding.code)}) ", style="dim")
    text.append(printable(finding.message))
    if finding.hint:
        text.append("\n    Hinweis: ", style="cyan")
        text.append(printable(finding.hint))
    return text


def _summary(result: Result) -> Text:
    catalogues = len(result.catalogues)
    head = (f"{catalogues} {'Katalog' if catalogues == 1 else 'Kataloge'}, "
            f"{result.files} {'Datei' if result.files == 1 else 'Dateien'} geprüft: ")
    if not result.findings:
        return Text(head + "keine Befunde.", style="bold green")
    errors = f"{result.errors} Fehler"
    warnings = f"{result.warnings} {'Warnung' if result.warnings == 1 else 'Warnungen'}"
    return Text(f"{head}{errors}, {warnings}.", style="bold red" if result.errors else "bold yellow")
