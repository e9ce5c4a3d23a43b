"""Content-addressed cache of clean files' data, kept outside the catalogue.

The cache lives in the user's cache folder (``$KATALOG_CACHE``, else
``$XDG_CACHE_HOME/katalog`` or ``~/.cache/katalog``), one folder per catalogue
path: a checkout can never bring a cache of its own that declares broken files
clean. Entries are keyed by file kind and content and spread over shards by
digest prefix, so a run that changed one file rewrites two small shards. File
stamps are keyed by the path inside the catalogue, so the working directory does
not matter. Computed values live in a file per unit key (``werte/``), read only
when a value is used and never rewritten: a plain check reads none of them.

The cache is untrusted input (it may come from a CI cache): every file is sealed
and verified (``sealed``), read without following a link and unpickled as plain
data only; what fails is ignored, computed again and rewritten. The cache's own
folder and ``werte/`` are used only if they are real folders, and the cache deletes
nothing but files of the names it gives. One process writes at a time (a lock file
in the folder); another run meanwhile only reads.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from produktkatalog.incremental.sealed import (
    load_data,
    read_regular,
    real_folder,
    remove_leftovers,
    unseal,
    write_sealed,
)
from produktkatalog.system.digest import digest
from produktkatalog.system.lock import Busy, exclusive

__all__ = ["Cache", "Stamp", "cache_home", "content_key", "load_data", "stamp_of"]

_FORMAT = 6
_SHARD_NAME = re.compile(r"^[0-9a-f]{2}\.pickle$")
_VALUE_NAME = re.compile(r"^[0-9a-f]{32}$")
_STAMPS = "stempel.stamps"
_RESULTS = "rechnung.results"
_VALUES = "werte"
_LOCK = ".sperre"
# A file changed this soon before a run started may share its stamp with its old content.
_RACY_NS = 2_000_000_000

Entries = dict[str, dict[str, Any]]
Stamp = tuple[int, int, int, int, str]  # (mtime_ns, ctime_ns, inode, size, digest), as git's index keeps them


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
        self.broken: set[str] = set()  # names of files that failed their check: rewritten or removed when writing
        self.safe_before = 0  # stamps taken at or after this time may hide an edit
        self.usable = real_folder(self.folder) is not False  # a link or a file in its place: no cache at all

    def stamps(self) -> dict[str, Any]:
        """path → stamp as stored: judged one by one in ``unchanged``, only for files that are looked up."""
        stored = self._load(_STAMPS)
        if stored is None or not isinstance(stored.get("stamps"), dict) or type(stored.get("taken")) is not int:
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
        for name in self._names(self.folder, _SHARD_NAME):
            stored = self._load(name)
            files = stored.get("files") if stored else None
            if isinstance(files, dict):
                valid = {key: data for key, data in files.items() if isinstance(key, str) and isinstance(data, dict)}
                entries.update(valid)
                self.stored[name.removesuffix(".pickle")] = set(valid)
        return entries

    def write(self, entries: Entries, stamps: dict[str, Stamp]) -> None:
        """Rewrite the shards whose content changed (or that failed their check), and the stamps."""
        before = set().union(*self.stored.values())
        changed = {key[:2] for key in entries.keys() - before} | {key[:2] for key in before - entries.keys()}
        changed |= {name.removesuffix(".pickle") for name in self.broken if _SHARD_NAME.match(name)}
        shards: dict[str, Entries] = defaultdict(dict)
        for key, data in entries.items():
            if key[:2] in changed:
                shards[key[:2]][key] = data

        def work() -> None:
            for name in sorted(changed):
                if shards.get(name):
                    self._store(f"{name}.pickle", {"files": shards[name]})
                else:
                    (self.folder / f"{name}.pickle").unlink(missing_ok=True)
            self._store(_STAMPS, {"taken": self.started, "stamps": stamps})

        self._locked(work)

    def results(self) -> tuple[dict[str, list[tuple[Any, ...]]], dict[str, str]]:
        """Computation findings (as plain tuples) and the digest of the cached values, both by the digest
        of their inputs (the unit key); see ``write_results``. The values themselves come from ``values``."""
        stored = self._load(_RESULTS) or {}
        results, digests = stored.get("results"), stored.get("digests")
        found = {key: found for key, found in results.items() if isinstance(key, str) and isinstance(found, list)
                 and all(type(f) is tuple for f in found)} if isinstance(results, dict) else {}
        known = {key: value for key, value in digests.items()
                 if isinstance(key, str) and type(value) is str} if isinstance(digests, dict) else {}
        return found, known

    def values(self, key: str) -> bytes | None:
        """The cached values (one pickled blob, see ``compute.stored``) of a unit key; None if missing."""
        if real_folder(self.folder / _VALUES) is not True:
            return None
        stored = self._load(f"{_VALUES}/{self._value_name(key)}")
        blob = stored.get("werte") if stored else None
        return blob if type(blob) is bytes else None

    def stored_values(self) -> set[str]:
        """The unit keys' file names in ``werte/`` (see ``has_values``)."""
        return set(self._names(self.folder / _VALUES, _VALUE_NAME))

    def has_values(self, key: str, names: set[str]) -> bool:
        return self._value_name(key) in names

    def forget_values(self, key: str) -> None:
        """Removes the values file of ``key`` (it does not match its record); the next run writes it anew."""
        if self.usable and real_folder(self.folder / _VALUES):
            with contextlib.suppress(OSError):
                (self.folder / _VALUES / self._value_name(key)).unlink()

    def write_results(self, results: dict[str, list[tuple[Any, ...]]], digests: dict[str, str],
                      fresh: dict[str, bytes]) -> None:
        """Findings and value digests of every unit key; the values computed now (``fresh``) get a file each,
        and the files of keys no longer in use are removed."""
        values = self.folder / _VALUES

        def work() -> None:
            if real_folder(values) is None:
                values.mkdir(mode=0o700)
            if real_folder(values):
                remove_leftovers(values)
                present = set(self._names(values, _VALUE_NAME))
                for key, blob in fresh.items():
                    self._store(f"{_VALUES}/{self._value_name(key)}", {"werte": blob})
                for name in present - {self._value_name(key) for key in results}:
                    (values / name).unlink(missing_ok=True)
            self._store(_RESULTS, {"results": results, "digests": digests})

        self._locked(work)

    def _value_name(self, key: str) -> str:
        """A values file is named by its key and the salt: files of another program version are not reused."""
        return digest(self.salt, key)

    def _names(self, folder: Path, pattern: re.Pattern[str]) -> Iterator[str]:
        """Names in one of the cache's own folders that match ``pattern``; nothing if the folder is a link."""
        if not self.usable or real_folder(folder) is not True:
            return
        try:
            names = [entry.name for entry in os.scandir(folder)]
        except OSError:
            return
        yield from (name for name in names if pattern.match(name))

    def _load(self, name: str) -> dict[str, Any] | None:
        """The content of a cache file if it passes its check; a file that fails is noted in ``broken``."""
        raw = read_regular(self.folder / name) if self.usable else None
        if raw is None:
            return None
        payload = unseal(name, raw, self.salt)
        stored = load_data(payload) if payload is not None else None
        if not isinstance(stored, dict):
            self.broken.add(name)
            return None
        return stored

    def _store(self, name: str, content: dict[str, Any]) -> None:
        write_sealed(self.folder / name, name, content, self.salt)

    def _locked(self, work: Callable[[], None]) -> None:
        """``work`` while this process alone writes the cache, after removing what interrupted writes left;
        a cache that cannot be written (or that another run is writing) is not written."""
        if not self.usable:
            return
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not real_folder(self.folder):
                return
            with exclusive(self.folder / _LOCK):
                remove_leftovers(self.folder)
                work()
        except (OSError, Busy):
            return
