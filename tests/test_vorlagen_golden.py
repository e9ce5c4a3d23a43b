"""Every shipped row template rendered: a small generated catalogue per template (three products in two
Produktgruppen), its Gesamtplan page compared byte for byte with tests/golden/vorlagen/KENNUNG.md.

Regenerate after an intended change with ``UPDATE_GOLDEN=1 pytest tests/test_vorlagen_golden.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from render_helpers import render_files
from template_catalogues import TEMPLATES, amounts_for, plan_file_of, raw_template, resolved, setup_for, write_catalogue

GOLDEN = Path(__file__).parent / "golden" / "vorlagen"


@pytest.mark.parametrize("path", TEMPLATES, ids=[p.stem for p in TEMPLATES])
def test_template_page_matches_golden_file(path: Path, tmp_path: Path) -> None:
    data = raw_template(path)
    template, setup = resolved(data), setup_for(data)
    products = dict(zip(setup.products, (amounts_for(template, seed) for seed in (3, 5, 11)), strict=True))
    write_catalogue(tmp_path / "k", setup, products, plan_file_of(template), template["plan"])
    result, files = render_files(tmp_path / "k", ("md",))
    assert result.findings == []
    page = files["haushalt/gesamt.md"]
    golden = GOLDEN / f"{data['id']}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(page)
    assert page == golden.read_bytes(), f"{golden.name} differs from the rendered page"
