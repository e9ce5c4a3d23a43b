"""The one value type every check produces and every reporter consumes."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from typing import Any

PathElement = str | int
DocPath = tuple[PathElement, ...]


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "Fehler" if self is Severity.ERROR else "Warnung"


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem in a catalogue file.

    ``path`` names the offending node inside the document; a finding created
    without ``line`` gets its position from ``path`` in one place (``locate``).
    ``at_key`` asks for the position of the mapping key instead of its value;
    ``offset`` points into a one-line text value (a column inside a formula).
    ``cause`` names the finding that explains this one (a Folgefehler): reporters show the cause first and
    this one under it; it is set once all findings are located (``check.causes``) and never cached.
    """

    code: str
    severity: Severity
    file: str
    message: str
    hint: str = ""
    line: int | None = None
    column: int | None = None
    path: DocPath = ()
    at_key: bool = False
    offset: int | None = None
    cause: Finding | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def positioned(self, line: int, column: int) -> Finding:
        return replace(self, line=line, column=column)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line or 0, self.column or 0, self.code)

    def as_tuple(self) -> tuple[Any, ...]:
        """Plain values only, for a cache that must not unpickle classes (without ``cause``: linked after)."""
        return (self.code, self.severity.value, self.file, self.message, self.hint, self.line, self.column,
                self.path, self.at_key, self.offset)

    @classmethod
    def from_tuple(cls, stored: tuple[Any, ...]) -> Finding | None:
        """The finding ``as_tuple`` gave, or None for anything else."""
        if len(stored) != 10 or not all(isinstance(stored[i], str) for i in (0, 2, 3, 4)):
            return None
        code, severity, file, message, hint, line, column, path, at_key, offset = stored
        if severity not in ("error", "warning") or not isinstance(path, tuple) or not isinstance(at_key, bool):
            return None
        if not all(value is None or type(value) is int for value in (line, column, offset)):
            return None
        if not all(type(element) in (str, int) for element in path):
            return None
        return cls(code, Severity(severity), file, message, hint, line, column, path, at_key, offset)


def error(code: str, file: str, message: str, hint: str = "", **where: object) -> Finding:
    return Finding(code, Severity.ERROR, file, message, hint, **where)  # type: ignore[arg-type]


def warning(code: str, file: str, message: str, hint: str = "", **where: object) -> Finding:
    return Finding(code, Severity.WARNING, file, message, hint, **where)  # type: ignore[arg-type]
