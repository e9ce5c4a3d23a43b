"""What a source holds once read: plan amounts and Kennzahl values, each with the line and cell it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from produktkatalog.findings import Finding
from produktkatalog.model.numbering import canonical
from produktkatalog.model.values import Period


@dataclass(frozen=True, slots=True)
class Where:
    line: int
    column: int
    cell: str  # "Spalte „Ansatz 2026“" or "Zelle F12"


@dataclass(frozen=True, slots=True)
class Holder:
    level: str  # produkt, produktgruppe, …, gesamt (a catalogue-wide Kennzahl)
    number: str  # as the source writes it
    name: str = ""
    group: str = ""
    group_name: str = ""

    @property
    def key(self) -> str:
        return canonical(self.number)


@dataclass(frozen=True, slots=True)
class Amount:
    holder: Holder
    statement: str
    template: str | None
    row: str  # as the template numbers it, once matched (``plans``); as the source writes it before
    direction: str | None  # ertrag, aufwand or summe, from a direction column
    period: Period
    value: Decimal
    where: Where
    account: str = ""


@dataclass(frozen=True, slots=True)
class FigureEntry:
    holder: Holder
    ident: str
    leistung: str
    period: Period
    value: Decimal
    where: Where


@dataclass
class Records:
    amounts: list[Amount] = field(default_factory=list)
    figures: list[FigureEntry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
