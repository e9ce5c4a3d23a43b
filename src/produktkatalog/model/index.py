"""Lookups that several checks share, built once per catalogue."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field

from produktkatalog.model import Catalogue, Kennzahl, Leistung, Product, Programme
from produktkatalog.model.formula import Reference
from produktkatalog.model.framework import Framework, default_vocabulary, framework

BUILTIN_NAMES = frozenset({"einwohner"})

Scope = tuple[str | None, str | None]  # (product folder, Leistung digits); (None, None) is the catalogue


@dataclass
class Index:
    catalogue: Catalogue
    framework: Framework | None
    products: dict[str, Product] = field(default_factory=dict)  # by folder
    numbered: dict[str, Product | Leistung] = field(default_factory=dict)  # by digits
    figures: dict[Scope, dict[str, Kennzahl]] = field(default_factory=lambda: defaultdict(dict))
    programmes: dict[str, Programme] = field(default_factory=dict)
    _chains: dict[Scope, tuple[Scope, ...]] = field(default_factory=dict, repr=False)  # by scope, see _chain

    @classmethod
    def of(cls, catalogue: Catalogue) -> Index:
        index = cls(catalogue, _framework(catalogue))
        index.products = catalogue.product_by_folder()
        numbered: list[Product | Leistung] = [*catalogue.products, *catalogue.leistungen]
        for entry in numbered:
            index.numbered.setdefault(entry.key, entry)
        for figure in catalogue.kennzahlen:
            index.figures[scope_of(figure)].setdefault(figure.ident, figure)
        index.programmes = {p.ident: p for p in catalogue.programmes if p.ident}
        return index

    def vocabulary(self, name: str) -> dict[str, str]:
        settings = self.catalogue.settings
        own = settings.mapping(name) if settings else {}
        return {str(k): str(v) for k, v in own.items()} or default_vocabulary(name)

    def resolve(self, reference: Reference, scope: Scope) -> Kennzahl | str | None:
        """The Kennzahl a formula or Ziel names, ``"builtin"`` for catalogue figures, or ``None``."""
        if reference.qualifier is not None:
            return self._qualified(reference)
        for candidate in self._chain(scope):
            found = self.figures.get(candidate, {}).get(reference.name)
            if found is not None:
                return found
        return "builtin" if reference.name in BUILTIN_NAMES else None

    def visible_names(self, scope: Scope) -> set[str]:
        names = set(BUILTIN_NAMES)
        for candidate in self._chain(scope):
            names |= set(self.figures.get(candidate, {}))
        return names

    @functools.cached_property
    def _product_names(self) -> frozenset[str]:
        return frozenset(name for (product, _), figures in self.figures.items() if product for name in figures)

    def defined_in_products(self, name: str) -> bool:
        return name in self._product_names

    def _qualified(self, reference: Reference) -> Kennzahl | None:
        owner = self.numbered.get(reference.qualifier or "")
        if isinstance(owner, Product):
            return self.figures.get((owner.folder, None), {}).get(reference.name)
        if isinstance(owner, Leistung):
            return self.figures.get((owner.product_folder, owner.key), {}).get(reference.name)
        return None


    def _chain(self, scope: Scope) -> tuple[Scope, ...]:
        """Where a bare Kennung is looked up: the Leistung, its product, the levels whose folders hold the product
        (Produktgruppe, then Produktbereich), the catalogue. Asked for every reference: built once per scope."""
        found = self._chains.get(scope)
        if found is None:
            found = self._chains[scope] = self._lookup_chain(scope)
        return found

    def _lookup_chain(self, scope: Scope) -> tuple[Scope, ...]:
        folder, leistung = scope
        levels = self.catalogue.level_folders
        above: list[Scope] = []
        while folder and levels and "/" in folder:
            folder = folder.rsplit("/", 1)[0]
            if folder in levels:
                above.append((folder, None))
        return (scope[0], leistung), (scope[0], None), *above, (None, None)


def scope_of(figure: Kennzahl) -> Scope:
    return figure.product_folder, figure.leistung_key


def _framework(catalogue: Catalogue) -> Framework | None:
    if catalogue.settings is None:
        return None
    base = framework(catalogue.settings.scheme)
    return base.extended(catalogue.settings.mapping("produktrahmen")) if base else None
