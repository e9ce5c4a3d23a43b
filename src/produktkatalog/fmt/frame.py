"""What stands around the YAML document of a file: kept exactly as written, never formatted.

ruamel.yaml forgets the document markers and what stands before ``---``: a comment there (the
``# yaml-language-server`` line of yamllint's ``document-start`` style), a ``%YAML 1.2`` directive,
``---`` itself, and ``...`` with the comments after it. So the text is cut in three: the lines up to
and including a ``---`` line that only comments, blank lines and directives precede; the document;
a ``...`` line followed only by comments and blank lines. Only the document is formatted; the
frame is put back around it unchanged (only its line ends become ``\\n``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from produktkatalog.fmt.layout import split_lines

_START = re.compile(r"---(?:[ \t]+#.*)?[ \t]*")
_END = re.compile(r"\.\.\.(?:[ \t]+#.*)?[ \t]*")


class Framed(NamedTuple):
    head: str  # comments, blank lines and directives, then the "---" line; "" without one
    body: str
    tail: str  # the "..." line and the comment and blank lines after it; "" without one


def split(text: str) -> Framed:
    lines = split_lines(text)
    start = _head_end(lines)
    end = _tail_start(lines, start)
    tail = "".join(lines[end:])
    if tail and not tail.endswith("\n"):
        tail += "\n"
    return Framed("".join(lines[:start]), "".join(lines[start:end]), tail)


def _head_end(lines: list[str]) -> int:
    """One past the "---" line that opens the document, or 0 when the file has none before its content."""
    for number, line in enumerate(lines):
        if _START.fullmatch(line.rstrip("\n")):
            return number + 1
        if not _frame_line(line) and not line.startswith("%"):
            return 0
    return 0


def _tail_start(lines: list[str], start: int) -> int:
    """The "..." line that closes the document, if only comments and blank lines follow it; else the end."""
    for number in range(len(lines) - 1, start - 1, -1):
        if _END.fullmatch(lines[number].rstrip("\n")):
            return number
        if not _frame_line(lines[number]):
            break
    return len(lines)


def _frame_line(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")
