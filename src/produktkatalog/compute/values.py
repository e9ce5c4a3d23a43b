"""Computed values, settled per owner on first use.

An owner whose inputs are unchanged since its values were cached (same unit key,
see ``incremental.units``) is not computed when a catalogue is validated:
``Values`` holds a way to settle it and does so the first time one of its values
is read, either from the cached values or, where they do not fit the owner's
Kennzahlen, by computing the owner after all. A run that shows a single
Produktblatt therefore settles one owner, and a run that lists every value
settles them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping

from produktkatalog.model.owners import Owner
from produktkatalog.model.values import Outcome, Period

Key = tuple[int, Owner]  # (id of the Kennzahl, owner it is computed for)
Series = dict[Period, Outcome]  # one Kennzahl's values, by column
Settle = Callable[[], dict[Key, Series]]


class Values(MutableMapping[Key, Series]):
    """(Kennzahl, owner) → values per period; owners given by ``defer`` are settled when first read."""

    def __init__(self) -> None:
        self._found: dict[Key, Series] = {}
        self._by_owner: dict[Owner, list[Key]] = {}
        self._pending: dict[Owner, Settle] = {}

    def defer(self, owner: Owner, settle: Settle) -> None:
        self._pending[owner] = settle

    def of_owner(self, owner: Owner) -> list[tuple[Key, Series]]:
        """The entries of one owner, settling only that owner."""
        self._settle(owner)
        return [(key, self._found[key]) for key in self._by_owner.get(owner, [])]

    def settled(self) -> dict[Key, Series]:
        """The entries known without settling any owner (those computed, or read already)."""
        return dict(self._found)

    def __getitem__(self, key: Key) -> Series:
        self._settle(key[1])
        return self._found[key]

    def __setitem__(self, key: Key, value: Series) -> None:
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
