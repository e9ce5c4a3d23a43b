"""The whole validation, top to bottom: discover → load → schema → model → catalogue checks → compute → locate."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from produktkatalog import __version__
from produktkatalog.check import check_catalogue
from produktkatalog.compute import Computation, compute_catalogue
from produktkatalog.compute.tables import Owner, plan_tables
from produktkatalog.findings import Finding
from produktkatalog.incremental.store import Cache, Stamp, digest, stamp_of
from produktkatalog.incremental.units import Sources, unit_keys
from produktkatalog.load import Document, load_document
from produktkatalog.load.discover import CatalogueFiles, SourceFile, catalogue_files, find_catalogues, shown_below
from produktkatalog.load.source import read_bytes
from produktkatalog.model import Catalogue, build_catalogue
from produktkatalog.model.index import Index
from produktkatalog.schema import schema_set
from produktkatalog.schema.fast import clean_data


class NoCatalogue(Exception):
    """The path holds no catalogue, or (with ``changed_since``) no revision to compare with: the tool cannot run."""


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    catalogues: list[Catalogue] = field(default_factory=list)
    computations: list[Computation] = field(default_factory=list)  # one per catalogue, in the same order
    files: int = 0
    paths: list[str] = field(default_factory=list)  # shown path of every checked file, for per-file reports
    selected: list[str] | None = None  # with ``changed_since``: the files checked, whose findings are reported
    since: str = ""  # the revision ``selected`` is relative to

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.is_error)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors


def validate(path: Path, use_cache: bool = True, workers: int | None = None, compute_all: bool = False,
             changed_since: str | None = None, shown_as: str | None = None, cache_of: Path | None = None) -> Result:
    """Findings of every catalogue at or below ``path``.

    Computation findings and values of owners whose inputs are unchanged come from the cache; their
    values are read on first use (see ``compute.stored``). ``compute_all`` is kept for callers that show
    the values; every value is available either way.
    ``changed_since`` keeps the findings of the files changed since that git revision and of
    the files depending on them (see ``changed``). ``shown_as`` names ``path`` in findings.
    ``cache_of`` reads the cache of another folder holding the same catalogue (the working tree, for a
    revision written to a temporary folder) and writes none: its entries are keyed by content, so every
    file and owner unchanged between the two is taken from it.
    """
    if not path.is_dir():
        raise NoCatalogue(f"{path} ist kein Ordner.")
    roots = find_catalogues(path)
    if not roots:
        raise NoCatalogue(f"Unter {path} liegt kein Katalog (keine Datei katalog.yaml).")
    result = Result()
    while roots:
        root = roots.pop(0)
        files = catalogue_files(root, shown_below(root, path, shown_as))
        borrowed = cache_of / root.relative_to(path) if cache_of is not None else None
        _validate_catalogue(files, workers, result, use_cache, borrowed)
        roots.extend(files.nested)
    result.findings.sort(key=Finding.sort_key)
    if changed_since is not None:
        from produktkatalog.git.changed import select_changed

        select_changed(result, path, changed_since)
    return result


def _validate_catalogue(files: CatalogueFiles, workers: int | None, result: Result, use_cache: bool,
                        borrowed: Path | None = None) -> None:
    loaded = _Loaded(files, use_cache, borrowed)
    loaded.fill(workers)
    catalogue = build_catalogue(files.shown, ((s, loaded.data.get(s.shown)) for s in files.files))
    index = Index.of(catalogue)
    tables = plan_tables(catalogue, index.framework)
    files_of = files.by_product()
    keys = unit_keys(catalogue, index, tables, loaded.digests, files_of) if use_cache else {}
    known, value_digests = loaded.known_results(keys)
    computation = compute_catalogue(catalogue, index, tables, known, loaded.stored_values(keys))
    fresh = {owner: computation.encoded(owner) for owner, key in keys.items() if key is not None and owner not in known}
    value_digests.update({owner: digest("werte", blob) for owner, blob in fresh.items()})
    if use_cache:
        computation.sources = Sources(loaded.digests, files_of, keys, value_digests)
    computed = {owner: [loaded.locate(f) for f in found] for owner, found in computation.by_owner.items()}
    loaded.save_results(keys, {**known, **computed}, value_digests, fresh)
    judged = {(f.file, f.path) for f in loaded.findings if f.path}
    # a value the schema already rejected is not reported again by the catalogue checks
    located = [loaded.locate(f) for f in check_catalogue(catalogue, index)]
    found = [f for f in (*located, *(f for group in (*known.values(), *computed.values()) for f in group))
             if (f.file, f.path) not in judged]
    result.findings.extend(loaded.findings + found)
    result.catalogues.append(catalogue)
    result.computations.append(computation)
    result.files += sum(1 for source in files.files if source.kind is not None)
    result.paths.extend(source.shown for source in files.files if source.kind is not None)
    loaded.save()


class _Loaded:
    """The data, findings and (on demand) positions of one catalogue's files."""

    def __init__(self, files: CatalogueFiles, use_cache: bool, borrowed: Path | None = None) -> None:
        self.files = files
        self.schemas = schema_set()
        self.cache = Cache(borrowed or files.root, f"{__version__}:{self.schemas.digest}") if use_cache else None
        self.writes = borrowed is None  # another folder's cache is read, never written
        self.raw: dict[str, bytes] = {}
        self.data: dict[str, dict[str, Any] | None] = {}
        self.findings: list[Finding] = []
        self.documents: dict[str, Document] = {}
        self.clean: dict[str, dict[str, Any]] = {}
        self.stamps: dict[str, Stamp] = {}  # path inside the catalogue → its stamp as seen before reading
        self.prefix = os.path.join(str(files.root), "")  # cut from a file's path: stamps hold where it is inside
        self.digests: dict[str, str] = {}  # shown path → content digest, for every file read or known
        self.sources = {source.shown: source for source in files.files}

    def fill(self, workers: int | None) -> None:
        """Data for every file: from the cache if unchanged, else parsed (in parallel when many)."""
        known = self.cache.read() if self.cache else {}
        stamps = self.cache.stamps() if self.cache else {}
        pending: list[tuple[SourceFile, str]] = []
        cut = len(self.prefix)
        for source in self.files.files:
            if source.kind is None:
                continue
            inside = source.path[cut:] if source.path.startswith(self.prefix) else source.path
            try:
                status: os.stat_result | None = os.stat(source.path)
            except OSError:
                status = None
            key = self._unchanged(inside, stamps.get(inside), status, known) or self._read(source, inside, status)
            if key is None:
                continue
            self.digests[source.shown] = key
            if key in known:
                self._accept(source, key, known[key])
            else:
                pending.append((source, key))
        fresh = clean_data([(s.kind or "", self.raw[s.shown]) for s, _ in pending], workers)
        for (source, key), data in zip(pending, fresh, strict=True):
            if data is None:
                self._precise(source)
            else:
                self._accept(source, key, data)

    def _unchanged(self, inside: str, stored: Any, status: os.stat_result | None, known: dict[str, Any]
                   ) -> str | None:
        """The cached digest if the file's stamp is unchanged, without reading the file."""
        if stored is None or status is None or self.cache is None:
            return None
        stamp = self.cache.unchanged(stored, status)
        if stamp is None or stamp[4] not in known:
            return None
        self.stamps[inside] = stamp
        return stamp[4]

    def _read(self, source: SourceFile, inside: str, status: os.stat_result | None) -> str | None:
        """Read a file; its stamp (``status``) is taken before reading, so a later edit can never inherit this
        digest."""
        raw = read_bytes(source.path, source.shown)
        if isinstance(raw, Finding):
            self.findings.append(raw)
            return None
        self.raw[source.shown] = raw
        key = digest(source.kind or "", raw)
        if status is not None:
            self.stamps[inside] = stamp_of(status, key)
        return key

    def _accept(self, source: SourceFile, key: str, data: dict[str, Any]) -> None:
        self.data[source.shown] = data
        self.clean[key] = data

    def _precise(self, source: SourceFile) -> None:
        from produktkatalog.schema.validate import schema_findings

        document = self.document(source.shown)
        self.findings.extend(document.findings)
        if document.data is not None and source.kind is not None:
            self.findings.extend(self.locate(f) for f in schema_findings(document, source.kind, self.schemas))
        self.data[source.shown] = document.data

    def document(self, shown: str) -> Document:
        if shown not in self.documents:
            self.documents[shown] = load_document(self._bytes(shown), shown)
        return self.documents[shown]

    def _bytes(self, shown: str) -> bytes:
        if shown not in self.raw:
            source = self.sources[shown]
            raw = read_bytes(source.path, shown)
            self.raw[shown] = raw if isinstance(raw, bytes) else b""
        return self.raw[shown]

    def locate(self, finding: Finding) -> Finding:
        """The one place where a finding's document path becomes file:line:column."""
        if finding.line is not None or finding.file not in self.sources:
            return finding
        document = self.document(finding.file)
        if finding.offset is not None:
            return finding.positioned(*document.position_inside(finding.path, finding.offset))
        return finding.positioned(*document.position(finding.path, finding.at_key))

    def known_results(self, keys: dict[Owner, str | None]) -> tuple[dict[Owner, list[Finding]], dict[Owner, str]]:
        """Located computation findings and the digest of the cached values of owners whose inputs are unchanged
        since then."""
        stored, digests = self.cache.results() if self.cache and keys else ({}, {})
        known, values = {}, {}
        for owner, key in keys.items():
            found = [Finding.from_tuple(f) for f in stored.get(key or "", ())]
            if key in stored and key in digests and None not in found:
                known[owner] = [f for f in found if f is not None]
                values[owner] = digests[key]
        return known, values

    def stored_values(self, keys: dict[Owner, str | None]) -> Callable[[Owner], bytes | None]:
        """The cached values of an owner, read when first asked for (see ``compute.stored``)."""
        cache = self.cache

        def read(owner: Owner) -> bytes | None:
            key = keys.get(owner)
            return cache.values(key) if cache is not None and key is not None else None

        return read

    def save_results(self, keys: dict[Owner, str | None], found: dict[Owner, list[Finding]],
                     digests: dict[Owner, str], fresh: dict[Owner, bytes]) -> None:
        """Findings and value digests of every owner with a unit key; the values computed in this run."""
        if self.cache is None or not keys or not self.writes:
            return
        keyed = {owner: key for owner, key in keys.items() if key is not None}
        self.cache.write_results({key: [f.as_tuple() for f in found.get(owner, [])] for owner, key in keyed.items()},
                                 {key: digests[owner] for owner, key in keyed.items()},
                                 {key: fresh[owner] for owner, key in keyed.items() if owner in fresh})

    def save(self) -> None:
        if self.cache is None or not self.writes:
            return
        self.cache.write(self.clean, {inside: stamp for inside, stamp in self.stamps.items() if stamp[4] in self.clean})
