"""Numbers and Kennungen are unique where they must be."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from produktkatalog.findings import Finding, error
from produktkatalog.model import Entry, Kennzahl, Leistung, Product, canonical
from produktkatalog.model.index import Index, scope_of


def check(index: Index) -> Iterator[Finding]:
    catalogue = index.catalogue
    entries: list[Product | Leistung] = [*catalogue.products, *catalogue.leistungen]
    # of two entries with one number, the one whose folder or file name does not begin with it is reported
    numbered = sorted(((e.key, e) for e in entries if e.key), key=lambda pair: not _named_after(pair[1]))
    yield from _duplicates(numbered, "K202", lambda e: f"Die Nummer {e.text('nummer')} ist schon vergeben", ("nummer",))
    figures = [((scope_of(k), k.ident), k) for k in catalogue.kennzahlen if k.ident]
    yield from _duplicates(figures, "K203", _figure_twice, ("id",))
    yield from _duplicates([(p.ident, p) for p in catalogue.programmes if p.ident], "K203",
                           lambda p: f"Die Programmkennung „{p.text('id')}“ ist schon vergeben", ("id",))
    for entry in (*catalogue.products, *catalogue.leistungen):
        yield from _goal_ids(entry)


def _named_after(entry: Product | Leistung) -> bool:
    """Whether the product's folder, or the Leistung's file, is named after the entry's number."""
    name = entry.folder_name if isinstance(entry, Product) else entry.file.rsplit("/", 1)[-1]
    return canonical(name.split("-", 1)[0]) == entry.key


def _figure_twice(figure: Entry) -> str:
    assert isinstance(figure, Kennzahl)
    if figure.product_folder is None:
        where = "im Katalog"
    else:
        where = "bei derselben Leistung" if figure.leistung_key else "im selben Produkt"
    return f"Die Kennung „{figure.ident}“ ist {where} schon vergeben"


def _duplicates(keyed: Iterable[tuple[Any, Entry]], code: str, message: Callable[[Any], str],
                path: tuple[str, ...]) -> Iterator[Finding]:
    first: dict[Any, Entry] = {}
    for key, entry in keyed:
        if key in first:
            yield error(code, entry.file, message(entry) + f" (in {first[key].file}).",
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
