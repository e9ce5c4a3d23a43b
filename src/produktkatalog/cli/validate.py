"""``katalog validate``: check every file of a catalogue and report the findings."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from produktkatalog.cli.app import NoCacheOption, PathArgument, StrictOption, checked, finish, stop
from produktkatalog.cli.progress import waiting
from produktkatalog.system.oserror import reason

if TYPE_CHECKING:
    from produktkatalog.report import Options
    from produktkatalog.result import Result


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"
    sarif = "sarif"
    junit = "junit"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


def validate(
    pfad: PathArgument = Path("katalog"),
    format: Annotated[Format, typer.Option(
        "--format", "-f", show_default=False,
        help="Ausgabeformat: text (Vorgabe), json, github (Anmerkungen in GitHub Actions), gitlab (Code-Quality-"
             "Bericht), sarif (Code Scanning) oder junit (Testbericht).")] = Format.text,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="DATEI", dir_okay=False,
        help="Bericht in diese Datei schreiben statt auf die Ausgabe; in einem anderen Format als text stehen die "
             "Befunde dann zusätzlich als Text in der Ausgabe.")] = None,
    fail_on: Annotated[FailOn, typer.Option(
        "--fail-on", show_default=False,
        help="Ab welchem Schweregrad die Prüfung scheitert (Exit-Code 1): error (Vorgabe) oder warning.")]
        = FailOn.error,
    changed_since: Annotated[str | None, typer.Option("--changed-since", help="Nur die seit dieser git-Revision "
                                                      "geänderten Dateien prüfen und alle, die von ihnen abhängen.",
                                                      metavar="REV", show_default=False)] = None,
    strict: StrictOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Prüft alle Dateien eines Katalogs: YAML, Schema und Katalogregeln."""
    from produktkatalog.findings import Severity
    from produktkatalog.report import REPORTERS, Options
    from produktkatalog.system.atomic import atomic_text

    with waiting(f"katalog prüft {pfad} …"):
        result = checked(pfad, use_cache=not no_cache, changed_since=changed_since)
    options = Options(fail_on=Severity.WARNING if strict or fail_on is FailOn.warning else Severity.ERROR)
    if output is None:
        REPORTERS[format.value](result, sys.stdout, options)
    else:
        try:
            with atomic_text(output) as stream:
                REPORTERS[format.value](result, stream, options)
        except OSError as exc:
            stop(f"Der Bericht kann nicht nach {output} geschrieben werden ({reason(exc)}).")
        if format is not Format.text:  # the job log still shows the findings, and where the report went
            REPORTERS["text"](result, sys.stdout, options)
            typer.echo(f"Bericht ({format.value}) geschrieben: {output}")
    if format is Format.github:
        _append_step_summary(result, options)
    finish(1 if options.fails(result) else 0)


def _append_step_summary(result: Result, options: Options) -> None:
    """GitHub's step summary file, when the runner names one; a failure to write it fails nothing else."""
    from produktkatalog.report.github import step_summary

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as stream:
            stream.write(step_summary(result, options))
    except OSError as exc:
        typer.echo(f"katalog: Die Zusammenfassung für GitHub ließ sich nicht nach {target} schreiben "
                   f"({reason(exc)}); die Anmerkungen stehen trotzdem im Protokoll.", err=True)
