"""Files must sit where the layout expects them."""

from __future__ import annotations

from collections.abc import Iterator

from produktkatalog.findings import Finding, error, warning
from produktkatalog.model.index import Index

_LAYOUT_HINT = ("Katalogaufbau: katalog.yaml, programme/*.yaml, kennzahlen/*.yaml, zeilenvorlagen/*.yaml und je "
                "Produkt ein Ordner unter produkte/ mit produkt.yaml, leistungen/*.yaml, kennzahlen/*.yaml, "
                "teilergebnisplan.yaml; Produktbereiche und -gruppen mit produktbereich.yaml bzw. "
                "produktgruppe.yaml in ihrem Ordner; teilhaushalte/<Nummer>-<Name>/teilhaushalt.yaml.")


def check(index: Index) -> Iterator[Finding]:
    catalogue = index.catalogue
    for shown in catalogue.unplaced:
        yield warning("K201", shown, "Die Datei hat keinen Platz im Katalogaufbau und wird nicht geprüft.",
                      _LAYOUT_HINT)
    for leistung in catalogue.leistungen:
        if leistung.product_folder not in catalogue.product_folders:
            yield error("K201", leistung.file, f"Der Ordner {leistung.product_folder} enthält keine produkt.yaml; "
                        "die Leistung gehört zu keinem Produkt.", "Leistungen liegen im Ordner leistungen/ ihres "
                        "Produkts; Produktbereiche, Produktgruppen und Teilhaushalte haben keine Leistungen.")
    for entry in (*catalogue.plans, *(k for k in catalogue.kennzahlen if k.product_folder is not None)):
        folder = getattr(entry, "product_folder", None)
        if not catalogue.owns(folder):
            yield error("K201", entry.file, f"Der Ordner {folder} enthält weder produkt.yaml noch "
                        "produktgruppe.yaml, produktbereich.yaml oder teilhaushalt.yaml; die Datei gehört zu "
                        "niemandem.", "Legen Sie die Datei in den Ordner ihres Produkts oder ihrer Ebene.")
    yield from _two_owners(index)
    yield from _folder_names(index)


def _two_owners(index: Index) -> Iterator[Finding]:
    """A folder is one owner: a product's, a Produktgruppe's, a Produktbereich's or a Teilhaushalt's."""
    catalogue = index.catalogue
    for level in catalogue.levels:
        if level.folder in catalogue.product_folders:
            yield error("K201", level.file, f"Der Ordner {level.folder} enthält schon eine produkt.yaml; ein Ordner "
                        f"gehört entweder einem Produkt oder einer Ebene.", f"Legen Sie die {level.level}.yaml in "
                        "den Ordner der Ebene darüber, oder den Inhalt in die produkt.yaml.")


def _folder_names(index: Index) -> Iterator[Finding]:
    for product in index.products.values():
        folder_name = product.folder.rsplit("/", 1)[-1]
        if product.key and not folder_name.startswith(product.key):
            yield warning("K213", product.file, f"Der Ordner „{folder_name}“ beginnt nicht mit der Produktnummer "
                          f"{product.key}.", f"Benennen Sie den Ordner „{product.key}-…“, damit man das Produkt "
                          "in der Ordneransicht findet.", path=("nummer",))
