"""What a semantic diff of two catalogue states finds, as plain records.

**Änderungen** are what the author changed: files and their fields, Produkte,
Leistungen and Kennzahlen added, removed or renumbered, stated plan rows and stated
Kennzahl values. **Auswirkungen** are what follows from them: computed sum rows,
the roll-ups to Produktgruppe, Produktbereich and Gesamtplan, computed Kennzahl
values and the Zielerreichung.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from produktkatalog.findings import DocPath
from produktkatalog.model.values import Period


@dataclass(frozen=True)
class EntityChange:
    change: str  # neu, entfernt, umnummeriert, umbenannt
    kind: str  # Produkt, Leistung, Kennzahl, Teilergebnisplan, …
    old: str  # number and name before; "" if new
    new: str  # number and name after; "" if removed
    file: str  # where it lies now (before, if removed)


@dataclass(frozen=True)
class FieldChange:
    subject: str  # "Produkt 020101 Bürgerbüro"
    field: str  # readable path: "ziele › „Kurze Wartezeit“ › zielwerte › 2026"
    path: DocPath
    old: Any  # the YAML value before; None if the field is new
    new: Any  # None if the field was removed
    file: str


@dataclass(frozen=True)
class AmountChange:
    """A number in one column: a plan row (stated or computed) or a Kennzahl value."""

    subject: str  # "Produkt 020101 Bürgerbüro", "Produktgruppe 0201 …", "Gesamtplan"
    level: str  # produkt, produktgruppe, produktbereich, gesamt
    source: str  # teilergebnisplan, teilfinanzplan, kennzahl
    item: str  # row number or Kennung
    name: str  # row or Kennzahl name
    wertart: str  # ergebnis, ansatz, planung, ziel
    year: int
    old: Decimal | None  # None: kein Wert
    new: Decimal | None
    unit: str = "EUR"
    places: int = 2
    file: str = ""
    heading: str = ""  # the column's heading as the catalogue prints it (its titel, "(vorläufig)")

    @property
    def column(self) -> str:
        return self.heading or str(Period(self.wertart, self.year))

    @property
    def delta(self) -> Decimal | None:
        return self.new - self.old if self.old is not None and self.new is not None else None

    @property
    def relative(self) -> Decimal | None:
        """(neu − alt) ÷ |alt| in %: always the sign of the difference beside it; Aufwendungen, which stand
        negative, that grow by 10 % are −10 %, as their row's value falls by a tenth of its size.

        None where it says nothing: no old value, old value 0, or the sign flips.
        """
        delta = self.delta
        if delta is None or self.old is None or self.new is None or not self.old:
            return None
        if self.new and (self.new < 0) != (self.old < 0):
            return None
        return delta * 100 / abs(self.old)


@dataclass(frozen=True)
class GoalChange:
    subject: str  # the product or Leistung the Ziel belongs to
    goal: str  # its titel (or Kennung)
    figure: str  # the Zielkennzahl as written
    wertart: str
    year: int
    old_degree: Decimal | None
    new_degree: Decimal | None
    old_light: str | None  # gruen, gelb, rot
    new_light: str | None
    file: str = ""
    heading: str = ""

    @property
    def column(self) -> str:
        return self.heading or str(Period(self.wertart, self.year))


@dataclass
class CatalogueDiff:
    root: str
    entities: list[EntityChange] = field(default_factory=list)
    fields: list[FieldChange] = field(default_factory=list)
    stated: list[AmountChange] = field(default_factory=list)  # stated plan rows and Kennzahl values
    rows: list[AmountChange] = field(default_factory=list)  # computed plan rows: sums and roll-ups
    figures: list[AmountChange] = field(default_factory=list)  # computed Kennzahl values
    goals: list[GoalChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # German, e.g. that one side does not validate

    @property
    def changes(self) -> int:
        return len(self.entities) + len(self.fields) + len(self.stated)

    @property
    def effects(self) -> int:
        return len(self.rows) + len(self.figures) + len(self.goals)


@dataclass
class Diff:
    old: str  # how each side is named: "HEAD (48370b5)", "Arbeitsverzeichnis"
    new: str
    old_revision: str | None = None  # full commit hash; None for the working tree
    new_revision: str | None = None
    catalogues: list[CatalogueDiff] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changes(self) -> int:
        return sum(c.changes for c in self.catalogues)

    @property
    def effects(self) -> int:
        return sum(c.effects for c in self.catalogues)
