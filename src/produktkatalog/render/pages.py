"""The pages' own context: a sheet, the product tree, programme and Haushalt pages, the catalogue site.

Built from the parts in ``views``; ``VIEW_TYPES`` lists every class a template may read.
The site's lists of sheets, programme and Haushalt pages and of overview rows are ``Later``
sequences: each item is built the first time anything reads it, so a run that renders one
sheet builds one sheet, while a template that reads every page still gets every page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar, overload

from produktkatalog.render.views import (
    Achievement,
    Bar,
    BarChart,
    Cell,
    Chart,
    Choice,
    Column,
    ExtraField,
    FigureGroup,
    FigurePart,
    FigureRow,
    Format,
    Goal,
    Grant,
    Labels,
    LeistungView,
    Level,
    LevelText,
    Link,
    Nav,
    Partner,
    Person,
    PlanRow,
    PlanView,
    ProgrammeRef,
    Ranked,
    Section,
    Strategy,
    Theme,
    Tick,
    Tile,
    Treemap,
)

T = TypeVar("T")


class Later(Sequence[T], Generic[T]):
    """Items made on first read and kept: item ``i`` by ``make(i)``.

    ``count`` is the number of items, or a function giving it when it is known only once something is built
    (the overview's rows, which come from the sheets).
    """

    def __init__(self, count: int | Callable[[], int], make: Callable[[int], T]) -> None:
        self._count = count
        self._made: dict[int, T] = {}
        self._make = make

    def __len__(self) -> int:
        if callable(self._count):
            self._count = self._count()
        return self._count

    @overload
    def __getitem__(self, position: int) -> T: ...

    @overload
    def __getitem__(self, position: slice) -> list[T]: ...

    def __getitem__(self, position: int | slice) -> T | list[T]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        index = range(len(self))[position]
        if index not in self._made:
            self._made[index] = self._make(index)
        return self._made[index]

    def __iter__(self) -> Iterator[T]:
        return (self[i] for i in range(len(self)))


@dataclass
class ProductSheet:
    """Everything a Produktblatt shows."""

    key: str
    number: str
    name: str
    title: str
    page: str  # path without suffix, relative to the catalogue's site folder
    hierarchy: list[Level]
    statistics_group: str
    unit: str
    people: list[Person]
    description: str
    basis: list[str]
    principal: str
    obligation: str
    obligation_choices: list[Choice]
    product_type: str
    audiences: list[str]
    goals: list[Goal]
    leistungen: list[LeistungView]
    figures: list[FigureGroup]
    columns: list[Column]
    plans: list[PlanView]
    programmes: list[ProgrammeRef]
    strategy: Strategy | None
    sections: list[Section]
    source: str
    nav: Nav | None = None
    fields: list[ExtraField] = field(default_factory=list)  # the catalogue's own fields (``felder``)
    labels: Labels = field(default_factory=Labels)
    hide_empty: bool = False  # leere_felder_ausblenden: no "—" for an empty standard field


@dataclass(frozen=True)
class TreeNode:
    label: str
    number: str
    name: str
    anchor: str
    href: str  # the roll-up page, "" if none
    children: list[TreeNode] = field(default_factory=list)
    products: list[Link] = field(default_factory=list)


@dataclass(frozen=True)
class ProgrammePage:
    ident: str
    page: str
    name: str
    art: str
    parent: str
    situation: str
    aim: str
    goals: list[Goal]
    measures: list[Section]
    areas: list[tuple[str, str, str]]  # (Kennung, Bezeichnung, Beschreibung)
    contacts: list[Person]
    sections: list[Section]
    source: str
    contributors: list[tuple[Link, str]]  # (product, Beitrag)


@dataclass(frozen=True)
class BudgetPage:
    page: str
    title: str
    plans: list[PlanView]
    figures: list[FigureGroup]
    columns: list[Column]
    members: list[Link]
    nav: Nav
    text: LevelText | None = None  # the level's own file: description, Ziele, Verantwortliche, Abschnitte


@dataclass(frozen=True)
class OverviewRow:
    product: Link
    figure: str
    unit: str
    cells: list[Cell]
    area: str = ""  # the product's Produktbereich: the overview is grouped by it


@dataclass
class CatalogueSite:
    """One catalogue's pages and the facts its index shows."""

    name: str
    folder: str  # relative to the output root; "" when it is the only catalogue
    facts: list[tuple[str, str]]
    source: str
    rules: list[tuple[str, str]]
    columns: list[Column]
    tree: list[TreeNode]
    unplaced: list[Link]
    products: Sequence[ProductSheet]
    programmes: Sequence[ProgrammePage]
    budgets: Sequence[BudgetPage]
    overview: Sequence[OverviewRow]
    top: Link | None = None
    year: str = ""  # the Haushaltsjahr, which tells apart catalogues of one municipality
    stand: str = ""  # the state of the plan as the catalogue states it ("Entwurf, 15.09.2025")
    spending: Treemap | None = None  # ordentliche Aufwendungen by Produktbereich → Produktgruppe → Produkt
    subsidy: BarChart | None = None  # Zuschussbedarf by Produktbereich
    shared_figures: list[FigureRow] = field(default_factory=list)  # the Standardkennzahlen, explained once
    search: str = ""  # from the catalogue's index to the search index folder ("pagefind/"); "" without search


VIEW_TYPES = frozenset({Link, Nav, Level, Person, Column, Cell, Bar, Tick, Chart, Tile, Treemap, Ranked, BarChart,
                        Choice, FigureRow, FigureGroup, Achievement, ProgrammeRef, Goal, PlanRow, PlanView, Section,
                        Partner, Format, Theme, Grant, Strategy, ExtraField, Labels, FigurePart,
                        LeistungView, LevelText, ProductSheet, TreeNode,
                        ProgrammePage, BudgetPage, OverviewRow, CatalogueSite})
