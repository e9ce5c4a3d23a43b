"""Zielerreichung: each Ziel's Zielkennzahlen against their Zielwerte, per year, with an Ampel.

The value compared is the Kennzahl's value in the column of that year (Ergebnis
where the year is closed, else Ansatz or Planung). The Zielwert is the Ziel's own
``zielwerte`` for that year, else the Kennzahl's ``werte: ziel``.

- Zielerreichungsgrad: Wert ÷ Zielwert × 100 (niedriger_besser: Zielwert ÷ Wert × 100).
- Ampel grün: the Zielwert is reached or beaten (without a richtung: met exactly).
- Ampel gelb: missed by at most the tolerance, in % of the Zielwert (``toleranz`` of the
  Ziel, else ``zieltoleranz`` of the catalogue, else 5 %).
- Ampel rot: missed by more.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from produktkatalog.compute.catalogue import Computation
from produktkatalog.compute.evaluate import CONTEXT
from produktkatalog.model import Kennzahl, Leistung, Level, Product, listed
from produktkatalog.model.formula.reads import named_reference
from produktkatalog.model.owners import Owner, home, level_owner
from produktkatalog.model.plan_rows import stated
from produktkatalog.model.values import NoValue, Outcome, Period

DEFAULT_TOLERANCE = Decimal(5)
GAP = re.compile(r"_{2,}")  # a blank as printed in a goal text, e.g. "Stufe __"
_BASIS_ORDER = ("ergebnis", "ansatz", "planung", "betrag")


@dataclass(frozen=True)
class Achievement:
    period: Period  # the column compared: its Wertart and year
    target: Outcome  # kein Wert where the Zielwert is written as ~
    actual: Outcome
    degree: Decimal | None  # Zielerreichungsgrad in %
    light: str | None  # gruen, gelb, rot; None without a value to compare


@dataclass
class GoalResult:
    entry: Product | Leistung | Level
    position: int  # in the entry's ziele
    goal: dict[str, Any]
    figures: list[tuple[str, Kennzahl | None]]  # the Zielkennzahlen as written, and what they name
    achievements: dict[str, list[Achievement]] = field(default_factory=dict)  # by Zielkennzahl as written
    gaps: dict[int, list[Outcome]] = field(default_factory=dict)  # year → values for the blanks in the text

    @property
    def owner(self) -> Owner:
        """The owner the Ziel belongs to: its product (also for a Leistung's Ziel), or its level."""
        return goal_owner(self.entry)


Goaled = Product | Leistung | Level  # what has Ziele with Zielkennzahlen


def goal_owner(entry: Goaled) -> Owner:
    if isinstance(entry, Level):
        return level_owner(entry)
    return Owner("produkt", entry.folder if isinstance(entry, Product) else entry.product_folder)


def goal_scope(entry: Goaled) -> tuple[str, str | None]:
    """Where a Ziel's Zielkennzahlen are looked up (see ``Index.resolve``)."""
    if isinstance(entry, (Product, Level)):
        return entry.folder, None
    return entry.product_folder, entry.key


def goal_results(computation: Computation, entries: Sequence[Goaled] | None = None) -> list[GoalResult]:
    """The results of every Ziel of ``entries`` (default: every product, Leistung and level file), in their
    order."""
    catalogue = computation.index.catalogue
    settings = catalogue.settings
    default = _decimal(settings.data.get("zieltoleranz")) if settings else None
    default = DEFAULT_TOLERANCE if default is None else default
    years = _column_periods(computation.periods)
    results = []
    everything: list[Goaled] = [*catalogue.products, *catalogue.leistungen, *catalogue.levels]
    for entry in everything if entries is None else entries:
        for position, goal in enumerate(entry.items("ziele")):
            if isinstance(goal, dict):
                results.append(_result(computation, entry, position, goal, years, default))
    return results


def named_figures(computation: Computation, entry: Goaled) -> list[Kennzahl]:
    """The Kennzahlen that the Ziele of ``entry`` name as Zielkennzahlen."""
    scope = goal_scope(entry)
    return [figure for goal in entry.items("ziele") if isinstance(goal, dict)
            for text in listed(goal.get("kennzahlen"))
            if isinstance(text, str) and (figure := _resolve(computation, text, scope)) is not None]


def _column_periods(periods: list[Period]) -> dict[int, Period]:
    """The column each year is judged in: Ergebnis before Ansatz before Planung."""
    chosen: dict[int, Period] = {}
    for period in sorted(periods, key=lambda p: _BASIS_ORDER.index(p.wertart) if p.wertart in _BASIS_ORDER else 9):
        chosen.setdefault(period.year, period)
    return chosen


def _result(computation: Computation, entry: Goaled, position: int, goal: dict[str, Any],
            years: dict[int, Period], tolerance: Decimal) -> GoalResult:
    scope = goal_scope(entry)
    named = [(text, _resolve(computation, text, scope)) for text in listed(goal.get("kennzahlen"))
             if isinstance(text, str)]
    result = GoalResult(entry, position, goal, named)
    owner = goal_owner(entry)
    own = _decimal(goal.get("toleranz"))
    tolerance = tolerance if own is None else own
    for text, figure in named:
        if figure is not None:
            values = computation.of(figure, owner if figure.per_owner else home(figure))
            result.achievements[text] = [
                achievement for period in years.values()
                if (achievement := _achievement(goal, figure, values, period, tolerance)) is not None]
    result.gaps = _gaps(goal, next((figure for _, figure in named if figure is not None), None), years)
    return result


def _resolve(computation: Computation, text: str, scope: tuple[str | None, str | None]) -> Kennzahl | None:
    reference = named_reference(text)
    if reference is None:
        return None
    target = computation.index.resolve(reference, scope)
    return target if isinstance(target, Kennzahl) else None


def target_of(goal: dict[str, Any], figure: Kennzahl, year: int) -> Outcome:
    """The Zielwert of ``year``: the Ziel's own, else the Kennzahl's; kein Wert where it is ``~`` or missing."""
    period = Period("ziel", year)
    own = goal.get("zielwerte")
    if isinstance(own, dict) and str(year) in own:
        return stated(own, period, "Der Zielwert")
    return stated(figure.mapping("werte").get("ziel"), period, figure.ident)


def _has_target(goal: dict[str, Any], figure: Kennzahl, year: int) -> bool:
    """Whether a Zielwert is written for ``year`` at all (a number or ``~``)."""
    return any(isinstance(by_year, dict) and str(year) in by_year
               for by_year in (goal.get("zielwerte"), figure.mapping("werte").get("ziel")))


def _achievement(goal: dict[str, Any], figure: Kennzahl, values: dict[Period, Outcome], period: Period,
                 tolerance: Decimal) -> Achievement | None:
    """The Zielerreichung of one year; None where no Zielwert is written, open where it or the value is kein
    Wert."""
    if not _has_target(goal, figure, period.year):
        return None
    target = target_of(goal, figure, period.year)
    actual = values.get(period, NoValue(f"{figure.ident} hat für {period} keinen Wert."))
    if not isinstance(target, Decimal) or not isinstance(actual, Decimal):
        return Achievement(period, target, actual, None, None)
    direction = goal.get("richtung") or figure.data.get("richtung")
    with decimal.localcontext(CONTEXT):
        return Achievement(period, target, actual, _degree(actual, target, direction),
                           _light(actual, target, direction, tolerance))


def _degree(actual: Decimal, target: Decimal, direction: Any) -> Decimal | None:
    numerator, denominator = (target, actual) if direction == "niedriger_besser" else (actual, target)
    return numerator * 100 / denominator if denominator else None


def _light(actual: Decimal, target: Decimal, direction: Any, tolerance: Decimal) -> str:
    reached = {"hoeher_besser": actual >= target, "niedriger_besser": actual <= target}.get(direction,
                                                                                              actual == target)
    if reached:
        return "gruen"
    if target and abs(actual - target) * 100 / abs(target) <= tolerance:
        return "gelb"
    return "rot"


def _gaps(goal: dict[str, Any], figure: Kennzahl | None, years: dict[int, Period]) -> dict[int, list[Outcome]]:
    """Per year, the Zielwert (of the Ziel, else of its first Zielkennzahl) for every blank "__" of the text."""
    text = goal.get("text")
    count = len(GAP.findall(text)) if isinstance(text, str) else 0
    filled: dict[int, list[Outcome]] = {}
    for year in years if count else ():
        target = target_of(goal, figure, year) if figure else stated(goal.get("zielwerte"), Period("ziel", year), "")
        if isinstance(target, Decimal):
            filled[year] = [target] * count
    return filled


def _decimal(value: Any) -> Decimal | None:
    return Decimal(value) if isinstance(value, (int, Decimal)) and not isinstance(value, bool) else None
