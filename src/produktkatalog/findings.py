"""The one value type every check produces and every reporter consumes."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

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

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def positioned(self, line: int, column: int) -> Finding:
        return replace(self, line=line, column=column)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line or 0, self.column or 0, self.code)


def error(code: str, file: str, message: str, hint: str = "", **where: object) -> Finding:
    return Finding(code, Severity.ERROR, file, message, hint, **where)  # type: ignore[arg-type]


def warning(code: str, file: str, message: str, hint: str = "", **where: object) -> Finding:
    return Finding(code, Severity.WARNING, file, message, hint, **where)  # type: ignore[arg-type]
