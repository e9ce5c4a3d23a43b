"""Output paths: slugs from numbers and names, no way out of the folder, no two pages on one path."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import BUNDLED
from produktkatalog.render.paths import relative, slug, unique_slugs
from render_helpers import render_files


def test_slug_keeps_numbers_and_transliterates() -> None:
    assert slug("1111 06", "Städtepartnerschaften") == "1111-06-staedtepartnerschaften"
    assert slug("020101", "Bürgerbüro") == "020101-buergerbuero"
    assert slug("", "Partner- und Patenschaftsarbeit") == "partner-und-patenschaftsarbeit"


def test_slug_never_leaves_the_folder() -> None:
    for hostile in ("../../etc/passwd", "..", "/abs/path", "C:\\Windows\\x", "a/../../b", "\x00\n..", "   ", "…"):
        name = slug(hostile)
        assert name and "/" not in name and "\\" not in name and ".." not in name and not name.startswith(".")
        assert set(name) <= set("abcdefghijklmnopqrstuvwxyz0123456789-_")
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("…") == "ohne-namen"


def test_clashing_slugs_get_numbered_in_a_fixed_order() -> None:
    keys = [("b", slug("01.10.01", "Amt")), ("a", slug("01 10 01", "Amt")), ("c", slug("011001", "Amt")),
            ("d", slug("01-10-01", "Amt"))]
    chosen = unique_slugs(keys)
    assert len(set(chosen.values())) == 4
    assert chosen == unique_slugs(reversed(keys))
    assert chosen["a"] == "01-10-01-amt" and chosen["b"] == "01-10-01-amt-2"
    assert unique_slugs([("x", "index")]) == {"x": "index-2"}  # never the path of a page of the site


def test_relative_links() -> None:
    assert relative("produkte/a", "index.html") == "../index.html"
    assert relative("index", "produkte/a.html") == "produkte/a.html"


def test_products_whose_numbers_differ_only_in_separators_get_two_sheets(tmp_path: Path) -> None:
    root = tmp_path / "leverkusen"
    shutil.copytree(BUNDLED / "leverkusen", root)
    original = next(root.rglob("produkt.yaml")).parent
    twin = original.parent / "01.10.01-zwilling"
    shutil.copytree(original, twin)
    text = (twin / "produkt.yaml").read_text().replace('nummer: "011001"', 'nummer: "01.10.01"')
    (twin / "produkt.yaml").write_text(text)
    result, files = render_files(root, ("html",))
    assert any(f.code == "K202" for f in result.findings)  # the command would refuse; the paths still hold
    sheets = sorted(path for path in files if path.startswith("produkte/"))
    assert sheets == ["produkte/01-10-01-verwaltungsfuehrung-und-beschwerdemanagement.html",
                      "produkte/011001-verwaltungsfuehrung-und-beschwerdemanagement.html"]
