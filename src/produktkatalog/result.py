"""What the pipeline gives every output: findings, and per catalogue its model and computation.

A reporter imports this module without pulling in the pipeline: the model and
computation types are named for type checking only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from produktkatalog.findings import Finding

if TYPE_CHECKING:
    from produktkatalog.compute import Computation
    from produktkatalog.incremental.units import Sources
    from produktkatalog.model import Catalogue


class NoCatalogue(Exception):
    """The path holds no catalogue, or (with ``changed_since``) no revision to compare with: the tool cannot run."""


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    catalogues: list[Catalogue] = field(default_factory=list)
    computations: list[Computation] = field(default_factory=list)  # one per catalogue, in the same order
    sources: list[Sources | None] = field(default_factory=list)  # what each was computed from (None: no cache)
    files: int = 0
    paths: list[str] = field(default_factory=list)  # shown path of every checked file, for per-file reports
    selected: list[str] | None = None  # with ``changed_since``: the files checked, whose findings are reported
    since: str = ""  # the revision ``selected`` is relative to

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.is_error)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors

    def select(self, files: set[str], since: str) -> None:
        """Keeps only the findings of ``files`` (changed since ``since`` and what depends on them)."""
        self.selected = sorted(files)
        self.since = since
        self.findings = [f for f in self.findings if f.file in files]
        self.files = len(self.selected)
        self.paths = [p for p in self.paths if p in files]
