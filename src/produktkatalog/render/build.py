"""Render a validated result into pages in memory: path (relative, POSIX) → bytes.

Nothing is written here; ``writer.write_site`` puts the pages on disk. Each
catalogue builds its template environments once and its context once; the HTML
and the Markdown page of a sheet read the same context.

Given the keys of the previous output (``previous``: page → key, see ``keys`` and
``manifest``), a page whose key is unchanged is neither built nor rendered: it is
reported as kept, and the writer keeps its file. A page's content is built only
when its template reads it (see ``pages.Later``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

from produktkatalog.compute import Computation
from produktkatalog.incremental.pages import PageKeys, templates_digest
from produktkatalog.render.bounds import bounded_render, time_limit
from produktkatalog.render.environment import TemplateProblem, Templates, template_folders, templates_for
from produktkatalog.render.pages import BudgetPage, CatalogueSite, ProductSheet, ProgrammePage
from produktkatalog.render.parallel import render_pages
from produktkatalog.render.paths import slug, unique_slugs
from produktkatalog.render.site import Layout, catalogue_layout
from produktkatalog.render.template_errors import explained
from produktkatalog.render.views import Link
from produktkatalog.result import Result
from produktkatalog.system.digest import digest

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
    suche: str  # the search index folder ("pagefind/"), "" without search


class UnknownProduct(Exception):
    """``--produkt`` names no product of the rendered catalogues."""


@dataclass
class Rendered:
    """The pages of a run: those rendered now, those kept from the previous output, and every page's key."""

    files: dict[str, bytes] = field(default_factory=dict)
    kept: set[str] = field(default_factory=set)
    keys: dict[str, str] = field(default_factory=dict)


class Pages:
    """The rendered files; a path is written once only (two pages for one path would be a bug).

    Pages to render wait until ``flush``, which renders them together (on every core, see ``parallel``).
    """

    def __init__(self, total: int = 0, progress: Progress | None = None,
                 previous: Mapping[str, str] | None = None, workers: int | None = None) -> None:
        self.rendered = Rendered()
        self.files = self.rendered.files
        self.total = total
        self.progress = progress
        self.previous = previous or {}
        self.workers = workers
        self.claimed: set[str] = set()
        self.waiting: list[tuple[str, Callable[[], Any], Callable[[Any], str]]] = []
        self.done = 0

    def add(self, path: str, content: str) -> None:
        self._claim(path)
        self.files[path] = content.encode("utf-8")
        self._advance()

    def render(self, path: str, key: str | None, context: Callable[[], Any], apply: Callable[[Any], str]) -> None:
        """Render a page (``apply(context())``, in ``flush``), unless its key equals the previous one."""
        self._claim(path)
        if key is not None:
            self.rendered.keys[path] = key
            if self.previous.get(path) == key:
                self.rendered.kept.add(path)
                self._advance()
                return
        self.waiting.append((path, context, apply))

    def flush(self) -> None:
        contents = render_pages([(context, apply) for _, context, apply in self.waiting], self.workers, self._advance)
        for (path, _, _), content in zip(self.waiting, contents, strict=True):
            self.files[path] = content
        self.waiting.clear()

    def _claim(self, path: str) -> None:
        if path in self.claimed:
            raise RuntimeError(f"page rendered twice: {path}")
        self.claimed.add(path)

    def _advance(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)


def build(result: Result, root: Path, formats: Sequence[str], wanted: str | None = None,
          progress: Progress | None = None) -> dict[str, bytes]:
    """All pages of all catalogues. One catalogue at ``root`` fills the output folder; several get a folder each."""
    return render_site(result, root, formats, wanted, progress).files


def render_site(result: Result, root: Path, formats: Sequence[str], wanted: str | None = None,
                progress: Progress | None = None, previous: Mapping[str, str] | None = None,
                workers: int | None = None, search: bool = False) -> Rendered:
    """``build``, keeping every page whose key is in ``previous`` (page → key of the existing output);
    ``workers`` processes apply the templates (default: one per core). ``search``: the index pages carry the
    search box (the index itself is ``search.search_files`` of the pages)."""
    computations = result.computations
    sources = result.sources or [None] * len(computations)
    folders = _folders(computations, root)
    multiple = len(computations) != 1 or folders[0] != ""
    top = Link("Alle Kataloge", "../index.html") if multiple else None
    layouts = [(catalogue_layout(c, folder, top, search), c) for c, folder in zip(computations, folders, strict=True)]
    sites = [layout.site for layout, _ in layouts]
    top_files = len(formats) + (len(STYLESHEETS) if "html" in formats else 0) if multiple and wanted is None else 0
    pages = Pages(sum(_count(layout, formats, wanted) for layout, _ in layouts) + top_files, progress,
                  previous if wanted is None else None, workers)
    for (layout, computation), known in zip(layouts, sources, strict=True):
        root_of = Path(computation.index.catalogue.root)
        folders_of = template_folders(root_of)
        base = digest(templates_digest(folders_of), layout.site.folder, repr(top), str(search))
        keys = PageKeys(computation, known, base, layout.skeleton(), [p.product.folder for p in layout.sheets],
                        len(folders_of) > 1)
        _render_catalogue(layout, templates_for(root_of), keys, formats, wanted, pages)
    if wanted is not None and not any(_selected(layout, wanted) for layout, _ in layouts):
        raise UnknownProduct(wanted)
    if multiple and wanted is None:
        _render_top(sites, formats, pages, "pagefind/" if search else "")
    return pages.rendered


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


def _selected(layout: Layout, wanted: str) -> int:
    return sum(1 for place in layout.sheets if place.product.named_by(wanted))


def _count(layout: Layout, formats: Sequence[str], wanted: str | None) -> int:
    """How many files ``build`` writes for a catalogue (for the progress bar)."""
    sheets = _selected(layout, wanted) if wanted is not None else len(layout.sheets)
    others = 0 if wanted is not None else len(layout.budgets) + len(layout.programmes) + 2
    return (sheets + others) * len(formats) + (len(STYLESHEETS) if "html" in formats else 0)


def _render_catalogue(layout: Layout, templates: Templates, keys: PageKeys, formats: Sequence[str],
                      wanted: str | None, pages: Pages) -> None:
    site = layout.site
    prefix = f"{site.folder}/" if site.folder else ""

    def page(path: str, template: str, context: Callable[[], Any], suffix: str, inputs: str | None) -> None:
        name = template + suffix + ".j2"
        pages.render(prefix + path + suffix, keys.page(inputs, name), context,
                     functools.partial(_apply, templates, name))

    for fmt in formats:
        suffix = FORMATS[fmt]
        for i, place in enumerate(layout.sheets):
            if wanted is None or place.product.named_by(wanted):
                sheet = functools.partial(_sheet_context, site, i)
                page(place.page, "produkt", sheet, suffix, keys.sheet(place.page, place.product))
        if wanted is not None:
            continue
        page("index", "index", lambda: PageContext(katalog=site, wurzel=""), suffix, keys.index())
        page("kennzahlen", "kennzahlen", lambda: PageContext(katalog=site, wurzel=""), suffix, keys.overview())
        for i, budget_place in enumerate(layout.budgets):
            budget = functools.partial(_budget_context, site, i)
            page(budget_place.page, "haushalt", budget, suffix, keys.budget(budget_place.page, budget_place.owner))
        for i, (_, programme_page) in enumerate(layout.programmes):
            programme = functools.partial(_programme_context, site, i)
            page(programme_page, "programm", programme, suffix, keys.programme(programme_page))
    pages.flush()
    if "html" in formats:
        for name in STYLESHEETS:
            pages.add(prefix + name, templates.raw(name))


def _sheet_context(site: CatalogueSite, position: int) -> SheetContext:
    return SheetContext(katalog=site, wurzel="../", produkt=site.products[position])


def _budget_context(site: CatalogueSite, position: int) -> BudgetContext:
    return BudgetContext(katalog=site, wurzel="../", haushalt=site.budgets[position])


def _programme_context(site: CatalogueSite, position: int) -> ProgrammeContext:
    return ProgrammeContext(katalog=site, wurzel="../", programm=site.programmes[position])


def _apply(templates: Templates, name: str, context: Any) -> str:
    """The page, within the bounds of time and size every template gets (see ``bounds``)."""
    try:
        with time_limit():
            return bounded_render(templates.template(name), context)
    except TemplateProblem:
        raise
    except Exception as error:
        message = explained(error)
        if message is None:  # not the template's doing: a fault of katalog itself
            raise
        raise TemplateProblem(f"Die Vorlage {name} lässt sich nicht anwenden{message}") from error


def _render_top(sites: list[CatalogueSite], formats: Sequence[str], pages: Pages, search: str) -> None:
    templates = templates_for(None)
    for fmt in formats:
        suffix = FORMATS[fmt]
        pages.add("index" + suffix, _apply(templates, "uebersicht" + suffix + ".j2",
                                           TopContext(kataloge=sites, wurzel="", suche=search)))
    if "html" in formats:
        for name in STYLESHEETS:
            pages.add(name, templates.raw(name))
