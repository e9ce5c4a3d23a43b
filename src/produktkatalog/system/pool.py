"""Spread work over the processor cores: the one place that starts worker processes.

Workers are forked where the platform allows, so they see the parent's data
without pickling it; elsewhere (or with one core, or little work) the work runs
in this process. Either way the results come back in the order of the items.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

Item = TypeVar("Item")
Outcome = TypeVar("Outcome")


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
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        yield pool
