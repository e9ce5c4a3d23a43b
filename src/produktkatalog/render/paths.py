"""Output paths of the rendered site, derived safely from numbers and names.

A path segment is a slug: lower-case ASCII letters, digits, ``-`` and ``_`` only,
so no text from a YAML file can climb out of the output folder (``..``, ``/``,
``\\``, drive letters and control characters all become ``-``). Two entries whose
slugs coincide (numbers that differ only in separators, equal names) get ``-2``,
``-3``, … in a fixed order, so no page overwrites another and a re-run yields the
same names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "ae", "Ö": "oe", "Ü": "ue", "ß": "ss"})
_UNSAFE = re.compile(r"[^a-z0-9_]+")
MAX_LENGTH = 80
RESERVED = frozenset({"index", "kennzahlen", "stil", "druck"})  # names of the site's own pages


def slug(*parts: str) -> str:
    """``("1111 06", "Städtepartnerschaften")`` → ``1111-06-staedtepartnerschaften``; never empty."""
    text = " ".join(part for part in parts if part).translate(_GERMAN)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    cleaned = _UNSAFE.sub("-", ascii_text).strip("-_")[:MAX_LENGTH].strip("-_")
    return cleaned or "ohne-namen"


def unique_slugs(keys: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map each key to a distinct slug of its wished name.

    ``keys`` are (key, wished slug) pairs, taken in sorted order so the numbering
    of clashes does not depend on the order files were found in.
    """
    taken: set[str] = set(RESERVED)
    chosen: dict[str, str] = {}
    for key, wished in sorted(keys, key=lambda pair: (pair[1], pair[0])):
        name, count = wished, 1
        while name in taken:
            count += 1
            name = f"{wished}-{count}"
        taken.add(name)
        chosen[key] = name
    return chosen


def relative(source: str, target: str) -> str:
    """The link from page ``source`` to ``target``, both relative to the site root (POSIX paths)."""
    depth = source.count("/")
    return "../" * depth + target
