"""Sign conventions: how a plan's amounts are entered and how pages and exports show them.

Inside katalog every amount is canonical, ``aufwand_negativ``: Erträge and Einzahlungen positive, Aufwendungen
and Auszahlungen negative, every sum a plain addition. A stated cell becomes canonical in one place
(``stated_rows``, read by the tables and the checks) and goes back by the same factors (``factors``: pages,
exports, ``katalog diff`` and what the import writes). The conventions:

- ``aufwand_negativ``: as is.
- ``ertrag_negativ`` (SAP-style exports): every amount with the opposite sign.
- ``ohne_vorzeichen`` (the classic print with a column +/−/=): detail rows unsigned, an Aufwand/Auszahlung row
  (or a sum of only such rows, e.g. "Ordentliche Aufwendungen") is canonical −v, an Ertrag/Einzahlung row or sum
  +v; a mixed sum (Saldo, Ergebnis) and a row printed "+/-" (``vorzeichen: beide``) carry their sign as printed
  (positive: a surplus).

The convention a plan is entered in: the plan's ``vorzeichen: {eingabe: …}``, else the catalogue's
``vorzeichen: {eingabe: …}``, else its template's ``vorzeichen``, else ``aufwand_negativ``. Pages and exports show
the catalogue's ``vorzeichen: {anzeige: …}`` (``aufwand_negativ`` where none is named).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from produktkatalog.model.row_templates import RowTemplate

if TYPE_CHECKING:
    from produktkatalog.model.types import Catalogue, Plan

CANONICAL = "aufwand_negativ"
CONVENTIONS = (CANONICAL, "ertrag_negativ", "ohne_vorzeichen")
OUTGOING = frozenset({"aufwand", "auszahlung"})
SIGN_WORDS = {CANONICAL: "Erträge positiv, Aufwendungen negativ",
              "ertrag_negativ": "Erträge negativ, Aufwendungen positiv",
              "ohne_vorzeichen": "ohne Vorzeichen (Erträge und Aufwendungen positiv, Salden mit Vorzeichen)"}
# The operator column of an unsigned print, by sign class (see ``RowTemplate.sign_classes``).
OPERATORS = {"ertrag": "+", "einzahlung": "+", "aufwand": "−", "auszahlung": "−", "beide": "+/−"}


def factor(convention: str, sign_class: str) -> int:
    """What a canonical amount of a row of ``sign_class`` is multiplied by in ``convention`` (and back)."""
    if convention == "ertrag_negativ":
        return -1
    if convention == "ohne_vorzeichen" and sign_class in OUTGOING:
        return -1
    return 1


def factors(template: RowTemplate, convention: str) -> dict[str, int]:
    """row number → factor, for every row of the template."""
    return {number: factor(convention, sign_class) for number, sign_class in template.sign_classes.items()}


def operator(template: RowTemplate, number: str) -> str:
    """The +/−/= an unsigned print shows before a row: "=" for every sum, "+/−" for a row printed either way."""
    row = template.by_number.get(number)
    if row is None or row.nature == "darunter":
        return ""
    if row.parts:
        return "="
    return OPERATORS.get(template.sign_classes.get(number, ""), "")


def _choice(data: Any, key: str) -> str | None:
    value = data.get(key) if isinstance(data, dict) else None
    return value if value in CONVENTIONS else None


def input_convention(plan: Plan, catalogue: Catalogue, template: RowTemplate) -> str:
    """The convention the plan's amounts are entered in (see the module's docstring)."""
    settings = catalogue.settings.data.get("vorzeichen") if catalogue.settings is not None else None
    return (_choice(plan.data.get("vorzeichen"), "eingabe") or _choice(settings, "eingabe")
            or template.sign or CANONICAL)


def display_convention(catalogue: Catalogue) -> str:
    """The convention pages and exports show amounts in."""
    settings = catalogue.settings.data.get("vorzeichen") if catalogue.settings is not None else None
    return _choice(settings, "anzeige") or CANONICAL


def stated_rows(plan: Plan, catalogue: Catalogue, template: RowTemplate) -> dict[str, Any]:
    """The plan's stated rows under the template's numbers, every amount canonical (``aufwand_negativ``)."""
    rows = template.keyed(plan.mapping("zeilen"))
    return converted(rows, factors(template, input_convention(plan, catalogue, template)))


def converted(rows: dict[str, Any], by_row: dict[str, int]) -> dict[str, Any]:
    """Rows with every amount of a row whose factor is −1 negated (the same step both ways); ``~``, ``{wert: ~}``
    and anything that is no number stay as written. Unchanged rows are the same objects."""
    if all(by_row.get(number, 1) == 1 for number in rows):
        return rows
    return {number: _negated(values) if by_row.get(number, 1) == -1 else values for number, values in rows.items()}


def _negated(values: Any) -> Any:
    if not isinstance(values, dict):
        return values
    return {wertart: {year: _negated_cell(cell) for year, cell in by_year.items()} if isinstance(by_year, dict)
            else by_year for wertart, by_year in values.items()}


def _negated_cell(cell: Any) -> Any:
    if type(cell) is int or type(cell) is Decimal:
        return -cell
    if isinstance(cell, dict) and (type(cell.get("wert")) is int or type(cell.get("wert")) is Decimal):
        return {**cell, "wert": -cell["wert"]}
    return cell

