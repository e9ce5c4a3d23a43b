"""Findings for people, in German: file:line:column, what is wrong, how to fix it.

The text is built once as styled segments; a terminal gets it through rich, in
colour. Anything else (a CI log, a pre-commit hook, a file) gets the same text
plain, without loading rich, which would drop the colours there anyway.
"""

from __future__ import annotations

from typing import TextIO

from produktkatalog.codes import title
from produktkatalog.findings import Finding
from produktkatalog.report.common import Options
from produktkatalog.result import Result
from produktkatalog.wording.text import printable

Segments = list[tuple[str, str]]  # (text, rich style)

_STYLE = {"error": "bold red", "warning": "yellow"}


def write(result: Result, stream: TextIO, options: Options | None = None) -> None:
    lines = _findings(result.findings) + _selected(result) + [_summary(result)]
    if stream.isatty():
        _print_rich(lines, stream)
    else:
        stream.write("".join("".join(text for text, _ in line) + "\n" for line in lines))


def _print_rich(lines: list[Segments], stream: TextIO) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, highlight=False, soft_wrap=True)
    for line in lines:
        console.print(Text.assemble(*line))


def _findings(findings: list[Finding]) -> list[Segments]:
    """Every finding; a Folgefehler under its cause, without its own hint (fixing the cause fixes it)."""
    present = set(findings)
    under: dict[Finding, list[Finding]] = {}
    for finding in findings:
        if finding.cause is not None and finding.cause in present:
            under.setdefault(finding.cause, []).append(finding)
    lines = []
    for finding in findings:
        if finding.cause is not None and finding.cause in present:
            continue
        line = _finding(finding)
        if finding.cause is not None:  # its cause lies in a file not reported (--changed-since)
            line += [("\n    Folgefehler von ", "dim"), (_where(finding.cause) + f" {finding.cause.code}", "")]
        if finding in under:
            line += [(f"\n    Folgefehler, behoben mit dieser Ursache ({len(under[finding])}):", "dim")]
            for consequence in under[finding]:
                line += [("\n      ", ""), *_finding(consequence, hint=False)]
        lines.append(line)
    return lines


def _where(finding: Finding) -> str:
    where = printable(finding.file)
    return where + (f":{finding.line}:{finding.column}" if finding.line is not None else "")


def _finding(finding: Finding, hint: bool = True) -> Segments:
    label = f"{finding.severity.label} {finding.code}"
    line = [(_where(finding), "bold"), (": ", ""), (label, _STYLE[finding.severity.value]),
            (f" ({title(finding.code)}) ", "dim"), (printable(finding.message), "")]
    if finding.hint and hint:
        line += [("\n    Hinweis: ", "cyan"), (printable(finding.hint), "")]
    return line


def finding_line(finding: Finding) -> str:
    """One finding, plain, as this report prints it: for commands that list findings among other lines."""
    return "".join(text for text, _ in _finding(finding))


def summary(result: Result) -> str:
    """The closing line, plain: how many catalogues and files, how many errors and warnings."""
    return "".join(text for text, _ in _summary(result))


def _selected(result: Result) -> list[Segments]:
    """With --changed-since: which files were checked."""
    if result.selected is None:
        return []
    if not result.selected:
        return [[(f"Seit „{printable(result.since)}“ hat sich keine Katalogdatei geändert.", "")]]
    head = f"Geprüft, weil seit „{printable(result.since)}“ geändert oder davon abhängig:"
    return [[(head, "bold")], *([("    " + printable(file), "")] for file in result.selected)]


def _summary(result: Result) -> Segments:
    catalogues = len(result.catalogues)
    head = (f"{catalogues} {'Katalog' if catalogues == 1 else 'Kataloge'}, "
            f"{result.files} {'Datei' if result.files == 1 else 'Dateien'} geprüft: ")
    if not result.findings:
        return [(head + "keine Befunde.", "bold green")]
    warnings = f"{result.warnings} {'Warnung' if result.warnings == 1 else 'Warnungen'}"
    following = sum(1 for finding in result.findings if finding.cause is not None)
    folded = f" ({following} davon Folgefehler)" if following else ""
    return [(f"{head}{result.errors} Fehler, {warnings}{folded}.", "bold red" if result.errors else "bold yellow")]
