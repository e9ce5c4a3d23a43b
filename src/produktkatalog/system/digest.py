"""The one digest katalog keys things by: BLAKE2b over length-prefixed parts, so ("ab", "c") ≠ ("a", "bc")."""

from __future__ import annotations

import hashlib


def digest(*parts: str | bytes, size: int = 16) -> str:
    """A hex digest of ``parts`` (text as UTF-8, undecodable file names kept by ``surrogateescape``)."""
    hasher = hashlib.blake2b(digest_size=size)
    for part in parts:
        data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogateescape")
        hasher.update(b"%d:" % len(data))
        hasher.update(data)
    return hasher.hexdigest()
