"""Cache files that prove their own content, read without following a link.

Every cache file is a header and a pickle of plain data. The header holds a digest
of the payload, of the file's name in the cache and of the cache's salt (program
version and schemas): a changed digit, a truncated file, a file copied over another
one's name or left by another program version fails the check and is ignored, so
the entry is computed again and rewritten. Only then is the payload unpickled, with
an unpickler that resolves no global but ``decimal.Decimal`` and that may fail in any
way without failing the run.

The digest proves integrity, not origin: someone who can write the cache and knows
this format can compute it. A cache shared between machines (a CI cache) therefore
takes a secret from ``KATALOG_CACHE_SCHLUESSEL``; it enters every digest, and a file
written without it is ignored like a damaged one.
"""

from __future__ import annotations

import contextlib
import hmac
import io
import os
import pickle
import re
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any

from produktkatalog.system.atomic import write_bytes
from produktkatalog.system.digest import digest

SECRET_VARIABLE = "KATALOG_CACHE_SCHLUESSEL"
MAX_BYTES = 256 * 1024 * 1024  # far above any real cache file; a planted giant is not read
_MAGIC = b"katalog-zwischenspeicher\n"
_CHECK = 32  # hex digits of the digest
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
# what tempfile.mkstemp leaves beside a cache file when a run is killed while writing it
_LEFTOVER = re.compile(r"^\.(?:[0-9a-f]{2}\.pickle|stempel\.stamps|rechnung\.results|[0-9a-f]{32})\.[a-z0-9_]{8}\.tmp$")


class _DataOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("decimal", "Decimal"):
            return Decimal
        raise pickle.UnpicklingError(f"not allowed in the cache: {module}.{name}")


def load_data(raw: bytes) -> Any:
    """Plain data (containers, text, numbers, ``Decimal``) from a pickle; None for anything else or a broken one.

    Whatever a damaged pickle makes the unpickler raise (``OverflowError`` for an absurd length, ``MemoryError``,
    ``RecursionError`` …) means only: no data."""
    try:
        return _DataOnly(io.BytesIO(raw)).load()
    except Exception:
        return None


def seal(name: str, payload: bytes, salt: str) -> bytes:
    return _MAGIC + _check(name, payload, salt) + b"\n" + payload


def unseal(name: str, sealed: bytes, salt: str) -> bytes | None:
    """The payload of a sealed file, or None if the file is not exactly what this cache wrote under ``name``."""
    start = len(_MAGIC)
    if not sealed.startswith(_MAGIC) or sealed[start + _CHECK:start + _CHECK + 1] != b"\n":
        return None
    payload = sealed[start + _CHECK + 1:]
    return payload if hmac.compare_digest(sealed[start:start + _CHECK], _check(name, payload, salt)) else None


def _check(name: str, payload: bytes, salt: str) -> bytes:
    return digest(os.environ.get(SECRET_VARIABLE, ""), salt, name, payload).encode("ascii")


def read_regular(path: Path) -> bytes | None:
    """The bytes of a regular file that is not a link, up to ``MAX_BYTES``; None for anything else."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | _NO_FOLLOW)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        try:
            status = os.fstat(handle)
            if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_BYTES:
                return None
            raw = stream.read(MAX_BYTES + 1)
        except OSError:
            return None
    return raw if len(raw) <= MAX_BYTES else None


def write_sealed(path: Path, name: str, content: Any, salt: str) -> None:
    """``content`` pickled and sealed, replacing ``path`` in one step (a link there is replaced, never followed)."""
    write_bytes(path, seal(name, pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL), salt), mode=0o600)


def real_folder(path: Path) -> bool | None:
    """True for a folder that is not a link, None if nothing is there, False for anything else."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError:
        return False
    return stat.S_ISDIR(status.st_mode)


def remove_leftovers(folder: Path) -> None:
    """Temporary files of interrupted writes; only names this cache gives them, only regular files."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if _LEFTOVER.match(entry.name) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
