"""What each owner's computation depends on, as one digest: unchanged inputs give unchanged findings.

An owner's Kennzahlen see the catalogue-wide files (katalog.yaml, kennzahlen/,
zeilenvorlagen/) and their own product folder; a roll-up sees the plans and
product files of its products, and their numbers (a reason of kein Wert names
them). A formula that reaches beyond that (a Kennzahl of another product, or a
roll-up through zeile("…", "produktgruppe")) makes its owner depend on
everything: such an owner gets no digest and is always computed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from produktkatalog.compute.tables import PlanTables
from produktkatalog.load.discover import PLAN_FILES
from produktkatalog.model import Catalogue, Kennzahl
from produktkatalog.model.formula.reads import qualified, rollup_levels
from produktkatalog.model.index import Index
from produktkatalog.model.owners import GESAMT, Owner, home
from produktkatalog.system.digest import digest

Digests = dict[str, str]  # shown path → content digest


@dataclass(frozen=True)
class Sources:
    """What a computation was made from, for callers that reuse earlier output (``render``)."""

    digests: Digests  # shown path → content digest, for every file read
    files_of: dict[str, list[str]]  # product folder ("" for catalogue-wide files) → shown paths
    keys: dict[Owner, str | None]  # unit keys, see ``unit_keys``
    values: dict[Owner, str]  # digest of the computed values of each owner with a unit key

    def digest_of(self, folder: str) -> str | None:
        """One digest of the files of a product folder ("": the catalogue-wide ones); None if one is unread."""
        return _digest(_files(self.digests, self.files_of.get(folder, [])))

    def everything(self) -> str | None:
        """One digest of every file of the catalogue; None if one is unread."""
        return _digest(_files(self.digests, (path for paths in self.files_of.values() for path in paths)))


def unit_keys(catalogue: Catalogue, index: Index, tables: PlanTables, digests: Digests,
              files_of: dict[str, list[str]]) -> dict[Owner, str | None]:
    """owner → digest of everything its values depend on; None where that cannot be bounded."""
    shared = _digest(_files(digests, files_of.get("", [])))
    if shared is None:
        return {}
    owners = {home(figure) for figure in catalogue.kennzahlen} | {o for (o, kind) in tables.tables
                                                                   if kind == "ergebnisplan"}
    unbounded = {home(figure) for figure in catalogue.kennzahlen if _reaches_out(index, figure)}
    if any(figure.per_owner for figure in catalogue.kennzahlen if home(figure) in unbounded):
        return dict.fromkeys(owners)
    products = _products_below(tables)
    numbers = {product.folder: product.number for product in catalogue.products}  # named in a roll-up's reasons
    level_plans = _plans(files_of, catalogue.level_folders)  # a level's stated plan may feed or be checked anywhere
    keys: dict[Owner, str | None] = {}
    for owner in owners:
        if owner.level == "produkt":
            files = files_of.get(owner.key, [])
        else:  # a roll-up (and a catalogue-wide Kennzahl) sees its products' plans, and which products they are
            products[owner] = sorted({*products.get(owner, []), *_members_below(tables, owner)})
            level = tables.levels.get(owner)
            own_folder = files_of.get(level.folder, []) if level else []
            files = [*_plans(files_of, products[owner]), *level_plans, *own_folder]
        own = _digest(_files(digests, files))
        members = "\0".join(sorted(f"{folder}\1{numbers.get(folder, '')}" for folder in products.get(owner, [])))
        keys[owner] = None if owner in unbounded or own is None else _digest([(repr(owner), shared + own + members)])
    return keys


def _plans(files_of: dict[str, list[str]], folders: Iterable[str]) -> list[str]:
    return [shown for folder in folders for shown in files_of.get(folder, [])
            if shown.removeprefix(f"{folder}/") in PLAN_FILES]


def _members_below(tables: PlanTables, owner: Owner) -> set[str]:
    """The product folders a roll-up adds up, through every level of members (a Teilhaushalt's too)."""
    found: set[str] = set()
    pending = [t for statement in ("ergebnisplan", "finanzplan") if (t := tables.table(owner, statement))]
    while pending:
        table = pending.pop()
        if table.owner.level == "produkt":
            found.add(table.owner.key)
        pending.extend(table.members)
    return found


def _products_below(tables: PlanTables) -> dict[Owner, list[str]]:
    below: dict[Owner, list[str]] = defaultdict(list)
    for product, lifts in tables.lifts.items():
        for level, owner in lifts.items():
            if level != "produkt":
                below[owner].append(product.key)
    below[GESAMT] = [product.key for product in tables.lifts]
    return below


def _reaches_out(index: Index, figure: Kennzahl) -> bool:
    """A formula naming another product's Kennzahl, or a roll-up's row."""
    tree = figure.tree
    if tree is None:
        return False
    if rollup_levels(tree):
        return True
    for reference in qualified(tree):
        target = index.resolve(reference, (figure.product_folder, figure.leistung_key))
        if not isinstance(target, Kennzahl) or target.product_folder != figure.product_folder:
            return True
    return False


def _files(digests: Digests, shown: Iterable[str]) -> list[tuple[str, str]] | None:
    found = []
    for path in shown:
        if path not in digests:
            return None  # unreadable: nothing about it can be known
        found.append((path, digests[path]))
    return found


def _digest(files: list[tuple[str, str]] | None) -> str | None:
    if files is None:
        return None
    return digest(*(part for pair in sorted(files) for part in pair))
