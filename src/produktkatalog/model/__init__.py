"""Model stage: the loaded files of one catalogue as typed objects."""

from produktkatalog.model.build import build_catalogue
from produktkatalog.model.numbering import canonical
from produktkatalog.model.template_choice import template_name, template_of
from produktkatalog.model.types import (
    Catalogue,
    Entry,
    Kennzahl,
    Leistung,
    Level,
    Plan,
    Product,
    Programme,
    Settings,
    listed,
    texts,
)

__all__ = ["Catalogue", "Entry", "Kennzahl", "Leistung", "Level", "Plan", "Product", "Programme", "Settings",
           "build_catalogue", "canonical", "listed", "template_name", "template_of", "texts"]
