"""Lines, comments and keys of a YAML text, from its node tree (libyaml when available: fast).

Comments go to canonical places: a comment line is indented like the line it describes, a comment
after a value is separated from it by two spaces. ruamel.yaml re-indents keys and list items but
writes comments at the column they had in the source, so after re-indenting a comment line above a
key would sit deeper or shallower than that key. Here it gets the indentation of the next line with
content (for a list item: of its "-"), as in every bundled catalogue. A "#" inside a text (quoted,
or a line of a ``|``/``>`` block) is no comment and is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from produktkatalog.load.composers import compose_fast, compose_precise

_EOL_GAP = "  "
# Characters some YAML readers count as line breaks and Python's splitlines() does too: with any
# of them in a file, line numbers are not to be trusted and lines are never moved.
UNSURE_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def split_lines(text: str) -> list[str]:
    """Lines with their "\\n", split at "\\n" only."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def compose(text: str) -> Any:
    try:
        return compose_fast(text)
    except (yaml.YAMLError, RecursionError):
        return compose_precise(text)


@dataclass
class Texts:
    """Where the values are: lines that continue a value begun above, and the columns values cover."""

    inside: set[int] = field(default_factory=set)
    covered: dict[int, list[tuple[int, float]]] = field(default_factory=dict)

    def covers(self, line: int, column: int) -> bool:
        return any(start <= column < end for start, end in self.covered.get(line, ()))

    def eol_comment(self, line: str, number: int) -> int | None:
        """Column of the "#" that starts a comment after a value on this line."""
        for column, char in enumerate(line):
            if char == "#" and column > 0 and line[column - 1] in " \t" and not self.covers(number, column):
                return column
        return None


def texts_of(root: Any) -> Texts:
    texts = Texts()
    pending = [root] if root is not None else []
    seen: set[int] = set()
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.id == "scalar":
            _add_scalar(texts, node.start_mark, node.end_mark)
        elif node.id == "sequence":
            pending.extend(node.value)
        else:
            pending.extend(part for pair in node.value for part in pair)
    return texts


def _add_scalar(texts: Texts, start: Any, end: Any) -> None:
    if start.line == end.line:
        texts.covered.setdefault(start.line, []).append((start.column, end.column))
        return
    texts.covered.setdefault(start.line, []).append((start.column, float("inf")))
    last = end.line if end.column > 0 else end.line - 1
    texts.inside.update(range(start.line + 1, last + 1))


def comments(lines: list[str], texts: Texts) -> list[str]:
    """The text of every comment, whole-line or after a value, in order."""
    found = []
    for number, line in enumerate(lines):
        if number in texts.inside:
            continue
        column = 0 if line.lstrip().startswith("#") else texts.eol_comment(line, number)
        if column is not None:
            found.append(line[column:].strip())
    return found


def align_comments(lines: list[str], texts: Texts) -> list[str]:
    aligned = list(lines)
    for number, line in enumerate(lines):
        if number in texts.inside:
            continue
        if line.lstrip().startswith("#"):
            target = _next_content(lines, number, texts)
            if target is not None:
                aligned[number] = " " * _indent(lines[target]) + line.lstrip(" ")
        elif (column := texts.eol_comment(line, number)) is not None:
            aligned[number] = line[:column].rstrip() + _EOL_GAP + line[column:]
    return aligned


def _next_content(lines: list[str], number: int, texts: Texts) -> int | None:
    for candidate in range(number + 1, len(lines)):
        stripped = lines[candidate].strip()
        if candidate in texts.inside or (stripped and not stripped.startswith("#")):
            return candidate
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
