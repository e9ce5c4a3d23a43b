"""Plain pieces of a sheet read from YAML data: people, sections, strategy, programme references.

The data has passed its schema when a catalogue is rendered, but these readers
still accept any shape (a wrong type reads as empty), so rendering never raises.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from produktkatalog.render.figures import text
from produktkatalog.render.views import Format, Grant, Partner, Person, Section, Strategy, Theme
from produktkatalog.wording.numbers import euro


def mappings(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def strings(value: Any) -> list[str]:
    return [item if isinstance(item, str) else str(item) for item in value
            if item is not None and not isinstance(item, (dict, list))] if isinstance(value, list) else []


def people(value: Any) -> list[Person]:
    return [Person(text(p, "name"), text(p, "rolle"), text(p, "organisationseinheit"), text(p, "anschrift"),
                   text(p, "telefon"), text(p, "email"), text(p, "webseite")) for p in mappings(value)]


def sections(value: Any, depth: int = 0) -> list[Section]:
    """Nested ``abschnitte`` flattened in reading order, each with its depth (at most 6 levels shown as such)."""
    flat = []
    for item in mappings(value):
        flat.append(Section(min(depth, 5), text(item, "nummer"), text(item, "titel"), text(item, "text")))
        flat.extend(sections(item.get("abschnitte"), depth + 1))
    return flat


def strategy(value: Any) -> Strategy | None:
    if not isinstance(value, dict):
        return None
    return Strategy(
        title=text(value, "titel"), subtitle=text(value, "untertitel"), introduction=text(value, "einleitung"),
        partners=[Partner(text(p, "name"), text(p, "art"), text(p, "bemerkung"), strings(p.get("alternativnamen")))
                  for p in mappings(value.get("partner"))],
        formats_introduction=text(value, "formate_einleitung"),
        levels=[(text(e, "kennung"), text(e, "bezeichnung")) for e in mappings(value.get("ebenen"))],
        levels_end=text(value, "ebenen_schluss"),
        themes_introduction=text(value, "themenschwerpunkte_einleitung"),
        themes=[_theme(t) for t in mappings(value.get("themenschwerpunkte"))],
        themes_end=text(value, "themenschwerpunkte_schluss"),
        potentials=sections(value.get("entwicklungspotenziale")),
        grants=[_grant(g) for g in mappings(value.get("zuschussregeln"))])


def _theme(item: dict[str, Any]) -> Theme:
    formats = [Format(text(f, "bezeichnung"), strings(f.get("ebenen"))) for f in mappings(item.get("formate"))]
    return Theme(text(item, "nummer"), text(item, "titel"), text(item, "text"), text(item, "formate_text"),
                 formats, text(item, "formate_schluss"))


def _grant(item: dict[str, Any]) -> Grant:
    limit = item.get("betragsgrenze")
    shown = euro(Decimal(limit)) if isinstance(limit, (int, Decimal)) and not isinstance(limit, bool) else ""
    return Grant(text(item, "nummer"), text(item, "text"), shown, text(item, "zustaendig"),
                 text(item, "bericht_an"))
