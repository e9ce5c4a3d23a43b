"""Content-addressed cache of clean files' data, kept in the catalogue's ``.katalog-cache/``.

The cache may come from an untrusted checkout, so it is read with an unpickler
that resolves no global except ``decimal.Decimal``: it can yield data, never run code.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

FOLDER = ".katalog-cache"
_FILE = "dateien.pickle"
_FORMAT = 1


class _DataOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("decimal", "Decimal"):
            return Decimal
        raise pickle.UnpicklingError(f"not allowed in the cache: {module}.{name}")


def digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


class Cache:
    def __init__(self, catalogue_root: Path, salt: str) -> None:
        self.folder = catalogue_root / FOLDER
        self.salt = f"{_FORMAT}:{salt}"

    def read(self) -> dict[str, dict[str, Any]]:
        try:
            stored = _DataOnly(io.BytesIO((self.folder / _FILE).read_bytes())).load()
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError,
                IndexError, KeyError, MemoryError):
            return {}
        if not isinstance(stored, dict) or stored.get("salt") != self.salt:
            return {}
        files = stored.get("files")
        return files if isinstance(files, dict) else {}

    def write(self, files: dict[str, dict[str, Any]]) -> None:
        """Replace the cache atomically; a cache that cannot be written is simply not kept."""
        try:
            self.folder.mkdir(exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Zwischenspeicher von katalog, nicht einchecken\n*\n", "utf-8")
            payload = pickle.dumps({"salt": self.salt, "files": files}, protocol=pickle.HIGHEST_PROTOCOL)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            with os.fdopen(handle, "wb") as stream:
                stream.write(payload)
            os.replace(temporary, self.folder / _FILE)
        except OSError:
            return
