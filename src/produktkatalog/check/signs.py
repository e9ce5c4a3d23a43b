"""Plan amounts whose sign contradicts their row's kind under the plan's sign convention (K221, a warning).

A plan typed as printed (expenses positive) adds up without a single wrong sum, yet
turns every Zuschussbedarf negative. So each stated amount of an Ertrag, Aufwand,
Einzahlung or Auszahlung row is held against the sign the convention the plan is
entered in (``model.conventions.input_convention``: the plan's, the catalogue's or the
template's ``vorzeichen``) gives that kind; rows printed with "+/-" (``vorzeichen: beide``)
and sums are not.
Where every amount of one side (all Erträge, or all Aufwendungen) in more than one
row has the other sign, the plan gets one warning naming the likely cause; other
contradictions get one warning per row, at its first such amount.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from produktkatalog.findings import Finding, warning
from produktkatalog.model import Plan, template_of
from produktkatalog.model.conventions import input_convention
from produktkatalog.model.index import Index
from produktkatalog.model.row_templates import Row, RowTemplate

# The sign each row kind has under a convention; a further convention is one more entry here.
CONVENTIONS: dict[str, dict[str, int]] = {
    "aufwand_negativ": {"ertrag": 1, "einzahlung": 1, "aufwand": -1, "auszahlung": -1},
    "ertrag_negativ": {"ertrag": -1, "einzahlung": -1, "aufwand": 1, "auszahlung": 1},
    "ohne_vorzeichen": {"ertrag": 1, "einzahlung": 1, "aufwand": 1, "auszahlung": 1},
}
_PLURAL = {"ertrag": "Erträge", "einzahlung": "Einzahlungen", "aufwand": "Aufwendungen", "auszahlung": "Auszahlungen"}
_SIGN_WORDS = {1: "positiv", -1: "negativ"}
_SHOWN = 3  # amounts named in a row's warning


def expected_sign(convention: str, row: Row) -> int | None:
    """+1 or -1 where ``convention`` fixes the sign of the row's amounts; None for sums, darunter and "+/-" rows."""
    if row.either_sign:
        return None
    return CONVENTIONS.get(convention, {}).get(row.nature)


@dataclass(frozen=True)
class _Amount:
    row: Row
    path: tuple[str, str, str]  # row number, Wertart, year
    amount: Decimal
    expected: int  # the sign the plan's convention gives the row
    side: int  # +1 for Erträge and Einzahlungen, -1 for Aufwendungen and Auszahlungen, in every convention


@dataclass
class _Side:
    """The amounts of one side (all Erträge, or all Aufwendungen) in one plan: grouped alike in every convention,
    so a plan gets the same warnings whichever way it is entered."""

    rows: set[str]
    fitting: int = 0  # amounts with the expected sign


def check(index: Index) -> Iterator[Finding]:
    catalogue = index.catalogue
    for plan in catalogue.plans:
        template = template_of(plan, catalogue)
        if template is not None:
            yield from plan_signs(plan, template, input_convention(plan, catalogue, template))


def plan_signs(plan: Plan, template: RowTemplate, convention: str) -> Iterator[Finding]:
    sides = {1: _Side(set()), -1: _Side(set())}
    wrong = list(_contradicting(plan, template, convention, sides))
    if not wrong:
        return
    flipped = [side for side, found in sides.items() if not found.fitting and len(found.rows) > 1
               and any(a.side == side for a in wrong)]
    if flipped:
        yield _plan_warning(plan, (template, convention), flipped, [a for a in wrong if a.side in flipped])
    by_row: dict[str, list[_Amount]] = {}
    for amount in wrong:
        if amount.side not in flipped:
            by_row.setdefault(amount.row.number, []).append(amount)
    for found in by_row.values():
        yield _row_warning(plan, (template, convention), found)


def _contradicting(plan: Plan, template: RowTemplate, convention: str, sides: dict[int, _Side]) -> Iterator[_Amount]:
    """Every non-zero stated amount whose sign the convention fixes otherwise, in the order of the file; counts
    the fitting ones and the rows of each side on the way."""
    for number, values in plan.mapping("zeilen").items():
        row = template.by_number.get(number)
        expected = expected_sign(convention, row) if row is not None else None
        canonical = expected_sign("aufwand_negativ", row) if row is not None else None
        if expected is None or canonical is None or row is None or not isinstance(values, dict):
            continue
        side = sides[canonical]
        for wertart, by_year in values.items():
            for year, value in (by_year.items() if isinstance(by_year, dict) else ()):
                amount = _number(value)
                if not amount:
                    continue
                side.rows.add(number)
                if (amount > 0) == (expected > 0):
                    side.fitting += 1
                else:
                    yield _Amount(row, (number, wertart, year), Decimal(amount), expected, canonical)


def _number(value: Any) -> Decimal | int | None:
    if type(value) is Decimal or type(value) is int:
        return value
    value = value.get("wert") if isinstance(value, dict) else value
    return value if isinstance(value, (int, Decimal)) and not isinstance(value, bool) else None


def _plan_warning(plan: Plan, rule: tuple[RowTemplate, str], sides: list[int], wrong: list[_Amount]) -> Finding:
    natures = {side: next(a.row.nature for a in wrong if a.side == side) for side in sides}
    signs = {side: next(a.expected for a in wrong if a.side == side) for side in sides}  # as the plan enters them
    stated = " und ".join(f"alle {_PLURAL[natures[side]]} {_SIGN_WORDS[-signs[side]]}" for side in sides)
    rules = " und ".join(_rule(natures[side], signs[side]) for side in sides)
    if len(sides) == 2 and rule[1] in _REVERSED:
        cause = "der ganze Plan scheint mit umgekehrten Vorzeichen erfasst, wie manche Finanzsoftware exportiert"
        fix = f"Kehren Sie jedes Vorzeichen um oder nennen Sie im Plan vorzeichen: {{eingabe: {_REVERSED[rule[1]]}}}"
    elif len(sides) == 2:
        cause = "der ganze Plan scheint mit Vorzeichen erfasst"
        fix = "Geben Sie die Beträge ohne Vorzeichen ein"
    else:
        expected, name = signs[sides[0]], _PLURAL[natures[sides[0]]]
        printed = ", wie sie gedruckt werden" if expected == -1 else ""
        cause = f"der ganze Plan scheint mit {_ADJECTIVES[-expected]} {name} erfasst{printed}"
        fix = f"Geben Sie {name} {_SIGN_WORDS[expected]} ein{' (z. B. -101400 statt 101400)' if expected == -1 else ''}"
        if rule[1] == "aufwand_negativ" and expected == -1:  # typed as an unsigned print: say so instead
            fix += " oder nennen Sie im Plan vorzeichen: {eingabe: ohne_vorzeichen}"
    rows = len({a.row.number for a in wrong})
    return warning("K221", plan.file, f"In diesem Plan sind {stated} ({len(wrong)} Beträge in {rows} Zeilen). "
                   f"{rules} ({_template(*rule)}); {cause}.",
                   f"{fix}; Summenzeilen rechnet katalog selbst. Darf eine Zeile beide Vorzeichen haben (gedruckt "
                   "mit „+/-“), setzen Sie in einer eigenen Zeilenvorlage vorzeichen: beide.",
                   path=("zeilen", *wrong[0].path))


def _row_warning(plan: Plan, rule: tuple[RowTemplate, str], wrong: list[_Amount]) -> Finding:
    from produktkatalog.wording.numbers import euro  # Babel loads only when a sign is wrong

    first = wrong[0]
    shown = ", ".join(f"{a.path[1].capitalize()} {a.path[2]}: {euro(a.amount)}" for a in wrong[:_SHOWN])
    more = f" und {len(wrong) - _SHOWN} weitere" if len(wrong) > _SHOWN else ""
    row = first.row
    return warning("K221", plan.file, f"Zeile {row.number} ({row.name}) ist {_SIGN_WORDS[-first.expected]}: "
                   f"{shown}{more}. {_rule(row.nature, first.expected)} ({_template(*rule)}).",
                   "Prüfen Sie das Vorzeichen. Darf die Zeile beide Vorzeichen haben (gedruckt mit „+/-“), setzen "
                   "Sie in einer eigenen Zeilenvorlage vorzeichen: beide.", path=("zeilen", *first.path))


def _rule(nature: str, sign: int) -> str:
    return f"{_PLURAL[nature]} sind hier {_SIGN_WORDS[sign]} einzugeben"


def _template(template: RowTemplate, convention: str) -> str:
    return f"Zeilenvorlage „{template.name}“, vorzeichen: {convention}"


_REVERSED = {"aufwand_negativ": "ertrag_negativ", "ertrag_negativ": "aufwand_negativ"}


_ADJECTIVES = {1: "positiven", -1: "negativen"}
