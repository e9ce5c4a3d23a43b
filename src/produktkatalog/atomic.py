"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def _temporary(path: Path, text: str) -> str:
    """A finished copy of ``text`` in a hidden file beside ``path``, on the same file system."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except BaseException:
        os.unlink(temporary)
        raise
    return temporary


def replace_text(path: Path, text: str) -> None:
    """Writes ``text`` to ``path``, replacing any file there in one step."""
    temporary = _temporary(path, text)
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def create_text(path: Path, text: str) -> None:
    """Writes ``text`` to a new file ``path``; raises ``FileExistsError`` if one is there, even one created
    meanwhile (the finished file is linked into place, which never replaces)."""
    if path.exists() or path.is_symlink():
        raise FileExistsError(path)
    temporary = _temporary(path, text)
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
