"""A product number that its folder and its Leistungen contradict is the likely cause of every number finding
around it (K230), with the number they agree on as suggestion."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from produktkatalog.findings import Finding, error
from produktkatalog.model import Leistung, Product, canonical
from produktkatalog.model.index import Index

_LEADING_NUMBER = re.compile(r"^[0-9][0-9 ._]*")


@dataclass(frozen=True)
class Misnumbered:
    product: Product
    agreed: str  # the number the folder and the other witnesses agree on
    leistungen: tuple[Leistung, ...]


def folder_number(product: Product) -> str:
    """The digits the product's folder name begins with („020101-buergerbuero“ → 020101), or ""."""
    match = _LEADING_NUMBER.match(product.folder_name)
    return canonical(match.group()) if match else ""


def misnumbered(index: Index) -> list[Misnumbered]:
    """Products whose number disagrees with their folder's, where another witness sides with the folder: all their
    Leistungen, or the declared Produktgruppe."""
    found = []
    leistungen: dict[str, list[Leistung]] = {}
    for leistung in index.catalogue.leistungen:
        leistungen.setdefault(leistung.product_folder, []).append(leistung)
    for product in index.catalogue.products:
        agreed = folder_number(product)
        own = tuple(leistungen.get(product.folder, []))
        if product.key and agreed and agreed != product.key and _witnessed(product, agreed, own):
            found.append(Misnumbered(product, agreed, own))
    return found


def _witnessed(product: Product, agreed: str, leistungen: tuple[Leistung, ...]) -> bool:
    if leistungen and all(le.key.startswith(agreed) and len(le.key) > len(agreed) for le in leistungen):
        return True
    group = canonical(product.text("produktgruppe") or "")
    return bool(group) and agreed.startswith(group) and not product.key.startswith(group)


def check(index: Index) -> Iterator[Finding]:
    for wrong in misnumbered(index):
        product = wrong.product
        witnesses = [f"der Ordner „{product.folder_name}“"]
        if wrong.leistungen:
            count = len(wrong.leistungen)
            witnesses.append("seine Leistung" if count == 1 else f"alle {count} Leistungen")
        said = f"{' und '.join(witnesses)} {'nennen' if len(witnesses) > 1 else 'nennt'} {wrong.agreed}"
        yield error("K230", product.file, f"Die Produktnummer {product.number} passt nicht zu ihrem Produkt: "
                    f"{said}.",
                    f"Meinten Sie {wrong.agreed}? Soll das Produkt wirklich {product.number} heißen, benennen Sie "
                    "Ordner und Leistungen mit um.", path=("nummer",))
