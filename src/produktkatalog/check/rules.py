"""Rules a catalogue sets for itself in katalog.yaml (``regeln``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from produktkatalog.findings import Finding, Severity
from produktkatalog.model import Entry, texts
from produktkatalog.model.index import Index


def check(index: Index) -> Iterator[Finding]:
    settings = index.catalogue.settings
    if settings is None:
        return
    for rule in settings.items("regeln"):
        if not isinstance(rule, dict):
            continue
        entries = index.catalogue.leistungen if rule.get("gilt_fuer") == "leistungen" else index.catalogue.products
        apply = _programme_link if rule.get("art") == "programmbezug" else _required_fields
        for entry in entries:
            yield from apply(rule, entry)


def _finding(rule: dict[str, Any], entry: Entry, message: str, hint: str, path: tuple[Any, ...]) -> Finding:
    severity = Severity.WARNING if rule.get("schweregrad") == "warnung" else Severity.ERROR
    about = f" {rule['beschreibung']}" if isinstance(rule.get("beschreibung"), str) else ""
    return Finding("K212", severity, entry.file, f"Regel „{rule.get('id')}“: {message}", (hint + about).strip(),
                   path=path)


def _programme_link(rule: dict[str, Any], entry: Entry) -> Iterator[Finding]:
    programme = rule.get("programm")
    links = [(n, link) for n, link in enumerate(entry.items("programmbezuege"))
             if isinstance(link, dict) and link.get("programm") == programme]
    if not links:
        yield _finding(rule, entry, f"Der Beitrag zum Programm „{programme}“ fehlt.",
                       f"Ergänzen Sie programmbezuege: [{{programm: {programme}, beitrag: …}}].", _anchor(entry))
        return
    position, link = links[0]
    for field in texts(rule.get("felder")):
        if _empty(link.get(field)):
            yield _finding(rule, entry, f"Im Programmbezug zu „{programme}“ fehlt „{field}“.",
                           f"Füllen Sie „{field}“ aus.", ("programmbezuege", position))


def _required_fields(rule: dict[str, Any], entry: Entry) -> Iterator[Finding]:
    for field in texts(rule.get("felder")):
        if _empty(entry.data.get(field)):
            yield _finding(rule, entry, f"Das Feld „{field}“ ist nicht ausgefüllt.", f"Füllen Sie „{field}“ aus.",
                           (field,) if field in entry.data else _anchor(entry))


def _anchor(entry: Entry) -> tuple[str, ...]:
    """Where a missing field is reported: the entry's number, else its name, else the file."""
    return next(((key,) for key in ("nummer", "bezeichnung") if key in entry.data), ())


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list, dict)) and not value)
