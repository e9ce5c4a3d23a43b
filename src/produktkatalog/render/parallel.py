"""Apply the templates of many pages on every core.

Applying the templates is most of a full render (about three quarters for a
Großstadt catalogue). The parent builds each page's context first, so the
content every page shares (the sheets the overview lists) is built once; then
worker processes forked from it apply the templates to their share of the pages
and send back the bytes. Forked workers see the contexts without pickling them.
Where fork is unavailable, with one core or few pages, the pages are rendered
one after the other in this process. Either way the result is the same bytes, in
the order of the pages.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from produktkatalog.render.bounds import cap_memory_for_good, memory_cap
from produktkatalog.system.pool import can_fork, cores, each_in_forks

PARALLEL_FROM = 200  # pages; fewer render faster than worker processes start
Render = Callable[[], str]

_PAGES: list[Render] = []  # the pages of the current run, inherited by the forked workers
_CAPPED: list[int] = []  # the worker process whose memory is capped already (see ``bounds``)


def render_pages(pages: list[tuple[Callable[[], object], Callable[[object], str]]], workers: int | None = None,
                 done: Callable[[], None] | None = None) -> list[bytes]:
    """Each page's ``apply(context())`` as UTF-8; ``done`` is called once per page as it is finished."""
    workers = cores(workers)
    if workers < 2 or len(pages) < PARALLEL_FROM or not can_fork():
        with memory_cap():
            return [_serial(context, apply, done) for context, apply in pages]
    contexts = [context() for context, _ in pages]  # built here: shared content is built once
    _PAGES[:] = [_bound(apply, built) for (_, apply), built in zip(pages, contexts, strict=True)]
    try:
        return _in_workers(len(pages), workers, done)
    finally:
        _PAGES.clear()


def _serial(context: Callable[[], object], apply: Callable[[object], str], done: Callable[[], None] | None) -> bytes:
    content = apply(context()).encode("utf-8")
    if done is not None:
        done()
    return content


def _bound(apply: Callable[[object], str], context: object) -> Render:
    return lambda: apply(context)


def _in_workers(count: int, workers: int, done: Callable[[], None] | None) -> list[bytes]:
    return each_in_forks(_render, count, workers, done)


def _render(position: int) -> bytes:
    if os.getpid() not in _CAPPED:
        cap_memory_for_good()
        _CAPPED.append(os.getpid())
    return _PAGES[position]().encode("utf-8")
