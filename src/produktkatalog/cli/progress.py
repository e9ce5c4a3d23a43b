"""Signs of life on a terminal while long work runs: rich on stderr, never in a pipe, a file or a CI log.

``waiting`` shows a spinner with the elapsed time once a block has taken longer than ``SHOW_AFTER``
(checking and computing give no count to show); ``pages`` is the progress bar of ``render``,
for more than ``PAGES_FROM`` pages.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

SHOW_AFTER = 1.0  # seconds; quicker work needs no sign of life
PAGES_FROM = 50  # pages; fewer render too fast for a progress bar to help


@contextmanager
def waiting(text: str) -> Iterator[None]:
    """While the block runs: after ``SHOW_AFTER`` seconds a spinner with ``text`` and the elapsed time on stderr,
    removed when the block ends; nothing at all unless stderr is a terminal."""
    if not sys.stderr.isatty():
        yield
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), transient=True,
                   console=Console(stderr=True))
    lock = threading.Lock()
    state = {"done": False, "shown": False}

    def show() -> None:
        with lock:
            if not state["done"]:
                bar.add_task(text, total=None)
                bar.start()
                state["shown"] = True

    timer = threading.Timer(SHOW_AFTER, show)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            timer.cancel()
            if state["shown"]:
                bar.stop()


@contextmanager
def pages() -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr, only for a terminal and more than ``PAGES_FROM`` pages."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True)) as bar:
        task: Any = None

        def advance(done: int, total: int) -> None:
            nonlocal task
            if total <= PAGES_FROM:
                return
            if task is None:
                task = bar.add_task("Seiten erzeugen", total=total)
            bar.update(task, completed=done)

        yield advance
