"""Teilergebnis- and Teilfinanzpläne follow their row template; stated sums add up; templates are sound."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from produktkatalog.check.template_files import broken_templates, missing_templates, template_findings
from produktkatalog.findings import Finding, error
from produktkatalog.model import Catalogue, Plan, template_name, template_of
from produktkatalog.model.conventions import converted, factors, input_convention
from produktkatalog.model.index import Index
from produktkatalog.model.plan_rows import PlanColumn, plan_column, stated_cell, sum_tolerance
from produktkatalog.model.row_templates import RowTemplate, row_key
from produktkatalog.model.template_choice import known_templates
from produktkatalog.model.values import Period
from produktkatalog.wording.text import suggestion

__all__ = ["check", "tolerance_of"]


def check(index: Index) -> Iterator[Finding]:
    catalogue = index.catalogue
    tolerance = tolerance_of(catalogue)
    broken = broken_templates(catalogue)  # these have findings of their own
    yield from template_findings(catalogue)
    for plan in catalogue.plans:
        template = template_of(plan, catalogue)
        name = template_name(plan, catalogue)
        if template is None and name is not None and name not in broken:
            where = ("vorlage",) if plan.text("vorlage") else ()
            known = known_templates(catalogue)
            yield error("K207", plan.file, f"Die Zeilenvorlage „{name}“ gibt es nicht.",
                        suggestion(name, known) or f"Vorlagen: {', '.join(sorted(known))}.", path=where)
        elif template is not None:
            yield from _rows(plan, template)
            yield from _sums(plan, template, tolerance, factors(template, input_convention(plan, catalogue, template)))
    yield from missing_templates(catalogue)


def tolerance_of(catalogue: Catalogue) -> Decimal:
    """The catalogue's ``summentoleranz``: how far a stated sum may be off from its parts (rounding)."""
    return sum_tolerance(catalogue.settings.data if catalogue.settings else None)


def _rows(plan: Plan, template: RowTemplate) -> Iterator[Finding]:
    seen: dict[str, str] = {}
    for number in plan.mapping("zeilen"):
        row = template.find(number)
        if row is None:
            yield error("K217", plan.file, f"Die Zeile „{number}“ gibt es in der Zeilenvorlage „{template.name}“ "
                        f"({template.ident}) nicht.", f"Zeilen der Vorlage: {', '.join(template.by_number)}.",
                        path=("zeilen", number), at_key=True)
        elif (twin := seen.setdefault(row_key(number), number)) != number:
            yield error("K202", plan.file, f"Die Zeilen „{twin}“ und „{number}“ sind dieselbe Zeile {row.number} "
                        f"der Zeilenvorlage „{template.name}“ (bei Nummern aus Ziffern zählen führende Nullen "
                        "nicht).", f"Tragen Sie die Beträge unter einer Nummer ein; es zählt „{twin}“.",
                        path=("zeilen", number), at_key=True)


def _sums(plan: Plan, template: RowTemplate, tolerance: Decimal, signs: dict[str, int]) -> Iterator[Finding]:
    """Stated sums against their parts, both canonical; a message shows amounts as the plan enters them."""
    stated = plan.mapping("zeilen")
    keyed = template.keyed(stated)
    rows = converted(keyed, signs)
    columns: dict[Period, PlanColumn] = {}
    for written, values in stated.items():
        spec = template.find(written)
        counted = spec is not None and keyed.get(spec.number) is values  # not the second of two keys (K202)
        if spec is None or not spec.parts or not counted or not isinstance(values, dict):
            continue
        for kind, by_year in values.items():
            for year in (by_year if isinstance(by_year, dict) else ()):
                if year.isascii() and year.isdigit():
                    period = Period(kind, int(year))
                    if period not in columns:
                        columns[period] = plan_column(template, rows, period, plan.statement, as_printed=True)
                    yield from _compare(plan, template, (rows, columns[period]), (written, kind, year),
                                        (tolerance, signs.get(spec.number, 1)))


def _compare(plan: Plan, template: RowTemplate, stated: tuple[dict[str, Any], PlanColumn],
             where: tuple[str, str, str], allowed: tuple[Decimal, int]) -> Iterator[Finding]:
    rows, column = stated
    written, kind, year = where
    tolerance, sign = allowed
    spec = template.find(written)
    assert spec is not None
    period = Period(kind, int(year))
    amount = stated_cell(rows, spec.number, period)
    computed = column.parts_sum(spec.number)  # its parts as stated where stated: rounding does not add up
    if isinstance(amount, Decimal) and computed is not None and abs(computed - amount) > tolerance:
        if sign == -1:  # as the plan enters them (negation, not * -1: no "-0,00")
            amount, computed = -amount, -computed
        from produktkatalog.wording.numbers import with_unit  # Babel loads only when a sum is wrong

        places = min(max(2, *(_places(value) for value in (amount, computed, tolerance))), 10)
        unit = plan.unit
        shown = {name: with_unit(value, unit, places) + ("" if unit.startswith("EUR") else f"\u00a0{unit}")
                 for name, value in
                 (("amount", amount), ("computed", computed), ("off", amount - computed), ("tolerance", tolerance))}
        yield error("K216", plan.file, f"Die Summenzeile {written} ({period}) nennt {shown['amount']}, "
                    f"{_parts(template, spec.parts)} {shown['computed']} (Abweichung "
                    f"{shown['off']}).", "Korrigieren Sie den Betrag oder lassen Sie die Summenzeile weg; "
                    f"katalog rechnet sie selbst. Zulässige Rundungsabweichung: {shown['tolerance']} "
                    "(summentoleranz).", path=("zeilen", written, kind, year))


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _parts(template: RowTemplate, parts: tuple[str, ...]) -> str:
    """„die Zeilen 01–09 ergeben“ for a run of rows in the template's order, else each one: „die Zeilen 11 und 19
    ergeben“ (a range would claim the rows between)."""
    order = list(template.by_number)
    positions = [order.index(part) for part in parts if part in order]
    if len(parts) > 3 and len(positions) == len(parts) and positions == list(range(positions[0], positions[-1] + 1)):
        return f"die Zeilen {parts[0]}–{parts[-1]} ergeben"
    if len(parts) == 1:
        return f"die Zeile {parts[0]} ergibt"
    return f"die Zeilen {', '.join(parts[:-1])} und {parts[-1]} ergeben"
