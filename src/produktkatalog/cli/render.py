"""``katalog render``: Produktblätter, Haushalt tables and the site index as HTML and Markdown."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from produktkatalog.cli.app import NoCacheOption, PathArgument, checked, finish, stop
from produktkatalog.system.oserror import reason

PROGRESS_FROM = 50  # pages; fewer render too fast for a progress bar to help


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

    result = checked(pfad, use_cache=not no_cache)
    if result.findings:
        REPORTERS["text"](result, sys.stdout)
    if result.errors:
        typer.echo("Nichts erzeugt: Der Katalog enthält Fehler. Die bisherige Ausgabe bleibt unverändert.", err=True)
        finish(1)
    formats = ["html", "md"] if format is RenderFormat.all else [format.value]
    try:
        with writing_to(out):
            with _progress() as progress:
                pages = render_site(result, pfad, formats, produkt, progress, previous_keys(out))
            report = write_site(out, pages.files, keep_others=produkt is not None, kept=pages.kept, keys=pages.keys)
    except UnknownProduct:
        stop(f"Ein Produkt „{produkt}“ gibt es nicht.")
    except (OutputRefused, TemplateProblem) as exc:
        stop(f"{exc} Die bisherige Ausgabe bleibt unverändert.")
    except OSError as exc:
        stop(f"Die Ausgabe lässt sich nicht nach {out} schreiben ({reason(exc)}). Die bisherige Ausgabe bleibt "
             "unverändert.")
    entry = out / ("index.html" if "html" in formats else "index.md")
    typer.echo(f"{len(report.written)} Dateien geschrieben, {report.unchanged} unverändert, "
               f"{len(report.removed)} entfernt. Einstieg: {entry}")
    finish(0)


@contextmanager
def _progress() -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr, only for a terminal and more than ``PROGRESS_FROM`` pages."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True)) as bar:
        task = None

        def advance(done: int, total: int) -> None:
            nonlocal task
            if total <= PROGRESS_FROM:
                return
            if task is None:
                task = bar.add_task("Seiten erzeugen", total=total)
            bar.update(task, completed=done)

        yield advance
