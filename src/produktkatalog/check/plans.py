"""Teilergebnis- and Teilfinanzpläne follow their row template; stated sums add up."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from produktkatalog.findings import Finding, error
from produktkatalog.model import Catalogue, Plan, template_name, template_of
from produktkatalog.model.index import Index
from produktkatalog.model.plan_rows import STATEMENT_NAMES, PlanColumn, plan_column, stated_cell
from produktkatalog.model.row_templates import RowTemplate, known_templates, row_template, template_problems
from produktkatalog.model.values import Period
from produktkatalog.wording.text import suggestion

DEFAULT_TOLERANCE = Decimal(1)  # published plans are often off by 1 € from rounding


def check(index: Index) -> Iterator[Finding]:
    catalogue = index.catalogue
    tolerance = _tolerance(catalogue.settings.data.get("summentoleranz") if catalogue.settings else None)
    # the model keeps only sound templates; the others have K218 findings of their own
    broken = {row_template(entry.data).ident for entry in catalogue.template_files} - set(catalogue.own_templates)
    yield from _template_findings(catalogue)
    for plan in catalogue.plans:
        template = template_of(plan, catalogue)
        name = template_name(plan, catalogue)
        if template is None and name is not None and name not in broken:  # a broken one has its own finding
            where = ("vorlage",) if plan.text("vorlage") else ()
            known = known_templates(catalogue)
            yield error("K207", plan.file, f"Die Zeilenvorlage „{name}“ gibt es nicht.",
                        suggestion(name, known) or f"Vorlagen: {', '.join(sorted(known))}.", path=where)
        elif template is None and name is None:
            yield _unreadable(plan, catalogue)
        elif template is not None:
            yield from _rows(plan, template)
            yield from _sums(plan, template, tolerance)


def _unreadable(plan: Plan, catalogue: Catalogue) -> Finding:
    """A plan without a row template: katalog cannot tell its rows, sums or Standardkennzahlen."""
    land = catalogue.settings.text("land") if catalogue.settings is not None else None
    shipped = sorted(t.ident for t in known_templates(catalogue).values() if t.statement == plan.statement)
    kind = STATEMENT_NAMES[plan.statement]
    cause = f"für das Land {land} gibt es" if land else "katalog.yaml nennt kein Land, und es gibt"
    return error("K219", plan.file, f"Für diesen {kind} gibt es keine Zeilenvorlage: {cause} keine mitgelieferte "
                 "und keine eigene; katalog kann seine Zeilen, Summen und Standardkennzahlen nicht berechnen.",
                 f"Legen Sie in zeilenvorlagen/ eine Vorlage an (plan: {plan.statement}"
                 f"{f', land: {land}' if land else ''}) oder wählen Sie eine vorhandene mit vorlage: … im Plan "
                 f"bzw. zeilenvorlagen: {{{plan.statement}: …}} in katalog.yaml (vorhanden: {', '.join(shipped)}).",
                 path=("zeilen",), at_key=True)


def _template_findings(catalogue: Catalogue) -> Iterator[Finding]:
    seen: set[str] = set()
    for entry in catalogue.template_files:
        template = row_template(entry.data)
        if template.ident in seen:
            yield error("K218", entry.file, f"Die Zeilenvorlage „{template.ident}“ ist mehrfach angelegt.",
                        "Jede Vorlage braucht eine eigene Kennung (id).", path=("id",))
        seen.add(template.ident)
        for position, message, hint in template_problems(template):
            yield error("K218", entry.file, message, hint, path=("zeilen", position))


def _tolerance(value: Any) -> Decimal:
    return Decimal(value) if isinstance(value, (int, Decimal)) and not isinstance(value, bool) else DEFAULT_TOLERANCE


def _rows(plan: Plan, template: RowTemplate) -> Iterator[Finding]:
    for number in plan.mapping("zeilen"):
        if number not in template.by_number:
            yield error("K217", plan.file, f"Die Zeile „{number}“ gibt es in der Zeilenvorlage „{template.name}“ "
                        f"({template.ident}) nicht.", f"Zeilen der Vorlage: {', '.join(template.by_number)}.",
                        path=("zeilen", number), at_key=True)


def _sums(plan: Plan, template: RowTemplate, tolerance: Decimal) -> Iterator[Finding]:
    rows = plan.mapping("zeilen")
    columns: dict[Period, PlanColumn] = {}
    for number, values in rows.items():
        spec = template.by_number.get(number)
        if spec is None or not spec.parts or not isinstance(values, dict):
            continue
        for kind, by_year in values.items():
            for year in (by_year if isinstance(by_year, dict) else ()):
                if year.isascii() and year.isdigit():
                    period = Period(kind, int(year))
                    if period not in columns:
                        columns[period] = plan_column(template, rows, period, plan.statement)
                    yield from _compare(plan, template, columns[period], (number, kind, year), tolerance)


def _compare(plan: Plan, template: RowTemplate, column: PlanColumn, where: tuple[str, str, str],
             tolerance: Decimal) -> Iterator[Finding]:
    number, kind, year = where
    period = Period(kind, int(year))
    amount = stated_cell(plan.mapping("zeilen"), number, period)
    computed = column.amount(number)
    if isinstance(amount, Decimal) and computed is not None and abs(computed - amount) > tolerance:
        from produktkatalog.wording.numbers import with_unit  # Babel loads only when a sum is wrong

        places = min(max(2, *(_places(value) for value in (amount, computed, tolerance))), 10)
        shown = {name: with_unit(value, "EUR", places) for name, value in
                 (("amount", amount), ("computed", computed), ("off", amount - computed), ("tolerance", tolerance))}
        yield error("K216", plan.file, f"Die Summenzeile {number} ({period}) nennt {shown['amount']}, "
                    f"{_parts(template, template.by_number[number].parts)} {shown['computed']} (Abweichung "
                    f"{shown['off']}).", "Korrigieren Sie den Betrag oder lassen Sie die Summenzeile weg; "
                    f"katalog rechnet sie selbst. Zulässige Rundungsabweichung: {shown['tolerance']} "
                    "(summentoleranz).", path=("zeilen", number, kind, year))


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
