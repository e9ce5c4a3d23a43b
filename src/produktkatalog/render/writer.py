"""Write the rendered pages so that a failed or interrupted run leaves the previous output exactly as it was.

The scheme:

1. Every page is rendered in memory before anything is written (``build``).
2. If every file already exists with the same bytes and nothing is stale, nothing is
   touched at all.
3. Otherwise a new tree is built in a hidden sibling folder (same file system):
   unchanged files are hard links to the existing ones (same inode, so they keep their
   modification time; where the file system has no hard links they are copied with
   their times), changed and new files are written fresh.
4. The new tree takes the place of the old one in one step: on Linux both folders
   are exchanged atomically (``renameat2`` with ``RENAME_EXCHANGE``); elsewhere the
   old folder is renamed aside and the new one renamed into place, two renames with a
   window of microseconds in which the folder is missing but the old content is kept
   under its hidden name. Then the old tree is deleted.

An interruption before step 4 leaves the old folder untouched (the hidden folder is
removed on errors). The output folder carries a marker file; a non-empty folder
without it is never replaced, so a mistyped ``--out`` cannot wipe other files.

Pages that ``build`` did not render because their inputs are unchanged (``kept``)
are treated like unchanged files. The manifest (see ``manifest``) records each
keyed page with the status of its file; it is written into the new tree before
the swap, or replaced on its own when no page changed.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from produktkatalog.incremental import manifest
from produktkatalog.system.atomic import write_text

MARKER = ".katalog-ausgabe"
MARKER_TEXT = b"Von katalog render erzeugt. Der Ordner wird bei jedem Lauf als Ganzes ersetzt.\n"


class OutputRefused(Exception):
    """The output folder cannot be used (not a folder, or a folder katalog did not create)."""


@dataclass(frozen=True)
class WriteReport:
    written: list[str]  # new or changed files
    unchanged: int
    removed: list[str]  # files of the previous output that are gone


def write_site(out: Path, files: dict[str, bytes], keep_others: bool = False, kept: Collection[str] = (),
               keys: Mapping[str, str] | None = None) -> WriteReport:
    """Put ``files`` (relative POSIX path → bytes) into ``out``; ``keep_others`` keeps the rest of the old output.

    ``kept`` are pages whose existing file stays as it is; ``keys`` the key of every keyed page (for the manifest).
    """
    new = {**files, MARKER: MARKER_TEXT}
    for path in [*new, *kept]:
        _check(path)
    old = _existing(out)
    missing = sorted(set(kept) - old)
    if missing:  # removed by someone else since the keys were read
        raise OutputRefused(f"{out / missing[0]} wurde während des Laufs entfernt; bitte erneut aufrufen.")
    new = {**{path: b"" for path in (old if keep_others else kept)}, **new}
    written = sorted(p for p in new if p not in old or (p in files and not _same(out / p, new[p])))
    removed = sorted(p for p in old if p not in new)
    unchanged = sum(1 for path in new if path not in written and path != MARKER)
    report = WriteReport([p for p in written if p != MARKER], unchanged, removed)
    record = _Record(out, keys or {}, keep_others)
    if not written and not removed:
        record.update(out)
        return report
    _replace(out, new, set(new) - set(written), record)
    return report


@dataclass(frozen=True)
class _Record:
    """The manifest of the new output: this run's keys, or (``keep_others``) the previous record."""

    out: Path
    keys: Mapping[str, str]
    keep_others: bool

    def content(self, folder: Path) -> bytes | None:
        pages = manifest.recorded(self.out) if self.keep_others else manifest.entries(folder, self.keys)
        return manifest.content(pages)

    def write_into(self, folder: Path) -> None:
        data = self.content(folder)
        if data is not None:
            (folder / manifest.MANIFEST).write_bytes(data)

    def update(self, folder: Path) -> None:
        """Replace the manifest of an output whose pages all stayed, if it changed."""
        data = self.content(folder)
        target = folder / manifest.MANIFEST
        if data is None:
            target.unlink(missing_ok=True)
        elif not _same(target, data):
            write_text(target, data.decode("utf-8"))


def _check(path: str) -> None:
    """A relative path with no way out of the output folder (the paths are generated; this is a guard)."""
    parts = PurePosixPath(path).parts
    if not parts or PurePosixPath(path).is_absolute() or any(p in ("", ".", "..") or "\\" in p for p in parts):
        raise ValueError(f"unsafe output path: {path!r}")


def _existing(out: Path) -> set[str]:
    if not out.exists():
        return set()
    if not out.is_dir():
        raise OutputRefused(f"{out} ist kein Ordner.")
    found = {path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file() or path.is_symlink()}
    found.discard(manifest.MANIFEST)
    if found and MARKER not in found:
        raise OutputRefused(f"{out} enthält Dateien, die nicht von katalog render stammen. Wählen Sie mit --out "
                            "einen leeren oder neuen Ordner.")
    return found


def _same(path: Path, content: bytes) -> bool:
    try:
        return path.stat().st_size == len(content) and path.read_bytes() == content
    except OSError:
        return False


def _replace(out: Path, files: dict[str, bytes], unchanged: set[str], record: _Record) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}.neu-", dir=out.parent))
    try:
        for path in sorted(files):
            target = fresh / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if path in unchanged:
                _link(out / path, target)
            else:
                target.write_bytes(files[path])
        record.write_into(fresh)
        _swap(fresh, out)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)  # after the swap: the previous output


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _swap(fresh: Path, out: Path) -> None:
    """``out`` becomes ``fresh``; ``fresh`` then holds the previous output (or nothing)."""
    if not out.exists():
        fresh.rename(out)
        return
    if _exchange(fresh, out):
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{out.name}.alt-", dir=out.parent))
    aside.rmdir()
    out.rename(aside)
    fresh.rename(out)
    aside.rename(fresh)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically where the system can (Linux ``renameat2``); False where it cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_cwd, rename_exchange = -100, 2
    if function(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))
