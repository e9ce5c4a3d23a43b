"""Amounts of the source as plans: rows matched to the row template, signs converted into katalog's
convention (Aufwendungen negativ), accounts of one row added up, and the source's own sum rows checked right
away against katalog's recomputation from the source's detail rows (``model.plan_rows``).

Row numbers are matched as the template writes them; only leading zeros may differ (``1`` for ``01``) where
that names exactly one row. ``010`` is never ``01``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from produktkatalog.findings import Finding, error
from produktkatalog.imports.records import Amount, Holder, Where
from produktkatalog.model import Catalogue, Plan
from produktkatalog.model.plan_rows import computed_sum
from produktkatalog.model.row_templates import Row, RowTemplate
from produktkatalog.model.template_choice import known_templates, template_of
from produktkatalog.model.values import Period
from produktkatalog.wording.numbers import euro

PLAN_FILES = {"ergebnisplan": "teilergebnisplan.yaml", "finanzplan": "teilfinanzplan.yaml"}
OUTGOING = ("aufwand", "auszahlung")
INCOMING = ("ertrag", "einzahlung")


@dataclass
class PlanData:
    """One owner's plan as the source states it, converted: the rows to write and where each came from."""

    holder: Holder
    statement: str
    template: RowTemplate
    named: bool  # the mapping or the source names the template (else the catalogue's own is used)
    values: dict[tuple[str, Period], Decimal] = field(default_factory=dict)
    where: dict[tuple[str, Period], Where] = field(default_factory=dict)


def default_template(catalogue: Catalogue, statement: str) -> RowTemplate | None:
    """The template a new plan of the catalogue follows: its own choice for the statement, else its Land's."""
    return template_of(Plan(f"neu/{PLAN_FILES[statement]}", {}), catalogue)


def assemble(amounts: list[Amount], catalogue: Catalogue, convention: str, tolerance: Decimal,
             shown: str) -> tuple[list[PlanData], list[Finding]]:
    plans: dict[tuple[str, str, str | None], PlanData] = {}
    stated: dict[tuple[str, str, str | None], dict[tuple[str, Period], tuple[Decimal, Where]]] = defaultdict(dict)
    findings: list[Finding] = []
    told: set[int] = set()
    for found in amounts:
        key = (found.holder.key, found.statement, found.template)
        plan = plans.get(key) or _new_plan(found, catalogue, shown, findings)
        if plan is None:
            continue
        plans[key] = plan
        row = matched(plan.template, found.row)
        if row is None:
            if found.where.line not in told:  # once per line, not once per column of the line
                told.add(found.where.line)
                findings.append(_unknown_row(found, plan.template, shown))
            continue
        value = _converted(found, plan.template, row, convention, shown, findings)
        if value is None:
            continue
        cell = (row.number, found.period)
        if row.parts:
            stated[key][cell] = (value, found.where)
        else:
            plan.values[cell] = plan.values.get(cell, Decimal(0)) + value
            plan.where.setdefault(cell, found.where)
    for key, plan in plans.items():
        findings += _check_sums(plan, stated[key], tolerance, shown)
    return list(plans.values()), findings


def _new_plan(found: Amount, catalogue: Catalogue, shown: str, findings: list[Finding]) -> PlanData | None:
    if found.template:
        template = known_templates(catalogue).get(found.template)
        if template is None:
            findings.append(error("I311", shown, f"Die Zeilenvorlage „{found.template}“ gibt es nicht.",
                                  f"Vorlagen: {', '.join(sorted(known_templates(catalogue)))}.",
                                  line=found.where.line, column=found.where.column))
            return None
        return PlanData(found.holder, found.statement, template, named=True)
    template = default_template(catalogue, found.statement)
    if template is None:
        findings.append(error("I311", shown, "Für den Katalog ist keine Zeilenvorlage bekannt.",
                              "Nennen Sie in der Zuordnung eine vorlage.", line=found.where.line,
                              column=found.where.column))
        return None
    return PlanData(found.holder, found.statement, template, named=False)


def matched(template: RowTemplate, written: str) -> Row | None:
    """The template row a source's row number means, by the one matching rule (``row_templates.row_key``)."""
    return template.find(written)


def _unknown_row(found: Amount, template: RowTemplate, shown: str) -> Finding:
    what = f"Konto {found.account} → Zeile {found.row}" if found.account else f"Zeile „{found.row}“"
    return error("I311", shown, f"Die {what} gibt es in der Zeilenvorlage „{template.name}“ "
                 f"({template.ident}) nicht.", f"Zeilen der Vorlage: {', '.join(template.by_number)}. Nennen Sie in "
                 "der Zuordnung die Vorlage der Quelle (vorlage).", line=found.where.line, column=found.where.column)


def nature(template: RowTemplate, row: Row) -> str:
    """ertrag/aufwand (or einzahlung/auszahlung) of a row; a sum's, if all its detail rows agree; else summe."""
    if row.nature == "darunter" and row.under in template.by_number:
        return nature(template, template.by_number[row.under])
    if not row.parts:
        return row.nature
    kinds = {nature(template, template.by_number[p]) for p in row.parts if p in template.by_number}
    return kinds.pop() if len(kinds) == 1 else "summe"


def _converted(found: Amount, template: RowTemplate, row: Row, convention: str, shown: str,
               findings: list[Finding]) -> Decimal | None:
    """The amount in katalog's convention: Aufwendungen negativ, Erträge positiv, Salden as Erträge − Aufwendungen."""
    kind = nature(template, row)
    value = found.value
    if convention == "ertrag_negativ":
        return -value
    if convention == "aufwand_positiv":
        return -value if kind in OUTGOING else value
    if convention == "ohne_vorzeichen":
        direction = found.direction
        if (direction == "ertrag" and kind in OUTGOING) or (direction == "aufwand" and kind in INCOMING):
            findings.append(error("I318", shown, f"{found.where.cell}: Die Quelle nennt Zeile {row.number} "
                                  f"({row.name}) als {direction}, die Vorlage als {kind}.",
                                  "Prüfen Sie Zeile und Richtung in der Quelle.", line=found.where.line,
                                  column=found.where.column))
            return None
        return -value if direction == "aufwand" or (direction == "summe" and kind in OUTGOING) else value
    return value


def _check_sums(plan: PlanData, sums: dict[tuple[str, Period], tuple[Decimal, Where]], tolerance: Decimal,
                shown: str) -> list[Finding]:
    """Each sum row the source states, against the sum of the source's detail rows."""
    rows: dict[str, Any] = {}
    for (number, period), value in plan.values.items():
        rows.setdefault(number, {}).setdefault(period.wertart, {})[str(period.year)] = value
    findings = []
    for (number, period), (value, where) in sorted(sums.items(), key=lambda item: item[1][1].line):
        computed = computed_sum(plan.template, rows, number, period)
        if computed is None:  # no part stated: the stated sum is all there is
            plan.values[(number, period)] = value
            plan.where[(number, period)] = where
        elif abs(computed - value) > tolerance:
            parts = plan.template.by_number[number].parts
            findings.append(error(
                "I312", shown, f"{where.cell}: Die Summenzeile {number} ({period}) nennt {euro(value)}, die "
                f"Einzelzeilen {parts[0]}–{parts[-1]} der Quelle ergeben {euro(computed)} (Abweichung "
                f"{euro(value - computed)}).", f"Zulässig sind {euro(tolerance)} (summentoleranz). Prüfen Sie die "
                "Quelle; katalog übernimmt die Einzelzeilen und rechnet die Summen selbst.",
                line=where.line, column=where.column))
    return findings
