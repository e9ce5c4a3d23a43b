"""Field-by-field differences of two YAML documents, with readable paths.

Mappings are compared key by key. A list of entries that carry a Kennung (``id``,
``programm``, ``name``) is compared entry by entry by that Kennung, a list of the
same length position by position; any other changed list counts as one change of
the whole list. A path reads like ``ziele › „Kurze Wartezeit“ › zielwerte › 2026``.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from produktkatalog.findings import DocPath
from produktkatalog.wording.text import shorten

_KEYS = ("id", "programm", "name")
_TITLES = ("titel", "bezeichnung", "name", "id", "programm")
Difference = tuple[DocPath, str, Any, Any]  # path, readable path, old, new


def differences(old: Any, new: Any, path: DocPath = (), shown: tuple[str, ...] = ()) -> Iterator[Difference]:
    if same(old, new):
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(k for k in new if k not in old)]:
            yield from differences(old.get(key), new.get(key), (*path, key), (*shown, str(key)))
    elif isinstance(old, list) and isinstance(new, list) and (pairs := _list_pairs(old, new)) is not None:
        for position, before, after in pairs:
            yield from differences(before, after, (*path, position), (*shown, _item(before, after, position)))
    else:
        yield path, " › ".join(shown), old, new


def same(old: Any, new: Any) -> bool:
    """Equal as YAML values: 1 and 1.0 are the same amount, but true is not 1."""
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new) and old == new
    if isinstance(old, (int, Decimal)) and isinstance(new, (int, Decimal)):
        return Decimal(old) == Decimal(new)
    if type(old) is not type(new):
        return False
    if isinstance(old, dict):
        return old.keys() == new.keys() and all(same(old[k], new[k]) for k in old)
    if isinstance(old, list):
        return len(old) == len(new) and all(same(a, b) for a, b in zip(old, new, strict=True))
    return bool(old == new)


def _list_pairs(old: list[Any], new: list[Any]) -> list[tuple[int, Any, Any]] | None:
    key = _common_key(old, new)
    if key is not None:
        before = {item[key]: (n, item) for n, item in enumerate(old)}
        after = {item[key]: (n, item) for n, item in enumerate(new)}
        names = [*before, *(name for name in after if name not in before)]
        return [(after.get(name, before.get(name, (0, None)))[0], before.get(name, (0, None))[1],
                 after.get(name, (0, None))[1]) for name in names]
    if len(old) == len(new) and all(isinstance(item, dict) for item in (*old, *new)):
        return [(n, a, b) for n, (a, b) in enumerate(zip(old, new, strict=True))]
    return None


def _common_key(old: list[Any], new: list[Any]) -> str | None:
    """A key every entry on both sides has, with a distinct text value on each side."""
    for key in _KEYS:
        for items in (old, new):
            values = [item.get(key) if isinstance(item, dict) else None for item in items]
            if not all(isinstance(v, str) for v in values) or len(set(values)) != len(values):
                break
        else:
            return key
    return None


def _item(old: Any, new: Any, position: int) -> str:
    entry = new if isinstance(new, dict) else old
    if isinstance(entry, dict):
        title = next((entry[k] for k in _TITLES if isinstance(entry.get(k), str)), None)
        if title:
            return f"„{shorten(title, 40)}“"
    return f"Eintrag {position + 1}"
