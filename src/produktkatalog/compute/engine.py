"""The engine behind ``compute_catalogue``: one value of one Kennzahl for one owner and column, memoized.

A Kennzahl with a formula is computed in the catalogue's columns (never for
Zielwerte, never outside the columns: a stock read with ``vorjahr`` stops at the
first column); elsewhere its stated value stands. A value stated next to the
formula is compared with it (K220) and stands where the formula gives kein Wert.
Inputs are computed as a formula reads them up to ``_DIRECT_DEPTH`` Kennzahlen deep;
below that a chain is computed from its end with a list as stack, so no chain of
Kennzahlen, however long, needs a deeper Python stack. A cycle (reported by the
check stage as K210) yields kein Wert.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from produktkatalog.compute.evaluate import Program, compile_formula, run
from produktkatalog.compute.stated import differs
from produktkatalog.compute.tables import PlanTables, Table
from produktkatalog.findings import Finding, error
from produktkatalog.model import Catalogue, Kennzahl
from produktkatalog.model.formula import Reference
from produktkatalog.model.formula.reads import shifted_references
from produktkatalog.model.index import Index, Scope, scope_of
from produktkatalog.model.owners import LEVEL_NAMES, Owner, home
from produktkatalog.model.plan_rows import STATEMENT_NAMES, stated
from produktkatalog.model.row_templates import ROLES, Row
from produktkatalog.model.types import EURO
from produktkatalog.model.values import NoValue, Outcome, Period

_IN_PROGRESS = NoValue("Zirkelbezug: die Kennzahl hängt von sich selbst ab.")
_DIRECT_DEPTH = 24  # Kennzahlen computed inside each other before a chain is computed from its end


class Engine:
    def __init__(self, catalogue: Catalogue, index: Index, tables: PlanTables, periods: list[Period]) -> None:
        self.index = index
        self.tables = tables
        self.memo: dict[tuple[int, Owner, Period], Outcome] = {}
        self.findings: dict[Owner, list[Finding]] = {}
        self.products = catalogue.product_by_folder()
        settings = catalogue.settings
        self.residents = settings.mapping("einwohner") if settings else {}
        self.columns = frozenset(periods)
        self.column_of_year = {p.year: p for p in reversed(periods)}  # first column of a year wins
        self.programs: dict[int, Program] = {}  # by id of the formula's tree
        self.depth = 0  # Kennzahlen being computed inside each other
        self.reads: dict[tuple[int, Owner], list[tuple[Kennzahl, Owner, int]]] = {}
        self.rows: dict[tuple[int, str], Row | None] = {}  # (id of a template, number or role) → its row

    def previous(self, period: Period) -> Period:
        before = self.column_of_year.get(period.year - 1)
        return before if before is not None and period.wertart != "ziel" else period.previous()

    def value(self, figure: Kennzahl, owner: Owner, period: Period) -> Outcome:
        """A value, memoized. Inputs are computed as the formula reads them, up to ``_DIRECT_DEPTH`` Kennzahlen
        deep; below that a chain is computed depth first with a list as stack, inputs first (``_deep``), so a
        chain of Kennzahlen each reading the next needs no deeper Python stack however long it is."""
        key = (id(figure), owner, period)
        found = self.memo.get(key)
        if found is not None:
            return found
        if self.depth >= _DIRECT_DEPTH:
            return self._deep(figure, owner, period)
        self.memo[key] = _IN_PROGRESS  # read by a cycle (K210)
        self.depth += 1
        try:
            self.memo[key] = outcome = self._compute(figure, owner, period)
        finally:
            self.depth -= 1
        return outcome

    def _deep(self, figure: Kennzahl, owner: Owner, period: Period) -> Outcome:
        pending: list[tuple[Kennzahl, Owner, Period, bool]] = [(figure, owner, period, False)]
        while pending:
            next_figure, next_owner, next_period, ready = pending.pop()
            current = (id(next_figure), next_owner, next_period)
            if ready:
                self.memo[current] = self._compute(next_figure, next_owner, next_period)
            elif current not in self.memo:  # else done, or in progress: a cycle (K210), read as _IN_PROGRESS
                self.memo[current] = _IN_PROGRESS
                pending.append((next_figure, next_owner, next_period, True))
                pending.extend((target, where, self._back(next_period, shift), False)
                               for target, where, shift in self._inputs_of(next_figure, next_owner, next_period))
        return self.memo[(id(figure), owner, period)]

    def _back(self, period: Period, years: int) -> Period:
        for _ in range(years):
            period = self.previous(period)
        return period

    def _computes(self, figure: Kennzahl, period: Period) -> bool:
        """Whether the formula gives the value: in the catalogue's columns, never for Zielwerte."""
        return figure.parsed is not None and period.wertart != "ziel" and period in self.columns

    def _inputs_of(self, figure: Kennzahl, owner: Owner, period: Period) -> list[tuple[Kennzahl, Owner, int]]:
        """The Kennzahlen the formula reads for ``owner``, each with how many years back."""
        if not self._computes(figure, period) or figure.tree is None:
            return []
        key = (id(figure), owner)
        if key not in self.reads:
            inputs = self.inputs(figure, owner)
            found = []
            for reference, shift in shifted_references(figure.tree):
                target = inputs.target(reference)
                if isinstance(target, tuple):
                    found.append((*target, shift))
            self.reads[key] = found
        return self.reads[key]

    def _program(self, figure: Kennzahl) -> Program | None:
        tree = figure.tree
        if tree is None:
            return None
        program = self.programs.get(id(tree))
        if program is None:
            program = self.programs[id(tree)] = compile_formula(tree)
        return program

    def _compute(self, figure: Kennzahl, owner: Owner, period: Period) -> Outcome:
        """The formula's value in the catalogue's columns, else the stated one. A stated value next to the formula
        is compared with it (K220) and stands where the formula gives kein Wert, e.g. the start of a stock."""
        if not self._computes(figure, period):
            return stated(figure.mapping("werte").get(period.wertart), period, figure.ident)
        if figure.per_owner and (off := self._not_in_euros(figure, owner)) is not None:
            return off
        program = self._program(figure)
        if program is None:
            return NoValue("Die Formel ist fehlerhaft.")  # reported by the check stage
        outcome = run(program, period, self.inputs(figure, owner))
        if isinstance(outcome, NoValue) and outcome.problem:
            self.findings.setdefault(owner, []).append(self._problem(figure, owner, period, outcome))
            return NoValue(outcome.reason)
        by_year = figure.mapping("werte").get(period.wertart) if not figure.per_owner else None
        if not by_year:
            return outcome
        written = stated(by_year, period, figure.ident)
        if not isinstance(written, Decimal):
            return outcome
        if isinstance(outcome, NoValue):
            return written
        if (finding := differs(figure, period, written, outcome)) is not None:
            self.findings.setdefault(owner, []).append(finding)
        return outcome

    def _not_in_euros(self, figure: Kennzahl, owner: Owner) -> NoValue | None:
        """A Standardkennzahl in euros has no value for a plan in T€ or EUR je Einwohner (a ratio, in %, has)."""
        unit = figure.text("einheit") or ""
        table = self.tables.table(owner, "ergebnisplan")
        if not unit.startswith(EURO) or table is None or table.unit == EURO:
            return None
        shown = f"in {table.unit}" if table.unit else "in verschiedenen Einheiten"
        return NoValue(f"Der Teilergebnisplan von {self.owner_name(owner)} steht {shown}; „"
                       f"{figure.text('bezeichnung') or figure.ident}“ braucht Beträge in EUR.")

    def inputs(self, figure: Kennzahl, owner: Owner) -> _Inputs:
        scope = (owner.key, None) if figure.per_owner and owner.level == "produkt" else scope_of(figure)
        return _Inputs(self, scope, owner, figure.mapping("einwohner") or self.residents)

    def _problem(self, figure: Kennzahl, owner: Owner, period: Period, outcome: NoValue) -> Finding:
        where = f" ({self.owner_name(owner)})" if figure.per_owner else ""
        return error("K215", figure.file, f"„{figure.ident}“{where} lässt sich für {period} nicht berechnen: "
                     f"{outcome.reason}", "Prüfen Sie die Formel und die Eingangswerte dieses Jahres; verwenden Sie "
                     "teile(a, b), wenn 0 ein möglicher Nenner ist.",
                     path=() if figure.shipped else ("formel",), offset=None if figure.shipped else outcome.offset)

    def row(self, owner: Owner, statement: str, name: str, level: str | None, period: Period) -> Outcome:
        target = self.tables.lifted(owner, level or owner.level)
        table = self.tables.table(target, statement) if target else None
        if table is None:
            return NoValue(f"{self.owner_name(target or owner)} hat keinen {STATEMENT_NAMES[statement]}.")
        key = (id(table.template), name)
        row = self.rows[key] if key in self.rows else self.rows.setdefault(key, table.template.row(name))
        if row is None:
            return _missing_row(table, name)
        return table.value(row.number, period)

    def owner_name(self, owner: Owner) -> str:
        if owner.level == "produkt":
            product = self.products.get(owner.key)
            return f"Produkt {product.number}".rstrip() if product and product.number else f"Produkt {owner.key}"
        return f"{LEVEL_NAMES[owner.level]} {owner.key}".rstrip()


def _missing_row(table: Table, name: str) -> NoValue:
    template = table.template
    if name in ROLES:  # a Land's template may lack a role; that is no mistake of the catalogue
        return NoValue(f"Die Zeilenvorlage „{template.name}“ ordnet der Rolle „{name}“ keine Zeile zu.")
    return NoValue(f"Die Zeile „{name}“ gibt es in der Zeilenvorlage „{template.name}“ nicht.", problem=True)


@dataclass
class _Inputs:
    engine: Engine
    scope: Scope
    owner: Owner
    residents: dict[str, Any]  # what „einwohner“ means here: the Kennzahl's own basis, else the catalogue's

    def target(self, reference: Reference) -> tuple[Kennzahl, Owner] | str | None:
        """The Kennzahl a name means here and the owner it is computed for; ``"builtin"`` or None otherwise."""
        target = self.engine.index.resolve(reference, self.scope)
        if not isinstance(target, Kennzahl):
            return target
        return target, self.owner if target.per_owner else home(target)

    def figure(self, reference: Reference, period: Period) -> Outcome:
        target = self.target(reference)
        if target == "builtin":
            return stated(self.residents, period, reference.name)
        if not isinstance(target, tuple):
            return NoValue(f"„{reference.text}“ gibt es nicht.")
        outcome = self.engine.value(*target, period)
        return NoValue(_through(reference.text, outcome.reason)) if isinstance(outcome, NoValue) else outcome

    def row(self, statement: str, name: str, level: str | None, period: Period) -> Outcome:
        return self.engine.row(self.owner, statement, name, level, period)

    def previous(self, period: Period) -> Period:
        return self.engine.previous(period)


def _through(name: str, reason: str) -> str:
    """"name: reason"; along a long chain of Kennzahlen the first names, "…", and the last ones with the cause."""
    chained = f"{name}: {reason}"
    marker = chained.find(_SKIPPED)
    if marker >= 0:  # the front holds names only
        return "".join(f"{hop}: " for hop in chained[:marker].split(": ")[:_FRONT]) + chained[marker:]
    if len(chained) <= _LONGEST_REASON:
        return chained
    hops = chained.split(": ", _FRONT)
    return "".join(f"{hop}: " for hop in hops[:_FRONT]) + _SKIPPED + hops[_FRONT]


_LONGEST_REASON = 400
_FRONT = 3  # names kept before "…"
_SKIPPED = "…: "


@dataclass
class Recorder:
    inputs: _Inputs
    seen: dict[tuple[Any, ...], Outcome] = field(default_factory=dict)

    def figure(self, reference: Reference, period: Period) -> Outcome:
        self.seen[(reference, period)] = value = self.inputs.figure(reference, period)
        return value

    def row(self, statement: str, name: str, level: str | None, period: Period) -> Outcome:
        self.seen[(statement, name, level, period)] = value = self.inputs.row(statement, name, level, period)
        return value

    def previous(self, period: Period) -> Period:
        return self.inputs.previous(period)
