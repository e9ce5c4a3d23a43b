"""``katalog fmt``: write catalogue files in canonical form, or with ``--check`` only list those that are not."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from produktkatalog.cli.app import finish, stop

if TYPE_CHECKING:
    from produktkatalog.findings import Finding


def fmt(
    pfade: Annotated[list[Path] | None, typer.Argument(help="Katalogdateien oder Ordner (Vorgabe: katalog).",
                                                       show_default=False, metavar="[PFAD]...")] = None,
    check: Annotated[bool, typer.Option("--check", help="Nichts ändern, nur die Dateien nennen, die nicht "
                                        "im Standardformat sind (Exit-Code 1).")] = False,
) -> None:
    """Bringt Katalogdateien in das Standardformat: Feldreihenfolge laut Schema, Nummern in
    Anführungszeichen, einheitliche Einrückung. Kommentare und Werte bleiben erhalten."""
    from produktkatalog.fmt import NothingToFormat, format_paths

    try:
        report = format_paths(pfade or [Path("katalog")], write=not check)
    except NothingToFormat as exc:
        stop(str(exc))
    for finding in report.findings:
        typer.echo(_finding_line(finding))
    for number in report.quoted:
        typer.echo(f"{number.file}:{number.line}:{number.column}: „{number.text}“ "
                   f"{'wird' if check else 'wurde'} in Anführungszeichen gesetzt; ohne sie ist es eine Zahl (S103).")
    for shown in report.changed:
        typer.echo(f"{'Nicht im Standardformat' if check else 'Formatiert'}: {shown}")
    for shown, reason in report.unsafe:
        typer.echo(f"katalog: {shown} lässt sich nicht sicher formatieren ({reason}) und bleibt unverändert. "
                   "Bitte melden Sie das mit der Datei.", err=True)
    typer.echo(_summary(report.files, len(report.changed), len(report.findings), check))
    if report.unsafe:
        finish(2)
    finish(1 if report.findings or (check and report.changed) else 0)


def _finding_line(finding: Finding) -> str:
    """A finding as ``katalog validate`` prints it."""
    from produktkatalog.codes import title

    where = finding.file + (f":{finding.line}:{finding.column}" if finding.line is not None else "")
    text = f"{where}: {finding.severity.label} {finding.code} ({title(finding.code)}) {finding.message}"
    return text + (f"\n    Hinweis: {finding.hint}" if finding.hint else "")


def _summary(files: int, changed: int, unreadable: int, check: bool) -> str:
    total = f"{files} {'Datei' if files == 1 else 'Dateien'}"
    skipped = f" {unreadable} nicht lesbar und nicht geändert." if unreadable else ""
    if not changed:
        return f"{total} geprüft: alle im Standardformat.{skipped}" if check else f"{total}: nichts zu ändern.{skipped}"
    if check:
        return f"{total} geprüft: {changed} nicht im Standardformat; katalog fmt formatiert sie.{skipped}"
    return f"{total}: {changed} formatiert.{skipped}"
