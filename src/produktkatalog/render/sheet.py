"""The Produktblatt of one product: hierarchy, texts, Leistungen, Ziele with Zielerreichung, Kennzahlen, plans."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from produktkatalog.compute import Computation
from produktkatalog.compute.goals import GoalResult, goal_results
from produktkatalog.model import Entry, Leistung, Product, Programme, Settings, canonical
from produktkatalog.model import Level as LevelFile  # views.Level is a line of a sheet's hierarchy
from produktkatalog.model.conventions import display_convention
from produktkatalog.model.owners import STATEMENTS, Owner
from produktkatalog.model.values import Period
from produktkatalog.present.figures import LIGHTS, FigureLine, Listing, shown
from produktkatalog.render import texts
from produktkatalog.render.budget import PLAN_TITLES, plan_view
from produktkatalog.render.fields import extra_fields, sheet_labels
from produktkatalog.render.figures import DIRECTIONS, columns_of, groups, targets, text
from produktkatalog.render.pages import ProductSheet
from produktkatalog.render.paths import relative, slug
from produktkatalog.render.views import (
    Achievement,
    Choice,
    Column,
    FigureGroup,
    Goal,
    LeistungView,
    Level,
    Link,
    Nav,
    ProgrammeRef,
)
from produktkatalog.wording.numbers import with_unit
from produktkatalog.wording.text import level_name, same_text

GOAL_KINDS = {"strategisch": "strategisches Ziel", "operativ": "operatives Ziel"}
LEISTUNG_KINDS = {"intern": "interne Leistung", "extern": "externe Leistung",
                  "intern_und_extern": "interne und externe Leistung"}


@dataclass
class SheetMaker:
    """Builds sheets of one catalogue; shared lookups are made once, an owner's values only when needed."""

    computation: Computation
    programme_pages: dict[str, str]  # programme Kennung → page
    listing: Listing = field(init=False)
    year: int | None = field(init=False)
    by_product: dict[str, list[Leistung]] = field(init=False)
    _goals: dict[str, dict[int, GoalResult]] = field(init=False)  # entry file → position → result

    def __post_init__(self) -> None:
        self.by_product = {}
        for entry in self.computation.index.catalogue.leistungen:
            self.by_product.setdefault(entry.product_folder, []).append(entry)
        self.listing = Listing(self.computation)
        self._goals = {}
        settings = self.computation.index.catalogue.settings
        year = settings.data.get("haushaltsjahr") if settings else None
        self.year = year if isinstance(year, int) and not isinstance(year, bool) else None

    @property
    def periods(self) -> list[Period]:
        return self.computation.periods

    @property
    def settings(self) -> Settings | None:
        return self.computation.index.catalogue.settings

    @property
    def columns(self) -> list[Column]:
        return columns_of(self.periods, self.settings)

    def sheet(self, product: Product, page: str, nav: Nav | None = None) -> ProductSheet:
        data = product.data
        owner = Owner("produkt", product.folder)
        lines = self.listing.lines_of(owner)
        own = [line for line in lines if line.figure.leistung_key is None]
        index = self.computation.index
        obligation = text(data, "aufgabenart")
        labels = index.vocabulary("aufgabenarten")
        goals = self.goal_views(product, page)
        return ProductSheet(
            key=product.folder, number=product.number, name=product.text("bezeichnung") or "",
            title=f"{product.number} {product.text('bezeichnung') or ''}".strip(), page=page,
            hierarchy=self.hierarchy(product), statistics_group=text(data, "statistik_produktgruppe"),
            unit=text(data, "organisationseinheit"), people=texts.people(data.get("verantwortliche")),
            description=text(data, "beschreibung"), basis=texts.strings(data.get("auftragsgrundlage")),
            principal=text(data, "auftraggeber"), obligation=labels.get(obligation, obligation),
            obligation_choices=[Choice(labels.get(c, c), c, c == obligation)
                                for c in texts.strings(data.get("aufgabenarten_zur_auswahl"))],
            product_type=self._product_type(text(data, "produktart")),
            audiences=texts.strings(data.get("zielgruppen")),
            goals=goals, leistungen=self.leistungen(product, lines, page),
            figures=without_goal_targets(groups(own, self.periods, self.listing.group_order), goals),
            columns=self.columns,
            plans=[plan_view(table, self.periods, PLAN_TITLES[statement], display_convention(index.catalogue),
                             self.settings)
                   for statement in STATEMENTS
                   if (table := self.computation.tables.table(owner, statement)) is not None],
            programmes=self.programmes(data.get("programmbezuege"), page),
            strategy=texts.strategy(data.get("strategie")), sections=texts.sections(data.get("abschnitte")),
            source=text(data, "quelle"), nav=nav, fields=extra_fields(product, "produkt", self.settings),
            labels=sheet_labels(self.settings), hide_empty=self.settings is not None and self.settings.flag(
                "leere_felder_ausblenden"))

    def hierarchy(self, product: Product) -> list[Level]:
        placement = self.computation.tables.placement
        framework = self.computation.index.framework
        printed = product.mapping("bezeichnungen_im_dokument")
        group = placement.group(product)
        area = placement.area(group)
        names = framework.names if framework else (lambda level: {})
        main = next((m for m in sorted(names("hauptproduktbereiche")) if area and area.startswith(m)), None)
        levels = []
        if main:
            levels.append(_level("Hauptproduktbereich", main, names("hauptproduktbereiche").get(main, ""),
                                 text(printed, "hauptproduktbereich")))
        levels.append(_level("Produktbereich", area or "", names("produktbereiche").get(area or "", ""),
                             text(printed, "produktbereich")))
        levels.append(_level("Produktgruppe", product.text("produktgruppe") or group or "",
                             names("produktgruppen").get(group or "", ""), text(printed, "produktgruppe")))
        levels.append(Level("Produkt", product.number, product.text("bezeichnung") or ""))
        return levels

    def _product_type(self, ident: str) -> str:
        return self.computation.index.vocabulary("produktarten").get(ident, ident)

    def leistungen(self, product: Product, lines: list[FigureLine], page: str) -> list[LeistungView]:
        """The Leistungen with a file of their own, by number; then those the product only lists (``leistungen``)."""
        views = []
        for entry in sorted(self.by_product.get(product.folder, []), key=lambda e: (e.key, e.number, e.file)):
            own = [line for line in lines if line.figure.leistung_key == entry.key]
            views.append(self.leistung(entry, own, page))
        for position, listed in enumerate(product.items("leistungen"), start=1):
            if isinstance(listed, dict):
                art = text(listed, "art")
                views.append(LeistungView(f"leistung-liste-{position}", "", text(listed, "bezeichnung"),
                                          LEISTUNG_KINDS.get(art, art), text(listed, "beschreibung"), [], [], [], [],
                                          [], ""))
        return views

    def leistung(self, entry: Leistung, lines: list[FigureLine], page: str) -> LeistungView:
        data = entry.data
        art = text(data, "art")
        return LeistungView(
            anchor=f"leistung-{canonical(entry.number) or 'ohne-nummer'}", number=entry.number,
            name=entry.text("bezeichnung") or "", art=LEISTUNG_KINDS.get(art, art),
            description=text(data, "beschreibung"), basis=texts.strings(data.get("auftragsgrundlage")),
            people=texts.people(data.get("verantwortliche")), goals=self.goal_views(entry, page),
            programmes=self.programmes(data.get("programmbezuege"), page),
            figures=groups(lines, self.periods, self.listing.group_order), source=text(data, "quelle"),
            fields=extra_fields(entry, "leistung", self.settings))

    def goal_views(self, entry: Entry, page: str) -> list[Goal]:
        views = []
        for position, goal in enumerate(entry.items("ziele")):
            if isinstance(goal, dict):
                views.append(self.goal(entry, position, goal, page))
        return views

    def goal_result(self, entry: Entry, position: int) -> GoalResult | None:
        """Zielerreichung of a product's, Leistung's or level's Ziel (computed per entry, on first use); None
        otherwise."""
        if not isinstance(entry, (Product, Leistung, LevelFile)):
            return None
        if entry.file not in self._goals:
            self._goals[entry.file] = {g.position: g for g in goal_results(self.computation, [entry])}
        return self._goals[entry.file].get(position)

    def goal(self, entry: Entry, position: int, goal: dict[str, Any], page: str) -> Goal:
        result = self.goal_result(entry, position)
        figures = dict(result.figures) if result else {}
        named = [(written, (figure.text("bezeichnung") or figure.ident) if figure else "")
                 for written, figure in figures.items()]
        ident = text(goal, "id")
        first = next((f for f in figures.values() if f is not None), None)
        tolerance = goal.get("toleranz")
        achievements = self.achievements(result, figures) if result else []
        return Goal(
            anchor=f"ziel-{canonical(getattr(entry, 'number', '')) or 'x'}-{slug(ident) if ident else position + 1}",
            ident=ident, number=text(goal, "nummer"), art=GOAL_KINDS.get(text(goal, "art"), text(goal, "art")),
            title=text(goal, "titel"),
            text=self.listing.filled_text(result, self.year) if result else text(goal, "text"),
            field=text(goal, "zielfeld"), figures=named,
            direction=DIRECTIONS.get(text(goal, "richtung"), text(goal, "richtung")),
            tolerance=with_unit(Decimal(tolerance), "%", 1)
            if isinstance(tolerance, (int, Decimal)) and not isinstance(tolerance, bool) else "",
            targets=_not_in(targets(first, goal.get("zielwerte")) if first else _plain_targets(goal.get("zielwerte")),
                            achievements),
            achievements=achievements,
            programmes=self.programmes(goal.get("programmbezuege"), page))

    def achievements(self, result: GoalResult, figures: dict[str, Any]) -> list[Achievement]:
        views = []
        for written, found in sorted(result.achievements.items()):
            figure = figures.get(written)
            if figure is None:
                continue
            name = figure.text("bezeichnung") or figure.ident
            for item in found:
                degree = with_unit(item.degree, "%", 1) if item.degree is not None else "—"
                views.append(Achievement(name, str(item.period), shown(item.target, figure),
                                         shown(item.actual, figure), degree,
                                         LIGHTS.get(item.light or "", "—"), item.light or "offen"))
        return views

    def programmes(self, value: Any, page: str) -> list[ProgrammeRef]:
        refs = []
        for item in texts.mappings(value):
            ident = text(item, "programm")
            programme = self.computation.index.programmes.get(ident)
            href = relative(page, self.programme_pages[ident] + ".html") if ident in self.programme_pages else ""
            refs.append(ProgrammeRef(_programme_name(programme, ident), ident, href, text(item, "beitrag"),
                                     _areas(programme, texts.strings(item.get("massnahmenbereiche")), href)))
        return refs


def _programme_name(programme: Programme | None, ident: str) -> str:
    return (programme.text("bezeichnung") or ident) if programme else ident


def _areas(programme: Programme | None, idents: list[str], href: str) -> list[Link]:
    names = {text(a, "id"): text(a, "bezeichnung") for a in programme.items("massnahmenbereiche")
             if isinstance(a, dict)} if programme else {}
    return [Link(names.get(ident) or ident, f"{href}#bereich-{ident}" if href and ident in names else "")
            for ident in idents]


def without_goal_targets(groups: list[FigureGroup], goals: list[Goal]) -> list[FigureGroup]:
    """One place per fact: a Kennzahl's Zielwerte are shown with the Ziel that names it, not again below its table."""
    named = {written for goal in goals if goal.targets or goal.achievements for written, _ in goal.figures}
    return [replace(group, rows=[replace(row, targets=[]) if row.ident in named else row for row in group.rows])
            for group in groups]


def _not_in(found: list[tuple[str, str]], achievements: list[Achievement]) -> list[tuple[str, str]]:
    """Zielwerte of the years the Zielerreichung table does not already show."""
    shown = {a.column.rsplit(" ", 1)[-1] for a in achievements}
    return [(year, value) for year, value in found if year not in shown]


def _plain_targets(value: Any) -> list[tuple[str, str]]:
    if not isinstance(value, dict):
        return []
    return [(str(year), str(value[year]).replace(".", ",") if value[year] is not None else "—")
            for year in sorted(value, key=str)]


def _level(label: str, number: str, name: str, printed: str) -> Level:
    """A level of the hierarchy; the document's own wording only where it differs from the name."""
    return Level(label, number, level_name(label, number, name), "" if same_text(printed, name) else printed)
