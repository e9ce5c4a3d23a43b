"""Teilergebnis- and Teilfinanzpläne as tables: each product's, and their roll-ups.

A roll-up (Produktgruppe, Produktbereich, Gesamtplan) adds up its products' rows,
sum rows included: a product's sum row is computed from its detail rows, so the
roll-up's sum equals the sum of the roll-up's detail rows wherever the products
state their details. Products that follow another row template than the
catalogue's stay out of the roll-ups, since their row numbers mean something else.
Plans stated at a level, and the Teilhaushalte, are put in place by ``level_tables``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from produktkatalog.compute.level_tables import add_levels, add_teilhaushalte
from produktkatalog.compute.table import Table as Table  # where the other stages find it
from produktkatalog.model import Catalogue, Level, Product, template_of
from produktkatalog.model.conventions import stated_rows
from produktkatalog.model.formula.parser import PLAN_LEVELS
from produktkatalog.model.framework import Framework
from produktkatalog.model.owners import GESAMT, LEVEL_NAMES, LEVELS, STATEMENTS, Owner, level_owner
from produktkatalog.model.placement import Placement
from produktkatalog.model.row_templates import RowTemplate


@dataclass
class PlanTables:
    tables: dict[tuple[Owner, str], Table]  # (owner, statement) → table
    lifts: dict[Owner, dict[str, Owner]]  # product owner → its owner at each level
    placement: Placement
    stated: dict[tuple[Owner, str], Table] = field(default_factory=dict)  # level plans checked against a roll-up
    levels: dict[Owner, Level] = field(default_factory=dict)  # owners with a level file (content of their page)

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
        """Tables above the products: Produktgruppen, Produktbereiche, the Gesamtplan, then the Teilhaushalte."""
        found = [t for (owner, s), t in self.tables.items() if s == statement and owner.level != "produkt"]
        return sorted(found, key=lambda t: (LEVELS.index(t.owner.level), t.owner.key))


def plan_tables(catalogue: Catalogue, framework: Framework | None) -> PlanTables:
    placement = Placement(framework)
    products = catalogue.product_by_folder()
    levels = catalogue.level_by_folder()
    lifts = {Owner("produkt", p.folder): placement.owners(p) for p in catalogue.products}
    tables: dict[tuple[Owner, str], Table] = {}
    stated: list[Table] = []  # the plans of levels
    for plan in catalogue.plans:
        template = template_of(plan, catalogue)
        if template is None:
            continue
        rows = stated_rows(plan, catalogue, template)  # canonical amounts (model.conventions)
        if plan.product_folder in products:
            owner = Owner("produkt", plan.product_folder)
            table = Table(owner, plan.statement, template, rows=rows, plan=plan,
                          subject=_subject(products[plan.product_folder]))
            tables.setdefault((owner, plan.statement), table)
        elif (level := levels.get(plan.product_folder)) is not None and level_owner(level).key:  # else S102
            stated.append(Table(level_owner(level), plan.statement, template, rows=rows, plan=plan,
                                subject=f"{LEVEL_NAMES[level.level]} {level.number}"))
    common = {statement: _common_template([t for (o, s), t in tables.items() if s == statement] or
                                          [t for t in stated if t.statement == statement]) for statement in STATEMENTS}
    for statement in STATEMENTS:
        _roll_up([t for (o, s), t in tables.items() if s == statement and o.level == "produkt"], lifts, tables,
                 common[statement])
    area_of = {owner.key: placement.area(owner.key) for owner in {*_owners(lifts), *(t.owner for t in stated)}
               if owner.level == "produktgruppe"}
    templates = {s: t for s, t in common.items() if t is not None}
    checked = add_levels(stated, tables, templates, area_of)
    numbers = {Owner("produkt", p.folder): p.key for p in catalogue.products if p.key}
    checked.update(add_teilhaushalte(catalogue.levels, stated, tables, numbers, lifts, area_of, templates))
    return PlanTables(tables, lifts, placement, checked, {level_owner(level): level for level in catalogue.levels})


def _owners(lifts: dict[Owner, dict[str, Owner]]) -> set[Owner]:
    return {owner for above in lifts.values() for owner in above.values()}


def _subject(product: Product) -> str:
    return f"Produkt {product.number or product.folder}"


def _roll_up(products: list[Table], lifts: dict[Owner, dict[str, Owner]],
             tables: dict[tuple[Owner, str], Table], common: RowTemplate | None) -> None:
    """Each roll-up adds up the level just below it: products, then Produktgruppen, then Produktbereiche."""
    if not products or common is None:
        return
    linked: set[tuple[Owner, Owner]] = set()
    for table in sorted(products, key=lambda t: t.owner):
        if table.template is not common:
            continue
        child = table
        for level in PLAN_LEVELS[1:]:
            owner = lifts.get(table.owner, {}).get(level)
            if owner is None:
                continue
            parent = tables.setdefault((owner, table.statement), Table(owner, table.statement, common))
            if (parent.owner, child.owner) not in linked:
                linked.add((parent.owner, child.owner))
                parent.members.append(child)
            child = parent


def _common_template(products: list[Table]) -> RowTemplate | None:
    if not products:
        return None
    counts = Counter(table.template.ident for table in products)
    ident = max(counts, key=lambda name: (counts[name], name))
    return next(table.template for table in products if table.template.ident == ident)
