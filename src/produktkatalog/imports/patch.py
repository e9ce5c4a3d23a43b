"""The fast way to set numbers in a catalogue file: rewrite only the flow mappings that change.

Plan and Kennzahl files keep their values in one-line flow mappings (``ansatz: {2025: 525000.00, 2026: …}``).
When every change lands in such a mapping that already exists, only those mappings are rewritten in the text:
untouched entries keep their text, new years are placed in order, and everything else of the file stays byte
for byte. libyaml gives the positions; the result is read again and must hold exactly the expected values,
otherwise the caller takes the round trip through ruamel.yaml (``edit``), which handles every shape but costs
about a fifth of a second per file.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import yaml

from produktkatalog.findings import DocPath
from produktkatalog.load import load_fast
from produktkatalog.load.composers import compose_fast
from produktkatalog.load.construct import construct

Change = tuple[DocPath, Decimal | str]


def patched(text: str, changes: Sequence[Change], order: Sequence[str] = ()) -> str | None:
    """``text`` with ``changes`` applied, or None where the fast way does not apply. A plan row that is not
    there yet is added as a block of flow mappings at its place in ``order`` (the template's rows)."""
    if not changes or any(not isinstance(value, Decimal) for _, value in changes):
        return None
    try:
        root = compose_fast(text)
    except (yaml.YAMLError, RecursionError):
        return None
    if root is None:
        return None
    by_parent: dict[DocPath, dict[str, Decimal]] = {}
    for path, value in changes:
        by_parent.setdefault(path[:-1], {})[str(path[-1])] = value  # type: ignore[assignment]
    edits = []
    new_rows: dict[str, dict[str, dict[str, Decimal]]] = {}
    for parent, values in by_parent.items():
        node = _node(root, parent)
        if node is None and len(parent) == 3 and parent[0] == "zeilen" and _node(root, parent[:2]) is None:
            new_rows.setdefault(str(parent[1]), {})[str(parent[2])] = values
            continue
        found = _rewritten(text, node, values) if node is not None else None
        if found is None:
            return None
        edits += found
    for row, kinds in new_rows.items():
        edit = _new_row(text, _node(root, ("zeilen",)), row, kinds, order)
        if edit is None:
            return None
        edits.append(edit)
    result = text
    for start, end, replacement in sorted(edits, reverse=True):
        result = result[:start] + replacement + result[end:]
    return result if _holds(construct(root, with_positions=False).data, result, changes) else None


def _node(root: Any, path: DocPath) -> Any:
    node = root
    for step in path:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((value for key, value in node.value if isinstance(key, yaml.ScalarNode)
                     and key.value == str(step)), None)
        if node is None:
            return None
    return node


def _rewritten(text: str, node: Any, values: dict[str, Decimal]) -> list[tuple[int, int, str]] | None:
    """The edits that set ``values`` in a mapping of years; None if it is no simple one."""
    if not isinstance(node, yaml.MappingNode) or (not node.value and not node.flow_style):
        return None
    if not node.flow_style:
        return _block(text, node, values)
    edit = _flow(text, node, values)
    return [edit] if edit is not None else None


def _block(text: str, node: Any, values: dict[str, Decimal]) -> list[tuple[int, int, str]] | None:
    """Years one per line: values replaced in place, new years as new lines in year order."""
    entries = []
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode) or not isinstance(value, yaml.ScalarNode) or key.style \
                or value.style or not key.value.isdigit() or key.start_mark.line != value.end_mark.line:
            return None
        entries.append((int(key.value), key, value))
    indent = entries[0][1].start_mark.column
    edits = []
    for year, number in values.items():
        present = next((value for known, _, value in entries if known == int(year)), None)
        if present is not None:
            edits.append((present.start_mark.index, present.end_mark.index, format(number, "f")))
            continue
        later = next((key for known, key, _ in entries if known > int(year)), None)
        line = " " * indent + f"{year}: {format(number, 'f')}\n"
        if later is not None:
            at = text.rfind("\n", 0, later.start_mark.index) + 1
        else:
            at = text.find("\n", entries[-1][2].end_mark.index)
            if at < 0:
                return None
            at += 1
        edits.append((at, at, line))
    return edits


def _flow(text: str, node: Any, values: dict[str, Decimal]) -> tuple[int, int, str] | None:
    """The new text of a one-line flow mapping of years, or None if it is not one."""
    start, end = node.start_mark.index, node.end_mark.index
    if "\n" in text[start:end] or "#" in text[start:end]:
        return None
    entries: dict[str, str] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode) or not isinstance(value, yaml.ScalarNode) or key.style:
            return None
        entries[key.value] = text[value.start_mark.index:value.end_mark.index]
    entries.update({year: format(value, "f") for year, value in values.items()})
    if not all(year.isdigit() for year in entries):
        return None
    return start, end, "{" + ", ".join(f"{year}: {entries[year]}" for year in sorted(entries, key=int)) + "}"


_KINDS = ("ergebnis", "ansatz", "planung", "ziel")


def _new_row(text: str, rows: Any, row: str, kinds: dict[str, dict[str, Decimal]],
             order: Sequence[str]) -> tuple[int, int, str] | None:
    """A new plan row inserted before the first present row the template orders after it (and before that
    row's own comment lines), or after the last row."""
    if not isinstance(rows, yaml.MappingNode) or rows.flow_style or not rows.value or row not in order:
        return None
    if any(kind not in _KINDS for kind in kinds):
        return None
    indent = rows.value[0][0].start_mark.column
    later = [key for key, _ in rows.value if key.value in order and order.index(key.value) > order.index(row)]
    if later:
        at = _before_comments(text, text.rfind("\n", 0, later[0].start_mark.index) + 1, indent)
    else:
        last = rows.value[-1][1]
        at = text.find("\n", last.end_mark.index - 1) + 1 if last.end_mark.line == last.start_mark.line else (
            text.rfind("\n", 0, last.end_mark.index) + 1 if last.end_mark.column == 0 else -1)
        if at <= 0:
            return None
    lines = [" " * indent + f'"{row}":'] + [
        " " * (indent + 2) + f"{kind}: {{" + ", ".join(f"{year}: {format(kinds[kind][year], 'f')}"
                                                     for year in sorted(kinds[kind], key=int)) + "}"
        for kind in _KINDS if kind in kinds]
    return at, at, "\n".join(lines) + "\n"


def _before_comments(text: str, at: int, indent: int) -> int:
    """Moves ``at`` (a line start) above the comment lines directly over it that share its indentation."""
    while at > 0:
        previous = text.rfind("\n", 0, at - 1) + 1
        line = text[previous:at - 1]
        if not line.strip().startswith("#") or len(line) - len(line.lstrip()) != indent:
            return at
        at = previous
    return at


def _holds(old: Any, after: str, changes: Sequence[Change]) -> bool:
    """The patched text reads as the old data with exactly the changes: nothing else moved."""
    new = load_fast(after)
    if not isinstance(old, dict) or new is None:
        return False
    for path, value in changes:
        target: Any = old
        for step in path[:-1]:
            target = target.setdefault(str(step), {}) if isinstance(target, dict) else None
        if not isinstance(target, dict):
            return False
        target[str(path[-1])] = value
    return bool(_exact(old) == _exact(new))


def _exact(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _exact(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_exact(value) for value in data]
    if isinstance(data, (int, Decimal)) and not isinstance(data, bool):
        return ("number", Decimal(data))  # 1.50 == 1.5 == 1.5: a rewritten number keeps its value, not its digits
    return (type(data).__name__, data)
