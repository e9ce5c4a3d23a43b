"""Row templates: the rows of a Teilergebnis- or Teilfinanzplan as a Land's Haushaltsverordnung fixes them,
and which template a plan follows (its own choice, the catalogue's, or its Land's).

A catalogue's own templates (zeilenvorlagen/) come before the shipped ones, by Kennung and by Land.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from produktkatalog.model.framework import shipped
from produktkatalog.system.resources import reference_dir

if TYPE_CHECKING:
    from produktkatalog.model.types import Catalogue, Plan

ROLES = ("ordentliche_ertraege", "ordentliche_aufwendungen", "personalaufwendungen", "ordentliches_ergebnis",
         "ergebnis", "einzahlungen_investitionen", "auszahlungen_investitionen", "saldo_investitionen")


@dataclass(frozen=True)
class Row:
    number: str
    name: str
    nature: str  # ertrag, aufwand, einzahlung, auszahlung, summe, darunter
    parts: tuple[str, ...] = ()  # rows a sum adds up
    under: str | None = None  # the row a "darunter" line details; never added
    role: str | None = None  # what the row means across Länder, e.g. ordentliche_aufwendungen
    either_sign: bool = False  # printed "+/-" (Bestandsveränderungen): either sign is plausible


@dataclass(frozen=True)
class RowTemplate:
    """The rows of a Teilergebnis- or Teilfinanzplan as a Land's Haushaltsverordnung fixes them."""

    ident: str
    name: str
    land: str
    statement: str  # ergebnisplan or finanzplan
    source: str
    rows: tuple[Row, ...]
    convention: str = "aufwand_negativ"  # vorzeichen: how signs are entered

    @functools.cached_property
    def by_number(self) -> dict[str, Row]:
        return {row.number: row for row in self.rows}

    @functools.cached_property
    def by_role(self) -> dict[str, Row]:
        return {row.role: row for row in self.rows if row.role}

    @functools.cached_property
    def in_order(self) -> tuple[Row, ...]:
        """The rows with every sum after its parts (a sound template has no cycles)."""
        ordered: dict[str, Row] = {}

        def place(row: Row, path: frozenset[str]) -> None:
            if row.number in ordered or row.number in path:
                return
            for part in row.parts:
                if part in self.by_number:
                    place(self.by_number[part], path | {row.number})
            ordered[row.number] = row

        for row in self.rows:
            place(row, frozenset())
        return tuple(ordered.values())

    def row(self, name: str) -> Row | None:
        """A row by its number, or by its role (so one formula serves every Land)."""
        return self.by_number.get(name) or self.by_role.get(name)


def row_template(data: dict[str, Any]) -> RowTemplate:
    """A template from its file's data; any shape is accepted, ``template_problems`` judges it."""
    rows = tuple(Row(_text(r.get("nummer")), _text(r.get("bezeichnung")), _text(r.get("art")),
                     tuple(_text(p) for p in _list(r.get("summe"))), _optional(r.get("darunter_von")),
                     _optional(r.get("rolle")), r.get("vorzeichen") == "beide")
                 for r in _list(data.get("zeilen")) if isinstance(r, dict))
    return RowTemplate(_text(data.get("id")), _text(data.get("name")), _text(data.get("land")),
                       _text(data.get("plan")), _text(data.get("quelle")), rows,
                       _optional(data.get("vorzeichen")) or "aufwand_negativ")


def template_problems(template: RowTemplate) -> list[tuple[int, str, str]]:
    """What makes a template unusable: (row position, German message, hint). Empty for a sound one."""
    problems = []
    seen: set[str] = set()
    roles: set[str] = set()
    for position, row in enumerate(template.rows):
        if row.number in seen:
            problems.append((position, f"Die Zeilennummer „{row.number}“ kommt mehrfach vor.",
                             "Jede Zeile braucht eine eigene Nummer."))
        seen.add(row.number)
        if row.role and row.role in roles:
            problems.append((position, f"Die Rolle „{row.role}“ ist mehreren Zeilen zugeordnet.",
                             "Eine Rolle bezeichnet genau eine Zeile."))
        roles.add(row.role or "")
        problems.extend((position, message, hint) for message, hint in _row_problems(template, row))
    return problems


def _row_problems(template: RowTemplate, row: Row) -> list[tuple[str, str]]:
    problems = []
    for part in row.parts:
        target = template.by_number.get(part)
        if target is None:
            problems.append((f"Zeile {row.number} summiert die Zeile „{part}“, die es nicht gibt.",
                             "Nennen Sie unter summe nur Nummern von Zeilen dieser Vorlage."))
        elif target.nature == "darunter":
            problems.append((f"Zeile {row.number} summiert die darunter-Zeile {part}.",
                             "darunter-Zeilen untergliedern eine andere Zeile und werden nie addiert."))
    if row.under is not None and row.under not in template.by_number:
        problems.append((f"Zeile {row.number} ist darunter-Zeile von „{row.under}“, die es nicht gibt.",
                         "darunter_von nennt die Nummer der untergliederten Zeile."))
    if _sums_itself(template, row):
        problems.append((f"Zeile {row.number} ist (über andere Summen) eine Summe ihrer selbst.",
                         "Eine Summenzeile darf nur Zeilen addieren, die nicht von ihr abhängen."))
    return problems


def _sums_itself(template: RowTemplate, row: Row) -> bool:
    pending, seen = list(row.parts), set()
    while pending:
        number = pending.pop()
        if number == row.number:
            return True
        if number not in seen and (part := template.by_number.get(number)) is not None:
            seen.add(number)
            pending.extend(part.parts)
    return False


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _optional(value: Any) -> str | None:
    return value if isinstance(value, str) else None


@functools.lru_cache(maxsize=1)
def row_templates() -> dict[str, RowTemplate]:
    """The templates that ship with the tool, by Kennung."""
    templates = (row_template(shipped(f"zeilen/{path.name}"))
                 for path in sorted((reference_dir() / "zeilen").glob("*.yaml")))
    return {template.ident: template for template in templates}


def row_template_for(land: str | None, statement: str) -> RowTemplate | None:
    """The shipped template of a Land for a plan (ergebnisplan or finanzplan), if one ships."""
    return next((t for t in row_templates().values() if t.land == land and t.statement == statement), None)


def template_name(plan: Plan, catalogue: Catalogue) -> str | None:
    """The template the plan asks for by name, if it or the catalogue names one."""
    chosen = plan.text("vorlage")
    if chosen is None and catalogue.settings is not None:
        value = catalogue.settings.mapping("zeilenvorlagen").get(plan.statement)
        chosen = value if isinstance(value, str) else None
    return chosen


def template_of(plan: Plan, catalogue: Catalogue) -> RowTemplate | None:
    name = template_name(plan, catalogue)
    if name is not None:
        return known_templates(catalogue).get(name)
    land = catalogue.settings.text("land") if catalogue.settings is not None else None
    own = (t for t in catalogue.own_templates.values() if t.land == land and t.statement == plan.statement)
    return next(own, None) or row_template_for(land, plan.statement)


def known_templates(catalogue: Catalogue) -> dict[str, RowTemplate]:
    return {**row_templates(), **catalogue.own_templates}
