"""A report file appears whole or not at all: written beside its place, then renamed over it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


@contextlib.contextmanager
def atomic_text(path: Path) -> Iterator[TextIO]:
    """A text stream whose content replaces ``path`` when the block ends without an exception.

    A reader (a CI upload step, a second run) never sees half a report, and a failed
    run leaves the previous file as it was.
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", errors="replace", newline="\n") as stream:
            if hasattr(os, "fchmod"):  # mkstemp's 0600 would hide the report from other users of a CI runner
                os.fchmod(handle, 0o644)
            yield stream
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
