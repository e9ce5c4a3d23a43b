"""Spread work over the processor cores: the one place that starts worker processes.

Workers are forked where the platform allows, so they see the parent's data
without pickling it; elsewhere (or with one core, or little work) the work runs
in this process. Either way the results come back in the order of the items.

Workers die with their parent, also when it is killed without a chance to stop
them (``kill -9``): on Linux the kernel sends them SIGKILL (``PR_SET_PDEATHSIG``),
elsewhere a thread in each worker notices that its parent is gone.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

Item = TypeVar("Item")
Outcome = TypeVar("Outcome")
_PR_SET_PDEATHSIG = 1
_PARENT_CHECK_S = 0.5


def cores(workers: int | None) -> int:
    return workers if workers is not None else (os.cpu_count() or 1)


def can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def in_processes(work: Callable[[list[Item]], list[Outcome]], items: list[Item], workers: int | None,
                 minimum: int) -> list[Outcome]:
    """``work(items)``, split over ``workers`` processes (default: one per core) from ``minimum`` items on.

    Below that, starting worker processes costs more than it saves. ``work`` must be a
    module-level function: it runs in a forked child where the platform allows.
    """
    workers = cores(workers)
    if workers < 2 or len(items) < minimum:
        return work(items)
    chunks = [items[start::workers] for start in range(workers)]
    with _pool(workers) as pool:
        results = list(pool.map(work, chunks))
    merged: list[Outcome] = [None] * len(items)  # type: ignore[list-item]  # every slot is filled below
    for start, chunk in enumerate(results):
        merged[start::workers] = chunk
    return merged


def each_in_forks(task: Callable[[int], Outcome], count: int, workers: int,
                  done: Callable[[], None] | None = None) -> list[Outcome]:
    """``task(0) … task(count - 1)`` in forked workers that inherit what the parent prepared; ``done`` is called
    once per finished item, in order. Small chunks even out items of different length."""
    chunk = max(1, count // (workers * 8))
    results = []
    with _pool(workers, fork_only=True) as pool:
        for outcome in pool.map(task, range(count), chunksize=chunk):
            results.append(outcome)
            if done is not None:
                done()
    return results


@contextmanager
def _pool(workers: int, fork_only: bool = False) -> Iterator[ProcessPoolExecutor]:
    import multiprocessing

    context = multiprocessing.get_context("fork") if fork_only or can_fork() else None
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=die_with_parent, initargs=(os.getpid(),))
    try:
        yield pool
    except BaseException:  # one item failed: the items not yet started are not started at all
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def die_with_parent(parent: int) -> None:
    """Run first in every worker: it ends when ``parent`` ends, however that ends."""
    if not _kernel_kills_orphans():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="katalog-elternprozess").start()
    if os.getppid() != parent:  # the parent was gone before the line above took effect
        os._exit(1)


def _kernel_kills_orphans() -> bool:
    """Linux: ask for SIGKILL when the parent dies."""
    if not sys.platform.startswith("linux"):
        return False
    with contextlib.suppress(OSError, AttributeError):
        return bool(ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_S)
    os._exit(1)
