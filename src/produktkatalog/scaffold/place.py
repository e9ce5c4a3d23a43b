"""Where a new file goes in the catalogue layout (see README, „Aufbau eines Katalogs“).

Products: ``produkte/<Produktbereich>-<name>/<nummer>-<name>/produkt.yaml``, in the
folder of their Produktbereich if it exists, else in a new one named from the
Produktrahmen. Leistungen: ``<produkt>/leistungen/<nummer>-<name>.yaml``.
Kennzahlen: ``kennzahlen/<kennung>.yaml`` of the catalogue or the product,
``<leistungsnummer>-<kennung>.yaml`` for a Leistung's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from produktkatalog.model import Leistung, Product
from produktkatalog.model.index import Index
from produktkatalog.model.numbering import canonical
from produktkatalog.scaffold.names import CannotCreate, numbered_name


@dataclass(frozen=True)
class Owners:
    """What a new Kennzahl belongs to: a product (None: the catalogue) and maybe one of its Leistungen."""

    product: Product | None
    leistung: Leistung | None = None


def product_file(root: Path, index: Index, number: str, title: str) -> Path:
    key = canonical(number)
    _unused_number(index, key, number)
    if index.framework is not None and index.framework.group_for(key) is None:
        raise CannotCreate(f"Zur Produktnummer {number} gibt es im Produktrahmen „{index.framework.name}“ keine "
                           "Produktgruppe. Ergänzen Sie sie in katalog.yaml unter produktrahmen → produktgruppen, "
                           "oder korrigieren Sie die Nummer.")
    return _area_folder(root, index, key) / numbered_name(key, title) / "produkt.yaml"


def leistung_file(index: Index, number: str, title: str, product: Product) -> Path:
    key = canonical(number)
    _unused_number(index, key, number)
    if product.key and not (key.startswith(product.key) and key != product.key):
        raise CannotCreate(f"Die Leistungsnummer {number} beginnt nicht mit der Nummer ihres Produkts "
                           f"{product.number}. Leistungen des Produkts haben Nummern wie {product.key}01.")
    return Path(product.folder) / "leistungen" / f"{numbered_name(key, title)}.yaml"


def kennzahl_file(root: Path, index: Index, ident: str, owners: Owners) -> Path:
    scope = (owners.product.folder if owners.product else None, owners.leistung.key if owners.leistung else None)
    taken = index.figures.get(scope, {}).get(ident)
    if taken is not None:
        raise CannotCreate(f"Die Kennung {ident} ist dort schon vergeben: {taken.file}.")
    name = f"{owners.leistung.key}-{ident}" if owners.leistung else ident
    return (Path(owners.product.folder) if owners.product else root) / "kennzahlen" / f"{name}.yaml"


def product_of_leistung(index: Index, number: str, given: str | None) -> Product:
    """The product named by ``--produkt``, else the one whose number the Leistung's number continues."""
    if given is not None:
        return find_product(index, given)
    key = canonical(number)
    owners = [p for p in index.catalogue.products if p.key and key.startswith(p.key) and key != p.key]
    if not owners:
        raise CannotCreate(f"Die Leistungsnummer {number} setzt keine Produktnummer des Katalogs fort. "
                           "Nennen Sie das Produkt mit --produkt NR.")
    return max(owners, key=lambda product: len(product.key))


def find_product(index: Index, given: str) -> Product:
    """A product by its number (in any spelling) or by the name of its folder."""
    key = canonical(given)
    for product in index.catalogue.products:
        if (key and product.key == key) or Path(product.folder).name == given:
            return product
    raise CannotCreate(f"Ein Produkt „{given}“ gibt es im Katalog nicht (gesucht nach Nummer und Ordnername).")


def find_leistung(index: Index, given: str) -> Leistung:
    key = canonical(given)
    found = next((leistung for leistung in index.catalogue.leistungen if key and leistung.key == key), None)
    if found is None:
        raise CannotCreate(f"Eine Leistung „{given}“ gibt es im Katalog nicht.")
    return found


def _unused_number(index: Index, key: str, number: str) -> None:
    taken = index.numbered.get(key)
    if taken is not None:
        raise CannotCreate(f"Die Nummer {number} ist schon vergeben: {taken.file}.")


def _area_folder(root: Path, index: Index, key: str) -> Path:
    """The folder of the product's Produktbereich: the existing one, else one named from the Produktrahmen."""
    products = root / "produkte"
    areas = index.framework.names("produktbereiche") if index.framework else {}
    area = max((number for number in areas if key.startswith(number) and key != number), key=len, default=None)
    if area is None:
        return products
    existing = sorted(path for path in products.glob(f"{area}-*") if path.is_dir()) if products.is_dir() else []
    return existing[0] if existing else products / numbered_name(area, areas[area])

