"""Comment lines take the indentation of the line they describe.

ruamel.yaml re-indents keys and list items but writes comment lines at the column they had in the
source. A comment line above a key then sits deeper or shallower than that key after re-indenting;
here it gets the indentation of the next line with content (for a list item: of its "-"), which is
how every bundled catalogue writes comments. Lines inside block scalars (``|``, ``>``) or multi-line
quoted texts are text, not comments, and are left alone.
"""

from __future__ import annotations

from typing import Any

from produktkatalog.load.composers import compose_precise


def align_comments(text: str) -> str:
    lines = text.splitlines(keepends=True)
    inside = _scalar_lines(compose_precise(text))
    comments = [number for number, line in enumerate(lines)
                if number not in inside and line.lstrip().startswith("#")]
    for number in comments:
        target = _next_content(lines, number, inside)
        if target is not None:
            indent = len(lines[target]) - len(lines[target].lstrip(" "))
            lines[number] = " " * indent + lines[number].lstrip(" ")
    return "".join(lines)


def _next_content(lines: list[str], number: int, inside: set[int]) -> int | None:
    for candidate in range(number + 1, len(lines)):
        stripped = lines[candidate].strip()
        if candidate in inside or (stripped and not stripped.startswith("#")):
            return candidate
    return None


def _scalar_lines(root: Any) -> set[int]:
    """0-based numbers of the lines that continue a scalar begun on an earlier line."""
    inside: set[int] = set()
    pending = [root] if root is not None else []
    seen: set[int] = set()
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.id == "scalar":
            start, end = node.start_mark.line, node.end_mark.line
            last = end if node.end_mark.column > 0 else end - 1
            inside.update(range(start + 1, last + 1))
        elif node.id == "sequence":
            pending.extend(node.value)
        else:
            pending.extend(part for pair in node.value for part in pair)
    return inside
