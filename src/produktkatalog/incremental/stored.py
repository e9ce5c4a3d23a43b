"""The cached form of one owner's computed values: a pickle of plain data.

Per Kennzahl its file, Kennung and Leistung, and one outcome per period (a
``Decimal``, or the tuple of a ``NoValue``). It is read with the cache's
restricted unpickler, and a blob that does not fit the owner's Kennzahlen exactly
is ignored (the owner is then computed).
"""

from __future__ import annotations

import pickle
from decimal import Decimal
from typing import Any

from produktkatalog.compute import Computation
from produktkatalog.compute.values import Series
from produktkatalog.incremental.store import load_data
from produktkatalog.model import Kennzahl
from produktkatalog.model.owners import Owner
from produktkatalog.model.values import NoValue, Outcome, Period


def encode(entries: list[tuple[Kennzahl, Series]], periods: list[Period]) -> bytes:
    """One owner's values as plain data, in the order of ``entries``."""
    plain = [(figure.file, figure.ident, figure.leistung_key, [_plain(row.get(period)) for period in periods])
             for figure, row in entries]
    return pickle.dumps(plain, protocol=pickle.HIGHEST_PROTOCOL)


def decode(blob: bytes, figures: list[Kennzahl], periods: list[Period]) -> list[Series] | None:
    """The rows of ``figures`` (in that order) from ``encode``; None if the blob does not fit them exactly."""
    stored = load_data(blob)
    if not isinstance(stored, list) or len(stored) != len(figures):
        return None
    rows = []
    for item, figure in zip(stored, figures, strict=True):
        if (type(item) is not tuple or len(item) != 4 or item[:3] != (figure.file, figure.ident, figure.leistung_key)
                or not isinstance(item[3], list) or len(item[3]) != len(periods)):
            return None
        row: Series = {}
        for period, value in zip(periods, item[3], strict=True):
            outcome = _outcome(value)
            if outcome is None:
                return None
            row[period] = outcome
        rows.append(row)
    return rows


def _plain(outcome: Outcome | None) -> Any:
    if isinstance(outcome, NoValue):
        return (outcome.reason, outcome.problem, outcome.offset)
    return outcome


def _outcome(value: Any) -> Outcome | None:
    if type(value) is Decimal:
        return value
    if (type(value) is tuple and len(value) == 3 and type(value[0]) is str and type(value[1]) is bool
            and (value[2] is None or type(value[2]) is int)):
        return NoValue(value[0], value[1], value[2])
    return None


def encode_owner(computation: Computation, owner: Owner) -> bytes:
    """One owner's computed values in their cached form."""
    figures = {id(figure): figure for figure in computation.index.catalogue.kennzahlen}
    return encode([(figures[ident], series) for (ident, _), series in computation.values.of_owner(owner)],
                  computation.periods)
