"""``katalog render``: Produktblätter, Haushalt tables and the site index as HTML and Markdown."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from produktkatalog.cli.app import NoCacheOption, PathArgument, checked, finish, stop, unknown_product
from produktkatalog.cli.progress import pages as page_progress
from produktkatalog.cli.progress import waiting
from produktkatalog.system.oserror import reason

if TYPE_CHECKING:
    from produktkatalog.render import Rendered
    from produktkatalog.result import Result


class RenderFormat(StrEnum):
    md = "md"
    html = "html"
    all = "all"


def render(
    pfad: PathArgument = Path("katalog"),
    out: Annotated[Path, typer.Option("--out", "-o", help="Zielordner; er wird als Ganzes ersetzt, unveränderte "
                                      "Dateien bleiben unberührt (Vorgabe: ausgabe).", metavar="ORDNER",
                                      show_default=False)] = Path("ausgabe"),
    format: Annotated[RenderFormat, typer.Option("--format", "-f", help="md, html oder all (Vorgabe: all).",
                                                  show_default=False)] = RenderFormat.all,
    produkt: Annotated[str | None, typer.Option("--produkt", "-p", help="Nur das Produktblatt dieses Produkts "
                                                "neu erzeugen, z. B. 011001; die übrige Ausgabe bleibt.",
                                                metavar="NR")] = None,
    suche: Annotated[bool, typer.Option("--suche", help="Mit Volltextsuche (Pagefind): ein Suchfeld auf der "
                                        "Übersicht und der Suchindex im Ordner pagefind/.")] = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Erzeugt Produktblätter, Haushaltstabellen und eine Übersicht als HTML und Markdown (prüft vorher)."""
    from produktkatalog.render import (
        OutputRefused,
        TemplateProblem,
        UnknownProduct,
        previous_keys,
        render_site,
        write_site,
        writing_to,
    )
    from produktkatalog.report import REPORTERS

    with waiting(f"katalog prüft {pfad} …"):
        result = checked(pfad, use_cache=not no_cache)
    if result.findings:
        REPORTERS["text"](result, sys.stdout)
    if result.errors:
        typer.echo("Nichts erzeugt: Der Katalog enthält Fehler. Die bisherige Ausgabe bleibt unverändert.", err=True)
        finish(1)
    formats = ["html", "md"] if format is RenderFormat.all else [format.value]
    try:
        with writing_to(out):
            with page_progress() as progress:
                pages = render_site(result, pfad, formats, produkt, progress, previous_keys(out),
                                    search=suche and "html" in formats)
            if suche and "html" in formats:
                _add_search(pages, out)
            report = write_site(out, pages.files, keep_others=produkt is not None, kept=pages.kept, keys=pages.keys)
    except UnknownProduct:
        _unknown_product(result, produkt or "")
    except (OutputRefused, TemplateProblem) as exc:
        stop(f"{exc} Die bisherige Ausgabe bleibt unverändert.")
    except OSError as exc:
        stop(f"Die Ausgabe lässt sich nicht nach {out} schreiben ({reason(exc)}). Die bisherige Ausgabe bleibt "
             "unverändert.")
    entry = out / ("index.html" if "html" in formats else "index.md")
    typer.echo(f"{len(report.written)} Dateien geschrieben, {report.unchanged} unverändert, "
               f"{len(report.removed)} entfernt. Einstieg: {entry}")
    finish(0)


def _add_search(pages: Rendered, out: Path) -> None:
    """The search index of every HTML page: those rendered now and those kept in the output."""
    from produktkatalog.render.search import SearchUnavailable, search_files

    html = {path: content for path, content in pages.files.items() if path.endswith(".html")}
    html.update({path: (out / path).read_bytes() for path in pages.kept if path.endswith(".html")})
    try:
        with waiting("katalog erzeugt den Suchindex …"):
            pages.files.update(search_files(html))
    except SearchUnavailable as exc:
        typer.echo(f"{exc} Die Seiten werden ohne Suche geschrieben.", err=True)


def _unknown_product(result: Result, wanted: str) -> None:
    known = [product.handle for catalogue in result.catalogues for product in
             sorted(catalogue.products, key=lambda product: (product.key, product.folder))]
    stop(unknown_product("Ein Produkt", wanted, known))
