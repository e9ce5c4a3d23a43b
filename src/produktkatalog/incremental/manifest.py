"""The output folder's record of what each page was rendered from: page → (key, size, mtime, inode).

A page's key is a digest of its inputs (see ``keys``). An entry is written only
with the file status of the very file rendered from inputs with that key, so an
entry whose file no longer has that status (edited, replaced, copied) is ignored
and the page is rendered again. The record is JSON in a hidden file next to the
marker; a record that cannot be read counts as empty, which only costs time.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

MANIFEST = ".katalog-seiten"
_VERSION = 1
_MAX_BYTES = 64_000_000

Entry = tuple[str, int, int, int]  # key, size, mtime_ns, inode


def previous_keys(out: Path) -> dict[str, str]:
    """page → key of every recorded page whose file is still exactly as it was written."""
    found = {}
    for path, entry in recorded(out).items():
        if _status(out / path) == entry[1:]:
            found[path] = entry[0]
    return found


def recorded(out: Path) -> dict[str, Entry]:
    try:
        with (out / MANIFEST).open("rb") as stream:
            raw = stream.read(_MAX_BYTES + 1)
        stored = json.loads(raw) if len(raw) <= _MAX_BYTES else None
    except (OSError, ValueError):
        return {}
    pages = stored.get("seiten") if isinstance(stored, dict) and stored.get("version") == _VERSION else None
    if not isinstance(pages, dict):
        return {}
    return {path: (entry[0], entry[1], entry[2], entry[3]) for path, entry in pages.items() if _valid(path, entry)}


def entries(folder: Path, keys: Mapping[str, str]) -> dict[str, Entry]:
    """The record of ``keys``' pages as they are now in ``folder``."""
    found = {}
    for path, key in keys.items():
        status = _status(folder / path)
        if status is not None:
            found[path] = (key, *status)
    return found


def content(pages: Mapping[str, Entry]) -> bytes | None:
    """The manifest's bytes; None when there is nothing to record."""
    if not pages:
        return None
    ordered = {path: list(pages[path]) for path in sorted(pages)}
    return json.dumps({"version": _VERSION, "seiten": ordered}, ensure_ascii=False, separators=(",", ":")).encode()


def _status(path: Path) -> tuple[int, int, int] | None:
    try:
        status = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns, status.st_ino


def _valid(path: Any, entry: Any) -> bool:
    return (isinstance(path, str) and isinstance(entry, list) and len(entry) == 4 and isinstance(entry[0], str)
            and all(type(number) is int for number in entry[1:]))
