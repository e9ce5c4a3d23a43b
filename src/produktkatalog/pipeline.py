"""The whole validation, top to bottom: discover → load → schema → model → catalogue checks → locate."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from produktkatalog import __version__
from produktkatalog.cache import Cache, digest
from produktkatalog.check import check_catalogue
from produktkatalog.discover import CatalogueFiles, SourceFile, catalogue_files, find_catalogues
from produktkatalog.fastpath import clean_data
from produktkatalog.findings import Finding
from produktkatalog.load import Document, load_document
from produktkatalog.load.source import read_bytes
from produktkatalog.model import Catalogue, build_catalogue
from produktkatalog.schema import schema_findings, schema_set


class NoCatalogue(Exception):
    """The path holds no catalogue: the tool cannot run (exit 2)."""


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    catalogues: list[Catalogue] = field(default_factory=list)
    files: int = 0

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.is_error)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors


def validate(path: Path, use_cache: bool = True, workers: int | None = None) -> Result:
    if not path.is_dir():
        raise NoCatalogue(f"{path} ist kein Ordner.")
    roots = find_catalogues(path)
    if not roots:
        raise NoCatalogue(f"Unter {path} liegt kein Katalog (keine Datei katalog.yaml).")
    result = Result()
    for root in roots:
        _validate_catalogue(catalogue_files(root), use_cache, workers, result)
    result.findings.sort(key=Finding.sort_key)
    return result


def _validate_catalogue(files: CatalogueFiles, use_cache: bool, workers: int | None, result: Result) -> None:
    loaded = _Loaded(files, use_cache)
    loaded.fill(workers)
    catalogue = build_catalogue(files.shown, ((s, loaded.data.get(s.shown)) for s in files.files))
    located = [loaded.locate(f) for f in check_catalogue(catalogue)]
    result.findings.extend(loaded.findings + located)
    result.catalogues.append(catalogue)
    result.files += len(files.files)
    loaded.save()


class _Loaded:
    """The data, findings and (on demand) positions of one catalogue's files."""

    def __init__(self, files: CatalogueFiles, use_cache: bool) -> None:
        self.files = files
        self.schemas = schema_set()
        self.cache = Cache(files.root, f"{__version__}:{self.schemas.digest}") if use_cache else None
        self.raw: dict[str, bytes] = {}
        self.data: dict[str, dict[str, Any] | None] = {}
        self.findings: list[Finding] = []
        self.documents: dict[str, Document] = {}
        self.clean: dict[str, dict[str, Any]] = {}

    def fill(self, workers: int | None) -> None:
        known = self.cache.read() if self.cache else {}
        pending: list[tuple[SourceFile, str]] = []
        for source in self.files.files:
            if source.kind is None:
                continue
            raw = read_bytes(source.path, source.shown)
            if isinstance(raw, Finding):
                self.findings.append(raw)
                continue
            self.raw[source.shown] = raw
            key = digest(raw)
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

    def _accept(self, source: SourceFile, key: str, data: dict[str, Any]) -> None:
        self.data[source.shown] = data
        self.clean[key] = data

    def _precise(self, source: SourceFile) -> None:
        document = self.document(source.shown)
        self.findings.extend(document.findings)
        if document.data is not None and source.kind is not None:
            self.findings.extend(self.locate(f) for f in schema_findings(document, source.kind, self.schemas))
        self.data[source.shown] = document.data

    def document(self, shown: str) -> Document:
        if shown not in self.documents:
            self.documents[shown] = load_document(self.raw.get(shown, b""), shown)
        return self.documents[shown]

    def locate(self, finding: Finding) -> Finding:
        """The one place where a finding's document path becomes file:line:column."""
        if finding.line is not None or finding.file not in self.raw:
            return finding
        document = self.document(finding.file)
        line, column = document.position(finding.path, finding.at_key)
        if finding.offset is not None:
            column = document.column_inside(line, column, finding.offset)
        return finding.positioned(line, column)

    def save(self) -> None:
        if self.cache is not None:
            self.cache.write(self.clean)
