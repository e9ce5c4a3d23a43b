"""``katalog schema``: the JSON Schemas of the catalogue files, exported for editors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from produktkatalog.cli.app import finish, stop
from produktkatalog.system.oserror import reason


def schema(
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Ordner, in den die Schemas geschrieben werden, "
                                             "z. B. schemas. Ohne --out: die Liste der Schemas.",
                                             metavar="ORDNER", show_default=False)] = None,
) -> None:
    """Speichert die JSON-Schemas für den Editor.

    Mit den Schemas erklärt ein YAML-Editor jedes Feld beim Überfahren, ergänzt Felder beim Tippen und prüft
    die Datei schon beim Schreiben. Geschrieben werden nur Dateien, deren Inhalt sich geändert hat.
    """
    from produktkatalog.editor import export_schemas, listing

    if out is None:
        width = max(len(name) for name, _ in listing())
        for name, title in listing():
            typer.echo(f"{name.ljust(width)}  {title}")
        typer.echo("Mit --out ORDNER speichert katalog sie für den Editor, z. B. katalog schema --out schemas.")
        finish(0)
        return
    if out.exists() and not out.is_dir():
        stop(f"{out} ist kein Ordner.")
    try:
        export = export_schemas(out)
    except OSError as error:
        stop(f"Die Schemas konnten nicht nach {out} geschrieben werden: {reason(error)}.")
    total = len(export.written) + len(export.unchanged)
    typer.echo(f"{total} Schemas in {out}: {len(export.written)} geschrieben, {len(export.unchanged)} unverändert.")
    finish(0)
