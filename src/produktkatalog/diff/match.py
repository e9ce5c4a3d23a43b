"""Which file of one side is which file of the other.

Each file has an identity from its content: a Produkt or Leistung its number, a
Kennzahl its owner and Kennung, a plan its product and kind, a Programm its
Kennung. Files of the same identity are the same thing. Of the rest, a removed
and an added file of the same kind are the same thing **renumbered** (renamed, for
a Kennzahl) if git's rename detection pairs the two files, or else if their
content is identical apart from the number (the Kennung). A product's number
carries over to its plans and Kennzahlen, so a renumbered product keeps them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from produktkatalog.model import Catalogue, Entry, Kennzahl, Leistung, Level, Plan, Product, Programme
from produktkatalog.model.owners import LEVEL_NAMES, level_owner

Key = tuple[str, ...]
_ORDER = ("katalog", "produkt", "ebene", "leistung", "kennzahl", "plan", "programm", "zeilenvorlage")
IDENTITY_FIELDS = {"produkt": ("nummer", "produktgruppe"), "ebene": ("nummer",), "leistung": ("nummer",),
                   "kennzahl": ("id", "leistung"),
                   "programm": ("id",), "zeilenvorlage": ("id",)}


@dataclass
class Pair:
    kind: str
    old: Entry | None
    new: Entry | None
    renumbered: bool = False


@dataclass
class Matching:
    old: Catalogue
    new: Catalogue
    pairs: list[Pair] = field(default_factory=list)
    numbers: dict[str, str] = field(default_factory=dict)  # old number (digits) → new, for products and Leistungen

    def __post_init__(self) -> None:
        self._products = (self.old.product_by_folder(), self.new.product_by_folder())

    def product(self, old_side: bool, folder: str | None) -> Product | None:
        return self._products[0 if old_side else 1].get(folder or "")

    def product_key(self, old_side: bool, folder: str | None) -> str:
        """The digits of the product in ``folder``, in the newer side's numbering."""
        if folder is None:
            return ""
        product = self.product(old_side, folder)
        digits = product.key if product is not None and product.key else folder
        return self.numbers.get(digits, digits) if old_side else digits

    def name_of(self, entry: Entry, old_side: bool) -> str:
        """How an entry is named in a diff: number and name, a qualified Kennung, or the product of a plan."""
        if isinstance(entry, (Product, Leistung, Level)):
            return f"{entry.number} {entry.text('bezeichnung') or ''}".strip()
        if isinstance(entry, Kennzahl):
            return f"{self._owner_number(entry, old_side)}.{entry.ident}".lstrip(".")
        if isinstance(entry, Plan):
            owner: Entry | None = (self.product(old_side, entry.product_folder)
                                   or (self.old if old_side else self.new).level_by_folder().get(entry.product_folder))
            return self.name_of(owner, old_side) if owner is not None else entry.product_folder.rsplit("/")[-1]
        if entry is (self.old if old_side else self.new).settings:
            return ""
        return str(entry.data.get("id") or entry.file)

    def subject(self, kind: str, entry: Entry, old_side: bool) -> str:
        return f"{kind_name(kind, entry)} {self.name_of(entry, old_side)}".strip()

    def _owner_number(self, figure: Kennzahl, old_side: bool) -> str:
        if figure.leistung_key:
            return figure.text("leistung") or ""
        product = self.product(old_side, figure.product_folder)
        return product.number if product is not None else ""


def match(old: Catalogue, new: Catalogue, renamed: Callable[[], dict[str, str]]) -> Matching:
    """Pairs of files, in a stable order: settings, products, Leistungen, Kennzahlen, plans, the rest."""
    matching = Matching(old, new)
    for kind in _ORDER:
        before = _keyed(old, kind, matching, old_side=True)
        after = _keyed(new, kind, matching, old_side=False)
        for pair in _pair(kind, before, after, renamed):
            matching.pairs.append(pair)
            if pair.renumbered and isinstance(pair.old, (Product, Leistung)) and isinstance(pair.new, type(pair.old)):
                matching.numbers[pair.old.key] = pair.new.key
    return matching


def entries(catalogue: Catalogue, kind: str) -> list[Entry]:
    found: dict[str, list[Entry]] = {
        "katalog": [catalogue.settings] if catalogue.settings is not None else [],
        "produkt": list(catalogue.products), "ebene": list(catalogue.levels), "leistung": list(catalogue.leistungen),
        "kennzahl": [k for k in catalogue.kennzahlen if not k.shipped], "plan": list(catalogue.plans),
        "programm": list(catalogue.programmes), "zeilenvorlage": list(catalogue.template_files)}
    return found[kind]


def identity(entry: Entry, matching: Matching, catalogue: Catalogue, old_side: bool) -> Key:
    if isinstance(entry, (Product, Leistung)):
        key = entry.key or entry.file
        return (matching.numbers.get(key, key) if old_side else key,)
    if isinstance(entry, Kennzahl):
        leistung = entry.leistung_key or ""
        leistung = matching.numbers.get(leistung, leistung) if old_side else leistung
        return (matching.product_key(old_side, entry.product_folder), leistung, entry.ident)
    if isinstance(entry, Plan):
        return (matching.product_key(old_side, entry.product_folder), entry.statement)
    if isinstance(entry, Level):
        return tuple(level_owner(entry))
    if isinstance(entry, Programme):
        return (entry.ident or entry.file,)
    if entry is catalogue.settings:
        return ()
    return (str(entry.data.get("id") or entry.file),)


def _keyed(catalogue: Catalogue, kind: str, matching: Matching, old_side: bool) -> dict[Key, Entry]:
    keyed: dict[Key, Entry] = {}
    for entry in entries(catalogue, kind):
        key = identity(entry, matching, catalogue, old_side)
        keyed[key if key not in keyed else ("datei", entry.file)] = entry
    return keyed


def _pair(kind: str, before: dict[Key, Entry], after: dict[Key, Entry],
          renamed: Callable[[], dict[str, str]]) -> list[Pair]:
    pairs = [Pair(kind, before[key], after[key]) for key in before if key in after]
    removed = [entry for key, entry in before.items() if key not in after]
    added = {entry.file: entry for key, entry in after.items() if key not in before}
    for entry in removed:
        partner = added.get(renamed().get(entry.file, "")) if added else None
        partner = partner or _same_content(kind, entry, added.values())
        if partner is not None:
            del added[partner.file]
            pairs.append(Pair(kind, entry, partner, renumbered=True))
        else:
            pairs.append(Pair(kind, entry, None))
    pairs.extend(Pair(kind, None, entry) for entry in added.values())
    return pairs


def _same_content(kind: str, entry: Entry, candidates: Any) -> Entry | None:
    content = without_identity(kind, entry.data)
    return next((c for c in candidates if without_identity(kind, c.data) == content), None)


def without_identity(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    ignored = IDENTITY_FIELDS.get(kind, ())
    return {key: value for key, value in data.items() if key not in ignored}


KIND_NAMES = {"katalog": "Katalogeinstellungen", "produkt": "Produkt", "leistung": "Leistung",
              "kennzahl": "Kennzahl", "programm": "Programm", "zeilenvorlage": "Zeilenvorlage", "ebene": "Ebene"}


def kind_name(kind: str, entry: Entry) -> str:
    if isinstance(entry, Plan):
        return "Teilfinanzplan" if entry.statement == "finanzplan" else "Teilergebnisplan"
    if isinstance(entry, Level):
        return LEVEL_NAMES[entry.level]
    return KIND_NAMES[kind]
