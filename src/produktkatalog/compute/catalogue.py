"""Every Kennzahl of a catalogue for every column of the plan, each computed once.

Stated values come from ``werte``; a Kennzahl with a ``formel`` is computed for
Ergebnis, Ansatz and Planung, while its Zielwerte stay as stated. Values are
memoized per (Kennzahl, period), so a Kennzahl used by many formulas is
evaluated once; a cycle (reported by the check stage) yields "kein Wert".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from produktkatalog.check.index import Index, Scope, scope_of
from produktkatalog.compute.evaluate import NoValue, Outcome, Period, evaluate
from produktkatalog.compute.rows import row_value, stated
from produktkatalog.findings import Finding, error
from produktkatalog.formula import Reference, TokenError, parse
from produktkatalog.model import Catalogue, Kennzahl, Plan, template_of

_IN_PROGRESS = NoValue("Zirkelbezug: die Kennzahl hängt von sich selbst ab.")


@dataclass
class Computation:
    periods: list[Period]
    values: dict[int, dict[Period, Outcome]] = field(default_factory=dict)  # id(Kennzahl) → period → value
    findings: list[Finding] = field(default_factory=list)

    def of(self, figure: Kennzahl) -> dict[Period, Outcome]:
        return self.values.get(id(figure), {})


def compute_catalogue(catalogue: Catalogue, index: Index | None = None) -> Computation:
    index = index or Index.of(catalogue)
    settings = catalogue.settings
    periods = [Period(c.kind, int(c.year)) for c in settings.columns if c.year.isdigit()] if settings else []
    engine = _Engine(catalogue, index)
    computation = Computation(periods)
    for figure in catalogue.kennzahlen:
        computation.values[id(figure)] = {period: engine.value(figure, period) for period in periods}
    computation.findings = engine.findings
    return computation


class _Engine:
    def __init__(self, catalogue: Catalogue, index: Index) -> None:
        self.index = index
        self.memo: dict[tuple[int, Period], Outcome] = {}
        self.findings: list[Finding] = []
        self.plans = {plan.product_folder: plan for plan in catalogue.plans if plan.kind == "ergebnisplan"}
        self.templates = {id(plan): template_of(plan, catalogue) for plan in self.plans.values()}
        settings = catalogue.settings
        self.residents = settings.mapping("einwohner") if settings else {}

    def value(self, figure: Kennzahl, period: Period) -> Outcome:
        key = (id(figure), period)
        if key not in self.memo:
            self.memo[key] = _IN_PROGRESS
            self.memo[key] = self._compute(figure, period)
        return self.memo[key]

    def _compute(self, figure: Kennzahl, period: Period) -> Outcome:
        formula = figure.text("formel")
        if formula is None or period.kind == "ziel":
            return stated(figure.mapping("werte").get(period.kind), period, figure.ident)
        try:
            tree = parse(formula)
        except TokenError:
            return NoValue("Die Formel ist fehlerhaft.")  # reported by the check stage
        outcome = evaluate(tree, period, _Inputs(self, scope_of(figure)))
        if isinstance(outcome, NoValue) and outcome.problem:
            self.findings.append(error("K215", figure.file, f"„{figure.ident}“ lässt sich für {period} nicht "
                                       f"berechnen: {outcome.reason}", "Prüfen Sie die Eingangswerte dieses Jahres "
                                       "oder verwenden Sie teile(a, b), wenn 0 ein möglicher Nenner ist.",
                                       path=("formel",), offset=outcome.offset))
            return NoValue(outcome.reason)
        return outcome

    def row(self, scope: Scope, number: str, period: Period) -> Outcome:
        plan: Plan | None = self.plans.get(scope[0] or "")
        if plan is None:
            return NoValue(f"Das Produkt hat keinen Teilergebnisplan (Zeile {number}, {period}).")
        return row_value(self.templates[id(plan)], plan.mapping("zeilen"), number, period)


@dataclass
class _Inputs:
    engine: _Engine
    scope: Scope

    def figure(self, reference: Reference, period: Period) -> Outcome:
        target = self.engine.index.resolve(reference, self.scope)
        if target == "builtin":
            return stated(self.engine.residents, period, reference.name)
        if not isinstance(target, Kennzahl):
            return NoValue(f"„{reference.text}“ gibt es nicht.")
        outcome = self.engine.value(target, period)
        return NoValue(f"{reference.text}: {outcome.reason}") if isinstance(outcome, NoValue) else outcome

    def row(self, number: str, period: Period) -> Outcome:
        return self.engine.row(self.scope, number, period)

