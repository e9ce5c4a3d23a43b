"""Terminal tables that fit the width: a value column is never narrowed, so no amount is ever cut off.

Text columns (a Kennzahl's name, a Ziel) wrap and fold; value columns keep their whole width.
When all columns of the year do not fit next to the text columns, the years are split over
several tables of equal size; when not even one fits, the caller lists the values one per line.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# a box-drawn table spends one border character per column plus one, and one space each side of a cell
_PER_COLUMN = 3
_EDGE = 1


@dataclass(frozen=True)
class TextColumn:
    header: str
    minimum: int  # the narrowest it may become; longer words fold


def needed(widths: Sequence[int]) -> int:
    """Characters a box-drawn table of columns this wide takes."""
    return _EDGE + sum(width + _PER_COLUMN for width in widths)


def value_width(header: str, values: Sequence[str]) -> int:
    """A value column's width: its longest value, or its header if that is wider (neither wraps)."""
    return max([len(value) for value in values] + [len(header), 1])


def split_columns(text: Sequence[TextColumn], widths: Sequence[int], available: int) -> list[list[int]]:
    """Indexes of the value columns for each table, in order; [] when not even one value column fits."""
    fixed = [column.minimum for column in text]
    fitting = 0
    for count in range(1, len(widths) + 1):
        if needed(fixed + sorted(widths, reverse=True)[:count]) > available:
            break
        fitting = count
    if fitting == 0:
        return [] if widths else [[]]
    tables = math.ceil(len(widths) / fitting)
    size = math.ceil(len(widths) / tables)
    return [list(range(start, min(start + size, len(widths)))) for start in range(0, len(widths), size)]


def table(title: str, text: Sequence[TextColumn], headers: Sequence[str], widths: Sequence[int]) -> Any:
    """An empty rich table with folding text columns and value columns of fixed width."""
    from rich.table import Table

    made = Table(title=title, title_justify="left")
    for column in text:
        made.add_column(column.header, overflow="fold", min_width=min(column.minimum, len(column.header)))
    for header, width in zip(headers, widths, strict=True):
        made.add_column(header, justify="right", no_wrap=True, min_width=width)
    return made
