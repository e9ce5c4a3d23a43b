"""Which row template a plan follows: its own choice (``vorlage``), the catalogue's (``zeilenvorlagen`` in
katalog.yaml), else the template of the catalogue's Land for its Haushaltsjahr.

Chosen by Land, plan and Haushaltsjahr: first the catalogue's own templates (zeilenvorlagen/, in file
order), then the shipped complete templates. Shipped extensions (variants such as the NRW globaler
Minderaufwand) are never chosen by Land; a catalogue names them. Without a Haushaltsjahr the newest
template of the Land counts.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from produktkatalog.model.framework import shipped
from produktkatalog.model.row_templates import RowTemplate, as_year, row_template
from produktkatalog.model.template_edits import resolve_all
from produktkatalog.system.resources import reference_dir

if TYPE_CHECKING:
    from produktkatalog.model.types import Catalogue, Entry, Plan


@functools.lru_cache(maxsize=1)
def row_templates() -> dict[str, RowTemplate]:
    """The templates that ship with the tool, by Kennung, extensions resolved."""
    paths = sorted((reference_dir() / "zeilen").glob("*.yaml"))
    files = [row_template(shipped(f"zeilen/{path.name}")) for path in paths]
    resolved = resolve_all(files, {})
    broken = [f"{r.template.ident}: {r.problems[0][1]}" for r in resolved if not r.sound]
    if broken:  # a broken shipped template is a bug in the tool, not in the catalogue
        raise RuntimeError(f"shipped row templates unusable: {'; '.join(broken)}")
    return {r.template.ident: r.template for r in resolved}


def row_template_for(land: str | None, statement: str, year: int | None = None) -> RowTemplate | None:
    """The shipped complete template of a Land for a plan (ergebnisplan or finanzplan) and Haushaltsjahr."""
    fitting = [t for t in row_templates().values()
               if t.base is None and t.land == land and t.statement == statement and t.valid_in(year)]
    return max(fitting, key=_newest, default=None)


def _newest(template: RowTemplate) -> tuple[bool, int, int]:
    return template.valid_until is None, template.valid_until or 0, template.valid_from or 0


def own_templates(files: list[Entry]) -> dict[str, RowTemplate]:
    """A catalogue's own templates a computation can trust, by Kennung; the check reports the others."""
    found: dict[str, RowTemplate] = {}
    for resolved in resolve_all([row_template(entry.data) for entry in files], row_templates()):
        if resolved.sound:
            found.setdefault(resolved.template.ident, resolved.template)
    return found


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
    return catalogue_template(catalogue, plan.statement)


def catalogue_template(catalogue: Catalogue, statement: str) -> RowTemplate | None:
    """The template a plan of the catalogue follows unless a name chooses another."""
    land, year = catalogue_land(catalogue), budget_year(catalogue)
    own = (t for t in catalogue.own_templates.values()
           if t.land == land and t.statement == statement and t.valid_in(year))
    return next(own, None) or row_template_for(land, statement, year)


def known_templates(catalogue: Catalogue) -> dict[str, RowTemplate]:
    return {**row_templates(), **catalogue.own_templates}


def catalogue_land(catalogue: Catalogue) -> str | None:
    return catalogue.settings.text("land") if catalogue.settings is not None else None


def budget_year(catalogue: Catalogue) -> int | None:
    """The catalogue's Haushaltsjahr (``haushaltsjahr``), if it states one."""
    return as_year(catalogue.settings.data.get("haushaltsjahr")) if catalogue.settings is not None else None
