"""Each number sits in the Produktrahmen: Leistung under its product, product in a Produktgruppe."""

from __future__ import annotations

from collections.abc import Iterator

from produktkatalog.findings import Finding, error
from produktkatalog.model import Product, canonical
from produktkatalog.model.framework import framework
from produktkatalog.model.index import Index
from produktkatalog.wording.text import suggestion


def check(index: Index) -> Iterator[Finding]:
    for leistung in index.catalogue.leistungen:
        product = index.products.get(leistung.product_folder)
        if product and product.key and leistung.key and not _extends(leistung.key, product.key):
            yield error("K204", leistung.file, f"Die Leistungsnummer {leistung.number} beginnt nicht mit der "
                        f"Nummer ihres Produkts {product.number}.", f"Leistungen des Produkts {product.number} "
                        f"haben Nummern wie {product.key}01 oder {product.key}1.", path=("nummer",))
    if index.framework is not None:
        for product in index.catalogue.products:
            yield from _group(index, product)
            yield from _statistics_group(product)


def _extends(child: str, parent: str) -> bool:
    return child.startswith(parent) and len(child) > len(parent)


def _group(index: Index, product: Product) -> Iterator[Finding]:
    assert index.framework is not None
    groups = index.framework.names("produktgruppen")
    declared = product.text("produktgruppe")
    if product.key and product.key == canonical(declared or product.key) and product.key in groups:
        yield error("K206", product.file, f"Die Produktnummer {product.number} ist die Nummer der Produktgruppe "
                    f"{product.key} ({groups[product.key]}), nicht die eines Produkts darin.", "Beschreibt die Datei "
                    "die Produktgruppe selbst, gehört ihr Inhalt in eine produktgruppe.yaml im Ordner der Gruppe "
                    f"(„{product.key}-…“). Produktnummern setzen die Nummer ihrer Produktgruppe fort, z. B. "
                    f"{product.key}01.", path=("nummer",))
        return
    if declared is None:
        if product.key and index.framework.group_for(product.key) is None:
            wanted = _wanted_group(groups, product.key)
            looked = f" (gesucht: {' oder '.join(wanted)})" if wanted else ""
            yield error("K205", product.file, f"Zur Produktnummer {product.number} gibt es im Produktrahmen "
                        f"„{index.framework.name}“ keine Produktgruppe{looked}.", f"Ergänzen Sie die Produktgruppe "
                        f"{wanted[0] if wanted else ''} in katalog.yaml unter produktrahmen → produktgruppen, oder "
                        "korrigieren Sie die Nummer.".replace("Produktgruppe  in", "Produktgruppe in"),
                        path=("nummer",))
        return
    if canonical(declared) not in groups:
        hint = suggestion(canonical(declared), groups) or ("Ergänzen Sie sie in katalog.yaml unter "
                                                           "produktrahmen → produktgruppen.")
        yield error("K205", product.file, f"Die Produktgruppe {declared} gibt es im Produktrahmen "
                    f"„{index.framework.name}“ nicht.", hint, path=("produktgruppe",))
    elif product.key and not _extends(product.key, canonical(declared)):
        yield error("K206", product.file, f"Die Produktnummer {product.number} beginnt nicht mit der Nummer "
                    f"ihrer Produktgruppe {declared}.", "Produktnummern beginnen mit der Nummer der Produktgruppe.",
                    path=("nummer",))


def _wanted_group(groups: dict[str, str], key: str) -> list[str]:
    """The group numbers a product number would sit in: its beginnings as long as the Produktrahmen's groups."""
    lengths = sorted({len(group) for group in groups if len(group) < len(key)}, reverse=True)
    return [key[:length] for length in lengths]


def _statistics_group(product: Product) -> Iterator[Finding]:
    group = product.text("statistik_produktgruppe")
    imk = framework("imk")
    if group and imk and group not in imk.names("produktgruppen"):
        yield error("K205", product.file, f"Die Produktgruppe {group} gibt es im IMK-Produktrahmen nicht.",
                    suggestion(group, imk.names("produktgruppen")), path=("statistik_produktgruppe",))
