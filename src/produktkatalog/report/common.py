"""What the CI reports share: the fail-on policy, paths relative to the repository, stable fingerprints."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from produktkatalog.findings import Finding, Severity
from produktkatalog.result import Result
from produktkatalog.wording.text import printable


@dataclass(frozen=True)
class Options:
    """How a report judges and names things.

    ``fail_on``: the lowest severity that fails the check (``--fail-on``).
    ``root``: the folder report paths start from; None means the repository of the
    first catalogue (``git rev-parse --show-toplevel``), else the working directory.
    """

    fail_on: Severity = Severity.ERROR
    root: Path | None = None

    def failing(self, finding: Finding) -> bool:
        return finding.is_error or self.fail_on is Severity.WARNING

    def fails(self, result: Result) -> bool:
        return any(self.failing(finding) for finding in result.findings)


def repository_root(start: Path) -> Path:
    """The top folder of the git work tree holding ``start``; the working directory outside git."""
    from produktkatalog.git.revisions import GitError, top_folder  # git runs only where a report names paths

    try:
        return top_folder(start) or Path.cwd().resolve()
    except (GitError, OSError):
        return Path.cwd().resolve()


class Places:
    """Report paths of the files in one result: relative to the root, with ``/``, or absolute outside it."""

    def __init__(self, result: Result, options: Options) -> None:
        start = Path(result.catalogues[0].root) if result.catalogues else Path.cwd()
        self.root = (options.root or repository_root(start)).resolve()
        self._prefix = self.root.as_posix().rstrip("/") + "/"
        self._folders: dict[str, str] = {}  # shown folder → resolved, posix, with a trailing /
        self._known: dict[str, str] = {}

    def path(self, shown: str) -> str:
        if shown not in self._known:
            self._known[shown] = printable(self._relative(shown))
        return self._known[shown]

    def _relative(self, shown: str) -> str:
        # the folder is resolved, not the file: a linked file is reported where it lies in the catalogue
        folder, name = os.path.split(shown)
        if folder not in self._folders:
            self._folders[folder] = Path(os.path.realpath(folder or ".")).as_posix().rstrip("/") + "/"
        absolute = self._folders[folder] + name
        return absolute.removeprefix(self._prefix)


def fingerprints(findings: list[Finding], paths: list[str]) -> list[str]:
    """A stable, unique key per finding: code, file and message, numbered among identical ones.

    The line is not part of the key, so a finding keeps its fingerprint when lines above it
    move; two identical findings in one file differ by their order in it.
    """
    seen: Counter[tuple[str, str, str]] = Counter()
    keys = []
    for finding, path in zip(findings, paths, strict=True):
        same = (finding.code, path, finding.message)
        keys.append(hashlib.sha256("\0".join((*same, str(seen[same]))).encode("utf-8")).hexdigest())
        seen[same] += 1
    return keys


def message(finding: Finding, separator: str = " ", places: Places | None = None) -> str:
    """The German message with its hint, and for a Folgefehler its cause; control characters escaped."""
    text = printable(finding.message)
    text = f"{text}{separator}Hinweis: {printable(finding.hint)}" if finding.hint else text
    return f"{text}{separator}{consequence_note(finding, places)}" if finding.cause is not None else text


def consequence_note(finding: Finding, places: Places | None = None) -> str:
    """„Folgefehler von K230 (datei:4:9): …“ for a finding with a cause, else ""."""
    cause = finding.cause
    if cause is None:
        return ""
    where = places.path(cause.file) if places else printable(cause.file)
    where += f":{cause.line}:{cause.column}" if cause.line is not None else ""
    return f"Folgefehler von {cause.code} ({where}): {printable(cause.message)}"
