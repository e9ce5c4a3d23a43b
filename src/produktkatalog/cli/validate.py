"""``katalog validate``: check every file of a catalogue and report the findings."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from produktkatalog.cli.app import NoCacheOption, PathArgument, StrictOption, finish, stop


class Format(StrEnum):
    text = "text"
    json = "json"


def validate(
    pfad: PathArgument = Path("katalog"),
    format: Annotated[Format, typer.Option("--format", "-f", help="Ausgabeformat: text (Vorgabe) oder json.",
                                            show_default=False)] = Format.text,
    changed_since: Annotated[str | None, typer.Option("--changed-since", help="Nur die seit dieser git-Revision "
                                                      "geänderten Dateien prüfen und alle, die von ihnen abhängen.",
                                                      metavar="REV", show_default=False)] = None,
    strict: StrictOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Prüft alle Dateien eines Katalogs: YAML, Schema und Katalogregeln."""
    from produktkatalog.pipeline import NoCatalogue
    from produktkatalog.pipeline import validate as run
    from produktkatalog.report import REPORTERS

    try:
        result = run(pfad, use_cache=not no_cache, changed_since=changed_since)
    except NoCatalogue as exc:
        stop(str(exc))
    REPORTERS[format.value](result, sys.stdout)
    failed = result.errors > 0 or (strict and result.warnings > 0)
    finish(1 if failed else 0)
