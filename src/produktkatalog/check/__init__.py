"""Check stage, second layer: the catalogue as a whole (identity, hierarchy, references, formulas, years, rules)."""

from __future__ import annotations

from produktkatalog.check import (
    breakdowns,
    formulas,
    hierarchy,
    identity,
    layout,
    levels,
    numbering,
    plans,
    references,
    rules,
    sheet_fields,
    signs,
    years,
)
from produktkatalog.check.causes import link_causes
from produktkatalog.findings import Finding
from produktkatalog.model import Catalogue
from produktkatalog.model.index import Index

CHECKS = (layout.check, levels.check, numbering.check, identity.check, hierarchy.check, references.check,
          formulas.check, years.check, plans.check, signs.check, rules.check, sheet_fields.check, breakdowns.check)


def check_catalogue(catalogue: Catalogue, index: Index | None = None) -> list[Finding]:
    index = index or Index.of(catalogue)
    return [finding for check in CHECKS for finding in check(index)]


__all__ = ["CHECKS", "check_catalogue", "link_causes"]
