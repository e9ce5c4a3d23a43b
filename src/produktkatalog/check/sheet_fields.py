"""Fields a municipality defines for its sheets: every name under ``felder`` declared in katalog.yaml, of its type."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from produktkatalog.findings import Finding, error
from produktkatalog.model import Entry
from produktkatalog.model.index import Index
from produktkatalog.model.types import SheetField
from produktkatalog.wording.text import suggestion_and_allowed

_SHEETS = {"produkt": "Produkte", "leistung": "Leistungen"}
_TYPES = {"text": "einen Text", "zahl": "eine Zahl", "liste": "eine Liste von Texten"}


def check(index: Index) -> Iterator[Finding]:
    catalogue = index.catalogue
    declared = {field.name: field for field in catalogue.settings.sheet_fields} if catalogue.settings else {}
    for kind, entries in (("produkt", catalogue.products), ("leistung", catalogue.leistungen)):
        for entry in entries:
            yield from _entry(entry, kind, declared)


def _entry(entry: Entry, kind: str, declared: dict[str, SheetField]) -> Iterator[Finding]:
    for name, value in entry.mapping("felder").items():
        field = declared.get(name)
        shown_on = [n for n, f in declared.items() if kind in f.sheets]
        if field is None or kind not in field.sheets:
            where = "" if field is None else f" für {_SHEETS[kind]}"
            yield error("K260", entry.file, f"Das Feld „{name}“ ist in katalog.yaml unter felder nicht{where} "
                        "vereinbart.", (suggestion_and_allowed(name, shown_on) if shown_on else "Vereinbaren Sie es "
                        "in katalog.yaml, z. B. felder: [{name: " + name + ", bezeichnung: …}]."),
                        path=("felder", name), at_key=True)
        elif not _fits(value, field.kind):
            yield error("K261", entry.file, f"Das Feld „{name}“ ({field.label}) ist als {field.kind} vereinbart "
                        f"und erwartet {_TYPES[field.kind]}.", "Korrigieren Sie den Wert oder den typ in katalog.yaml.",
                        path=("felder", name))


def _fits(value: Any, kind: str) -> bool:
    if kind == "zahl":
        return isinstance(value, (int, Decimal)) and not isinstance(value, bool)
    if kind == "liste":
        return isinstance(value, list)
    return isinstance(value, str)
