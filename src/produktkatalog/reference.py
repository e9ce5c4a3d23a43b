"""Reference data shipped with the tool: Produktrahmen schemes and default vocabularies."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from produktkatalog.load import load_document, load_fast
from produktkatalog.resources import reference_dir

LEVELS = ("hauptproduktbereiche", "produktbereiche", "produktgruppen")


@functools.cache
def _shipped(relative: str) -> dict[str, Any]:
    raw = (reference_dir() / relative).read_bytes()
    data = load_fast(raw.decode("utf-8")) or load_document(raw, relative).data
    if data is None:  # a broken shipped file is a bug in the tool, not in the catalogue
        raise RuntimeError(f"shipped reference data unreadable: {relative}")
    return data


@dataclass(frozen=True)
class Framework:
    """A Produktrahmen: number → name for each level, including a catalogue's own additions."""

    scheme: str
    name: str
    levels: dict[str, dict[str, str]]

    def names(self, level: str) -> dict[str, str]:
        return self.levels.get(level, {})

    def group_for(self, product_key: str) -> str | None:
        """The longest Produktgruppe number the product number starts with."""
        groups = [g for g in self.names("produktgruppen") if product_key.startswith(g) and product_key != g]
        return max(groups, key=len) if groups else None

    def extended(self, additions: dict[str, Any]) -> Framework:
        levels = {level: {**self.names(level), **_strings(additions.get(level))} for level in LEVELS}
        return Framework(self.scheme, self.name, levels)


def schemes() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in (reference_dir() / "produktrahmen").glob("*.yaml")))


@functools.cache
def framework(scheme: str) -> Framework | None:
    if scheme not in schemes():
        return None
    data = _shipped(f"produktrahmen/{scheme}.yaml")
    return Framework(scheme, str(data.get("name", scheme)), {level: _strings(data.get(level)) for level in LEVELS})


def default_vocabulary(name: str) -> dict[str, str]:
    return _strings(_shipped("vokabular.yaml").get(name))


def _strings(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


@dataclass(frozen=True)
class Row:
    number: str
    name: str
    kind: str  # ertrag, aufwand, einzahlung, auszahlung, summe, darunter
    parts: tuple[str, ...] = ()  # rows a sum adds up
    under: str | None = None  # the row a "darunter" line details; never added


@dataclass(frozen=True)
class RowTemplate:
    """The rows of a Teilergebnis- or Teilfinanzplan as a Land's Haushaltsverordnung fixes them."""

    ident: str
    name: str
    land: str
    plan: str  # ergebnisplan or finanzplan
    source: str
    rows: tuple[Row, ...]

    @functools.cached_property
    def by_number(self) -> dict[str, Row]:
        return {row.number: row for row in self.rows}


@functools.lru_cache(maxsize=1)
def row_templates() -> dict[str, RowTemplate]:
    templates = {}
    for path in sorted((reference_dir() / "zeilen").glob("*.yaml")):
        data = _shipped(f"zeilen/{path.name}")
        rows = tuple(Row(str(r["nummer"]), str(r["bezeichnung"]), str(r["art"]), tuple(r.get("summe") or ()),
                         r.get("darunter_von")) for r in data["zeilen"])
        template = RowTemplate(str(data["id"]), str(data["name"]), str(data["land"]), str(data["plan"]),
                               str(data["quelle"]), rows)
        templates[template.ident] = template
    return templates


def row_template_for(land: str | None, plan: str) -> RowTemplate | None:
    """The shipped template of a Land for a plan kind, if one ships."""
    return next((t for t in row_templates().values() if t.land == land and t.plan == plan), None)
