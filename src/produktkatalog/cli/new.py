"""``katalog new``: a new Produkt, Leistung or Kennzahl file in its place, then its findings."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from produktkatalog.cli.app import NoCacheOption, finish, stop


class Art(StrEnum):
    produkt = "produkt"
    leistung = "leistung"
    kennzahl = "kennzahl"


def new(
    art: Annotated[Art, typer.Argument(help="Was angelegt wird: produkt, leistung oder kennzahl.",
                                       metavar="ART", show_default=False)],
    nummer: Annotated[str, typer.Argument(help="Nummer des Produkts oder der Leistung (z. B. 020105); bei einer "
                                          "Kennzahl ihre Kennung (z. B. anzahl_antraege).", metavar="NR|KENNUNG",
                                          show_default=False)],
    bezeichnung: Annotated[str, typer.Argument(help="Bezeichnung, wie sie im Haushaltsplan steht.",
                                               metavar="BEZEICHNUNG", show_default=False)],
    katalog: Annotated[Path, typer.Option("--katalog", "-k", help="Der Katalog (Ordner mit katalog.yaml) oder ein "
                                          "Ordner mit genau einem Katalog (Vorgabe: katalog).", metavar="PFAD",
                                          show_default=False)] = Path("katalog"),
    produkt: Annotated[str | None, typer.Option("--produkt", "-p", help="Produkt der Leistung oder Kennzahl (Nummer "
                                                "oder Ordnername); für eine Leistung sonst aus ihrer Nummer "
                                                "abgeleitet.", metavar="NR")] = None,
    leistung: Annotated[str | None, typer.Option("--leistung", "-l", help="Leistung, zu der die Kennzahl gehört.",
                                                 metavar="NR")] = None,
    schemas: Annotated[Path | None, typer.Option("--schemas", help="Ordner der Schemas, auf den die erste Zeile "
                                                 "der Datei für den Editor verweist (Vorgabe: schemas/ im "
                                                 "git-Repository des Katalogs).", metavar="ORDNER",
                                                 show_default=False)] = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Legt ein Produkt, eine Leistung oder eine Kennzahl an.

    Die Datei kommt an ihren Platz im Katalog, mit den Pflichtfeldern, einer Erklärung zu jedem Feld und der
    Zeile, die den Editor zum Schema führt. Danach wird der Katalog geprüft und die Befunde zur neuen Datei
    werden gezeigt.
    """
    from produktkatalog.report import REPORTERS
    from produktkatalog.scaffold import CannotCreate, Request, create_checked

    try:
        checked = create_checked(Request(art.value, nummer, bezeichnung, katalog, produkt, leistung, schemas),
                                 use_cache=not no_cache)
    except CannotCreate as exc:
        stop(str(exc))
    created = checked.created
    typer.echo(f"Angelegt: {_shown(created.path)}")
    if not (created.schemas / f"{art.value}.schema.json").is_file():
        typer.echo(f"Hinweis: In {_shown(created.schemas)} liegen noch keine Schemas für den Editor; "
                   f"katalog schema --out {_shown(created.schemas)} legt sie an.")
    REPORTERS["text"](checked.result, sys.stdout)
    if checked.elsewhere:
        typer.echo(f"Der Katalog hat {checked.elsewhere} weitere {'Befund' if checked.elsewhere == 1 else 'Befunde'}"
                   f" in anderen Dateien; katalog validate {_shown(created.root)} zeigt sie.")
    finish(1 if checked.result.errors else 0)


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()
