"""A computed catalogue as flat records: every plan value of every level, every Kennzahl value, every
Zielerreichung, each with its Kommune and owner. The export formats only lay these records out.

Plan levels follow ``model.owners.LEVELS`` (Produkt, Produktgruppe, Produktbereich, Gesamtplan, Teilhaushalt). A
level's table is its stated plan where nothing below it has one (origin „angegeben“), else the roll-up.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from produktkatalog.compute import Computation
from produktkatalog.compute.goals import GoalResult
from produktkatalog.compute.tables import Table
from produktkatalog.model.conventions import CANONICAL, display_convention, factors
from produktkatalog.model.owners import LEVELS, Owner
from produktkatalog.model.plan_rows import PlanColumn, stated_cell
from produktkatalog.model.row_templates import Row
from produktkatalog.model.template_choice import budget_year
from produktkatalog.model.values import NoValue, Outcome, Period
from produktkatalog.present.figures import FigureLine, Listing, shown

PLAN_SOURCES = {"ergebnisplan": "teilergebnisplan", "finanzplan": "teilfinanzplan"}
STATED, COMPUTED, ROLLED_UP = "angegeben", "berechnet", "summe"  # where a plan value comes from


@dataclass(frozen=True)
class Holder:
    """Whose values: level, number and name, and the Produktgruppe and -bereich above it."""

    level: str  # produkt, produktgruppe, produktbereich, gesamt, teilhaushalt
    number: str
    name: str
    group: str = ""
    group_name: str = ""
    area: str = ""
    area_name: str = ""


@dataclass(frozen=True)
class PlanValue:
    holder: Holder
    statement: str  # ergebnisplan, finanzplan
    template: str  # the row template's Kennung
    row: str
    row_name: str
    nature: str  # ertrag, aufwand, einzahlung, auszahlung, summe, darunter
    period: Period
    value: Decimal  # canonical: Aufwendungen negativ (model.conventions)
    origin: str  # angegeben, berechnet (a product's sum row), summe (a roll-up)
    shown: Decimal | None = None  # the value in the catalogue's anzeige convention
    unit: str = "EUR"  # the plan's einheit: EUR, EUR je Einwohner, T€

    @property
    def displayed(self) -> Decimal:
        return self.value if self.shown is None else self.shown


@dataclass(frozen=True)
class FigureValue:
    holder: Holder
    line: FigureLine
    period: Period
    value: Outcome

    @property
    def display(self) -> str:
        return shown(self.value, self.line.figure) if isinstance(self.value, Decimal) else ""


@dataclass(frozen=True)
class Catalogue:
    """One computed catalogue as the export sees it."""

    kommune: str
    year: int | None  # Haushaltsjahr
    periods: list[Period]
    listing: Listing
    convention: str = CANONICAL  # how pages show amounts (vorzeichen.anzeige); ``PlanValue.displayed`` follows it

    @classmethod
    def of(cls, computation: Computation) -> Catalogue:
        settings = computation.index.catalogue.settings
        kommune = settings.text("kommune") or "" if settings else ""
        catalogue = computation.index.catalogue
        return cls(kommune, budget_year(catalogue), list(computation.periods), Listing(computation),
                   display_convention(catalogue))

    @property
    def computation(self) -> Computation:
        return self.listing.computation

    def holder(self, owner: Owner) -> Holder:
        listing, tables = self.listing, self.computation.tables
        number = listing.number(owner)
        group = tables.lifted(owner, "produktgruppe") if owner.level == "produkt" else None
        area = tables.lifted(owner, "produktbereich") if owner.level in ("produkt", "produktgruppe") else None
        return Holder(owner.level, number, listing.name(owner),
                      group.key if group else "", listing.name(group) if group else "",
                      area.key if area else "", listing.name(area) if area else "")

    def tables(self, level: str) -> list[Table]:
        """The plan tables of a level, in number order, Teilergebnisplan before Teilfinanzplan."""
        found = [table for (owner, _), table in self.computation.tables.tables.items() if owner.level == level]
        return sorted(found, key=lambda t: (self.listing.number(t.owner), t.owner.key, t.statement))

    def plan_values(self, level: str | None = None, origins: bool = True) -> Iterator[PlanValue]:
        """Every value of every plan table; ``origins=False`` leaves ``origin`` empty (it costs a recomputation
        of each product's sum rows)."""
        for current in (LEVELS if level is None else (level,)):
            for table in self.tables(current):
                yield from self._table_values(table, origins)

    def _table_values(self, table: Table, origins: bool) -> Iterator[PlanValue]:
        holder = self.holder(table.owner)
        columns = [(period, table.column(period)) for period in self.periods]
        signs = factors(table.template, self.convention)
        for row in table.template.rows:
            for period, column in columns:
                value = column.amount(row.number)
                if value is not None and row.number not in column.blank:  # a blank row: nothing planned
                    yield PlanValue(holder, table.statement, table.template.ident, row.number, row.name, row.nature,
                                    period, value, _origin(table, row, column, period) if origins else "",
                                    -value if signs[row.number] == -1 else None, table.unit)

    def figure_values(self) -> Iterator[FigureValue]:
        holders: dict[Owner, Holder] = {}
        for line in self.listing.lines():
            holder = holders.get(line.owner) or holders.setdefault(line.owner, self.holder(line.owner))
            for period in self.periods:
                yield FigureValue(holder, line, period, line.values.get(period, NoValue("")))

    def goals(self) -> list[GoalResult]:
        return self.listing.goals()


def _origin(table: Table, row: Row, column: PlanColumn, period: Period) -> str:
    if table.plan is None:
        return ROLLED_UP
    if row.parts and not column.blank.issuperset(row.parts):  # a sum of its rows (see model.plan_rows)
        return COMPUTED
    return STATED if isinstance(stated_cell(table.rows, row.number, period), Decimal) else COMPUTED


def catalogues(computations: list[Computation]) -> list[Catalogue]:
    return [Catalogue.of(computation) for computation in computations]
