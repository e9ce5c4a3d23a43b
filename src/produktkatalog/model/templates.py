"""Which row template a plan follows: its own choice, the catalogue's, or its Land's.

A catalogue's own templates (zeilenvorlagen/) come before the shipped ones, by
Kennung and by Land.
"""

from __future__ import annotations

from produktkatalog.model.reference import RowTemplate, row_template_for, row_templates
from produktkatalog.model.types import Catalogue, Plan


def template_name(plan: Plan, catalogue: Catalogue) -> str | None:
    """The template the plan asks for by name, if it or the catalogue names one."""
    chosen = plan.text("vorlage")
    if chosen is None and catalogue.settings is not None:
        value = catalogue.settings.mapping("zeilenvorlagen").get(plan.kind)
        chosen = value if isinstance(value, str) else None
    return chosen


def template_of(plan: Plan, catalogue: Catalogue) -> RowTemplate | None:
    name = template_name(plan, catalogue)
    if name is not None:
        return known_templates(catalogue).get(name)
    land = catalogue.settings.text("land") if catalogue.settings is not None else None
    own = (t for t in catalogue.own_templates.values() if t.land == land and t.plan == plan.kind)
    return next(own, None) or row_template_for(land, plan.kind)


def known_templates(catalogue: Catalogue) -> dict[str, RowTemplate]:
    return {**row_templates(), **catalogue.own_templates}
