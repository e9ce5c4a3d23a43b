"""Content-addressed cache of clean files' data, kept outside the catalogue.

The cache lives in the user's cache folder (``$KATALOG_CACHE``, else
``$XDG_CACHE_HOME/katalog`` or ``~/.cache/katalog``), one folder per catalogue
path: a checkout can never bring a cache of its own that declares broken files
clean. Entries are keyed by file kind and content and spread over shards by
digest prefix, so a run that changed one file rewrites two small shards. File
stamps are keyed by the path inside the catalogue, so the working directory does
not matter. Computed values live in a file per unit key (``werte/``), read only
when a value is used and never rewritten: a plain check reads none of them. Every
read is treated as untrusted anyway: an unpickler that resolves no global except
``decimal.Decimal`` yields data, never code, and malformed entries are dropped.
"""

from __future__ import annotations

import io
import os
import pickle
import re
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from produktkatalog.system.atomic import write_bytes
from produktkatalog.system.digest import digest

_FORMAT = 5
_SHARD_NAME = re.compile(r"^[0-9a-f]{2}\.pickle$")
_STAMPS = "stempel.stamps"
_RESULTS = "rechnung.results"
_VALUES = "werte"
# A file changed this soon before a run started may share its stamp with its old content.
_RACY_NS = 2_000_000_000
_UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, IndexError,
               KeyError, MemoryError, RecursionError)

Entries = dict[str, dict[str, Any]]
Stamp = tuple[int, int, int, int, str]  # (mtime_ns, ctime_ns, inode, size, digest), as git's index keeps them


class _DataOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("decimal", "Decimal"):
            return Decimal
        raise pickle.UnpicklingError(f"not allowed in the cache: {module}.{name}")


def load_data(raw: bytes) -> Any:
    """Unpickle plain data (containers, text, numbers, ``Decimal``); None for anything else or a broken blob."""
    try:
        return _DataOnly(io.BytesIO(raw)).load()
    except _UNREADABLE:
        return None


def content_key(kind: str, raw: bytes) -> str:
    """The cache key of a file: the same bytes checked as another file kind are another entry."""
    return digest(kind, raw)


def stamp_of(status: os.stat_result, key: str) -> Stamp:
    return status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_size, key


def cache_home() -> Path:
    configured = os.environ.get("KATALOG_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "katalog"


class Cache:
    def __init__(self, catalogue_root: Path, salt: str) -> None:
        name = digest(str(catalogue_root.resolve()), size=8)
        self.folder = cache_home() / name
        self.salt = f"{_FORMAT}:{salt}"
        self.started = time.time_ns()
        self.stored: dict[str, set[str]] = {}  # shard → keys found on disk
        self.safe_before = 0  # stamps taken at or after this time may hide an edit

    def stamps(self) -> dict[str, Any]:
        """path → stamp as stored: judged one by one in ``unchanged``, only for files that are looked up."""
        stored = self._load(self.folder / _STAMPS)
        if stored is None or not isinstance(stored.get("stamps"), dict) or not isinstance(stored.get("taken"), int):
            return {}
        self.safe_before = stored["taken"] - _RACY_NS
        stamps: dict[str, Any] = stored["stamps"]
        return stamps

    def unchanged(self, stored: Any, status: os.stat_result) -> Stamp | None:
        """The stored stamp if the file still has it and it was not taken in the racy window."""
        if type(stored) is not tuple or len(stored) != 5 or type(stored[4]) is not str:
            return None
        current = stamp_of(status, stored[4])
        if current != stored or current[0] >= self.safe_before or current[1] >= self.safe_before:
            return None
        return current

    def read(self) -> Entries:
        entries: Entries = {}
        if not self.folder.is_dir():
            return entries
        for path in self.folder.iterdir():
            if not _SHARD_NAME.match(path.name):
                continue
            stored = self._load(path)
            files = stored.get("files") if stored else None
            if isinstance(files, dict):
                valid = {key: data for key, data in files.items() if isinstance(key, str) and isinstance(data, dict)}
                entries.update(valid)
                self.stored[path.name.removesuffix(".pickle")] = set(valid)
        return entries

    def write(self, entries: Entries, stamps: dict[str, Stamp]) -> None:
        """Rewrite the shards whose content changed, and the stamps; a cache that cannot be written is not kept."""
        before = set().union(*self.stored.values())
        changed = {key[:2] for key in entries.keys() - before} | {key[:2] for key in before - entries.keys()}
        shards: dict[str, Entries] = defaultdict(dict)
        for key, data in entries.items():
            if key[:2] in changed:
                shards[key[:2]][key] = data
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for name in sorted(changed):
                if shards.get(name):
                    self._atomic(f"{name}.pickle", {"salt": self.salt, "files": shards[name]})
                else:
                    (self.folder / f"{name}.pickle").unlink(missing_ok=True)
            self._atomic(_STAMPS, {"salt": self.salt, "taken": self.started, "stamps": stamps})
        except OSError:
            return

    def results(self) -> tuple[dict[str, list[tuple[Any, ...]]], dict[str, str]]:
        """Computation findings (as plain tuples) and the digest of the cached values, both by the digest
        of their inputs (the unit key); see ``write_results``. The values themselves come from ``values``."""
        stored = self._load(self.folder / _RESULTS) or {}
        results, digests = stored.get("results"), stored.get("digests")
        found = {key: found for key, found in results.items() if isinstance(key, str) and isinstance(found, list)
                 and all(type(f) is tuple for f in found)} if isinstance(results, dict) else {}
        known = {key: value for key, value in digests.items()
                 if isinstance(key, str) and type(value) is str} if isinstance(digests, dict) else {}
        return found, known

    def values(self, key: str) -> bytes | None:
        """The cached values (one pickled blob, see ``compute.stored``) of a unit key; None if missing."""
        stored = self._load(self.folder / _VALUES / self._value_name(key))
        blob = stored.get("werte") if stored else None
        return blob if type(blob) is bytes else None

    def write_results(self, results: dict[str, list[tuple[Any, ...]]], digests: dict[str, str],
                      fresh: dict[str, bytes]) -> None:
        """Findings and value digests of every unit key; the values of keys not yet stored (``fresh``) get a
        file each, and the files of keys no longer in use are removed."""
        values = self.folder / _VALUES
        try:
            values.mkdir(parents=True, exist_ok=True)
            present = {entry.name for entry in os.scandir(values)}
            for key, blob in fresh.items():
                if self._value_name(key) not in present:
                    self._atomic(f"{_VALUES}/{self._value_name(key)}", {"salt": self.salt, "werte": blob})
            for name in present - {self._value_name(key) for key in results}:
                (values / name).unlink(missing_ok=True)
            self._atomic(_RESULTS, {"salt": self.salt, "results": results, "digests": digests})
        except OSError:
            return

    def _value_name(self, key: str) -> str:
        """A values file is named by its key and the salt: files of another program version are not reused."""
        return digest(self.salt, key)

    def _load(self, path: Path) -> dict[str, Any] | None:
        try:
            stored = _DataOnly(io.BytesIO(path.read_bytes())).load()
        except _UNREADABLE:
            return None
        return stored if isinstance(stored, dict) and stored.get("salt") == self.salt else None

    def _atomic(self, name: str, content: dict[str, Any]) -> None:
        write_bytes(self.folder / name, pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL), mode=0o600)

