"""Rendered pages of every bundled catalogue, compared byte for byte with files under tests/golden/.

Kept reviewable: per catalogue the index, the first product sheet and
the first programme page (HTML and Markdown), and for the Beispielstadt also the
Gesamtergebnisplan, one Produktbereich and the pages of a Produktbereich, a Produktgruppe and a Teilhaushalt with
files of their own. Regenerate after an intended change with
``UPDATE_GOLDEN=1 pytest tests/test_render_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import BUNDLED
from render_helpers import render_files

GOLDEN = Path(__file__).parent / "golden"
CATALOGUES = sorted(p.name for p in BUNDLED.iterdir() if (p / "katalog.yaml").is_file())
EXTRA = {"beispielstadt": ("haushalt/gesamt", "haushalt/produktbereich-02", "haushalt/produktbereich-08",
                          "haushalt/produktgruppe-0601", "haushalt/teilhaushalt-2"),
         "demo-ohne-vorzeichen": ("haushalt/gesamt",)}


def _chosen(files: dict[str, bytes], name: str) -> list[str]:
    pages = ["index"]
    for folder in ("produkte/", "programme/"):
        first = min((p for p in files if p.startswith(folder) and p.endswith(".html")), default=None)
        if first is not None:
            pages.append(first.removesuffix(".html"))
    pages += EXTRA.get(name, ())
    return [page + suffix for page in pages for suffix in (".html", ".md")]


@pytest.mark.parametrize("name", CATALOGUES)
def test_pages_match_golden_files(name: str) -> None:
    _, files = render_files(BUNDLED / name)
    chosen = _chosen(files, name)
    if os.environ.get("UPDATE_GOLDEN"):
        for path in chosen:
            target = GOLDEN / name / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[path])
    stored = sorted(p.relative_to(GOLDEN / name).as_posix() for p in (GOLDEN / name).rglob("*") if p.is_file())
    assert stored == sorted(chosen)
    for path in chosen:
        assert files[path] == (GOLDEN / name / path).read_bytes(), f"{name}/{path} differs from its golden file"
