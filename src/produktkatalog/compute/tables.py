"""Teilergebnis- and Teilfinanzpläne as tables: each product's, and their roll-ups.

A roll-up (Produktgruppe, Produktbereich, Gesamtplan) adds up its products' rows,
sum rows included: a product's sum row is computed from its detail rows, so the
roll-up's sum equals the sum of the roll-up's detail rows wherever the products
state their details. Products that follow another row template than the
catalogue's stay out of the roll-ups, since their row numbers mean something else.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from produktkatalog.model import Catalogue, Plan, Product, canonical, template_of
from produktkatalog.model.framework import Framework
from produktkatalog.model.owners import GESAMT, LEVELS, STATEMENTS, Owner
from produktkatalog.model.plan_rows import EXACT, ZERO, PlanColumn, plan_column
from produktkatalog.model.row_templates import RowTemplate
from produktkatalog.model.values import NoValue, Outcome, Period


@dataclass(eq=False)
class Table:
    owner: Owner
    statement: str  # ergebnisplan or finanzplan
    template: RowTemplate
    members: list[Table] = field(default_factory=list)  # what a roll-up adds up: the level just below
    rows: dict[str, Any] = field(default_factory=dict)  # a product's stated rows
    plan: Plan | None = None
    subject: str = ""  # "Produkt 020101", named in the reasons of kein Wert
    _columns: dict[Period, PlanColumn] = field(default_factory=dict)
    _units: frozenset[str] | None = None

    def value(self, number: str, period: Period) -> Outcome:
        return self.column(period).cells.get(number, _MISSING)

    @property
    def unit(self) -> str:
        """What the amounts count (``einheit``): a plan's own, a roll-up's plans' if they agree, else ""."""
        units = self.units()
        return units.pop() if len(units) == 1 else ""

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


@dataclass
class Placement:
    """Where each product sits: its Produktgruppe and Produktbereich."""

    framework: Framework | None

    def group(self, product: Product) -> str | None:
        declared = product.text("produktgruppe")
        if declared:
            return canonical(declared)
        return self.framework.group_for(product.key) if self.framework and product.key else None

    def area(self, group: str | None) -> str | None:
        if group is None or self.framework is None:
            return None
        areas = [a for a in self.framework.names("produktbereiche") if group.startswith(a) and group != a]
        return max(areas, key=len) if areas else None

    def owners(self, product: Product) -> dict[str, Owner]:
        """The product's owner at each level it belongs to."""
        group = self.group(product)
        area = self.area(group)
        found = {"produkt": Owner("produkt", product.folder), "gesamt": GESAMT}
        if group:
            found["produktgruppe"] = Owner("produktgruppe", group)
        if area:
            found["produktbereich"] = Owner("produktbereich", area)
        return found


@dataclass
class PlanTables:
    tables: dict[tuple[Owner, str], Table]  # (owner, statement) → table
    lifts: dict[Owner, dict[str, Owner]]  # product owner → its owner at each level
    placement: Placement

    def table(self, owner: Owner, statement: str) -> Table | None:
        return self.tables.get((owner, statement))

    def lifted(self, owner: Owner, level: str) -> Owner | None:
        """The owner at ``level`` above ``owner``: a product's Produktgruppe, a Produktgruppe's bereich, …"""
        if level == owner.level:
            return owner
        if owner.level == "produkt":
            return self.lifts.get(owner, {}).get(level)
        if level == "gesamt":
            return GESAMT
        if owner.level == "produktgruppe" and level == "produktbereich":
            area = self.placement.area(owner.key)
            return Owner(level, area) if area else None
        return None  # a roll-up has no plan of a lower level

    def rollups(self, statement: str) -> list[Table]:
        """Roll-up tables of a statement: Produktgruppen, Produktbereiche, then the Gesamtplan."""
        found = [t for (owner, s), t in self.tables.items() if s == statement and owner.level != "produkt"]
        return sorted(found, key=lambda t: (LEVELS.index(t.owner.level), t.owner.key))


def plan_tables(catalogue: Catalogue, framework: Framework | None) -> PlanTables:
    placement = Placement(framework)
    products = catalogue.product_by_folder()
    lifts = {Owner("produkt", p.folder): placement.owners(p) for p in catalogue.products}
    tables: dict[tuple[Owner, str], Table] = {}
    for plan in catalogue.plans:
        template = template_of(plan, catalogue)
        if template is not None and plan.product_folder in products:
            owner = Owner("produkt", plan.product_folder)
            table = Table(owner, plan.statement, template, rows=template.keyed(plan.mapping("zeilen")), plan=plan,
                          subject=_subject(products[plan.product_folder]))
            tables.setdefault((owner, plan.statement), table)
    for statement in STATEMENTS:
        _roll_up([t for (o, s), t in tables.items() if s == statement and o.level == "produkt"], lifts, tables)
    return PlanTables(tables, lifts, placement)


def _subject(product: Product) -> str:
    return f"Produkt {product.number or product.folder}"


def _roll_up(products: list[Table], lifts: dict[Owner, dict[str, Owner]],
             tables: dict[tuple[Owner, str], Table]) -> None:
    """Each roll-up adds up the level just below it: products, then Produktgruppen, then Produktbereiche."""
    if not products:
        return
    common = _common_template(products)
    linked: set[tuple[Owner, Owner]] = set()
    for table in sorted(products, key=lambda t: t.owner):
        if table.template is not common:
            continue
        child = table
        for level in LEVELS[1:]:
            owner = lifts.get(table.owner, {}).get(level)
            if owner is None:
                continue
            parent = tables.setdefault((owner, table.statement), Table(owner, table.statement, common))
            if (parent.owner, child.owner) not in linked:
                linked.add((parent.owner, child.owner))
                parent.members.append(child)
            child = parent


def _common_template(products: list[Table]) -> RowTemplate:
    counts = Counter(table.template.ident for table in products)
    ident = max(counts, key=lambda name: (counts[name], name))
    return next(table.template for table in products if table.template.ident == ident)
