"""Typed views of catalogue files. Each keeps its raw data and the file it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def canonical(number: str) -> str:
    """The digits of a Produktrahmen number: "01.10.01" and "1111 06" compare by digits."""
    return "".join(ch for ch in number if ch.isdigit())


@dataclass
class Entry:
    file: str
    data: dict[str, Any]

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        return value if isinstance(value, str) else None

    def items(self, key: str) -> list[Any]:
        value = self.data.get(key)
        return value if isinstance(value, list) else []

    def mapping(self, key: str) -> dict[str, Any]:
        value = self.data.get(key)
        return value if isinstance(value, dict) else {}


@dataclass
class Column:
    kind: str
    year: str


@dataclass
class Settings(Entry):
    columns: list[Column] = field(default_factory=list)

    @property
    def scheme(self) -> str:
        frame = self.mapping("produktrahmen")
        return str(frame.get("schema", ""))

    @property
    def years(self) -> set[str]:
        return {column.year for column in self.columns}


@dataclass
class Product(Entry):
    folder: str = ""

    @property
    def number(self) -> str:
        return self.text("nummer") or ""

    @property
    def key(self) -> str:
        return canonical(self.number)


@dataclass
class Leistung(Entry):
    product_folder: str = ""

    @property
    def number(self) -> str:
        return self.text("nummer") or ""

    @property
    def key(self) -> str:
        return canonical(self.number)


@dataclass
class Kennzahl(Entry):
    product_folder: str | None = None  # None: a catalogue-wide Kennzahl

    @property
    def ident(self) -> str:
        return self.text("id") or ""

    @property
    def leistung_key(self) -> str | None:
        number = self.text("leistung")
        return canonical(number) if number else None


@dataclass
class Plan(Entry):
    product_folder: str = ""


@dataclass
class Programme(Entry):
    @property
    def ident(self) -> str:
        return self.text("id") or ""

    @property
    def area_ids(self) -> set[str]:
        areas = (a.get("id") for a in self.items("massnahmenbereiche") if isinstance(a, dict))
        return {ident for ident in areas if isinstance(ident, str)}


@dataclass
class Catalogue:
    root: str
    settings: Settings | None
    products: list[Product] = field(default_factory=list)
    leistungen: list[Leistung] = field(default_factory=list)
    kennzahlen: list[Kennzahl] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)  # files with no place in the layout
    product_folders: set[str] = field(default_factory=set)  # every folder with a produkt.yaml, loadable or not

    def product_by_folder(self) -> dict[str, Product]:
        return {product.folder: product for product in self.products}
