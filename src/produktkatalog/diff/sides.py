"""The two states a diff compares, each run through the normal pipeline.

A revision's catalogue is written into a temporary folder and validated there,
named in findings as the working tree names it, so both sides speak of the same
files. No revision: the working tree against HEAD; one: the working tree against
it; two: the first against the second.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from produktkatalog.git.revisions import Repository, repository
from produktkatalog.load.discover import find_catalogues, shown_path
from produktkatalog.pipeline import validate
from produktkatalog.result import NoCatalogue, Result

WORKING_TREE = "Arbeitsverzeichnis"


@dataclass
class Side:
    label: str  # "HEAD (48370b5)" or "Arbeitsverzeichnis"
    revision: str | None  # full commit hash; None for the working tree
    folder: Path  # where this side's files lie
    shown: str  # how the folder is named in findings and file names: as the working tree names it
    result: Result  # empty if there is no catalogue on this side
    found: bool = True  # whether a catalogue was there at all


@contextmanager
def open_sides(path: Path, old: str | None = None, new: str | None = None,
               use_cache: bool = True) -> Iterator[tuple[Side, Side]]:
    """The older and the newer side; temporary folders live as long as the context."""
    repo = repository(path)
    folder = repo.inside(path)
    shown = shown_path(path)
    borrowed = path if use_cache else None  # the working tree's cache serves every file a revision shares with it
    with ExitStack() as stack:
        def at(revision: str) -> Side:
            target = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="katalog-diff-"))) / "katalog"
            return _revision_side(repo, revision, folder, target, shown, borrowed)

        after = at(new) if new is not None else _working_side(path, use_cache)  # first: it fills the cache
        before = at(old or "HEAD")
        yield before, after


def _revision_side(repo: Repository, revision: str, folder: str, target: Path, shown: str,
                   borrowed: Path | None) -> Side:
    commit = repo.commit(revision)
    target.mkdir()
    repo.materialize(commit, folder, target)
    label = revision if revision.startswith(commit[:7]) else f"{revision} ({commit[:7]})"
    return _side(label, commit, target, shown, use_cache=borrowed is not None, cache_of=borrowed)


def _working_side(path: Path, use_cache: bool) -> Side:
    return _side(WORKING_TREE, None, path, shown_path(path), use_cache)


def _side(label: str, commit: str | None, folder: Path, shown: str, use_cache: bool,
          cache_of: Path | None = None) -> Side:
    if not folder.is_dir() or not find_catalogues(folder):
        return Side(label, commit, folder, shown, Result(), found=False)
    try:
        result = validate(folder, use_cache=use_cache, shown_as=shown, cache_of=cache_of)
    except NoCatalogue:
        return Side(label, commit, folder, shown, Result(), found=False)
    return Side(label, commit, folder, shown, result)
