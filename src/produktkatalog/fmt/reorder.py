"""Second step of ``katalog fmt``: put the keys of block mappings into canonical order, as text.

ruamel.yaml stores a comment line that precedes a key as a trailing comment of whatever node came
before it, often deep inside the previous value; moving keys of a ``CommentedMap`` would move such a
comment with the wrong key. So the keys are moved here as blocks of lines instead, in the text the
first step wrote (two spaces per level, list items indented):

- an entry is its key line, everything indented deeper below it, and the comment and blank lines
  directly above it that are not indented deeper than the key: the comment travels with its key;
- the comment lines above the first key of the file (the ``yaml-language-server`` line and the
  header) and comments after the last entry of a mapping stay where they are.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Move:
    """Reorder one block mapping: the 0-based lines of its keys (document order), their column, new order."""

    key_lines: tuple[int, ...]
    column: int
    order: tuple[int, ...]
    keeps_lead: bool  # lines above the first key stay put (the file header, or a "- " on the key line)


def apply(lines: list[str], moves: list[Move], inside: set[int]) -> list[str]:
    """The lines with every move applied, innermost mappings first (a move keeps the lines a mapping spans).

    ``inside`` holds the lines that continue a text value (such as the kept blank lines of ``|+``).
    """
    arranged = list(lines)
    for move in sorted(moves, key=lambda move: -move.column):
        _permute(arranged, move, inside)
    return arranged


def movable(lines: list[str], key_lines: tuple[int, ...], column: int) -> bool:
    """Keys start a line of their own (or follow "- " on the first), at the same column."""
    first = lines[key_lines[0]][:column]
    if first.strip(" -") or any(lines[line][:column].strip() for line in key_lines[1:]):
        return False
    return all(len(lines[line]) > column and lines[line][column] != " " for line in key_lines)


def _permute(lines: list[str], move: Move, inside: set[int]) -> None:
    starts = [_lead_start(lines, line, move.column, inside) for line in move.key_lines]
    if move.keeps_lead:
        starts[0] = move.key_lines[0]
    end = _entry_end(lines, move.key_lines[-1], move.column, inside)
    bounds = [*starts[1:], end]
    chunks = [lines[start:stop] for start, stop in zip(starts, bounds, strict=True)]
    prefix = lines[move.key_lines[0]][:move.column]
    arranged: list[str] = []
    for position, index in enumerate(move.order):
        chunk = list(chunks[index])
        at = move.key_lines[index] - starts[index]
        chunk[at] = (prefix if position == 0 else " " * move.column) + chunk[at][move.column:]
        if position == 0 and "-" in prefix:  # comments above a list item sit at its "-"
            chunk[:at] = [_indented(line, prefix.rindex("-")) for line in chunk[:at]]
        arranged.extend(chunk)
    lines[starts[0]:end] = arranged


def _indented(line: str, column: int) -> str:
    return " " * column + line.lstrip(" ") if line.strip() else line


def _lead_start(lines: list[str], key_line: int, column: int, inside: set[int]) -> int:
    """The first of the blank and comment lines directly above a key that belong to it."""
    start = key_line
    while start > 0 and start - 1 not in inside and _is_lead(lines[start - 1], column):
        start -= 1
    return start


def _entry_end(lines: list[str], key_line: int, column: int, inside: set[int]) -> int:
    """One past the last line of the entry at ``key_line``: lines indented deeper than its key."""
    last = key_line
    for number in range(key_line + 1, len(lines)):
        text = lines[number]
        if number in inside:
            last = number
            continue
        if not text.strip():
            continue
        if _indent(text) > column:
            last = number
        elif not text.lstrip().startswith("#"):
            break
    return last + 1


def _is_lead(line: str, column: int) -> bool:
    stripped = line.strip()
    return not stripped or (stripped.startswith("#") and _indent(line) <= column)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
