"""Files must sit where the layout expects them."""

from __future__ import annotations

from collections.abc import Iterator

from produktkatalog.findings import Finding, error, warning
from produktkatalog.model.index import Index

_LAYOUT_HINT = ("Katalogaufbau: katalog.yaml, programme/*.yaml, kennzahlen/*.yaml, zeilenvorlagen/*.yaml und je "
                "Produkt ein Ordner unter produkte/ mit produkt.yaml, leistungen/*.yaml, kennzahlen/*.yaml, "
                "teilergebnisplan.yaml.")


def check(index: Index) -> Iterator[Finding]:
    catalogue = index.catalogue
    for shown in catalogue.unplaced:
        yield warning("K201", shown, "Die Datei hat keinen Platz im Katalogaufbau und wird nicht geprüft.",
                      _LAYOUT_HINT)
    for entry in (*catalogue.leistungen, *catalogue.plans,
                  *(k for k in catalogue.kennzahlen if k.product_folder is not None)):
        folder = getattr(entry, "product_folder", None)
        if folder not in catalogue.product_folders:
            yield error("K201", entry.file, f"Der Ordner {folder} enthält keine produkt.yaml; die Datei gehört "
                        "zu keinem Produkt.", "Legen Sie die Datei in den Ordner ihres Produkts.")
    yield from _folder_names(index)


def _folder_names(index: Index) -> Iterator[Finding]:
    for product in index.products.values():
        folder_name = product.folder.rsplit("/", 1)[-1]
        if product.key and not folder_name.startswith(product.key):
            yield warning("K213", product.file, f"Der Ordner „{folder_name}“ beginnt nicht mit der Produktnummer "
                          f"{product.key}.", f"Benennen Sie den Ordner „{product.key}-…“, damit man das Produkt "
                          "in der Ordneransicht findet.", path=("nummer",))
