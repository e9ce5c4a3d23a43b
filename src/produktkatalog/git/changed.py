"""``validate --changed-since REV``: the files changed since a revision, and every file depending on them.

Changed means committed since REV, staged, unstaged or untracked (git decides; deleted
files count through what they held at REV). Depending on them:

- ``katalog.yaml`` or a row template (``zeilenvorlagen/``) changed: the whole catalogue;
- a Kennzahl changed (its Kennung before and after): every formula and Ziel naming that
  Kennung, in any file, and every Kennzahl of the same Kennung (uniqueness);
- a plan changed: the Kennzahlen of that product reading plan rows, every Kennzahl reading a
  roll-up, the catalogue-wide and Standardkennzahlen (shipped ones report on ``katalog.yaml``);
- a Produkt changed: every file of its folder, and the plans' dependants as above (its
  Produktgruppe may have changed);
- a number of a Produkt or Leistung changed: every entry of that number, every Kennzahl of
  that Leistung and every formula qualified with it;
- a Programm changed: every entry naming it in ``programmbezuege``;
- a plan, Produkt or level file (produktbereich.yaml, produktgruppe.yaml, teilhaushalt.yaml) changed: every
  level file and level plan, and every file inside a changed level's folder;
- then, repeatedly, every Kennzahl whose formula reads a Kennzahl selected so far.

The whole catalogue is still read, since references need it; only the findings of
the selected files are reported, and they are exactly those a full run gives for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from produktkatalog.git.revisions import repository
from produktkatalog.load import load_document
from produktkatalog.load.discover import classify, shown_path
from produktkatalog.model import Catalogue, Entry, Kennzahl, Leistung, Product, canonical
from produktkatalog.model.build import LEVEL_KINDS
from produktkatalog.model.formula import references
from produktkatalog.model.formula.reads import rollup_levels, row_calls
from produktkatalog.model.index import Index

_WHOLE = ("katalog", "zeilenvorlage")


def changed_files(path: Path, since: str, catalogues: list[Catalogue], reported: set[str]) -> set[str]:
    """The files below ``path`` changed since ``since`` and their dependants; ``reported``: the files with
    findings (a file that cannot be loaded belongs to its catalogue too). Raises ``GitError``."""
    repo = repository(path)
    commit = repo.commit(since)
    changed = repo.changed_since(commit, repo.inside(path))
    shown = {repo_path: _shown(repo.root / repo_path) for repo_path in changed}
    files = repo.files(commit, "")
    wanted = [p for p in changed if p in files]
    before = dict(zip((shown[p] for p in wanted), repo.blobs([files[p] for p in wanted]), strict=True))
    selected: set[str] = set()
    for catalogue in catalogues:
        mine = {s for s in shown.values() if s.startswith(f"{catalogue.root}/") or catalogue.root == "."}
        if mine:
            old = {s: _data(before[s], s) for s in mine if s in before}
            selected |= Selection(catalogue, reported, mine, old).files()
    return selected & _present_files(catalogues, reported)


class Selection:
    """The files of one catalogue that a change touches."""

    def __init__(self, catalogue: Catalogue, reported: set[str], changed: set[str], old: dict[str, Any]) -> None:
        self.catalogue = catalogue
        self.index = Index.of(catalogue)
        self.changed = changed
        self.old = old
        self.entries = _entries(catalogue)
        self.every = {entry.file for entry in self.entries} | set(catalogue.unplaced) | {
            file for file in reported if file.startswith(f"{catalogue.root}/")}
        self.new = {entry.file: entry.data for entry in self.entries}

    def files(self) -> set[str]:
        kinds = {file: self._kind(file) for file in self.changed}
        if any(kind in _WHOLE for kind in kinds.values()):
            return set(self.every)
        selected = set(self.changed)
        names = self._values(kinds, "kennzahl", "id")
        numbers = {canonical(n) for n in self._values(kinds, "produkt", "nummer") | self._values(
            kinds, "leistung", "nummer")}
        programmes = self._values(kinds, "programm", "id")
        folders = {self._folder(file) for file, kind in kinds.items() if kind == "produkt"}
        planned = folders | {self._folder(file) for file, kind in kinds.items() if kind == "plan"}
        selected |= {e.file for e in self.entries if _folder_of(e) in folders}
        selected |= {e.file for e in self.entries if _numbered(e, numbers) or _names_goal(e, names)
                     or _names_programme(e, programmes)}
        selected |= self._levels(kinds)
        figures = [k for k in self.catalogue.kennzahlen
                   if k.file in selected or k.ident in names or self._reads(k, names, numbers, planned)]
        return selected | {k.file for k in self._closure(figures)}

    def _levels(self, kinds: dict[str, str | None]) -> set[str]:
        """A changed plan, product or level file: every level file and level plan (a level plan is checked against
        what is below it, K242; a product's place against its level's folder, K241), and every file inside a
        changed level's folder."""
        if not any(kind in ("plan", "produkt", *LEVEL_KINDS) for kind in kinds.values()):
            return set()
        catalogue = self.catalogue
        found = {level.file for level in catalogue.levels}
        found |= {plan.file for plan in catalogue.plans if plan.product_folder in catalogue.level_folders}
        folders = {self._folder(file) for file, kind in kinds.items() if kind in LEVEL_KINDS}
        found |= {e.file for e in self.entries if any((_folder_of(e) or "").startswith(f"{folder}/")
                                                      for folder in folders)}
        return found

    def _kind(self, file: str) -> str | None:
        relative = file[len(self.catalogue.root) + 1:] if self.catalogue.root != "." else file
        return classify(tuple(PurePosixPath(relative).parts))[0]

    def _folder(self, file: str) -> str:
        return file.rsplit("/", 1)[0]

    def _values(self, kinds: dict[str, str | None], kind: str, key: str) -> set[str]:
        """A field of the changed files of one kind, before and after."""
        found = set()
        for file in (f for f, k in kinds.items() if k == kind):
            for data in (self.old.get(file), self.new.get(file)):
                value = data.get(key) if isinstance(data, dict) else None
                if isinstance(value, str) and value:
                    found.add(value)
        return found

    def _reads(self, figure: Kennzahl, names: set[str], numbers: set[str], planned: set[str]) -> bool:
        tree = figure.tree
        if tree is None:
            return False
        rows = row_calls(tree)
        if planned and (rollup_levels(tree) or (rows and figure.product_folder is None)
                        or (rows and figure.product_folder in planned)):
            return True
        return any(n.name in names or (n.qualifier or "") in numbers for n in references(tree))

    def _closure(self, figures: list[Kennzahl]) -> list[Kennzahl]:
        """``figures`` and every Kennzahl reading one of them, directly or through others."""
        selected = {id(figure): figure for figure in figures}
        pending = list(figures)
        readers = _readers(self.index)
        while pending:
            for reader in readers.get(id(pending.pop()), []):
                if id(reader) not in selected:
                    selected[id(reader)] = reader
                    pending.append(reader)
        return list(selected.values())


def _readers(index: Index) -> dict[int, list[Kennzahl]]:
    """Kennzahl → the Kennzahlen whose formulas name it (per-owner ones by Kennung, in every product)."""
    readers: dict[int, list[Kennzahl]] = {}
    by_name: dict[str, list[Kennzahl]] = {}
    for figure in index.catalogue.kennzahlen:
        by_name.setdefault(figure.ident, []).append(figure)
    for figure in index.catalogue.kennzahlen:
        tree = figure.tree
        for node in references(tree) if tree is not None else ():
            target = index.resolve(node, (figure.product_folder, figure.leistung_key))
            targets = [target] if isinstance(target, Kennzahl) else by_name.get(node.name, [])
            for found in targets:
                readers.setdefault(id(found), []).append(figure)
    return readers


def _entries(catalogue: Catalogue) -> list[Entry]:
    settings = [catalogue.settings] if catalogue.settings is not None else []
    return [*settings, *catalogue.products, *catalogue.levels, *catalogue.leistungen,
            *(k for k in catalogue.kennzahlen if not k.shipped),
            *catalogue.plans, *catalogue.programmes, *catalogue.template_files]


def _folder_of(entry: Entry) -> str | None:
    for attribute in ("folder", "product_folder"):
        value = getattr(entry, attribute, None)
        if isinstance(value, str):
            return value
    return None


def _numbered(entry: Entry, numbers: set[str]) -> bool:
    if isinstance(entry, (Product, Leistung)):
        return entry.key in numbers
    return isinstance(entry, Kennzahl) and entry.leistung_key in numbers


def _names_goal(entry: Entry, names: set[str]) -> bool:
    """A Ziel naming one of ``names`` as Zielkennzahl (bare or qualified)."""
    goals = [g for g in entry.items("ziele") if isinstance(g, dict)]
    named = {str(text).rsplit(".", 1)[-1] for goal in goals for text in _listed(goal.get("kennzahlen"))}
    return bool(named & names)


def _names_programme(entry: Entry, programmes: set[str]) -> bool:
    return any(isinstance(link, dict) and link.get("programm") in programmes for link in entry.items("programmbezuege"))


def _listed(value: Any) -> Iterable[Any]:
    return value if isinstance(value, list) else ()


def _present_files(catalogues: list[Catalogue], reported: set[str]) -> set[str]:
    files = set(reported)
    for catalogue in catalogues:
        files |= {entry.file for entry in _entries(catalogue)} | set(catalogue.unplaced)
    return files


def _data(raw: bytes | None, shown: str) -> Any:
    """The file's data at the earlier revision; None if it could not be read there (too large, broken)."""
    return load_document(raw, shown).data if raw is not None else None


def _shown(path: Path) -> str:
    """A file named as the pipeline names it: its folder resolved, relative to the working directory."""
    folder = shown_path(path.parent)
    return path.name if folder == "." else f"{folder.rstrip('/')}/{path.name}"
