"""Spread work over the processor cores: a list in, results in the same order out."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

Item = TypeVar("Item")
Outcome = TypeVar("Outcome")


def in_processes(work: Callable[[list[Item]], list[Outcome]], items: list[Item], workers: int | None,
                 minimum: int) -> list[Outcome]:
    """``work(items)``, split over ``workers`` processes (default: one per core) from ``minimum`` items on.

    Below that, starting worker processes costs more than it saves. ``work`` must be a
    module-level function: it runs in a forked child where the platform allows.
    """
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers < 2 or len(items) < minimum:
        return work(items)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = [items[start::workers] for start in range(workers)]
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        results = list(pool.map(work, chunks))
    merged: list[Outcome] = [None] * len(items)  # type: ignore[list-item]  # every slot is filled below
    for start, chunk in enumerate(results):
        merged[start::workers] = chunk
    return merged
