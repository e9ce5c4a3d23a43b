"""The shipped JSON Schemas as an editor reads them: one folder, each file found by its name.

The shipped schemas carry an ``$id`` on an address that does not exist, under which
the checker registers them. An editor resolves ``gemeinsam.schema.json#/$defs/…``
against that ``$id`` and would try to download it; without the ``$id`` the base is
the file's own location, so the references resolve inside the exported folder,
wherever it is moved.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from produktkatalog.schema import schema_set
from produktkatalog.system.atomic import write_text

SUFFIX = ".schema.json"


@dataclass(frozen=True)
class Export:
    folder: Path
    written: tuple[str, ...]  # file names whose content changed or that were new
    unchanged: tuple[str, ...]


def editor_text(document: dict[str, Any]) -> str:
    """The schema as the exported file holds it: without ``$id``, two-space JSON, final line break."""
    stripped = {key: value for key, value in document.items() if key != "$id"}
    return json.dumps(stripped, ensure_ascii=False, indent=2) + "\n"


def export_schemas(folder: Path) -> Export:
    """Writes every shipped schema into ``folder``; files whose content is already right stay untouched."""
    folder.mkdir(parents=True, exist_ok=True)
    written, unchanged = [], []
    for name, document in sorted(schema_set().documents.items()):
        target = folder / f"{name}{SUFFIX}"
        text = editor_text(document)
        if _current(target) == text:
            unchanged.append(target.name)
        else:
            write_text(target, text)
            written.append(target.name)
    return Export(folder, tuple(written), tuple(unchanged))


def listing() -> list[tuple[str, str]]:
    """(file name, German title) of every shipped schema."""
    return [(f"{name}{SUFFIX}", str(document.get("title", "")))
            for name, document in sorted(schema_set().documents.items())]


def _current(path: Path) -> str | None:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
