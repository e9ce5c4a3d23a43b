"""A catalogue's own row templates are sound, and every plan has a template to follow."""

from __future__ import annotations

from collections.abc import Iterator

from produktkatalog.findings import Finding, error
from produktkatalog.model import Catalogue, template_name
from produktkatalog.model.row_templates import row_template
from produktkatalog.model.template_choice import budget_year, catalogue_land, catalogue_template, row_templates
from produktkatalog.model.template_edits import resolve_all
from produktkatalog.wording.laender import land_name

_PLURALS = {"ergebnisplan": "Teilergebnispläne", "finanzplan": "Teilfinanzpläne"}


def broken_templates(catalogue: Catalogue) -> set[str]:
    """Kennungen of the catalogue's template files the model could not use."""
    return {row_template(entry.data).ident for entry in catalogue.template_files} - set(catalogue.own_templates)


def template_findings(catalogue: Catalogue) -> Iterator[Finding]:
    """K218 for every problem of the catalogue's own templates, extensions resolved."""
    seen: set[str] = set()
    files = [row_template(entry.data) for entry in catalogue.template_files]
    for entry, resolved in zip(catalogue.template_files, resolve_all(files, row_templates()), strict=True):
        ident = resolved.template.ident
        if ident in seen:
            yield error("K218", entry.file, f"Die Zeilenvorlage „{ident}“ ist mehrfach angelegt.",
                        "Jede Vorlage braucht eine eigene Kennung (id).", path=("id",))
        seen.add(ident)
        for place, message, hint in resolved.problems:
            yield error("K218", entry.file, message, hint, path=place)


def missing_templates(catalogue: Catalogue) -> Iterator[Finding]:
    """One K219 per plan kind whose plans have no template at all (no Land template for the year, none named):
    katalog can neither check their rows nor compute their sums and Standardkennzahlen, so they are never
    silently left out."""
    settings = catalogue.settings
    if settings is None:
        return
    for statement, plural in _PLURALS.items():
        if catalogue_template(catalogue, statement) is not None:
            continue
        plans = [plan for plan in catalogue.plans if plan.statement == statement
                 and template_name(plan, catalogue) is None]
        if plans:
            message, path = _why_missing(catalogue, plural)
            yield error("K219", settings.file, f"{message}; {len(plans)} {_plans(len(plans))} nicht berechnet.",
                        "Legen Sie in zeilenvorlagen/ eine eigene Vorlage an (auch als Erweiterung einer "
                        "mitgelieferten: basis: …) oder wählen Sie eine in katalog.yaml unter zeilenvorlagen. "
                        "katalog vorlagen zeigt alle.", path=path)


def _why_missing(catalogue: Catalogue, plural: str) -> tuple[str, tuple[str, ...]]:
    land, year = catalogue_land(catalogue), budget_year(catalogue)
    if land is None:
        return f"katalog.yaml nennt kein Land, daher gibt es keine Zeilenvorlage für {plural}", ()
    when = f" und das Haushaltsjahr {year}" if year is not None else ""
    return f"Für {land_name(land)}{when} liefert katalog keine Zeilenvorlage für {plural}", ("land",)


def _plans(count: int) -> str:
    return "Plan wird" if count == 1 else "Pläne werden"

