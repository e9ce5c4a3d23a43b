"""Every Kennzahl of a catalogue for every column of the plan, each computed once.

Stated values come from ``werte``; a Kennzahl with a ``formel`` is computed for
Ergebnis, Ansatz and Planung, while its Zielwerte stay as stated. A Kennzahl
belongs to one owner (its product, or the Gesamtplan for a catalogue-wide one);
a catalogue-wide Standardkennzahl is computed for every owner with a
Teilergebnisplan: each product, Produktgruppe, Produktbereich and the Gesamtplan.
Values are memoized per (Kennzahl, owner, period), so a Kennzahl used by many
formulas is evaluated once; a cycle (reported by the check stage) yields "kein Wert".
Owners whose inputs are unchanged since a cached run (``known``) are not computed
up front: their values are settled on first read (see ``values``).
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from typing import Any

from produktkatalog.check.plans import tolerance_of
from produktkatalog.compute.engine import Engine, Recorder
from produktkatalog.compute.evaluate import CONTEXT, evaluate_in_context
from produktkatalog.compute.level_checks import level_findings
from produktkatalog.compute.tables import PlanTables, plan_tables
from produktkatalog.compute.values import Key, Series, Values
from produktkatalog.findings import Finding
from produktkatalog.model import Catalogue, Kennzahl
from produktkatalog.model.index import Index
from produktkatalog.model.owners import Owner, home
from produktkatalog.model.values import NoValue, Outcome, Period


@dataclass
class Computation:
    periods: list[Period]
    index: Index
    tables: PlanTables
    values: Values = field(default_factory=Values)
    by_owner: dict[Owner, list[Finding]] = field(default_factory=dict)  # problems, by the owner computed for
    engine: Engine | None = None

    @property
    def findings(self) -> list[Finding]:
        return [finding for found in self.by_owner.values() for finding in found]

    def of(self, figure: Kennzahl, owner: Owner | None = None) -> dict[Period, Outcome]:
        return self.values.get((id(figure), owner or home(figure)), {})

    def trace(self, figure: Kennzahl, owner: Owner, period: Period) -> tuple[Outcome, dict[tuple[Any, ...], Outcome]]:
        """A value with every input its formula read: (Reference, period) and (statement, row, level, period) keys."""
        assert self.engine is not None
        recorder = Recorder(self.engine.inputs(figure, owner))
        tree = figure.tree
        if tree is None or period.wertart == "ziel":
            return self.of(figure, owner).get(period, NoValue("")), {}
        with decimal.localcontext(CONTEXT):
            return evaluate_in_context(tree, period, recorder), recorder.seen

    def previous(self, period: Period) -> Period:
        assert self.engine is not None
        return self.engine.previous(period)

    def owners_of(self, figure: Kennzahl) -> list[Owner]:
        """Where a Kennzahl has values: its home, or every owner a Standardkennzahl was computed for."""
        return sorted(owner for (ident, owner) in self.values if ident == id(figure))


Restore = Callable[[Owner, list[Kennzahl], list[Period]], list[Series] | None]


def compute_catalogue(catalogue: Catalogue, index: Index | None = None, tables: PlanTables | None = None,
                      known: Collection[Owner] = (), restore: Restore | None = None) -> Computation:
    """Every value of every owner; those in ``known`` (whose findings the caller already has) are settled on
    first read, by ``restore`` (their cached values, in the order of the Kennzahlen given) where it has them,
    else by computing them then."""
    index = index or Index.of(catalogue)
    periods = periods_of(catalogue)
    tables = tables or plan_tables(catalogue, index.framework)
    engine = Engine(catalogue, index, tables, periods)
    computation = Computation(periods, index, tables, engine=engine)
    later: dict[Owner, list[Kennzahl]] = {}
    with decimal.localcontext(CONTEXT):
        for figure, owner in figure_owners(catalogue, index, tables):
            if owner in known:
                later.setdefault(owner, []).append(figure)
            else:
                computation.values[(id(figure), owner)] = {period: engine.value(figure, owner, period)
                                                          for period in periods}
    for owner, figures in later.items():
        computation.values.defer(owner, functools.partial(_settle, engine, periods, owner, figures, restore))
    by_owner = {owner: list(found) for owner, found in engine.findings.items()}
    for owner, found in level_findings(tables, periods, tolerance_of(catalogue), catalogue).items():
        by_owner.setdefault(owner, []).extend(found)
    computation.by_owner = {owner: found for owner, found in by_owner.items() if owner not in known}
    return computation


def _settle(engine: Engine, periods: list[Period], owner: Owner, figures: list[Kennzahl],
            restore: Restore | None) -> dict[Key, Series]:
    """An unchanged owner's values: restored, or computed now where nothing fitting was kept."""
    rows = restore(owner, figures, periods) if restore is not None else None
    if rows is None:
        with decimal.localcontext(CONTEXT):
            rows = [{period: engine.value(figure, owner, period) for period in periods} for figure in figures]
    return {(id(figure), owner): row for figure, row in zip(figures, rows, strict=True)}


def periods_of(catalogue: Catalogue) -> list[Period]:
    """The columns of the plan, in the catalogue's order."""
    settings = catalogue.settings
    return [Period(c.wertart, int(c.year)) for c in settings.columns if c.year.isdigit()] if settings else []


def figure_owners(catalogue: Catalogue, index: Index, tables: PlanTables) -> Iterator[tuple[Kennzahl, Owner]]:
    """Each Kennzahl with each owner it is computed for."""
    standard_owners = [owner for (owner, statement) in tables.tables if statement == "ergebnisplan"]
    for figure in catalogue.kennzahlen:
        for owner in _owners(index, figure, standard_owners):
            yield figure, owner


def _owners(index: Index, figure: Kennzahl, standard_owners: list[Owner]) -> list[Owner]:
    if not figure.per_owner:
        return [home(figure)]
    # a product's own Kennzahl of the same Kennung takes the place of the catalogue's
    return [owner for owner in standard_owners
            if owner.level != "produkt" or figure.ident not in index.figures.get((owner.key, None), {})]


