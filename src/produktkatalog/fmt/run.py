"""``katalog fmt`` over files and folders: find the catalogue files, format each, write what changed."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from produktkatalog.discover import SourceFile, catalogue_files, catalogue_of, find_catalogues, source_file
from produktkatalog.findings import Finding
from produktkatalog.fmt.canonical import Formatted, format_text
from produktkatalog.load.source import read_bytes

PARALLEL_FROM = 400  # files; below that, starting worker processes costs more than it saves


class NothingToFormat(Exception):
    """A path does not exist or holds no catalogue: the command cannot run (exit 2)."""


@dataclass(frozen=True)
class QuotedNumber:
    file: str
    line: int
    column: int
    text: str


@dataclass
class FormatReport:
    files: int = 0  # catalogue files looked at
    changed: list[str] = field(default_factory=list)  # written, or with check only: would be written
    quoted: list[QuotedNumber] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # files that cannot be read, left alone
    unsafe: list[tuple[str, str]] = field(default_factory=list)  # (file, reason) left alone


def format_paths(paths: Sequence[Path], write: bool, workers: int | None = None) -> FormatReport:
    """Formats every catalogue file in ``paths``; with ``write=False`` only tells what would change.

    Large sets of files are formatted in worker processes; only this process writes.
    """
    sources = catalogue_sources(paths)
    report = FormatReport(files=len(sources))
    for source, outcome in zip(sources, _outcomes(sources, workers), strict=True):
        report.findings.extend(outcome.findings)
        report.quoted.extend(QuotedNumber(source.shown, line, column, change.text)
                             for change, line, column in outcome.quoted)
        if outcome.unsafe:
            report.unsafe.append((source.shown, outcome.unsafe))
        elif outcome.text is not None:
            report.changed.append(source.shown)
            if write:
                write_atomically(Path(source.path), outcome.text)
    return report


def _outcomes(sources: list[SourceFile], workers: int | None) -> list[Formatted]:
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers < 2 or len(sources) < PARALLEL_FROM:
        return _format_all(sources)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = [sources[start::workers] for start in range(workers)]
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        results = list(pool.map(_format_all, chunks))
    merged: list[Formatted] = [Formatted(None)] * len(sources)
    for start, chunk in enumerate(results):
        merged[start::workers] = chunk
    return merged


def _format_all(sources: list[SourceFile]) -> list[Formatted]:
    return [_format_one(source) for source in sources]


def _format_one(source: SourceFile) -> Formatted:
    """The outcome for one file; ``text`` only if it differs from the file's bytes."""
    raw = read_bytes(source.path, source.shown)
    if isinstance(raw, Finding):
        return Formatted(None, findings=[raw])
    formatted = format_text(raw, source.kind or "", source.shown)
    if formatted.text is not None and formatted.text.encode("utf-8") == raw:
        formatted.text = None
    return formatted


def catalogue_sources(paths: Sequence[Path]) -> list[SourceFile]:
    """The placed catalogue files named by ``paths`` (files or folders), each once, in path order."""
    found: dict[str, SourceFile] = {}
    for path in paths:
        if not path.exists():
            raise NothingToFormat(f"{path} gibt es nicht.")
        sources = _in_folder(path) if path.is_dir() else [s for s in [source_file(path)] if s is not None]
        for source in sources:
            if source.kind is not None:
                found.setdefault(os.path.realpath(source.path), source)
    return sorted(found.values(), key=lambda source: source.shown)


def _in_folder(folder: Path) -> list[SourceFile]:
    roots = find_catalogues(folder)
    if roots:
        return list(_with_nested(roots))
    root = catalogue_of(folder)
    if root is None:
        raise NothingToFormat(f"Unter {folder} liegt kein Katalog (keine Datei katalog.yaml).")
    inside = str(folder.resolve()) + os.sep
    return [source for source in _with_nested([root]) if os.path.abspath(source.path).startswith(inside)]


def _with_nested(roots: list[Path]) -> Iterable[SourceFile]:
    pending = list(roots)
    while pending:
        files = catalogue_files(pending.pop(0))
        yield from files.files
        pending.extend(files.nested)


def write_atomically(path: Path, text: str) -> None:
    """Replaces the file in one step (a temporary file beside it, then rename), keeping its permissions."""
    target = Path(os.path.realpath(path))
    mode = stat.S_IMODE(target.stat().st_mode)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".katalog-fmt-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
