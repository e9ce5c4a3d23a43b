"""Whose plan and values: a product, a Produktgruppe, a Produktbereich, or the Gesamtplan."""

from __future__ import annotations

from typing import NamedTuple

from produktkatalog.model.formula.parser import PLAN_LEVELS
from produktkatalog.model.types import Kennzahl

LEVELS = PLAN_LEVELS
LEVEL_NAMES = {"produkt": "Produkt", "produktgruppe": "Produktgruppe", "produktbereich": "Produktbereich",
               "gesamt": "Gesamtplan"}
STATEMENTS = ("ergebnisplan", "finanzplan")  # the two plans a product has: Teilergebnis- and Teilfinanzplan


class Owner(NamedTuple):
    """Whose plan a formula sees: a product (by folder), a Produktgruppe or -bereich (by number), or the whole.

    A named tuple (ordered by level, then key), so the keys of computed values hash and compare in C."""

    level: str
    key: str = ""


GESAMT = Owner("gesamt")


def home(figure: Kennzahl) -> Owner:
    """The owner whose plan a Kennzahl's formula sees: its product, or the Gesamtplan."""
    return Owner("produkt", figure.product_folder) if figure.product_folder else GESAMT
