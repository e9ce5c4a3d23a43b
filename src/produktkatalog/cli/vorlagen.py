"""``katalog vorlagen``: the shipped row templates and the catalogue's own, or one of them in full."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from produktkatalog.cli.app import finish, stop

if TYPE_CHECKING:
    from produktkatalog.model import Catalogue


def vorlagen(
    kennung: Annotated[str | None, typer.Argument(help="Kennung einer Vorlage, z. B. nrw_ergebnisplan: zeigt ihre "
                                                  "Zeilen, Summen und Rollen.", show_default=False,
                                                  metavar="[KENNUNG]")] = None,
    katalog: Annotated[Path | None, typer.Option("--katalog", "-k", help="Auch die eigenen Vorlagen dieses "
                                                 "Katalogs (zeilenvorlagen/) und welche Vorlage seine Pläne "
                                                 "ohne eigene Wahl verwenden.", metavar="PFAD",
                                                 show_default=False)] = None,
) -> None:
    """Listet die Zeilenvorlagen der Pläne oder zeigt eine mit Zeilen, Summen und Rollen."""
    from produktkatalog.model.template_choice import known_templates, row_templates
    from produktkatalog.present.row_templates import description, listing
    from produktkatalog.wording.text import suggestion

    catalogue = _catalogue(katalog) if katalog is not None else None
    if kennung is None:
        typer.echo("\n".join(listing(catalogue)))
        finish(0)
        return
    known = known_templates(catalogue) if catalogue is not None else row_templates()
    template = known.get(kennung)
    if template is None:
        stop(f"Eine Zeilenvorlage „{kennung}“ gibt es nicht. "
             f"{suggestion(kennung, known) or 'katalog vorlagen zeigt alle.'}")
    typer.echo("\n".join(description(template)))
    finish(0)


def _catalogue(path: Path) -> Catalogue:
    from produktkatalog.pipeline import load_catalogue
    from produktkatalog.result import NoCatalogue

    try:
        return load_catalogue(path)
    except NoCatalogue as exc:
        stop(str(exc))
