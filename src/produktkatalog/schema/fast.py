"""Load and schema-check clean files quickly, in worker processes for large catalogues.

A file comes back as data only if libyaml parsed it without a problem, the
fast validator found it valid and no amount is written with a thousands point
(``amounts``); everything else goes to the precise path.
"""

from __future__ import annotations

from typing import Any

from produktkatalog.load.document import load_fast_built
from produktkatalog.load.source import decode
from produktkatalog.schema import schema_set
from produktkatalog.schema.amounts import trapped
from produktkatalog.system.pool import in_processes

Job = tuple[str, bytes]  # (schema kind, file bytes)
PARALLEL_FROM = 400


def clean_data(jobs: list[Job], workers: int | None = None) -> list[dict[str, Any] | None]:
    return in_processes(_run, jobs, workers, PARALLEL_FROM)


def _run(jobs: list[Job]) -> list[dict[str, Any] | None]:
    schemas = schema_set()
    return [_one(kind, raw, schemas) for kind, raw in jobs]


def _one(kind: str, raw: bytes, schemas: Any) -> dict[str, Any] | None:
    text = decode(raw, "")
    if not isinstance(text, str):
        return None
    built = load_fast_built(text)
    if built is None or not schemas.fast(kind).is_valid(built.data):
        return None
    if built.written and trapped(kind, built.data, built.written):  # a thousands point: the precise path says so
        return None
    data: dict[str, Any] = built.data
    return data
