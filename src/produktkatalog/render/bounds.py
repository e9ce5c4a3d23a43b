"""Bounds on applying a template: a catalogue's own template is untrusted code, like its YAML.

The sandbox keeps a template from reading files or calling Python; these bounds keep
it from running forever or exhausting memory. Each is enforced where it cannot be
sidestepped, without changing what a well-behaved template produces:

- **time**: every page gets ``SECONDS`` of wall-clock time (a timer signal raises
  ``TemplateLimit`` in the template's code). Jinja compiles templates to Python, so a
  loop of a template, however nested, is interrupted; one Python operation cannot run
  long, because the sandbox also bounds ``**`` and ``*`` (no 10**10**10, no
  ``"x" * 10**10``) and ``range`` (100.000 items);
- **output**: a page is joined in batches from Jinja's stream of pieces and stops at
  ``MAX_CHARACTERS``, before a loop that prints gigabytes holds them in memory;
- **memory** (Linux): while templates are applied, the process may grow by
  ``MEMORY_HEADROOM`` at most (``RLIMIT_AS``). Whatever else a template builds (a text
  doubled in a loop, a huge ``center()``) then fails as ``MemoryError`` in the
  template, instead of making the system kill a process.

Rendering in a separate process with a timeout was the alternative; it would need a
process per page (the worker pool cannot cancel one task), and the bounds here hold in
the worker processes as they do in this one.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import os
import signal
import sys
import threading
from collections.abc import Iterator, Mapping
from typing import Any

from jinja2 import Template

SECONDS: float = 60  # per page; the slowest page of a generated Großstadt catalogue takes about one
MAX_CHARACTERS = 64 * 2**20  # per page; the largest page of that catalogue has under 3 million
MEMORY_HEADROOM = 2 * 2**30
MAX_POWER_DIGITS = 1000
_BATCH = 4096  # pieces joined at once: the check costs nothing next to the template's own work


class TemplateLimit(Exception):
    """A template exceeded a bound; the message (German) says which."""


def bounded_render(template: Template, context: Mapping[str, Any]) -> str:
    """``template.render(context)``, joined by ``joined``: Jinja's own ``render`` without its one join."""
    ctx = template.new_context(dict(context))
    try:
        return joined(template.root_render_func(ctx))
    except Exception:
        template.environment.handle_exception()  # raises again, with the template's lines in the traceback
        raise


def joined(pieces: Iterator[str]) -> str:
    """The page from Jinja's stream of pieces, stopping at ``MAX_CHARACTERS``."""
    parts: list[str] = []
    size = 0
    while batch := list(itertools.islice(pieces, _BATCH)):
        part = "".join(batch)
        size += len(part)
        if size > MAX_CHARACTERS:
            raise TemplateLimit(f"die Seite wird größer als {MAX_CHARACTERS // 2**20} Millionen Zeichen (Grenze für "
                                "eine Seite)")
        parts.append(part)
    return "".join(parts)


@contextlib.contextmanager
def time_limit() -> Iterator[None]:
    """``SECONDS`` for the block, where a timer signal can be used (the main thread of a POSIX process)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        raise TemplateLimit(f"die Vorlage läuft länger als {SECONDS:g} Sekunden (Grenze für eine Seite)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def memory_cap() -> Iterator[None]:
    """The process may grow by ``MEMORY_HEADROOM`` during the block (Linux; elsewhere no cap)."""
    limits = _capped()
    if limits is None:
        yield
        return
    import resource

    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, limits)


def cap_memory_for_good() -> None:
    """``memory_cap`` for the rest of the process: for a worker process that only applies templates."""
    _capped()


def _capped() -> tuple[int, int] | None:
    """Lowers the address-space limit; the limits before, or None where nothing was changed."""
    if not sys.platform.startswith("linux"):
        return None
    import resource

    try:
        with open("/proc/self/statm", encoding="ascii") as stream:
            used = int(stream.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = used + MEMORY_HEADROOM
        if hard != resource.RLIM_INFINITY:
            wanted = min(wanted, hard)
        if soft != resource.RLIM_INFINITY and soft <= wanted:
            return None
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (OSError, ValueError):
        return None
    return soft, hard


def refused_operation(operator: str, left: Any, right: Any) -> str | None:
    """Why ``left operator right`` is not computed in a template (German), or None."""
    if operator == "**" and _whole(left) and _whole(right) and right > 0 and abs(left) > 1 \
            and right * math.log10(abs(left)) > MAX_POWER_DIGITS:
        return f"eine Potenz mit mehr als {MAX_POWER_DIGITS} Stellen wird nicht berechnet"
    if operator == "*":
        for sequence, times in ((left, right), (right, left)):
            if isinstance(sequence, (str, list, tuple)) and _whole(times) and len(sequence) * times > MAX_CHARACTERS:
                return (f"eine Wiederholung mit mehr als {MAX_CHARACTERS // 2**20} Millionen Einträgen wird nicht "
                        "gebildet")
    return None


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
