"""The whole validation, top to bottom: discover → load → model → check → compute → locate.

``validate`` is what every command runs; ``load_catalogue`` stops after the model,
for callers that only need to know what a catalogue holds (``katalog new``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from produktkatalog import __version__
from produktkatalog.check import check_catalogue, link_causes
from produktkatalog.compute import compute_catalogue
from produktkatalog.compute.tables import plan_tables
from produktkatalog.findings import Finding
from produktkatalog.incremental.files import LoadedFiles
from produktkatalog.incremental.results import Reuse
from produktkatalog.incremental.store import Cache
from produktkatalog.load.discover import CatalogueFiles, catalogue_files, find_catalogues, shown_below
from produktkatalog.model import Catalogue, build_catalogue
from produktkatalog.model.index import Index
from produktkatalog.result import NoCatalogue, Result
from produktkatalog.schema import schema_set

__all__ = ["NoCatalogue", "Result", "load_catalogue", "validate"]


@dataclass(frozen=True)
class _Options:
    use_cache: bool
    workers: int | None
    borrowed: Path | None  # another folder whose cache is read, never written


def validate(path: Path, use_cache: bool = True, workers: int | None = None, changed_since: str | None = None,
             shown_as: str | None = None, cache_of: Path | None = None) -> Result:
    """Findings of every catalogue at or below ``path``.

    Computation findings and values of owners whose inputs are unchanged come from the cache; their
    values are read on first use (see ``compute.values``).
    ``changed_since`` keeps the findings of the files changed since that git revision and of
    the files depending on them (see ``git.changed``). ``shown_as`` names ``path`` in findings.
    ``cache_of`` reads the cache of another folder holding the same catalogue (the working tree, for a
    revision written to a temporary folder) and writes none: its entries are keyed by content, so every
    file and owner unchanged between the two is taken from it.
    """
    result = Result()
    for root, files in _catalogues(path, shown_as):
        borrowed = cache_of / root.relative_to(path) if cache_of is not None else None
        _validate_catalogue(files, _Options(use_cache, workers, borrowed), result)
    result.findings.sort(key=Finding.sort_key)
    if changed_since is not None:
        _select_changed(result, path, changed_since)
    return result


def load_catalogue(path: Path, use_cache: bool = True) -> Catalogue:
    """The model of the catalogue at ``path`` (the first, if several lie below it), neither checked nor computed."""
    _, files = next(_catalogues(path, None))
    loaded = _load(files, _Options(use_cache, None, None))
    return build_catalogue(files.shown, loaded.loaded())


def _catalogues(path: Path, shown_as: str | None) -> Iterator[tuple[Path, CatalogueFiles]]:
    """Every catalogue at or below ``path`` with its files, nested ones after their parent."""
    if not path.is_dir():
        raise NoCatalogue(f"{path} ist kein Ordner.")
    roots = find_catalogues(path)
    if not roots:
        raise NoCatalogue(f"Unter {path} liegt kein Katalog (keine Datei katalog.yaml).")
    while roots:
        root = roots.pop(0)
        files = catalogue_files(root, shown_below(root, path, shown_as))
        yield root, files
        roots.extend(files.nested)


def _validate_catalogue(files: CatalogueFiles, options: _Options, result: Result) -> None:
    loaded = _load(files, options)
    catalogue = build_catalogue(files.shown, loaded.loaded())
    index = Index.of(catalogue)
    tables = plan_tables(catalogue, index.framework)
    files_of = files.by_product()
    reuse = Reuse.of(loaded.cache, loaded.writes, catalogue, index, tables, loaded.digests, files_of)
    computation = compute_catalogue(catalogue, index, tables, reuse.known, reuse.restore)
    computed = {owner: [loaded.locate(f) for f in found] for owner, found in computation.by_owner.items()}
    sources = reuse.keep(computation, computed, loaded.digests, files_of)
    checked = link_causes(index, [loaded.locate(f) for f in check_catalogue(catalogue, index)])
    found = [*checked, *(f for group in (*reuse.known.values(), *computed.values()) for f in group)]
    result.findings.extend(_one_per_place(loaded.findings, found))
    result.catalogues.append(catalogue)
    result.computations.append(computation)
    result.sources.append(sources)
    placed = [source.shown for source in files.files if source.kind is not None]
    result.files += len(placed)
    result.paths.extend(placed)
    loaded.save()


def _one_per_place(schema: list[Finding], catalogue: list[Finding]) -> list[Finding]:
    """A value the schema already rejected is not reported again by the catalogue checks. A name outside a closed
    list that the schema rejects for its format (S105) takes the list and the closest entry from the catalogue
    check (K207), which alone knows the catalogue's own lists."""
    listed = {(f.file, f.path): f.hint for f in catalogue if f.code == "K207"}
    schema = [replace(f, hint=listed[f.file, f.path]) if f.code == "S105" and (f.file, f.path) in listed else f
              for f in schema]
    judged = {(f.file, f.path) for f in schema if f.path}
    return schema + [f for f in catalogue if (f.file, f.path) not in judged]


def _load(files: CatalogueFiles, options: _Options) -> LoadedFiles:
    schemas = schema_set()
    cache = Cache(options.borrowed or files.root, f"{__version__}:{schemas.digest}") if options.use_cache else None
    loaded = LoadedFiles(files, schemas, cache, writes=options.borrowed is None)
    loaded.fill(options.workers)
    return loaded


def _select_changed(result: Result, path: Path, since: str) -> None:
    """Keeps the findings of the files changed since ``since`` and of their dependants."""
    from produktkatalog.git.changed import changed_files  # git only where asked for
    from produktkatalog.git.revisions import GitError

    try:
        selected = changed_files(path, since, result.catalogues, {f.file for f in result.findings})
    except GitError as exc:
        raise NoCatalogue(str(exc)) from exc
    result.select(selected, since)
