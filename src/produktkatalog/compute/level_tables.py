"""Plans stated at a level (Produktgruppe, Produktbereich, Teilhaushalt) and the Teilhaushalte's roll-ups.

A level's stated plan is *checked* where something below it has a plan: its table stays the roll-up, and the
stated plan is kept aside for the comparison (``PlanTables.stated``). Where nothing below has a plan, the stated
plan *is* the level's table and rolls up further: a Produktgruppe's into its Produktbereich and the Gesamtplan, a
Produktbereich's into the Gesamtplan. A Teilhaushalt adds up what it ``umfasst`` beside the hierarchy: it never
feeds the Gesamtplan, and a member inside another member (a product of a listed Produktgruppe) counts once.
"""

from __future__ import annotations

from collections.abc import Iterable

from produktkatalog.compute.table import Table
from produktkatalog.model import Level, canonical
from produktkatalog.model.owners import GESAMT, STATEMENTS, Owner, level_owner
from produktkatalog.model.row_templates import RowTemplate

Tables = dict[tuple[Owner, str], Table]
_ORDER = {"produktgruppe": 0, "produktbereich": 1, "teilhaushalt": 2}


def add_levels(stated: list[Table], tables: Tables, common: dict[str, RowTemplate],
               area_of: dict[str, str | None]) -> Tables:
    """Put each stated Produktgruppen- and Produktbereich plan in place (groups first, so a Produktbereich sees
    its groups' stated plans); the stated plans that are checked against a roll-up are returned."""
    checked: Tables = {}
    for table in sorted(stated, key=lambda t: (_ORDER[t.owner.level], t.owner.key)):
        key = (table.owner, table.statement)
        if table.owner.level == "teilhaushalt" or key in checked:
            continue
        below = tables.get(key)
        if below is not None and below.plan is None and below.members:
            checked[key] = table
            continue
        tables.setdefault(key, table)
        if table.template is common.get(table.statement):
            _link(table, tables, area_of)
    return checked


def _link(table: Table, tables: Tables, area_of: dict[str, str | None]) -> None:
    """A stated level plan that is the level's table feeds the levels above it."""
    area = area_of.get(table.owner.key) if table.owner.level == "produktgruppe" else None
    parents = [Owner("produktbereich", area)] if area else []
    child = table
    for owner in (*parents, GESAMT):
        parent = tables.get((owner, table.statement))
        created = parent is None
        if parent is None:
            parent = tables[(owner, table.statement)] = Table(owner, table.statement, table.template)
        if parent.plan is not None:  # a stated plan nothing else fed yet: it stays what the level shows
            return
        if child not in parent.members:
            parent.members.append(child)
        if not created:
            return  # the level above is already linked upwards
        child = parent


def add_teilhaushalte(levels: Iterable[Level], stated: list[Table], tables: Tables, numbers: dict[Owner, str],
                      lifts: dict[Owner, dict[str, Owner]], area_of: dict[str, str | None],
                      common: dict[str, RowTemplate]) -> Tables:
    """Each Teilhaushalt's roll-up of its members; its stated plan where no member has one (else checked).
    ``numbers`` gives each product owner's number (digits); members of another row template than the catalogue's
    (``common``) stay out, as in every roll-up."""
    own = {(t.owner, t.statement): t for t in stated if t.owner.level == "teilhaushalt"}
    checked: Tables = {}
    for level in levels:
        if level.level != "teilhaushalt":
            continue
        owner = level_owner(level)
        members = teilhaushalt_members(level.members, numbers, lifts, area_of, {o for (o, _) in tables})
        for statement in STATEMENTS:
            found = [t for m in members if (t := tables.get((m, statement))) is not None
                     and t.template is common.get(statement)]
            mine = own.get((owner, statement))
            if found:
                tables.setdefault((owner, statement), Table(owner, statement, found[0].template, members=found))
                if mine is not None:
                    checked[(owner, statement)] = mine
            elif mine is not None:
                tables.setdefault((owner, statement), mine)
    return checked


def teilhaushalt_members(written: list[str], numbers: dict[Owner, str], lifts: dict[Owner, dict[str, Owner]],
                         area_of: dict[str, str | None], owners: set[Owner]) -> list[Owner]:
    """The owners a Teilhaushalt names (products by number, Produktgruppen, Produktbereiche), without those inside
    another named one: a product of a named Produktgruppe counts once."""
    wanted = {canonical(number) for number in written if canonical(number)}
    found = [product for product, number in sorted(numbers.items()) if number in wanted
             and not any(o.key in wanted for level, o in lifts.get(product, {}).items()
                         if level in ("produktgruppe", "produktbereich"))]
    for key in sorted(wanted):
        if Owner("produktgruppe", key) in owners and area_of.get(key) not in wanted:
            found.append(Owner("produktgruppe", key))
        if Owner("produktbereich", key) in owners:
            found.append(Owner("produktbereich", key))
    return found
