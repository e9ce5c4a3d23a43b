"""Every file of one catalogue, read once, and as little as possible.

A file whose stamp (mtime, ctime, inode, size) is unchanged since a run that
cached it is taken from the cache without being read. The others are read; a
clean one comes through the fast path (libyaml and jsonschema-rs, in worker
processes for large catalogues), a file with any problem through the precise path
(ruamel.yaml and jsonschema), which knows positions. ``locate`` is the one place
where a finding's document path becomes file:line:column.
"""

from __future__ import annotations

import os
from typing import Any

from produktkatalog.findings import Finding
from produktkatalog.incremental.store import Cache, Stamp, content_key, stamp_of
from produktkatalog.load import Document, load_document
from produktkatalog.load.discover import CatalogueFiles, SourceFile
from produktkatalog.load.source import linked_file, linked_folder, read_bytes
from produktkatalog.schema import SchemaSet
from produktkatalog.schema.amounts import amount_findings
from produktkatalog.schema.fast import clean_data


class LoadedFiles:
    """The data, findings and (on demand) positions of one catalogue's files."""

    def __init__(self, files: CatalogueFiles, schemas: SchemaSet, cache: Cache | None, writes: bool = True) -> None:
        self.files = files
        self.schemas = schemas
        self.cache = cache
        self.writes = writes  # another folder's cache is read, never written
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
        self.findings.extend(linked_folder(shown) for shown in self.files.linked_folders)
        for source in self.files.files:
            if source.kind is None:
                continue
            if source.linked:
                self.findings.append(linked_file(source.shown))
                continue
            inside = source.path[cut:] if source.path.startswith(self.prefix) else source.path
            status = _status(source.path)
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

    def loaded(self) -> list[tuple[SourceFile, dict[str, Any] | None]]:
        """Each file with its data; None where it could not be loaded (its findings say why)."""
        return [(source, self.data.get(source.shown)) for source in self.files.files]

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
        key = content_key(source.kind or "", raw)
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
            self.findings.extend(self.locate(f) for f in amount_findings(source.shown, source.kind, document.data,
                                                                         document.written))
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

    def save(self) -> None:
        if self.cache is None or not self.writes:
            return
        self.cache.write(self.clean, {inside: stamp for inside, stamp in self.stamps.items() if stamp[4] in self.clean})


def _status(path: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except OSError:
        return None
