"""Computed values that are settled per owner on first use, and their cached form.

An owner whose inputs are unchanged since its values were cached (same unit key,
see ``units``) is not computed when a catalogue is validated: ``Values`` holds a
way to settle it and does so the first time one of its values is read, either
from the cached blob or, where the blob does not fit the owner's Kennzahlen, by
computing the owner after all. A run that shows a single Produktblatt therefore
decodes one owner, and a run that lists every value settles them all.

The cached form of one owner is a pickle of plain data: per Kennzahl its file,
Kennung and Leistung, and one outcome per period (a ``Decimal``, or the tuple of
a ``NoValue``). It is read with the cache's restricted unpickler.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator, MutableMapping
from decimal import Decimal
from typing import Any

from produktkatalog.compute.evaluate import NoValue, Outcome, Period
from produktkatalog.compute.tables import Owner
from produktkatalog.incremental.store import load_data
from produktkatalog.model import Kennzahl

Key = tuple[int, Owner]  # (id of the Kennzahl, owner it is computed for)
Row = dict[Period, Outcome]
Settle = Callable[[], dict[Key, Row]]


class Values(MutableMapping[Key, Row]):
    """(Kennzahl, owner) → values per period; owners given by ``defer`` are settled when first read."""

    def __init__(self) -> None:
        self._found: dict[Key, Row] = {}
        self._by_owner: dict[Owner, list[Key]] = {}
        self._pending: dict[Owner, Settle] = {}

    def defer(self, owner: Owner, settle: Settle) -> None:
        self._pending[owner] = settle

    def of_owner(self, owner: Owner) -> list[tuple[Key, Row]]:
        """The entries of one owner, settling only that owner."""
        self._settle(owner)
        return [(key, self._found[key]) for key in self._by_owner.get(owner, [])]

    def settled(self) -> dict[Key, Row]:
        """The entries known without settling any owner (those computed, or read already)."""
        return dict(self._found)

    def __getitem__(self, key: Key) -> Row:
        self._settle(key[1])
        return self._found[key]

    def __setitem__(self, key: Key, value: Row) -> None:
        if key not in self._found:
            self._by_owner.setdefault(key[1], []).append(key)
        self._found[key] = value

    def __delitem__(self, key: Key) -> None:
        self._settle(key[1])
        del self._found[key]
        self._by_owner[key[1]].remove(key)

    def __iter__(self) -> Iterator[Key]:
        for owner in list(self._pending):
            self._settle(owner)
        return iter(self._found)

    def __len__(self) -> int:
        return len(list(iter(self)))

    def _settle(self, owner: Owner) -> None:
        settle = self._pending.pop(owner, None)
        if settle is not None:
            for key, row in settle().items():
                self[key] = row


def encode(entries: list[tuple[Kennzahl, Row]], periods: list[Period]) -> bytes:
    """One owner's values as plain data, in the order of ``entries``."""
    plain = [(figure.file, figure.ident, figure.leistung_key, [_plain(row.get(period)) for period in periods])
             for figure, row in entries]
    return pickle.dumps(plain, protocol=pickle.HIGHEST_PROTOCOL)


def decode(blob: bytes, figures: list[Kennzahl], periods: list[Period]) -> list[Row] | None:
    """The rows of ``figures`` (in that order) from ``encode``; None if the blob does not fit them exactly."""
    stored = load_data(blob)
    if not isinstance(stored, list) or len(stored) != len(figures):
        return None
    rows = []
    for item, figure in zip(stored, figures, strict=True):
        if (type(item) is not tuple or len(item) != 4 or item[:3] != (figure.file, figure.ident, figure.leistung_key)
                or not isinstance(item[3], list) or len(item[3]) != len(periods)):
            return None
        row: Row = {}
        for period, value in zip(periods, item[3], strict=True):
            outcome = _outcome(value)
            if outcome is None:
                return None
            row[period] = outcome
        rows.append(row)
    return rows


def _plain(outcome: Outcome | None) -> Any:
    if isinstance(outcome, NoValue):
        return (outcome.reason, outcome.problem, outcome.offset)
    return outcome


def _outcome(value: Any) -> Outcome | None:
    if type(value) is Decimal:
        return value
    if (type(value) is tuple and len(value) == 3 and type(value[0]) is str and type(value[1]) is bool
            and (value[2] is None or type(value[2]) is int)):
        return NoValue(value[0], value[1], value[2])
    return None
