"""``katalog import``, top to bottom: choose the mapping → read the source → read its records → plans and
their sums → what changes in the catalogue → write (or, with ``probe``, write into a copy and compare).

An import with an error finding writes nothing: a half-imported plan would be a silently wrong figure.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from produktkatalog.check.plans import tolerance_of
from produktkatalog.findings import Finding, error
from produktkatalog.imports import mapping as mappings
from produktkatalog.imports.accounts import accounts
from produktkatalog.imports.changes import Counts, Planned, Planner
from produktkatalog.imports.edit import edited
from produktkatalog.imports.patch import Change
from produktkatalog.imports.plans import assemble
from produktkatalog.imports.records import read_records
from produktkatalog.imports.source import MAX_SOURCE_BYTES, Options, Table, read
from produktkatalog.load.discover import SETTINGS_FILE, shown_path
from produktkatalog.model import Catalogue
from produktkatalog.model.index import Index
from produktkatalog.pipeline import load_catalogue, validate
from produktkatalog.result import Result
from produktkatalog.scaffold import catalogue_root, create_product
from produktkatalog.system.atomic import write_text


@dataclass(frozen=True)
class Request:
    source: Path
    catalogue: Path
    profile: str | None = None
    mapping: Path | None = None
    level: str | None = None
    probe: bool = False
    overwrite: bool = False
    use_cache: bool = True
    limit: int = MAX_SOURCE_BYTES
    signs: str | None = None  # the source's sign convention, instead of the mapping's vorzeichen.konvention


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    mapping: str = ""
    counts: Counts = field(default_factory=Counts)
    written: list[str] = field(default_factory=list)  # catalogue files written (or, probing, to be written)
    created: list[str] = field(default_factory=list)  # product files created
    diff: str = ""  # probing: the semantic diff the import would cause, as Markdown
    result: Result | None = None  # the catalogue validated after the import

    @property
    def errors(self) -> bool:
        return any(f.is_error for f in self.findings) or bool(self.result and self.result.errors)


def run_import(request: Request) -> Outcome:
    """Raises ``scaffold.CannotCreate`` if the catalogue path holds no single catalogue."""
    root = catalogue_root(request.catalogue)
    catalogue = load_catalogue(root, use_cache=request.use_cache)
    shown = request.source.as_posix()
    outcome = Outcome()
    table, chosen = _table(request, shown, outcome)
    if table is None or chosen is None:
        return outcome
    outcome.mapping = chosen.file
    planned = _planned(table, chosen, catalogue, request, outcome)
    if planned is None or outcome.errors:
        return outcome
    if request.probe:
        _probe(root, catalogue, planned, outcome, request)
    else:
        _apply(root, catalogue, planned, outcome)
        outcome.result = validate(root, use_cache=request.use_cache)
    return outcome


def _table(request: Request, shown: str, outcome: Outcome) -> tuple[Table | None, mappings.Mapping | None]:
    chosen = _chosen_mapping(request, outcome)
    if outcome.findings:
        return None, None
    table, findings = read(request.source, shown, _options(chosen), request.limit)
    outcome.findings += findings
    if table is None:
        return None, None
    if chosen is None:
        name = mappings.recognised(table.headings)
        if name is None:
            outcome.findings.append(error("I316", shown, "Welche Spalte was enthält, sagt weder ein Profil noch eine "
                                          "Zuordnung, und die Datei ist kein Export von katalog.",
                                          f"Wählen Sie --profil ({', '.join(mappings.profiles())}) oder "
                                          "--zuordnung DATEI.", line=1, column=1))
            return None, None
        found = mappings.profile(name)
        assert isinstance(found, mappings.Mapping)
        chosen = found
    if request.level is not None:
        chosen = mappings.Mapping({**chosen.data, "ebene": request.level}, chosen.file)
    if request.signs is not None:
        signs = {**chosen.part("vorzeichen"), "konvention": request.signs}
        chosen = mappings.Mapping({**chosen.data, "vorzeichen": signs}, chosen.file)
    return table, chosen


def _chosen_mapping(request: Request, outcome: Outcome) -> mappings.Mapping | None:
    if request.mapping is not None:
        found = mappings.own_mapping(request.mapping)
        if isinstance(found, list):
            outcome.findings += found
            return None
        return found
    if request.profile is not None:
        profile = mappings.profile(request.profile)
        if isinstance(profile, Finding):
            outcome.findings.append(profile)
            return None
        return profile
    return None


def _options(chosen: mappings.Mapping | None) -> Options:
    if chosen is None:
        return Options()
    file: dict[str, Any] = chosen.part("datei")
    header = file.get("kopfzeile")
    return Options(file.get("trennzeichen"), file.get("kodierung"), header if isinstance(header, int) else 1,
                   file.get("blatt"))


def _planned(table: Table, chosen: mappings.Mapping, catalogue: Catalogue, request: Request,
             outcome: Outcome) -> Planned | None:
    settings = catalogue.settings
    columns = {(wertart, int(year)) for wertart, year in settings.column_keys if year.isdigit()} if settings else set()
    records = read_records(table, chosen, columns, accounts(chosen.text("kontenrahmen") or None,
                                                            chosen.part("konten")))
    outcome.findings += records.findings
    plans, found = assemble(records.amounts, catalogue, chosen.convention, tolerance_of(catalogue), table.file)
    outcome.findings += found
    planner = Planner(Index.of(catalogue), table.file, request.overwrite, request.source.name)
    planner.plans(plans)
    planner.figures(records.figures)
    outcome.findings += planner.planned.findings
    outcome.counts = planner.planned.counts
    outcome.findings.sort(key=Finding.sort_key)
    return planner.planned


def _apply(root: Path, catalogue: Catalogue, planned: Planned, outcome: Outcome) -> None:
    """Writes into the catalogue at ``root``: Produktgruppen, new products, then every changed file."""
    index = Index.of(catalogue)
    if planned.groups:
        settings = root / SETTINGS_FILE
        groups: list[Change] = [(("produktrahmen", "produktgruppen", g), name) for g, name in planned.groups.items()]
        _write(settings, edited(settings.read_text("utf-8"), "katalog", groups, str(settings)), outcome)
        if index.framework is not None:
            index.framework = index.framework.extended({"produktgruppen": planned.groups})
    folders = {}
    for number, title in planned.products.items():
        created = create_product(root, index, number, title)
        folders[number] = created.parent
        outcome.created.append(_inside(root, created))
    for changes in planned.files.values():
        path = folders[changes.product] / changes.path if changes.product else root / _relative(changes.path,
                                                                                                  catalogue)
        text = path.read_text("utf-8") if path.exists() else _new_file(root, path, changes.header)
        _write(path, edited(text, changes.kind, changes.changes, str(path), changes.order), outcome, root)


def _new_file(root: Path, path: Path, header: str) -> str:
    from produktkatalog.editor import modeline, schema_folder

    return f"{modeline(path, schema_folder(root), 'plan')}\n# {header}\n"


def _write(path: Path, text: str, outcome: Outcome, root: Path | None = None) -> None:
    write_text(path, text)
    outcome.written.append(_inside(root, path) if root is not None else path.name)


def _inside(root: Path, path: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


def _relative(path: Path, catalogue: Catalogue) -> str:
    """A shown path of the catalogue's model, relative to the catalogue folder."""
    return os.path.relpath(path, catalogue.root) if catalogue.root != "." else str(path)


def _probe(root: Path, catalogue: Catalogue, planned: Planned, outcome: Outcome, request: Request) -> None:
    """Writes into a copy of the catalogue and compares it with the original, as ``katalog diff`` does."""
    from produktkatalog.diff import Side, compare
    from produktkatalog.diff.markdown import markdown

    shown = shown_path(root)
    with tempfile.TemporaryDirectory(prefix="katalog-import-") as folder:
        copy = Path(folder) / root.name
        shutil.copytree(root, copy, symlinks=True)
        _apply(copy, catalogue, planned, outcome)
        before = Side("Katalog", None, root, shown, validate(root, use_cache=request.use_cache))
        after = Side("nach dem Import", None, copy, shown, validate(copy, use_cache=False, shown_as=shown))
        outcome.diff = markdown(compare(before, after))
        outcome.result = after.result
