"""``katalog diff``: what changed between two states of a catalogue, and what follows from it."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from produktkatalog.cli.app import finish, stop
from produktkatalog.system.oserror import reason


class DiffFormat(StrEnum):
    markdown = "markdown"
    json = "json"


def diff(
    rev_a: Annotated[str | None, typer.Argument(help="Ältere Revision (Vorgabe: HEAD).", show_default=False,
                                                metavar="[REV_A]")] = None,
    rev_b: Annotated[str | None, typer.Argument(help="Neuere Revision (Vorgabe: das Arbeitsverzeichnis).",
                                                show_default=False, metavar="[REV_B]")] = None,
    katalog: Annotated[Path, typer.Option("--katalog", "-k", help="Katalogordner oder Ordner mit mehreren "
                                          "Katalogen (Vorgabe: katalog).", show_default=False,
                                          metavar="PFAD")] = Path("katalog"),
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Ausgabeformat: markdown (Vorgabe) oder "
                                               "json.", show_default=False)] = DiffFormat.markdown,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="In diese Datei schreiben statt auf die "
                                                "Standardausgabe.", metavar="DATEI", show_default=False)] = None,
) -> None:
    """Vergleicht zwei Stände eines Katalogs: Änderungen und ihre Auswirkungen auf Summen und Kennzahlen.

    Ohne Revision: Arbeitsverzeichnis gegen HEAD; mit einer: Arbeitsverzeichnis gegen REV_A; mit zwei: REV_A
    gegen REV_B.
    """
    from produktkatalog.diff import compare, open_sides
    from produktkatalog.diff.json_writer import as_json
    from produktkatalog.diff.markdown import markdown
    from produktkatalog.git.revisions import GitError
    from produktkatalog.system.atomic import write_text

    if not katalog.exists() and rev_b is None:
        stop(f"{katalog} gibt es nicht.")
    try:
        with open_sides(katalog, rev_a, rev_b) as (old, new):
            if not (old.found or new.found):
                stop(f"Unter {katalog} liegt in keinem der beiden Stände ein Katalog.")
            found = compare(old, new)
    except GitError as exc:
        stop(str(exc))
    text = as_json(found) if format is DiffFormat.json else markdown(found)
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            write_text(output, text)
        except OSError as exc:
            stop(f"{output} lässt sich nicht schreiben: {reason(exc)}.")
        typer.echo(f"Vergleich ({format.value}) geschrieben: {output}", err=True)
    finish(0)
