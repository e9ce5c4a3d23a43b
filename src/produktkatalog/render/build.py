"""Render a validated result into pages in memory: path (relative, POSIX) → bytes.

Nothing is written here; ``writer.write_site`` puts the pages on disk. Each
catalogue builds its template environments once and its context once; the HTML
and the Markdown page of a sheet read the same context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypedDict

from produktkatalog.compute import Computation
from produktkatalog.model import canonical
from produktkatalog.render.environment import TemplateProblem, Templates, templates_for
from produktkatalog.render.pages import BudgetPage, CatalogueSite, ProductSheet, ProgrammePage
from produktkatalog.render.paths import slug, unique_slugs
from produktkatalog.render.site import catalogue_site
from produktkatalog.render.template_errors import explained
from produktkatalog.render.views import Link

FORMATS = {"html": ".html", "md": ".md"}
STYLESHEETS = ("stil.css", "druck.css")
Progress = Callable[[int, int], None]  # (pages done, pages in all)


class PageContext(TypedDict):
    katalog: CatalogueSite
    wurzel: str  # from the page to its catalogue's folder: "" or "../"


class SheetContext(PageContext):
    produkt: ProductSheet


class BudgetContext(PageContext):
    haushalt: BudgetPage


class ProgrammeContext(PageContext):
    programm: ProgrammePage


class TopContext(TypedDict):
    kataloge: list[CatalogueSite]
    wurzel: str


class UnknownProduct(Exception):
    """``--produkt`` names no product of the rendered catalogues."""


class Pages:
    """The rendered files; a path is written once only (two pages for one path would be a bug)."""

    def __init__(self, total: int = 0, progress: Progress | None = None) -> None:
        self.files: dict[str, bytes] = {}
        self.total = total
        self.progress = progress

    def add(self, path: str, content: str) -> None:
        if path in self.files:
            raise RuntimeError(f"page rendered twice: {path}")
        self.files[path] = content.encode("utf-8")
        if self.progress is not None:
            self.progress(len(self.files), self.total)


def build(computations: Sequence[Computation], root: Path, formats: Sequence[str], wanted: str | None = None,
          progress: Progress | None = None) -> dict[str, bytes]:
    """All pages of all catalogues. One catalogue at ``root`` fills the output folder; several get a folder each."""
    folders = _folders(computations, root)
    multiple = len(computations) != 1 or folders[0] != ""
    top = Link("Alle Kataloge", "../index.html") if multiple else None
    sites = [(catalogue_site(c, folder, top), c) for c, folder in zip(computations, folders, strict=True)]
    top_files = len(formats) + (len(STYLESHEETS) if "html" in formats else 0) if multiple and wanted is None else 0
    pages = Pages(sum(_count(site, formats, wanted) for site, _ in sites) + top_files, progress)
    for site, computation in sites:
        _render_catalogue(site, templates_for(Path(computation.index.catalogue.root)), formats, wanted, pages)
    if wanted is not None and not any(_selected(site, wanted) for site, _ in sites):
        raise UnknownProduct(wanted)
    if multiple and wanted is None:
        _render_top([site for site, _ in sites], formats, pages)
    return pages.files


def _folders(computations: Sequence[Computation], root: Path) -> list[str]:
    base = root.resolve()
    relative = []
    for computation in computations:
        path = Path(computation.index.catalogue.root).resolve()
        relative.append(path.relative_to(base).as_posix() if path.is_relative_to(base) else path.name)
    if relative == ["."]:
        return [""]
    names = unique_slugs((str(i), slug(name.replace("/", "-"))) for i, name in enumerate(relative))
    return [names[str(i)] for i in range(len(relative))]


def _selected(site: CatalogueSite, wanted: str) -> list[ProductSheet]:
    return [sheet for sheet in site.products if canonical(sheet.number) == canonical(wanted) and canonical(wanted)]


def _count(site: CatalogueSite, formats: Sequence[str], wanted: str | None) -> int:
    """How many files ``build`` writes for a catalogue (for the progress bar)."""
    sheets = len(_selected(site, wanted)) if wanted is not None else len(site.products)
    others = 0 if wanted is not None else len(site.budgets) + len(site.programmes) + 2
    return (sheets + others) * len(formats) + (len(STYLESHEETS) if "html" in formats else 0)


def _render_catalogue(site: CatalogueSite, templates: Templates, formats: Sequence[str], wanted: str | None,
                      pages: Pages) -> None:
    prefix = f"{site.folder}/" if site.folder else ""

    def page(name: str, template: str, context: Any, suffix: str) -> None:
        pages.add(prefix + name + suffix, _apply(templates, template + suffix + ".j2", context))

    for fmt in formats:
        suffix = FORMATS[fmt]
        for sheet in _selected(site, wanted) if wanted is not None else site.products:
            page(sheet.page, "produkt", SheetContext(katalog=site, wurzel="../", produkt=sheet), suffix)
        if wanted is not None:
            continue
        page("index", "index", PageContext(katalog=site, wurzel=""), suffix)
        page("kennzahlen", "kennzahlen", PageContext(katalog=site, wurzel=""), suffix)
        for budget in site.budgets:
            page(budget.page, "haushalt", BudgetContext(katalog=site, wurzel="../", haushalt=budget), suffix)
        for programme in site.programmes:
            page(programme.page, "programm", ProgrammeContext(katalog=site, wurzel="../", programm=programme), suffix)
    if "html" in formats:
        for name in STYLESHEETS:
            pages.add(prefix + name, templates.raw(name))


def _apply(templates: Templates, name: str, context: Any) -> str:
    try:
        return templates.template(name).render(context)
    except TemplateProblem:
        raise
    except Exception as error:
        message = explained(error)
        if message is None:  # not the template's doing: a fault of katalog itself
            raise
        raise TemplateProblem(f"Die Vorlage {name} lässt sich nicht anwenden{message}") from error


def _render_top(sites: list[CatalogueSite], formats: Sequence[str], pages: Pages) -> None:
    templates = templates_for(None)
    for fmt in formats:
        suffix = FORMATS[fmt]
        pages.add("index" + suffix, _apply(templates, "uebersicht" + suffix + ".j2",
                                           TopContext(kataloge=sites, wurzel="")))
    if "html" in formats:
        for name in STYLESHEETS:
            pages.add(name, templates.raw(name))
