"""The first line of a catalogue file that tells a YAML editor which schema describes it.

The schemas live in ``schemas/`` at the top of the git repository that holds the
catalogue (``katalog schema --out schemas`` puts them there); outside a repository,
beside the catalogue folder. The line names the schema by a relative path, so the
repository works wherever it is cloned.
"""

from __future__ import annotations

import os
from pathlib import Path

from produktkatalog.editor.schemas import SUFFIX
from produktkatalog.git.revisions import GitError, top_folder

PREFIX = "# yaml-language-server: $schema="


def schema_folder(catalogue_root: Path) -> Path:
    root = catalogue_root.resolve()
    try:
        top = top_folder(root)
    except GitError:  # no git installed: the catalogue's parent, as outside a repository
        top = None
    return (top or root.parent) / "schemas"


def modeline(file: Path, schemas: Path, kind: str) -> str:
    """The modeline for a file of ``kind`` at ``file`` with the schemas in ``schemas``."""
    target = schemas.resolve() / f"{kind}{SUFFIX}"
    try:
        reference = Path(os.path.relpath(target, file.resolve().parent)).as_posix()
    except ValueError:  # another drive: only an absolute address reaches it
        reference = target.as_uri()
    return PREFIX + reference
