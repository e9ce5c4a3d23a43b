"""``katalog fmt``: write catalogue files in canonical form, or with ``--check`` only list those that are not."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from produktkatalog.cli.app import finish, stop

if TYPE_CHECKING:
    from produktkatalog.fmt import FormatReport


def fmt(
    pfade: Annotated[list[Path] | None, typer.Argument(help="Katalogdateien oder Ordner (Vorgabe: katalog).",
                                                       show_default=False, metavar="[PFAD]...")] = None,
    check: Annotated[bool, typer.Option("--check", help="Nichts ändern, nur die Dateien nennen, die nicht "
                                        "im Standardformat sind (Exit-Code 1).")] = False,
) -> None:
    """Bringt Katalogdateien in das Standardformat: Feldreihenfolge laut Schema, Nummern in
    Anführungszeichen, einheitliche Einrückung. Kommentare und Werte bleiben erhalten."""
    from produktkatalog.fmt import NothingToFormat, format_paths
    from produktkatalog.wording.text import printable

    try:
        report = format_paths(pfade or [Path("katalog")], write=not check)
    except NothingToFormat as exc:
        stop(printable(str(exc)))
    _print_files(report, check)
    typer.echo(_summary(report, check))
    if report.unsafe:
        finish(2)
    finish(1 if report.findings or (check and report.changed) else 0)


def _print_files(report: FormatReport, check: bool) -> None:
    """Findings as ``katalog validate`` prints them, then every quoted number, changed and skipped file."""
    from produktkatalog.report.text_report import finding_line
    from produktkatalog.wording.text import printable

    for finding in report.findings:
        typer.echo(finding_line(finding))
    for number in report.quoted:
        typer.echo(f"{printable(number.file)}:{number.line}:{number.column}: „{printable(number.text)}“ "
                   f"{'wird' if check else 'wurde'} in Anführungszeichen gesetzt; ohne sie ist es eine Zahl (S103).")
    for shown in report.changed:
        typer.echo(f"{'Nicht im Standardformat' if check else 'Formatiert'}: {printable(shown)}")
    for shown in report.linked:
        typer.echo(f"katalog: {printable(shown)} ist ein symbolischer Link oder liegt außerhalb des Katalogs und "
                   "bleibt unverändert: katalog fmt schreibt nie durch einen Link.", err=True)
    for shown, reason in report.unsafe:
        typer.echo(f"katalog: {printable(shown)} lässt sich nicht sicher formatieren ({reason}) und bleibt "
                   "unverändert. Bitte melden Sie das mit der Datei.", err=True)


def _summary(report: FormatReport, check: bool) -> str:
    """``8 Dateien geprüft: 1 nicht im Standardformat; …`` and what was left alone, never "all" when not all."""
    left_alone = [f"{_files(count)} {reason}." for count, reason in (
        (report.unreadable, "nicht lesbar und nicht geändert"),
        (len(report.unsafe), "nicht formatiert (nicht sicher formatierbar)"),
        (len(report.linked), "übersprungen (symbolischer Link oder außerhalb des Katalogs)")) if count]
    changed = len(report.changed)
    if check:
        state = (f"{changed} nicht im Standardformat; katalog fmt formatiert sie" if changed
                 else f"{'alle übrigen' if left_alone else 'alle'} im Standardformat")
    else:
        state = f"{changed} formatiert" if changed else f"{'sonst ' if left_alone else ''}nichts zu ändern"
    return " ".join([f"{_files(report.files)}{' geprüft' if check else ''}: {state}.", *left_alone])


def _files(count: int) -> str:
    return f"{count} {'Datei' if count == 1 else 'Dateien'}"
