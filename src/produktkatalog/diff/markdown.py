"""A diff as Markdown for a merge-request comment: a headline with counts, then per catalogue the
Änderungen and the Auswirkungen in tables with right-aligned German numbers; long lists are folded.

Text from YAML files is escaped for table cells: no pipe, no HTML, no Markdown markup gets through.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from produktkatalog.diff.records import AmountChange, CatalogueDiff, Diff, EntityChange, FieldChange, GoalChange
from produktkatalog.present.figures import LIGHTS
from produktkatalog.present.markdown import inline
from produktkatalog.wording.numbers import number, with_unit
from produktkatalog.wording.text import shorten

FOLD_AFTER = 10  # rows; longer Auswirkungen tables are folded into <details>
TEXT_LIMIT = 80  # characters of a text value shown in a table cell
_SOURCES = {"teilergebnisplan": "Teilergebnisplan", "teilfinanzplan": "Teilfinanzplan", "kennzahl": "Kennzahl"}
Record = TypeVar("Record")


def markdown(diff: Diff) -> str:
    lines = [f"## Katalogvergleich: {cell(diff.old)} → {cell(diff.new)}", "", _headline(diff)]
    lines += [line for note in diff.notes for line in ("", f"> **Hinweis:** {cell(note)}")]
    for catalogue in diff.catalogues:
        if catalogue.changes or catalogue.effects or catalogue.notes:
            lines += ["", *_catalogue(catalogue)]
    return "\n".join(lines) + "\n"


def _headline(diff: Diff) -> str:
    if not diff.changes and not diff.effects:
        return "**Keine inhaltlichen Unterschiede.**"
    touched = sum(1 for c in diff.catalogues if c.changes or c.effects)
    return (f"**{_count(diff.changes, 'Änderung', 'Änderungen')}, "
            f"{_count(diff.effects, 'Auswirkung', 'Auswirkungen')}** in "
            f"{_count(touched, 'Katalog', 'Katalogen')}.")


def _catalogue(found: CatalogueDiff) -> list[str]:
    lines = [f"### {cell(found.root)}"]
    lines += [line for note in found.notes for line in ("", f"> **Hinweis:** {cell(note)}")]
    lines += ["", f"#### Änderungen ({found.changes})"] if found.changes else []
    lines += _table(found.entities, ("Art", "Was", "vorher", "nachher"), "llll", _entity)
    lines += _table(found.fields, ("Was", "Feld", "alt", "neu"), "llll", _field)
    lines += _table(found.stated, _AMOUNT_HEAD, _AMOUNT_ALIGN, _amount)
    if found.effects:
        lines += ["", f"#### Auswirkungen ({found.effects})", ""]
        lines += _folded("Summen und Roll-ups", _table(found.rows, _AMOUNT_HEAD, _AMOUNT_ALIGN, _amount))
        lines += _folded("Kennzahlen", _table(found.figures, _AMOUNT_HEAD, _AMOUNT_ALIGN, _amount))
        lines += _folded("Zielerreichung", _table(found.goals, _GOAL_HEAD, "llllrrll", _goal))
    return lines


_AMOUNT_HEAD = ("Wer", "Zeile / Kennzahl", "Spalte", "alt", "neu", "Differenz", "relativ")
_AMOUNT_ALIGN = "lllrrrr"
_GOAL_HEAD = ("Wer", "Ziel", "Kennzahl", "Spalte", "Grad alt", "Grad neu", "Ampel alt", "Ampel neu")


def _table(records: Sequence[Record], head: Sequence[str], align: str,
           row: Callable[[Record], Sequence[str]]) -> list[str]:
    if not records:
        return []
    rule = "|" + "|".join("--:" if a == "r" else ":--" for a in align) + "|"
    return ["", "| " + " | ".join(head) + " |", rule, *("| " + " | ".join(row(r)) + " |" for r in records)]


def _folded(title: str, table: list[str]) -> list[str]:
    count = len(table) - 3
    if count <= 0:
        return []
    if count <= FOLD_AFTER:
        return [f"**{title}**", *table, ""]
    return ["<details>", f"<summary>{title}: {count} Werte</summary>", *table, "", "</details>", ""]


def _entity(change: EntityChange) -> list[str]:
    return [change.change, change.kind, cell(change.old) or "—", cell(change.new) or "—"]


def _field(change: FieldChange) -> list[str]:
    return [cell(change.subject), cell(change.field), cell(value_text(change.old)), cell(value_text(change.new))]


def _amount(change: AmountChange) -> list[str]:
    if change.source == "kennzahl":
        item = f"{change.name} ({change.item})" if change.name else change.item
    else:
        item = f"{_SOURCES[change.source]} {change.item} {change.name}".strip()
    delta, relative = change.delta, change.relative
    return [cell(change.subject), cell(item), change.column, _figure(change.old, change),
            _figure(change.new, change), _signed(delta, change) if delta is not None else "—",
            _percent(relative) if relative is not None else "—"]


def _goal(change: GoalChange) -> list[str]:
    return [cell(change.subject), cell(shorten(change.goal, 50)), cell(change.figure), change.column,
            _percent(change.old_degree, sign=False), _percent(change.new_degree, sign=False),
            LIGHTS.get(change.old_light or "", "—"), LIGHTS.get(change.new_light or "", "—")]


def _figure(value: Decimal | None, change: AmountChange) -> str:
    return cell(with_unit(value, change.unit, change.places)) if value is not None else "kein Wert"


def _signed(value: Decimal, change: AmountChange) -> str:
    """A difference with its sign; of a share in % it is in Prozentpunkten."""
    sign = "+" if value > 0 else ""
    if change.unit == "%":
        return f"{sign}{number(value, change.places)}\u00a0Pp."
    return sign + _figure(value, change)


def _percent(value: Decimal | None, sign: bool = True) -> str:
    if value is None:
        return "—"
    return ("+" if sign and value > 0 else "") + with_unit(value, "%", 1)


def value_text(value: Any) -> str:
    """A YAML value in a table cell: German numbers, shortened texts, lists joined by semicolons."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, Decimal | int):
        decimal = Decimal(value)
        exponent = decimal.as_tuple().exponent
        return number(decimal, max(-exponent, 0) if isinstance(exponent, int) else 2)
    if isinstance(value, list):
        return shorten("; ".join(value_text(item) for item in value), TEXT_LIMIT)
    if isinstance(value, dict):
        return shorten(", ".join(f"{k}: {value_text(v)}" for k, v in value.items()), TEXT_LIMIT)
    return shorten(str(value), TEXT_LIMIT)


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, HTML and Markdown markup escaped."""
    return inline(" ".join(text.split()))


def _count(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
