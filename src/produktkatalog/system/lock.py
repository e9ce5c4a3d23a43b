"""One writer at a time: an exclusive lock on a file beside (or inside) what is written.

The lock is ``flock`` on a small file, so the system releases it when its holder
ends in any way, ``kill -9`` included: a crashed run never leaves a lock behind. The
holder removes the file before releasing it; whoever opened the file meanwhile finds
it gone and tries again, so two processes can never hold locks on two different files
of one name. The file is opened without following a link. Where the system has no
``flock`` (Windows), writers are not serialized.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_ATTEMPTS = 20


class Busy(Exception):
    """Another process holds the lock."""


@contextlib.contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Holds the lock of ``path`` for the block; raises ``Busy`` at once if another process holds it, and
    ``OSError`` if the lock file cannot be made (e.g. a link in its place)."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    handle = _acquire(path)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            if _same_file(handle, path):
                os.unlink(path)
        os.close(handle)  # releases the lock


def _acquire(path: Path) -> int:
    for _ in range(_ATTEMPTS):
        handle = os.open(path, os.O_RDWR | os.O_CREAT | _NO_FOLLOW, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            raise Busy(str(path)) from None
        except BaseException:
            os.close(handle)
            raise
        if _same_file(handle, path):
            return handle
        os.close(handle)  # the previous holder removed the file after we opened it: take the new one
    raise Busy(str(path))


def _same_file(handle: int, path: Path) -> bool:
    try:
        mine, there = os.fstat(handle), os.lstat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)
