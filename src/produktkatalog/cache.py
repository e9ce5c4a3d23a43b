"""Content-addressed cache of clean files' data, kept in the catalogue's ``.katalog-cache/``.

Entries are spread over shards by digest prefix, so a run that changed one file
rewrites two small shards, not the whole cache. The cache may come from an
untrusted checkout, so it is read with an unpickler that resolves no global
except ``decimal.Decimal``: it can yield data, never run code.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import tempfile
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

FOLDER = ".katalog-cache"
_FORMAT = 2
_SUFFIX = ".pickle"
_STAMPS = "stempel.stamps"
# A file changed this soon after its stamp was taken may share the stamp with its old content.
_RACY_NS = 2_000_000_000

Entries = dict[str, dict[str, Any]]
Stamp = tuple[int, int, str]  # (mtime_ns, size, digest)


class _DataOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("decimal", "Decimal"):
            return Decimal
        raise pickle.UnpicklingError(f"not allowed in the cache: {module}.{name}")


def digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def _shard(key: str) -> str:
    return key[:2]


class Cache:
    def __init__(self, catalogue_root: Path, salt: str) -> None:
        self.folder = catalogue_root / FOLDER
        self.salt = f"{_FORMAT}:{salt}"
        self.stored: dict[str, set[str]] = {}  # shard → keys found on disk

    def stamps(self) -> dict[str, Stamp]:
        """path → stamp of files whose content the cache knows; racy stamps are left out."""
        try:
            stored = _DataOnly(io.BytesIO((self.folder / _STAMPS).read_bytes())).load()
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError,
                IndexError, KeyError, MemoryError):
            return {}
        if not isinstance(stored, dict) or stored.get("salt") != self.salt:
            return {}
        taken = stored.get("taken", 0)
        return {path: stamp for path, stamp in stored.get("stamps", {}).items() if stamp[0] < taken - _RACY_NS}

    def write_stamps(self, stamps: dict[str, Stamp]) -> None:
        try:
            self._prepare_folder()
            self._atomic(_STAMPS, {"salt": self.salt, "taken": time.time_ns(), "stamps": stamps})
        except OSError:
            return

    def read(self) -> Entries:
        entries: Entries = {}
        if not self.folder.is_dir():
            return entries
        for path in self.folder.glob(f"*{_SUFFIX}"):
            files = self._read_shard(path)
            entries.update(files)
            self.stored[path.stem] = set(files)
        return entries

    def _read_shard(self, path: Path) -> Entries:
        try:
            stored = _DataOnly(io.BytesIO(path.read_bytes())).load()
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError,
                IndexError, KeyError, MemoryError):
            return {}
        if not isinstance(stored, dict) or stored.get("salt") != self.salt or not isinstance(stored.get("files"), dict):
            return {}
        files: Entries = stored["files"]
        return files

    def write(self, entries: Entries) -> None:
        """Rewrite the shards whose content changed; a cache that cannot be written is simply not kept."""
        shards: dict[str, Entries] = defaultdict(dict)
        for key, data in entries.items():
            shards[_shard(key)][key] = data
        try:
            self._prepare_folder()
            for name, files in shards.items():
                if self.stored.get(name) != set(files):
                    self._write_shard(name, files)
            for name in set(self.stored) - set(shards):
                (self.folder / f"{name}{_SUFFIX}").unlink(missing_ok=True)
        except OSError:
            return

    def _prepare_folder(self) -> None:
        self.folder.mkdir(exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Zwischenspeicher von katalog, nicht einchecken\n*\n", "utf-8")

    def _write_shard(self, name: str, files: Entries) -> None:
        self._atomic(f"{name}{_SUFFIX}", {"salt": self.salt, "files": files})

    def _atomic(self, name: str, content: dict[str, Any]) -> None:
        payload = pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.replace(temporary, self.folder / name)
