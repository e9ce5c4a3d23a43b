"""One plan as a table: a product's or a level's stated rows, or a roll-up adding up its members."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from produktkatalog.model import Plan
from produktkatalog.model.owners import Owner
from produktkatalog.model.plan_rows import EXACT, ZERO, PlanColumn, plan_column
from produktkatalog.model.row_templates import RowTemplate
from produktkatalog.model.types import EURO
from produktkatalog.model.values import NoValue, Outcome, Period


@dataclass(eq=False)
class Table:
    owner: Owner
    statement: str  # ergebnisplan or finanzplan
    template: RowTemplate
    members: list[Table] = field(default_factory=list)  # what a roll-up adds up: the level just below
    rows: dict[str, Any] = field(default_factory=dict)  # stated rows, amounts canonical (model.conventions)
    plan: Plan | None = None
    subject: str = ""  # "Produkt 020101", named in the reasons of kein Wert
    _columns: dict[Period, PlanColumn] = field(default_factory=dict)
    _units: frozenset[str] | None = None

    def value(self, number: str, period: Period) -> Outcome:
        return self.column(period).cells.get(number, _MISSING)

    @property
    def unit(self) -> str:
        """What the amounts count (``einheit``): a plan's own, a roll-up's plans' if they agree (EUR if there are
        none), else ""."""
        units = self.units()
        return units.pop() if len(units) == 1 else "" if units else EURO

    def units(self) -> set[str]:
        """The units of the plans below (computed once: the members are complete before anyone asks)."""
        if self._units is None:
            self._units = frozenset({self.plan.unit} if self.plan is not None else
                                    {unit for member in self.members for unit in member.units()})
        return set(self._units)

    def column(self, period: Period) -> PlanColumn:
        """Every row in ``period`` (see ``model.plan_rows``), computed in one pass."""
        found = self._columns.get(period)
        if found is None:
            found = self._columns[period] = (
                plan_column(self.template, self.rows, period, self.statement, self.subject)
                if self.plan is not None else self._summed(period))
        return found

    def _summed(self, period: Period) -> PlanColumn:
        """Each row added up over the members: kein Wert if it is kein Wert in one, blank if blank in all, and
        kein Wert in every row if the members count in different units (EUR and T€ do not add up)."""
        if not self.unit:
            units = ", ".join(sorted(self.units()))
            mixed = NoValue(f"Die Pläne darunter haben verschiedene Einheiten ({units}); katalog addiert sie nicht.")
            return PlanColumn.of(dict.fromkeys(self.template.by_number, mixed), frozenset())
        values: dict[str, Outcome] = dict.fromkeys(self.template.by_number, ZERO)
        blank = set(self.template.by_number)
        for member in self.members:
            column = member.column(period)
            blank &= column.blank
            for number, value in column.filled:
                current = values.get(number)
                if type(current) is Decimal:  # else kein Wert already, or a row the template lacks
                    values[number] = value if isinstance(value, NoValue) else EXACT.add(current, value)
        return PlanColumn.of(values, blank)


_MISSING = NoValue("Die Zeile gibt es in der Zeilenvorlage nicht.")
