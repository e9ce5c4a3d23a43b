"""One catalogue's site: the product tree, the sheets with their navigation, programmes and Haushalt pages."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from produktkatalog.compute import Computation
from produktkatalog.model import Product, Programme, canonical
from produktkatalog.model.conventions import display_convention
from produktkatalog.model.owners import GESAMT, LEVEL_NAMES, STATEMENTS, Owner
from produktkatalog.present.figures import FigureLine
from produktkatalog.render import texts
from produktkatalog.render.budget import plan_view, rollup_title
from produktkatalog.render.figures import groups, row, text
from produktkatalog.render.levels import level_text
from produktkatalog.render.overview import headline_period, owner_name, spending_map, subsidy_bars
from produktkatalog.render.pages import (
    BudgetPage,
    CatalogueSite,
    Later,
    OverviewRow,
    ProductSheet,
    ProgrammePage,
    TreeNode,
)
from produktkatalog.render.paths import relative, slug, unique_slugs
from produktkatalog.render.sheet import SheetMaker
from produktkatalog.render.views import FigureRow, Link, Nav
from produktkatalog.wording.text import level_name

INDEX = "index"
OVERVIEW = "kennzahlen"


@dataclass(frozen=True)
class SheetPlace:
    product: Product
    page: str
    title: str
    nav: Nav


@dataclass(frozen=True)
class BudgetPlace:
    owner: Owner
    page: str
    title: str
    nav: Nav


@dataclass(frozen=True)
class Layout:
    """A catalogue's site and where each page sits: what every page shows of the others (names, order,
    links), known before any page is built."""

    site: CatalogueSite
    sheets: list[SheetPlace]
    budgets: list[BudgetPlace]
    programmes: list[tuple[Programme, str]]  # each programme with its page

    def skeleton(self) -> str:
        """What every page shows of the others, as one text (part of every page key)."""
        site = self.site
        return repr((site.name, site.year, site.folder, site.facts, site.source, site.rules, site.columns, site.tree,
                     site.unplaced, [(p.product.folder, p.page, p.title, p.nav) for p in self.sheets],
                     [(b.owner, b.page, b.title, b.nav) for b in self.budgets],
                     [(p.file, p.ident, page) for p, page in self.programmes]))


def catalogue_site(computation: Computation, folder: str, top: Link | None) -> CatalogueSite:
    return catalogue_layout(computation, folder, top).site


def catalogue_layout(computation: Computation, folder: str, top: Link | None, search: bool = False) -> Layout:
    """The site with its pages in place; a page's content is built when it is first read."""
    catalogue = computation.index.catalogue
    programme_pages = {ident: f"programme/{name}" for ident, name in unique_slugs(
        (p.ident or p.file, slug(p.ident or p.text("bezeichnung") or "")) for p in catalogue.programmes).items()}
    maker = SheetMaker(computation, programme_pages)
    ordered = sorted(catalogue.products, key=lambda p: _tree_key(computation, p))
    pages = {key: f"produkte/{name}" for key, name in unique_slugs(
        (p.folder, slug(p.number, p.text("bezeichnung") or "")) for p in ordered).items()}
    places = _sheet_places(computation, ordered, pages)
    budgets = _budget_places(computation, maker)
    tree, unplaced = _tree(computation, ordered, pages, {place.page for place in budgets})
    programmes = [(p, programme_pages[p.ident or p.file]) for p in catalogue.programmes
                  if (p.ident or p.file) in programme_pages]
    sheets = Later(len(places), lambda i: maker.sheet(places[i].product, places[i].page, places[i].nav))
    settings = catalogue.settings
    data = settings.data if settings else {}
    site = CatalogueSite(
        name=text(data, "kommune") or folder or "Katalog", folder=folder, facts=_facts(computation),
        source=text(data, "quelle"),
        rules=[(text(r, "id"), text(r, "beschreibung")) for r in texts.mappings(data.get("regeln"))],
        columns=maker.columns, tree=tree, unplaced=unplaced, products=sheets,
        programmes=Later(len(programmes), lambda i: _programme(maker, *programmes[i], pages)),
        budgets=Later(len(budgets), lambda i: _budget(computation, maker, budgets[i], pages)),
        overview=_later_overview(sheets), top=top, year=text(data, "haushaltsjahr"), stand=text(data, "stand"),
        shared_figures=_shared_figures(computation), search=("../" if folder else "") + "pagefind/" if search else "")
    period = headline_period(computation.periods, maker.year)
    if period is not None:
        site.spending = spending_map(computation, period, owner_name(computation))
        site.subsidy = subsidy_bars(computation, period, owner_name(computation))
    return Layout(site, places, budgets, programmes)


def _shared_figures(computation: Computation) -> list[FigureRow]:
    """The Standardkennzahlen with their definitions (values per owner are on each sheet)."""
    return [row(FigureLine(GESAMT, "", "", figure, {}), []) for figure in computation.index.catalogue.kennzahlen
            if figure.per_owner]


def _tree_key(computation: Computation, product: Product) -> tuple[str, ...]:
    placement = computation.tables.placement
    group = placement.group(product) or ""
    area = placement.area(group) or ""
    return (area or "~", group or "~", product.key or "~", product.number, product.text("bezeichnung") or "",
            product.folder)


def _facts(computation: Computation) -> list[tuple[str, str]]:
    catalogue = computation.index.catalogue
    data = catalogue.settings.data if catalogue.settings else {}
    framework = computation.index.framework
    residents = data.get("einwohner")
    land = text(data, "land")
    facts = [("Kommune", text(data, "kommune")), ("Art", text(data, "art")),
             ("Land", computation.index.vocabulary("laender").get(land, land)),
             ("Produktrahmen", framework.name if framework else text(data.get("produktrahmen"), "schema")),
             ("Haushaltsjahr", text(data, "haushaltsjahr")), ("Währung", text(data, "waehrung"))]
    if isinstance(residents, dict):
        facts.append(("Einwohner", ", ".join(f"{year}: {_count(value)}" for year, value in
                                             sorted(residents.items(), key=lambda kv: str(kv[0])))))
    return [(label, value or "—") for label, value in facts]


def _count(value: object) -> str:
    return f"{value:,}".replace(",", ".") if isinstance(value, int) and not isinstance(value, bool) else "—"


def _tree(computation: Computation, ordered: list[Product], pages: dict[str, str],
          budget_pages: set[str]) -> tuple[list[TreeNode], list[Link]]:
    placement = computation.tables.placement
    framework = computation.index.framework
    names: Callable[[str], dict[str, str]] = framework.names if framework else (lambda level: {})
    areas: dict[str, dict[str, list[Link]]] = {}  # "" holds the Produktgruppen without a Produktbereich
    unplaced = []
    for product in ordered:
        link = Link(f"{product.number} {product.text('bezeichnung') or ''}".strip(), pages[product.folder] + ".html")
        group = placement.group(product)
        if group is None:
            unplaced.append(link)
            continue
        areas.setdefault(placement.area(group) or "", {}).setdefault(group, []).append(link)

    def href(level: str, key: str) -> str:
        page = _budget_page(Owner(level, key))
        return page + ".html" if page in budget_pages and key else ""

    def node(level: str, key: str) -> TreeNode:
        label = LEVEL_NAMES[level] if key else f"Ohne {LEVEL_NAMES[level]}"
        name = level_name(label, key, names(_PLURALS[level]).get(key, ""))
        return TreeNode(label, key, name, f"{'pb' if level == 'produktbereich' else 'pg'}-{key or 'ohne'}",
                        href(level, key))

    tree = [replace(node("produktbereich", area), children=[replace(node("produktgruppe", group), products=links)
                                                            for group, links in groups_.items()])
            for area, groups_ in sorted(areas.items(), key=lambda item: item[0] == "")]
    return tree, unplaced


def _sheet_places(computation: Computation, ordered: list[Product], pages: dict[str, str]) -> list[SheetPlace]:
    """Each sheet's page; up to the product's place in the index, previous and next in tree order."""
    placement = computation.tables.placement
    titles = [f"{product.number} {product.text('bezeichnung') or ''}".strip() for product in ordered]
    places = []
    for position, product in enumerate(ordered):
        page = pages[product.folder]
        group = placement.group(product)
        up = Link("Übersicht", relative(page, f"{INDEX}.html" + (f"#pg-{group}" if group else "")))
        neighbours = [position - 1 if position > 0 else None, position + 1 if position + 1 < len(ordered) else None]
        nav = Nav(up, *(Link(titles[n], relative(page, pages[ordered[n].folder] + ".html")) if n is not None
                        else None for n in neighbours))
        places.append(SheetPlace(product, page, titles[position], nav))
    return places


def _budget_page(owner: Owner) -> str:
    return "haushalt/gesamt" if owner == GESAMT else f"haushalt/{owner.level}-{slug(owner.key)}"


_PAGE_ORDER = {"gesamt": 0, "teilhaushalt": 1, "produktbereich": 2, "produktgruppe": 3}


def _budget_places(computation: Computation, maker: SheetMaker) -> list[BudgetPlace]:
    """A page for each roll-up and each level with a file of its own (its content, even without a plan)."""
    tables = computation.tables
    owners = sorted({t.owner for statement in STATEMENTS for t in tables.rollups(statement)} | set(tables.levels),
                    key=lambda o: (_PAGE_ORDER[o.level], o.key))
    places = []
    for position, owner in enumerate(owners):
        page = _budget_page(owner)
        up = Link("Übersicht", relative(page, f"{INDEX}.html"))
        before = owners[position - 1] if position > 0 else None
        after = owners[position + 1] if position + 1 < len(owners) else None
        nav = Nav(up, *(Link(maker.listing.label(o), relative(page, _budget_page(o) + ".html")) if o else None
                        for o in (before, after)))
        places.append(BudgetPlace(owner, page, maker.listing.label(owner), nav))
    return places


def _budget(computation: Computation, maker: SheetMaker, place: BudgetPlace, pages: dict[str, str]) -> BudgetPage:
    owner = place.owner
    shown = display_convention(computation.index.catalogue)
    name = _level_name(computation, owner)
    plans = [plan_view(table, computation.periods, rollup_title(table, name), shown, maker.settings)
             for statement in STATEMENTS if (table := computation.tables.table(owner, statement)) is not None]
    members = _members(computation, owner, pages, place.page)
    level = computation.tables.levels.get(owner)
    return BudgetPage(place.page, place.title, plans, groups(maker.listing.lines_of(owner), computation.periods,
                                                               maker.listing.group_order),
                      maker.columns, members, place.nav,
                      level_text(maker, level, place.page) if level is not None else None)


_PLURALS = {"produktgruppe": "produktgruppen", "produktbereich": "produktbereiche"}


def _level_name(computation: Computation, owner: Owner) -> str:
    own = computation.tables.levels.get(owner)  # the level's own file names it first
    if own is not None and own.text("bezeichnung"):
        return own.text("bezeichnung") or ""
    framework = computation.index.framework
    level = _PLURALS.get(owner.level)
    return framework.names(level).get(owner.key, "") if framework and level else ""


def _members(computation: Computation, owner: Owner, pages: dict[str, str], page: str) -> list[Link]:
    table = computation.tables.table(owner, "ergebnisplan") or computation.tables.table(owner, "finanzplan")
    if table is None:
        return []
    listing_products = computation.index.catalogue.product_by_folder()
    links = []
    for member in table.members:
        if member.owner.level == "produkt":
            product = listing_products.get(member.owner.key)
            if product is not None and member.owner.key in pages:
                title = f"{product.number} {product.text('bezeichnung') or ''}".strip()
                links.append(Link(title, relative(page, pages[member.owner.key] + ".html")))
        else:
            label, key = LEVEL_NAMES[member.owner.level], member.owner.key
            name = level_name(label, key, _level_name(computation, member.owner))
            links.append(Link(" ".join(part for part in (label, key, name) if part),
                              relative(page, _budget_page(member.owner) + ".html")))
    return links


def _later_overview(sheets: Sequence[ProductSheet]) -> Later[OverviewRow]:
    rows = functools.cache(lambda: _overview(sheets))
    return Later(lambda: len(rows()), lambda i: rows()[i])


def _overview(sheets: Sequence[ProductSheet]) -> list[OverviewRow]:
    """The product's own Kennzahlen (not those of its Leistungen), as its sheet shows them."""
    rows: list[OverviewRow] = []
    for sheet in sheets:
        link = Link(sheet.title, sheet.page + ".html")
        area = next((" ".join(p for p in ("Produktbereich", level.number, level.name) if p)
                     for level in sheet.hierarchy if level.label == "Produktbereich" and level.number),
                    "Ohne Produktbereich")
        rows.extend(OverviewRow(link, line.name, line.unit, line.cells, area)
                    for group in sheet.figures for line in group.rows)
    return rows


def _programme(maker: SheetMaker, programme: Programme, page: str, product_pages: dict[str, str]) -> ProgrammePage:
    catalogue = maker.computation.index.catalogue
    data = programme.data
    contributors = []
    for product in sorted(catalogue.products, key=lambda p: (canonical(p.number), p.number, p.folder)):
        for ref in texts.mappings(product.data.get("programmbezuege")):
            if text(ref, "programm") == programme.ident and product.folder in product_pages:
                title = f"{product.number} {product.text('bezeichnung') or ''}".strip()
                contributors.append((Link(title, relative(page, product_pages[product.folder] + ".html")),
                                     text(ref, "beitrag")))
    return ProgrammePage(
        ident=programme.ident, page=page, name=programme.text("bezeichnung") or programme.ident,
        art=text(data, "art"), parent=text(data, "uebergeordnet"), situation=text(data, "situation"),
        aim=text(data, "ziel"), goals=maker.goal_views(programme, page),
        measures=texts.sections(data.get("kernmassnahmen")),
        areas=[(text(a, "id"), text(a, "bezeichnung"), text(a, "beschreibung"))
               for a in texts.mappings(data.get("massnahmenbereiche"))],
        contacts=texts.people(data.get("kontakt")), sections=texts.sections(data.get("abschnitte")),
        source=text(data, "quelle"), contributors=contributors)
