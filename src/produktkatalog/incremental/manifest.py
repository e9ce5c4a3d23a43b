"""The output folder's record of what each page was rendered from: page → (key, size, mtime, ctime, inode).

A page's key is a digest of its inputs (see ``pages``). The record vouches for a
page only while its file is exactly the file katalog wrote for that key: a regular
file with the recorded size, modification time, inode and status-change time
(``ctime``). Nobody can set a ctime back: writing, truncating, restoring the mtime
with ``touch``, replacing, renaming or linking the file all move it forward. An
entry whose file no longer matches is ignored and the page is rendered again.

The record is written last, after the new output is in place, and its entries are
taken only once the file system's clock has moved on by one tick (a few
milliseconds): so an edit made after the record was taken can never leave the ctime
it records.
The record is JSON in a hidden file next to the marker; a record that cannot be
read counts as empty, which only costs time.
"""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from produktkatalog.system.atomic import atomic_text

MANIFEST = ".katalog-seiten"
_VERSION = 2
_MAX_BYTES = 64_000_000
_CLOCK_WAIT_S = 0.2  # at most this long for the file system's clock to move on (a timer tick, usually ≤ 10 ms)

Status = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode
Entry = tuple[str, int, int, int, int]  # key and the status of the page's file


def previous_keys(out: Path) -> dict[str, str]:
    """page → key of every recorded page whose file is still exactly as it was written."""
    return {path: entry[0] for path, entry in vouched(out).items()}


def vouched(out: Path) -> dict[str, Entry]:
    """The entries of the record whose files are still exactly as katalog wrote them."""
    folder = os.path.join(out, "")
    return {path: entry for path, entry in recorded(out).items() if status(folder + path) == entry[1:]}


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
    return {path: (entry[0], *entry[1:]) for path, entry in pages.items() if _valid(path, entry)}


def write_record(out: Path, keys: Mapping[str, str], touched: bool) -> None:
    """Record ``keys``' pages as their files are now in ``out``, replacing the record. ``touched``: files were
    written or linked just now (else an unchanged record is left as it is)."""
    target = out / MANIFEST
    pages = _entries(out, keys) if keys and not touched else {}
    if not keys or (not touched and not pages):
        target.unlink(missing_ok=True)
        return
    if not touched and pages == recorded(out):
        return
    with atomic_text(target) as stream:
        later = _next_tick(stream)  # every file katalog touched has an older ctime; any later change a newer one
        pages = {path: entry for path, entry in _entries(out, keys).items() if entry[3] < later}
        ordered = {path: list(pages[path]) for path in sorted(pages)}
        json.dump({"version": _VERSION, "seiten": ordered}, stream, ensure_ascii=False, separators=(",", ":"))
    if not pages:
        target.unlink(missing_ok=True)


def status(path: Path | str) -> Status | None:
    """The status a record keeps of a page's file; None if it is not a regular file (a link, a folder, missing)."""
    try:
        found = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(found.st_mode):
        return None
    return found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino


def _entries(out: Path, keys: Mapping[str, str]) -> dict[str, Entry]:
    folder = os.path.join(out, "")
    found = {}
    for path, key in keys.items():
        now = status(folder + path)
        if now is not None:
            found[path] = (key, *now)
    return found


def _next_tick(stream: IO[Any]) -> int:
    """Touch the new record until the file system's clock (which also sets ctimes) has moved on from now; the
    time it shows then. Waits one tick of that clock, a few milliseconds."""
    handle = stream.fileno()
    os.utime(handle)
    now = os.fstat(handle).st_mtime_ns
    deadline = time.monotonic() + _CLOCK_WAIT_S
    while time.monotonic() < deadline:
        time.sleep(0.001)
        os.utime(handle)
        later = os.fstat(handle).st_mtime_ns
        if later > now:
            return later
    return now  # a clock this coarse: the pages changed in its last tick are not vouched for


def _valid(path: Any, entry: Any) -> bool:
    return (isinstance(path, str) and isinstance(entry, list) and len(entry) == 5 and isinstance(entry[0], str)
            and all(type(number) is int for number in entry[1:]))
