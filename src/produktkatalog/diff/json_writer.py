"""A diff as JSON for machines: stable order, English keys, every number a string (Decimal, unrounded)."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from typing import Any

from produktkatalog import __version__
from produktkatalog.diff.records import AmountChange, CatalogueDiff, Diff, GoalChange
from produktkatalog.wording.numbers import unsigned_zero


def as_json(diff: Diff) -> str:
    document = {
        "tool": "katalog",
        "version": __version__,
        "old": {"label": diff.old, "revision": diff.old_revision},
        "new": {"label": diff.new, "revision": diff.new_revision},
        "summary": {"changes": diff.changes, "effects": diff.effects},
        "notes": diff.notes,
        "catalogues": [_catalogue(found) for found in diff.catalogues],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _catalogue(found: CatalogueDiff) -> dict[str, Any]:
    return {
        "root": found.root,
        "notes": found.notes,
        "changes": {
            "entities": [plain(dataclasses.asdict(e)) for e in found.entities],
            "fields": [{**plain(dataclasses.asdict(f)), "path": list(f.path)} for f in found.fields],
            "amounts": [_amount(a) for a in found.stated],
        },
        "effects": {
            "rows": [_amount(a) for a in found.rows],
            "figures": [_amount(a) for a in found.figures],
            "goals": [_goal(g) for g in found.goals],
        },
    }


def _amount(change: AmountChange) -> dict[str, Any]:
    return _record({**dataclasses.asdict(change), "column": change.column, "delta": change.delta,
                    "relative": change.relative})


def _goal(change: GoalChange) -> dict[str, Any]:
    return _record({**dataclasses.asdict(change), "column": change.column})


def _record(fields: dict[str, Any]) -> dict[str, Any]:
    """Plain values under the keys of the published format (a Wertart is ``kind`` there)."""
    return {_KEYS.get(key, key): plain(value) for key, value in fields.items()}


_KEYS = {"wertart": "kind"}


def plain(value: Any) -> Any:
    """Decimals as strings in fixed-point notation, recursively; tuples as lists."""
    if isinstance(value, Decimal):
        return format(unsigned_zero(value), "f")
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value
