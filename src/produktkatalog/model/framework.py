"""Reference data shipped with the tool: Produktrahmen schemes, default vocabularies, Standardkennzahlen."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from produktkatalog.load import load_document, load_fast
from produktkatalog.system.resources import reference_dir

LEVELS = ("hauptproduktbereiche", "produktbereiche", "produktgruppen")


@functools.cache
def shipped(relative: str) -> dict[str, Any]:
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
    data = shipped(f"produktrahmen/{scheme}.yaml")
    return Framework(scheme, str(data.get("name", scheme)), {level: _strings(data.get(level)) for level in LEVELS})


def default_vocabulary(name: str) -> dict[str, str]:
    return _strings(shipped("vokabular.yaml").get(name))


def standard_figures() -> list[dict[str, Any]]:
    """The Standardkennzahlen that ship with the tool, in the Kennzahl file format."""
    return [figure for figure in shipped("standardkennzahlen.yaml")["kennzahlen"] if isinstance(figure, dict)]


def _strings(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}
