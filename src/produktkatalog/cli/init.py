"""``katalog init``: a new catalogue from a few answers or flags; asks only on a terminal."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from produktkatalog.cli.app import finish, stop


def init(
    pfad: Annotated[Path, typer.Argument(help="Ordner des neuen Katalogs (Vorgabe: katalog).", show_default=False,
                                         metavar="[PFAD]")] = Path("katalog"),
    kommune: Annotated[str | None, typer.Option("--kommune", help="Name der Kommune, wie im Haushaltsplan.",
                                                metavar="NAME")] = None,
    land: Annotated[str | None, typer.Option("--land", help="Bundesland als Kürzel, z. B. NW, ST, BW.",
                                             metavar="KÜRZEL")] = None,
    haushaltsjahr: Annotated[int | None, typer.Option("--haushaltsjahr", help="Das Haushaltsjahr (bei einem "
                                                      "Doppelhaushalt das erste).", metavar="JAHR")] = None,
    art: Annotated[str | None, typer.Option("--art", help="Art der Kommune, z. B. Stadt, Gemeinde, Landkreis.",
                                            metavar="ART")] = None,
    produktrahmen: Annotated[str | None, typer.Option("--produktrahmen", help="nrw oder imk (Vorgabe: nrw in NRW, "
                                                      "sonst imk).", metavar="SCHEMA")] = None,
    einwohner: Annotated[int | None, typer.Option("--einwohner", help="Einwohnerzahl im Haushaltsjahr.",
                                                  metavar="N")] = None,
    doppelhaushalt: Annotated[bool, typer.Option("--doppelhaushalt", help="Zwei Ansatzjahre (H und H+1) statt "
                                                 "einem.")] = False,
    pre_commit: Annotated[bool, typer.Option("--pre-commit", help="Auch eine .pre-commit-config.yaml anlegen.")]
    = False,
    ci: Annotated[str | None, typer.Option("--ci", help="Auch ein CI-Beispiel anlegen: github oder gitlab.",
                                           metavar="ART")] = None,
) -> None:
    """Legt einen neuen Katalog an: katalog.yaml mit Erklärungen, wahlweise pre-commit und CI.

    Auf einem Terminal fragt katalog init nach allem, was nicht als Option angegeben ist; ohne Terminal oder mit
    --kommune, --land und --haushaltsjahr fragt es nichts. Vorhandene Dateien werden nie überschrieben.
    """
    from produktkatalog.scaffold.names import CannotCreate
    from produktkatalog.scaffold.skeleton import CI_KINDS, Settings, planned, write

    if ci is not None and ci not in CI_KINDS:
        stop(f"--ci kennt {' und '.join(CI_KINDS)}, nicht „{ci}“.")
    complete = kommune is not None and land is not None and haushaltsjahr is not None
    if not complete and sys.stdin.isatty():
        answers = _ask(kommune, land, haushaltsjahr, art, produktrahmen, einwohner, doppelhaushalt)
        kommune, land, haushaltsjahr, art, produktrahmen, einwohner, doppelhaushalt = answers
        pre_commit = pre_commit or typer.confirm("Eine .pre-commit-config.yaml anlegen?", default=False)
    if kommune is None or land is None or haushaltsjahr is None:
        missing = [flag for flag, value in (("--kommune", kommune), ("--land", land),
                                            ("--haushaltsjahr", haushaltsjahr)) if value is None]
        stop(f"Ohne Terminal fragt katalog init nicht nach; es fehlt {', '.join(missing)}.")
    settings = Settings(kommune, land.upper(), haushaltsjahr, art, produktrahmen, einwohner, doppelhaushalt)
    try:
        written = write(planned(pfad, settings, pre_commit, ci))
    except CannotCreate as exc:
        stop(str(exc))
    for path in written:
        typer.echo(f"Angelegt: {path}")
    _schemas_and_check(pfad)


def _ask(kommune: str | None, land: str | None, year: int | None, art: str | None, scheme: str | None,
         einwohner: int | None, double: bool) -> tuple[str, str, int, str | None, str | None, int | None, bool]:
    kommune = kommune or typer.prompt("Kommune (wie im Haushaltsplan)")
    art = art or typer.prompt("Art der Kommune (z. B. Stadt, Gemeinde, Landkreis)", default="", show_default=False)
    land = land or typer.prompt("Land (Kürzel, z. B. NW, ST, BW)")
    scheme = scheme or typer.prompt("Produktrahmen (nrw oder imk)", default="nrw" if land.upper() == "NW" else "imk")
    year = year or typer.prompt("Haushaltsjahr", type=int)
    double = double or typer.confirm("Doppelhaushalt (zwei Ansatzjahre)?", default=False)
    if einwohner is None:
        given = typer.prompt("Einwohnerzahl (leer: später eintragen)", default="", show_default=False)
        einwohner = int(given) if given.strip().isdigit() else None
    return kommune, land, year, art or None, scheme, einwohner, double


def _schemas_and_check(folder: Path) -> None:
    from produktkatalog.editor import export_schemas
    from produktkatalog.pipeline import validate
    from produktkatalog.report import REPORTERS
    from produktkatalog.scaffold.skeleton import schemas_for

    schemas = schemas_for(folder)
    if not schemas.exists():
        export_schemas(schemas)
        typer.echo(f"Schemas für den Editor: {schemas}")
    result = validate(folder, use_cache=False)
    REPORTERS["text"](result, sys.stdout)
    typer.echo(f"Weiter mit: katalog new produkt NUMMER \"Bezeichnung\" --katalog {folder} "
               f"oder katalog import DATEI --katalog {folder}")
    finish(1 if result.errors else 0)
