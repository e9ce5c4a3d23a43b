"""Konten → rows of the Teilergebnisplan: the shipped Kontenrahmen (only its verified entries) and the
mapping's own ``konten``, longest matching prefix first; the mapping's entries win over the shipped ones."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from produktkatalog.model.framework import shipped

FILES = {"nkf_kontenrahmen_nrw": "kontenrahmen/nrw.yaml"}
VERIFIED = "belegt"


@dataclass(frozen=True)
class Entry:
    prefix: str
    row: str | None
    status: str
    name: str


@dataclass(frozen=True)
class Accounts:
    own: dict[str, str]  # prefix → row, from the mapping
    chart: tuple[Entry, ...]  # the shipped Kontenrahmen, every entry with its status

    def row(self, account: str) -> tuple[str | None, Entry | None]:
        """The row of ``account``, and the shipped entry that matched if it is not verified (a proposal)."""
        digits = "".join(ch for ch in account if ch.isdigit())
        own = max((p for p in self.own if digits.startswith(p)), key=len, default=None)
        shipped_entry = max((e for e in self.chart if digits.startswith(e.prefix)), key=lambda e: len(e.prefix),
                            default=None)
        if own is not None and (shipped_entry is None or len(own) >= len(shipped_entry.prefix)):
            return self.own[own], None
        if shipped_entry is not None and shipped_entry.status == VERIFIED and shipped_entry.row:
            return shipped_entry.row, None
        return None, shipped_entry


def accounts(chart: str | None, own: dict[str, Any]) -> Accounts:
    return Accounts({str(k): str(v) for k, v in own.items()}, _chart(chart) if chart else ())


@functools.cache
def _chart(name: str) -> tuple[Entry, ...]:
    data = shipped(FILES[name])
    entries = []
    for item in data.get("eintraege", []):
        prefixes = item.get("konten")
        for prefix in prefixes if isinstance(prefixes, list) else [prefixes]:
            row = item.get("zeile")
            entries.append(Entry(str(prefix), str(row) if row is not None else None, str(item.get("status")),
                                 str(item.get("bezeichnung", ""))))
    return tuple(entries)
