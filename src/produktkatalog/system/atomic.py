"""Atomic writes: a reader sees the old file or the complete new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, TextIO, cast


@contextlib.contextmanager
def _finished(path: Path, mode: int = 0o644, binary: bool = False) -> Iterator[tuple[IO[Any], str]]:
    """A stream into a hidden file beside ``path`` (same file system) with permissions ``mode``, removed
    again if the block fails."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        opened = os.fdopen(handle, "wb") if binary else os.fdopen(handle, "w", encoding="utf-8", errors="replace",
                                                                   newline="\n")
        with opened as stream:
            if hasattr(os, "fchmod"):  # mkstemp's 0600 would hide the file from other users of a CI runner
                os.fchmod(handle, mode)
            yield stream, temporary
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _into_place(temporary: str, path: Path) -> None:
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def atomic_text(path: Path, mode: int = 0o644) -> Iterator[TextIO]:
    """A text stream whose content replaces ``path`` when the block ends without an exception.

    A reader (a CI upload step, a second run) never sees half a file, and a failed
    run leaves the previous file as it was. The new file gets the permissions ``mode``.
    A symbolic link at ``path`` is replaced by the file, never written through.
    """
    with _finished(path, mode) as (stream, temporary):
        yield cast(TextIO, stream)
    _into_place(temporary, path)


def write_text(path: Path, text: str, mode: int = 0o644) -> None:
    """Writes ``text`` (UTF-8) to ``path``, replacing any file there in one step; ``mode``: its permissions."""
    with atomic_text(path, mode) as stream:
        stream.write(text)


def write_bytes(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Writes ``data`` to ``path``, replacing any file there in one step; a failed write leaves nothing behind."""
    with _finished(path, mode, binary=True) as (stream, temporary):
        stream.write(data)
    _into_place(temporary, path)


def create_text(path: Path, text: str) -> None:
    """Writes ``text`` to a new file ``path``; raises ``FileExistsError`` if one is there, even one created
    meanwhile (the finished file is linked into place, which never replaces)."""
    if path.exists() or path.is_symlink():
        raise FileExistsError(path)
    with _finished(path) as (stream, temporary):
        stream.write(text)
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: the check above has to do
        if path.exists() or path.is_symlink():
            raise FileExistsError(path) from None
        os.replace(temporary, path)
        return
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
