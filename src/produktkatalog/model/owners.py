"""Whose plan and values: a product, a Produktgruppe, a Produktbereich, or the Gesamtplan."""

from __future__ import annotations

from typing import NamedTuple

from produktkatalog.model.formula.parser import PLAN_LEVELS
from produktkatalog.model.numbering import canonical
from produktkatalog.model.types import Kennzahl, Level

# a Teilhaushalt is a side roll-up of its members: it comes after the Gesamtplan and never feeds it
LEVELS = (*PLAN_LEVELS, "teilhaushalt")
LEVEL_NAMES = {"produkt": "Produkt", "produktgruppe": "Produktgruppe", "produktbereich": "Produktbereich",
               "gesamt": "Gesamtplan", "teilhaushalt": "Teilhaushalt"}
STATEMENTS = ("ergebnisplan", "finanzplan")  # the two plans a product has: Teilergebnis- and Teilfinanzplan


class Owner(NamedTuple):
    """Whose plan a formula sees: a product (by folder), a Produktgruppe or -bereich (by number), or the whole.

    A named tuple (ordered by level, then key), so the keys of computed values hash and compare in C."""

    level: str
    key: str = ""


GESAMT = Owner("gesamt")


def level_owner(level: Level) -> Owner:
    """The owner a level file describes: a Produktbereich or -gruppe by its digits, a Teilhaushalt by its number as
    written (``21-24`` is not ``2124``), spaces evened out."""
    key = " ".join(level.number.split()) if level.level == "teilhaushalt" else canonical(level.number)
    return Owner(level.level, key)


def home(figure: Kennzahl) -> Owner:
    """The owner whose plan a Kennzahl's formula sees: its product, its level, or the Gesamtplan."""
    if figure.level is not None:
        return Owner(*figure.level)
    return Owner("produkt", figure.product_folder) if figure.product_folder else GESAMT
