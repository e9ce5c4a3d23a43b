"""Typed views of catalogue files. Each keeps its raw data and the file it came from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, overload

from produktkatalog.model.formula import Node, TokenError, parse
from produktkatalog.model.numbering import canonical
from produktkatalog.model.row_templates import RowTemplate

_Self = TypeVar("_Self")
_Value = TypeVar("_Value")


class cached(Generic[_Self, _Value]):  # lower case: used like functools.cached_property
    """``functools.cached_property`` without the lock Python 3.11 takes on every first read (some
    twenty thousand per Großstadt run); the model is built and read by one thread."""

    def __init__(self, function: Callable[[_Self], _Value]) -> None:
        self.function = function
        self.name = function.__name__

    @overload
    def __get__(self, instance: None, owner: type[Any] | None = None) -> cached[_Self, _Value]: ...

    @overload
    def __get__(self, instance: _Self, owner: type[Any] | None = None) -> _Value: ...

    def __get__(self, instance: _Self | None, owner: type[Any] | None = None) -> cached[_Self, _Value] | _Value:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.function(instance)
        return value


def listed(value: Any) -> list[Any]:
    """``value`` if it is a list, else nothing: checks read data that may have failed its schema."""
    return value if isinstance(value, list) else []


def texts(value: Any) -> list[str]:
    return [item for item in listed(value) if isinstance(item, str)]


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
    wertart: str  # ergebnis, ansatz, planung
    year: str
    title: str = ""  # the heading as printed (``titel``), if it differs from "Ergebnis 2024"
    provisional: bool = False  # ``vorlaeufig``: e.g. a Rechnungsergebnis not yet approved

    @property
    def heading(self) -> str:
        """"Ergebnis 2024", the ``titel`` instead where one is given, "(vorläufig)" added unless it says so."""
        heading = self.title or f"{self.wertart.capitalize()} {self.year}"
        return f"{heading} (vorläufig)" if self.provisional and "vorläufig" not in heading.lower() else heading


@dataclass(frozen=True)
class SheetField:
    """A field a municipality declares for its sheets (katalog.yaml ``felder``)."""

    name: str
    label: str
    kind: str = "text"  # text, zahl, liste
    sheets: frozenset[str] = frozenset({"produkt", "leistung"})  # the kinds of file whose sheet shows it


@dataclass
class Settings(Entry):
    columns: list[Column] = field(default_factory=list)
    years: set[str] = field(init=False)
    column_keys: set[tuple[str, str]] = field(init=False)  # (Wertart, year) of every column
    _years_by_wertart: dict[str, set[str]] = field(init=False)

    def __post_init__(self) -> None:
        self.years = {column.year for column in self.columns}
        self.column_keys = {(column.wertart, column.year) for column in self.columns}
        self._years_by_wertart = {}
        for column in self.columns:
            self._years_by_wertart.setdefault(column.wertart, set()).add(column.year)

    def heading(self, wertart: str, year: int | str) -> str:
        """A column's heading as printed (first column of that Wertart and year); "Ansatz 2026" without one."""
        found = next((c for c in self.columns if c.wertart == wertart and c.year == str(year)), None)
        return found.heading if found is not None else Column(wertart, str(year)).heading

    def years_of(self, wertart: str | None) -> set[str]:
        """Years with a column of ``wertart``; every column year for Zielwerte and ``None``."""
        if wertart in (None, "ziel"):
            return self.years
        return self._years_by_wertart.get(wertart or "", set())

    @property
    def sheet_fields(self) -> list[SheetField]:
        found = []
        for item in self.items("felder"):
            if isinstance(item, dict) and isinstance(name := item.get("name"), str):
                sheets = item.get("zeigen")
                found.append(SheetField(name, str(item.get("bezeichnung") or name), str(item.get("typ") or "text"),
                                        frozenset(sheets) if isinstance(sheets, list) else SheetField.sheets))
        return found

    def label(self, field: str, standard: str) -> str:
        """A standard field's label as the municipality's sheet prints it (``bezeichnungen``)."""
        renamed = self.mapping("bezeichnungen").get(field)
        return renamed if isinstance(renamed, str) and renamed else standard

    def flag(self, key: str) -> bool:
        return self.data.get(key) is True

    @property
    def scheme(self) -> str:
        frame = self.mapping("produktrahmen")
        return str(frame.get("schema", ""))


@dataclass
class Numbered(Entry):
    @property
    def number(self) -> str:
        return self.text("nummer") or ""

    @cached
    def key(self) -> str:
        return canonical(self.number)


@dataclass
class Product(Numbered):
    folder: str = ""

    @property
    def folder_name(self) -> str:
        return self.folder.rsplit("/", 1)[-1]

    @property
    def handle(self) -> str:
        """What names the product on the command line: its number, or its folder's name when it has none."""
        return self.number or self.folder_name

    def named_by(self, wanted: str) -> bool:
        """Whether ``wanted`` is this product's number (compared by digits) or its folder's name."""
        digits = canonical(wanted)
        return (bool(digits) and digits == self.key) or wanted.strip("/") == self.folder_name


@dataclass
class Level(Numbered):
    """A Produktbereich, Produktgruppe or Teilhaushalt with its own file: content (and plans) of the level."""

    folder: str = ""
    level: str = ""  # produktbereich, produktgruppe, teilhaushalt

    @property
    def folder_name(self) -> str:
        return self.folder.rsplit("/", 1)[-1]

    @property
    def members(self) -> list[str]:
        """A Teilhaushalt's ``umfasst``: numbers of Produktbereiche, Produktgruppen and products, as written."""
        return texts(self.data.get("umfasst"))


@dataclass
class Leistung(Numbered):
    product_folder: str = ""


@dataclass
class Kennzahl(Entry):
    product_folder: str | None = None  # the owner folder (a product's or a level's); None: a catalogue-wide Kennzahl
    shipped: bool = False  # a Standardkennzahl that ships with the tool, not a file of the catalogue
    level: tuple[str, str] | None = None  # (level, key) when its folder is a level's (Produktgruppe, …)

    @cached
    def ident(self) -> str:
        return self.text("id") or ""

    @cached
    def per_owner(self) -> bool:
        """A catalogue-wide Standardkennzahl: computed for each product and roll-up, not once."""
        return self.product_folder is None and self.data.get("art") == "standardkennzahl"

    @cached
    def leistung_key(self) -> str | None:
        number = self.text("leistung")
        return canonical(number) if number else None

    @cached
    def parsed(self) -> Node | TokenError | None:
        """The formula's tree, once per Kennzahl; the error (with its offset) if it does not parse; None without
        a formula."""
        formula = self.text("formel")
        try:
            return parse(formula) if formula is not None else None
        except TokenError as problem:  # ParseError included: both carry the offset into the formula
            return problem

    @property
    def tree(self) -> Node | None:
        """The formula's tree; None without a formula or when it does not parse."""
        parsed = self.parsed
        return None if isinstance(parsed, TokenError) else parsed


@dataclass
class Plan(Entry):
    product_folder: str = ""

    @property
    def statement(self) -> str:
        """ergebnisplan or finanzplan, from the file name."""
        return "finanzplan" if self.file.endswith("teilfinanzplan.yaml") else "ergebnisplan"

    @property
    def unit(self) -> str:
        """What its amounts count: EUR (default), "EUR je Einwohner" or "T€" (``einheit``)."""
        return self.text("einheit") or EURO


EURO = "EUR"


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
    template_files: list[Entry] = field(default_factory=list)  # zeilenvorlagen/*.yaml
    own_templates: dict[str, RowTemplate] = field(default_factory=dict)  # the sound ones, by Kennung
    unplaced: list[str] = field(default_factory=list)  # files with no place in the layout
    product_folders: set[str] = field(default_factory=set)  # every folder with a produkt.yaml, loadable or not
    levels: list[Level] = field(default_factory=list)  # produktbereich.yaml, produktgruppe.yaml, teilhaushalt.yaml
    level_folders: dict[str, str] = field(default_factory=dict)  # folder of a level file → its level, loadable or not

    def product_by_folder(self) -> dict[str, Product]:
        return {product.folder: product for product in self.products}

    def level_by_folder(self) -> dict[str, Level]:
        return {level.folder: level for level in self.levels}

    def owns(self, folder: str | None) -> bool:
        """Whether ``folder`` holds an owner file (produkt.yaml or a level's), so that plans and Kennzahlen in it
        have an owner."""
        return folder in self.product_folders or folder in self.level_folders
