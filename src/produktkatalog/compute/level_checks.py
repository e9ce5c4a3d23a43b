"""A level's stated plan against the roll-up of what is below it (K242), cell by cell, with the tolerance."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from produktkatalog.compute.table import Table
from produktkatalog.compute.tables import PlanTables
from produktkatalog.findings import Finding, error
from produktkatalog.model import Catalogue
from produktkatalog.model.conventions import factors, input_convention
from produktkatalog.model.owners import Owner
from produktkatalog.model.plan_rows import stated_cell
from produktkatalog.model.values import Period

_OF = {"produktgruppe": "der Produktgruppe", "produktbereich": "des Produktbereichs",
       "teilhaushalt": "des Teilhaushalts"}
_BELOW = {"produktgruppe": "ihrer Produkte", "produktbereich": "seiner Produktgruppen und Produkte",
          "teilhaushalt": "seiner Bestandteile"}


def level_findings(tables: PlanTables, periods: list[Period], tolerance: Decimal,
                   catalogue: Catalogue | None = None) -> dict[Owner, list[Finding]]:
    """Each stated level plan's cells that differ from the roll-up by more than ``tolerance``, by level owner;
    compared canonical, named as the plan enters them (``model.conventions``, with ``catalogue``)."""
    found: dict[Owner, list[Finding]] = {}
    for (owner, statement), stated in sorted(tables.stated.items()):
        rollup = tables.table(owner, statement)
        if rollup is not None:
            found.setdefault(owner, []).extend(differences(stated, rollup, periods, tolerance, catalogue))
    return found


def differences(stated: Table, rollup: Table, periods: list[Period], tolerance: Decimal,
                catalogue: Catalogue | None = None) -> Iterator[Finding]:
    plan = stated.plan
    assert plan is not None
    signs = factors(stated.template, input_convention(plan, catalogue, stated.template)) if catalogue else {}
    for written in plan.mapping("zeilen"):
        row = stated.template.find(written)
        if row is None or rollup.template.find(written) is None:
            continue  # K217 names it
        for period in periods:
            amount = stated_cell(stated.rows, row.number, period)
            computed = rollup.column(period).amount(row.number)
            if isinstance(amount, Decimal) and computed is not None and abs(amount - computed) > tolerance:
                if signs.get(row.number) == -1:  # as the plan enters them
                    amount, computed = -amount, -computed
                yield _finding(stated, (written, period), amount, computed, tolerance)


def _finding(stated: Table, where: tuple[str, Period], amount: Decimal, computed: Decimal,
             tolerance: Decimal) -> Finding:
    from produktkatalog.wording.numbers import with_unit  # Babel loads only when a plan differs

    written, period = where
    assert stated.plan is not None
    level = stated.owner.level
    shown = [with_unit(value, "EUR", 2) for value in (amount, computed, amount - computed, tolerance)]
    return error("K242", stated.plan.file,
                 f"Zeile {written} ({period}) des Plans {_OF[level]} {stated.owner.key} nennt {shown[0]}, die "
                 f"Summe {_BELOW[level]} ergibt {shown[1]} (Abweichung {shown[2]}).",
                 f"Korrigieren Sie den Betrag hier oder in den Plänen darunter. Zulässige Rundungsabweichung: "
                 f"{shown[3]} (summentoleranz).", path=("zeilen", written, period.wertart, str(period.year)))
