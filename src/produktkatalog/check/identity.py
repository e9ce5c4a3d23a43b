"""Numbers and Kennungen are unique where they must be."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from produktkatalog.check.index import Index, scope_of
from produktkatalog.findings import Finding, error
from produktkatalog.model import Entry, Leistung, Product


def check(index: Index) -> Iterator[Finding]:
    catalogue = index.catalogue
    entries: list[Product | Leistung] = [*catalogue.products, *catalogue.leistungen]
    numbered = [(e.key, e) for e in entries if e.key]
    yield from _duplicates(numbered, "K202", "Die Nummer {k} ist schon vergeben", ("nummer",))
    figures = [((scope_of(k), k.ident), k) for k in catalogue.kennzahlen if k.ident]
    yield from _duplicates(figures, "K203", "Die Kennung „{k[1]}“ ist im selben Produkt schon vergeben", ("id",))
    yield from _duplicates([(p.ident, p) for p in catalogue.programmes if p.ident], "K203",
                           "Die Programmkennung „{k}“ ist schon vergeben", ("id",))
    for entry in (*catalogue.products, *catalogue.leistungen):
        yield from _goal_ids(entry)


def _duplicates(keyed: Iterable[tuple[Any, Entry]], code: str, message: str, path: tuple[str, ...]
                ) -> Iterator[Finding]:
    first: dict[Any, Entry] = {}
    for key, entry in keyed:
        if key in first:
            yield error(code, entry.file, message.format(k=key) + f" (in {first[key].file}).",
                        "Jede Nummer und jede Kennung darf nur einmal vorkommen; vergeben Sie eine neue.", path=path)
        else:
            first[key] = entry


def _goal_ids(entry: Entry) -> Iterator[Finding]:
    seen: set[str] = set()
    for position, goal in enumerate(entry.items("ziele")):
        ident = goal.get("id") if isinstance(goal, dict) else None
        if not isinstance(ident, str):
            continue
        if ident in seen:
            yield error("K203", entry.file, f"Die Zielkennung „{ident}“ ist in dieser Datei schon vergeben.",
                        "Geben Sie jedem Ziel eine eigene Kennung.", path=("ziele", position, "id"))
        seen.add(ident)
