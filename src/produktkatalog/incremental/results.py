"""Computation results of an earlier run, reused for every owner whose inputs are unchanged.

Each owner (a product, a roll-up, the Gesamtplan) has a unit key: one digest of
everything its values depend on (see ``units``). Where the cache holds findings
and values under that key, the owner's findings are taken as they are and its
values are read only when one is used; every other owner is computed, and its
findings and values are kept for the next run.

Values are used only if their digest is the one recorded with the findings: a
values file that does not match is ignored (the owner is computed) and removed,
and the next run writes it anew, as it does for any values file that is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from produktkatalog.compute import Computation
from produktkatalog.compute.tables import PlanTables
from produktkatalog.compute.values import Series
from produktkatalog.findings import Finding
from produktkatalog.incremental.store import Cache
from produktkatalog.incremental.stored import decode, encode_owner
from produktkatalog.incremental.units import Digests, Sources, unit_keys
from produktkatalog.model import Catalogue, Kennzahl
from produktkatalog.model.index import Index
from produktkatalog.model.owners import Owner
from produktkatalog.model.values import Period
from produktkatalog.system.digest import digest


@dataclass
class Reuse:
    cache: Cache | None
    writes: bool  # False: another folder's cache is read, never written
    keys: dict[Owner, str | None] = field(default_factory=dict)  # unit keys
    known: dict[Owner, list[Finding]] = field(default_factory=dict)  # findings of the unchanged owners
    value_digests: dict[Owner, str] = field(default_factory=dict)

    @classmethod
    def of(cls, cache: Cache | None, writes: bool, catalogue: Catalogue, index: Index, tables: PlanTables,
           digests: Digests, files_of: dict[str, list[str]]) -> Reuse:
        if cache is None:
            return cls(None, writes)
        reuse = cls(cache, writes, unit_keys(catalogue, index, tables, digests, files_of))
        stored, value_digests = cache.results() if reuse.keys else ({}, {})
        for owner, key in reuse.keys.items():
            found = [Finding.from_tuple(f) for f in stored.get(key or "", ())]
            if key in stored and key in value_digests and None not in found:
                reuse.known[owner] = [f for f in found if f is not None]
                reuse.value_digests[owner] = value_digests[key]
        return reuse

    def restore(self, owner: Owner, figures: list[Kennzahl], periods: list[Period]) -> list[Series] | None:
        """The cached values of an unchanged owner, read when first asked for; None if they are not exactly
        the values recorded for it or do not fit its Kennzahlen."""
        key = self.keys.get(owner)
        if self.cache is None or key is None:
            return None
        blob = self.cache.values(key)
        if blob is None:
            return None
        if digest("werte", blob) != self.value_digests.get(owner):
            if self.writes:
                self.cache.forget_values(key)
            return None
        return decode(blob, figures, periods)

    def keep(self, computation: Computation, computed: Mapping[Owner, list[Finding]], digests: Digests,
             files_of: dict[str, list[str]]) -> Sources | None:
        """Stores the located findings and values of the owners computed now; what the computation was made of."""
        if self.cache is None:
            return None
        keyed = {owner: key for owner, key in self.keys.items() if key is not None}
        stored = self.cache.stored_values() if self.writes else set()
        fresh = {owner: encode_owner(computation, owner) for owner, key in keyed.items()
                 if owner not in self.known or (self.writes and not self.cache.has_values(key, stored))}
        self.value_digests.update({owner: digest("werte", blob) for owner, blob in fresh.items()})
        if self.writes and keyed:
            found = {**self.known, **computed}
            self.cache.write_results({key: [f.as_tuple() for f in found.get(owner, [])]
                                      for owner, key in keyed.items()},
                                     {key: self.value_digests[owner] for owner, key in keyed.items()},
                                     {key: fresh[owner] for owner, key in keyed.items() if owner in fresh})
        return Sources(digests, files_of, self.keys, self.value_digests)
