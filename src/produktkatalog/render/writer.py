"""Write the rendered pages so that a failed or interrupted run leaves the previous output exactly as it was.

The scheme:

1. Every page is rendered in memory before anything is written (``build``).
2. If every file already exists with the same bytes and nothing is stale, nothing is
   touched at all.
3. Otherwise a new tree is built in a hidden sibling folder (same file system):
   unchanged files are hard links to the existing ones (same inode, so they keep their
   modification time; where the file system has no hard links they are copied with
   their times), changed and new files are written fresh. The folder gets the
   permissions the umask gives a new folder.
4. The new tree takes the place of the old one in one step: on Linux both folders
   are exchanged atomically (``renameat2`` with ``RENAME_EXCHANGE``); elsewhere the
   old folder is renamed aside and the new one renamed into place, two renames with a
   window of microseconds in which the folder is missing but the old content is kept
   under its hidden name. Then the old tree is deleted.
5. Last, the page record (``manifest``) is written for the files now in place.

An interruption before step 4 leaves the old folder untouched (the hidden folder is
removed on errors); one after it leaves the new output without a record, so the next
run renders every page. The output folder carries a marker file; a non-empty folder
without it is never replaced, so a mistyped ``--out`` cannot wipe other files, and an
``--out`` that is a symbolic link is refused rather than replaced by a folder.

One process writes an output folder at a time: ``writing_to`` holds a lock beside it
from reading the old record to the end of the write, and removes what killed runs
left (hidden ``.<out>.neu-…`` folders, a half-written record). Pages that ``build``
did not render because their inputs are unchanged (``kept``) must still be vouched
for by the record when they are linked into the new tree, or nothing is written.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from produktkatalog.incremental import manifest
from produktkatalog.system.lock import Busy, exclusive

MARKER = ".katalog-ausgabe"
MARKER_TEXT = b"Von katalog render erzeugt. Der Ordner wird bei jedem Lauf als Ganzes ersetzt.\n"


class OutputRefused(Exception):
    """The output folder cannot be used (not a folder, or a folder katalog did not create)."""


class OutputBusy(OutputRefused):
    """Another run writes the same output folder right now."""


@dataclass(frozen=True)
class WriteReport:
    written: list[str]  # new or changed files
    unchanged: int
    removed: list[str]  # files of the previous output that are gone


def write_site(out: Path, files: dict[str, bytes], keep_others: bool = False, kept: Collection[str] = (),
               keys: Mapping[str, str] | None = None) -> WriteReport:
    """Put ``files`` (relative POSIX path → bytes) into ``out``; ``keep_others`` keeps the rest of the old output.

    ``kept`` are pages whose existing file stays as it is; ``keys`` the key of every keyed page (for the record).
    """
    new = {**files, MARKER: MARKER_TEXT}
    for path in [*new, *kept]:
        _check(path)
    _refuse_link(out)
    old = _existing(out)
    vouched = manifest.vouched(out)
    stale = sorted(p for p in kept if p not in vouched or vouched[p][0] != (keys or {}).get(p))
    if stale:  # changed or removed by someone else since the keys were read
        raise OutputRefused(f"{out / stale[0]} wurde während des Laufs verändert oder entfernt; bitte erneut "
                            "aufrufen.")
    carried = {path for path, regular in old.items() if regular} if keep_others else set(kept)
    new = {**{path: b"" for path in carried}, **new}
    written = sorted(p for p in new if p not in old or (p in files and not _same(out / p, new[p])))
    removed = sorted(p for p in old if p not in new)
    unchanged = sum(1 for path in new if path not in written and path != MARKER)
    report = WriteReport([p for p in written if p != MARKER], unchanged, removed)
    record = {**({p: vouched[p][0] for p in carried if p in vouched} if keep_others else {}), **(keys or {})}
    if written or removed:
        _replace(out, new, set(new) - set(written))
    manifest.write_record(out, record, touched=bool(written or removed))
    return report


@contextlib.contextmanager
def writing_to(out: Path) -> Iterator[None]:
    """This process alone writes ``out`` for the block (from reading its record to writing it); what killed runs
    left beside and in it is removed first. Raises ``OutputBusy`` if another run writes it."""
    _refuse_link(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        with exclusive(out.parent / f".{out.name}.sperre"):
            _remove_leftovers(out)
            yield
    except Busy:
        raise OutputBusy(f"Ein anderer Lauf von katalog render schreibt gerade nach {out}. Warten Sie, bis er "
                         "fertig ist, und rufen Sie render dann erneut auf.") from None


def _refuse_link(out: Path) -> None:
    if out.is_symlink():
        raise OutputRefused(f"{out} ist eine Verknüpfung (symbolischer Link). render ersetzt den Ausgabeordner als "
                            "Ganzes und würde die Verknüpfung durch einen Ordner ersetzen; geben Sie mit --out den "
                            f"Ordner selbst an ({os.path.realpath(out)}).")


_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?:neu|alt)-[a-z0-9_]{8}$")


def _remove_leftovers(out: Path) -> None:
    """Hidden folders of killed runs beside ``out`` (only empty ones or ones with the marker, never a link) and a
    half-written record in it."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(out.parent):
            found = _LEFTOVER.match(entry.name)
            if found and found["name"] == out.name and entry.is_dir(follow_symlinks=False) and _ours(entry.path):
                _remove_tree(entry.path)
    with contextlib.suppress(OSError):
        for entry in os.scandir(out):
            if entry.name.startswith(f".{manifest.MANIFEST}.") and entry.name.endswith(".tmp"):
                os.unlink(entry.path)


def _ours(folder: str) -> bool:
    names = os.listdir(folder)
    if not names:
        return True
    try:
        with open(os.path.join(folder, MARKER), "rb") as stream:
            text = stream.read(len(MARKER_TEXT) + 1)
    except OSError:
        return False
    # the marker is the first file of a new tree: a run killed while writing it leaves only its beginning
    return text == MARKER_TEXT or (names == [MARKER] and MARKER_TEXT.startswith(text))


def _check(path: str) -> None:
    """A relative path with no way out of the output folder (the paths are generated; this is a guard)."""
    parts = PurePosixPath(path).parts
    if not parts or PurePosixPath(path).is_absolute() or any(p in ("", ".", "..") or "\\" in p for p in parts):
        raise ValueError(f"unsafe output path: {path!r}")


def _existing(out: Path) -> dict[str, bool]:
    """The files of the previous output (path → whether it is a regular file rather than a link)."""
    if not out.exists():
        return {}
    if not out.is_dir():
        raise OutputRefused(f"{out} ist kein Ordner.")
    found: dict[str, bool] = {}
    pending = [("", str(out))]
    while pending:
        prefix, folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((f"{prefix}{entry.name}/", entry.path))
                else:
                    found[prefix + entry.name] = entry.is_file(follow_symlinks=False)
    found.pop(manifest.MANIFEST, None)
    if found and MARKER not in found:
        raise OutputRefused(f"{out} enthält Dateien, die nicht von katalog render stammen. Wählen Sie mit --out "
                            "einen leeren oder neuen Ordner.")
    return found


def _same(path: Path, content: bytes) -> bool:
    try:
        found = manifest.status(path)  # None unless a regular file; its size first
        return found is not None and found[0] == len(content) and path.read_bytes() == content
    except OSError:
        return False


def _replace(out: Path, files: dict[str, bytes], unchanged: set[str]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}.neu-", dir=out.parent))
    try:
        os.chmod(fresh, 0o777 & ~_umask())  # mkdtemp makes it 0700: a web server could not read the output
        for path in sorted(files):
            target = fresh / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if path in unchanged:
                _link(out / path, target)
            else:
                target.write_bytes(files[path])
        _swap(fresh, out)
    finally:
        _remove_tree(fresh)  # after the swap: the previous output


def _remove_tree(folder: Path | str) -> None:
    """Delete an output tree, its marker last: a tree cut short by ``kill -9`` is still recognisably katalog's."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name == MARKER:
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
    shutil.rmtree(folder, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _link(source: Path, target: Path) -> None:
    """The unchanged file ``source`` (a regular file, never a link) as ``target``: a hard link, else a copy."""
    if manifest.status(source) is None:
        raise OutputRefused(f"{source} ist keine gewöhnliche Datei mehr; bitte erneut aufrufen.")
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


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
