"""``katalog fmt`` over files and folders: find the catalogue files, format each, write what changed."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from produktkatalog.findings import Finding
from produktkatalog.fmt.canonical import Formatted, format_text
from produktkatalog.load.discover import SourceFile, catalogue_files, catalogue_of, find_catalogues, source_file
from produktkatalog.load.source import read_bytes
from produktkatalog.system import atomic
from produktkatalog.system.pool import in_processes

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
    linked: list[str] = field(default_factory=list)  # symbolic links or files outside their catalogue, left alone

    @property
    def unreadable(self) -> int:
        """How many files have findings (one file may have several)."""
        return len({finding.file for finding in self.findings})


def format_paths(paths: Sequence[Path], write: bool, workers: int | None = None) -> FormatReport:
    """Formats every catalogue file in ``paths``; with ``write=False`` only tells what would change.

    Large sets of files are formatted in worker processes; only this process writes. A symbolic link,
    or a file whose real path leaves its catalogue, is never read or written: katalog would change a
    file somewhere else.
    """
    sources, linked = catalogue_sources(paths)
    report = FormatReport(files=len(sources) + len(linked), linked=linked)
    for source, outcome in zip(sources, _outcomes(sources, workers), strict=True):
        report.findings.extend(outcome.findings)
        report.quoted.extend(QuotedNumber(source.shown, line, column, change.text)
                             for change, line, column in outcome.quoted)
        if outcome.unsafe:
            report.unsafe.append((source.shown, outcome.unsafe))
        elif outcome.text is not None:
            report.changed.append(source.shown)
            if write:
                path = Path(source.path)
                atomic.write_text(path, outcome.text, mode=stat.S_IMODE(path.stat().st_mode))
    return report


def _outcomes(sources: list[SourceFile], workers: int | None) -> list[Formatted]:
    return in_processes(_format_all, sources, workers, PARALLEL_FROM)


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


def catalogue_sources(paths: Sequence[Path]) -> tuple[list[SourceFile], list[str]]:
    """The placed catalogue files named by ``paths`` (files or folders), each once, in path order; and
    the shown paths of those that are links or lie outside their catalogue (``linked``)."""
    found: dict[str, SourceFile] = {}
    linked: set[str] = set()
    for path in paths:
        if not path.exists():
            raise NothingToFormat(f"{path} gibt es nicht.")
        pairs = _in_folder(path) if path.is_dir() else _single(path)
        for root, source in pairs:
            if source.kind is None:
                continue
            if _linked(source, root):
                linked.add(source.shown)
            else:
                found.setdefault(os.path.realpath(source.path), source)
    return sorted(found.values(), key=lambda source: source.shown), sorted(linked)


def _linked(source: SourceFile, root: Path) -> bool:
    """The file is a symbolic link, or its real path is not inside the real folder of its catalogue."""
    inside = os.path.realpath(root) + os.sep
    return os.path.islink(source.path) or not os.path.realpath(source.path).startswith(inside)


def _single(path: Path) -> list[tuple[Path, SourceFile]]:
    if path.is_symlink():  # judged where the link lies, not where it points
        root = catalogue_of(path.parent)
        shown = SourceFile(str(path), path.as_posix(), "link")
        return [(root, shown)] if root is not None and path.name.endswith((".yaml", ".yml")) else []
    source = source_file(path)
    root = catalogue_of(path)
    return [(root, source)] if source is not None and root is not None else []


def _in_folder(folder: Path) -> list[tuple[Path, SourceFile]]:
    roots = find_catalogues(folder)
    if roots:
        return list(_with_nested(roots))
    root = catalogue_of(folder)
    if root is None:
        raise NothingToFormat(f"Unter {folder} liegt kein Katalog (keine Datei katalog.yaml).")
    inside = str(folder.resolve()) + os.sep
    return [pair for pair in _with_nested([root]) if os.path.abspath(pair[1].path).startswith(inside)]


def _with_nested(roots: list[Path]) -> Iterable[tuple[Path, SourceFile]]:
    pending = list(roots)
    while pending:
        root = pending.pop(0)
        files = catalogue_files(root)
        yield from ((root, source) for source in files.files)
        pending.extend(files.nested)
