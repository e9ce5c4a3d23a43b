"""Re-rendering after an edit: only pages whose inputs changed are rendered, the output equals a full render."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import BUNDLED
from produktkatalog.cli import app
from produktkatalog.incremental.manifest import MANIFEST
from produktkatalog.pipeline import validate
from produktkatalog.render import Rendered, build, previous_keys, render_site, write_site

SPORT = "produkte/08-sportfoerderung/080201-foerderung-des-vereinssports"
SPORT_PAGES = {"produkte/080201-foerderung-des-vereinssports.html", "produkte/080201-foerderung-des-vereinssports.md"}
FORMATS = ["html", "md"]


@pytest.fixture
def stadt(tmp_path: Path) -> Path:
    target = tmp_path / "beispielstadt"
    shutil.copytree(BUNDLED / "beispielstadt", target)
    return target


def render_again(root: Path, out: Path) -> Rendered:
    """What ``katalog render`` does: validate with the cache, render what changed, write."""
    result = validate(root, workers=1)
    assert not result.errors
    pages = render_site(result, root, FORMATS, previous=previous_keys(out))
    write_site(out, pages.files, kept=pages.kept, keys=pages.keys)
    return pages


def files_below(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_same_as_full_render(root: Path, out: Path, tmp_path: Path) -> None:
    """Every file of ``out`` equals a render from scratch without any cache into an empty folder."""
    fresh = tmp_path / "frisch"
    result = validate(root, use_cache=False, workers=1)
    write_site(fresh, build(result, root, FORMATS))
    incremental = files_below(out)
    assert incremental.pop(MANIFEST, None) is not None  # the record of keys, absent without the cache
    assert incremental == files_below(fresh)


def edit(path: Path, change: Callable[[str], str]) -> None:
    text = path.read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text
    path.write_text(changed, encoding="utf-8")


def test_unchanged_catalogue_renders_only_pages_without_a_key(stadt: Path, tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    first = render_again(stadt, out)
    assert first.kept == set()
    again = render_again(stadt, out)
    # 060102's Kennzahlen read another product's values: its sheet and the overview have no key
    assert sorted(again.files) == ["druck.css", "kennzahlen.html", "kennzahlen.md",
                                   "produkte/060102-kindertagespflege.html", "produkte/060102-kindertagespflege.md",
                                   "stil.css"]
    assert len(again.kept) == len(first.files) - len(again.files)
    assert_same_as_full_render(stadt, out, tmp_path)


def test_edited_description_renders_its_sheet_only(stadt: Path, tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    render_again(stadt, out)
    edit(stadt / SPORT / "produkt.yaml", lambda text: text.replace("Die Stadt fördert", "Die Stadt unterstützt"))
    pages = render_again(stadt, out)
    assert set(pages.files) >= SPORT_PAGES
    assert not any(path.startswith(("index", "haushalt/", "programme/")) for path in pages.files)
    assert "Die Stadt unterstützt" in (out / "produkte/080201-foerderung-des-vereinssports.html").read_text()
    assert_same_as_full_render(stadt, out, tmp_path)


def test_renamed_product_changes_the_pages_of_others(stadt: Path, tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    render_again(stadt, out)
    edit(stadt / SPORT / "produkt.yaml", lambda text: text.replace('bezeichnung: "Förderung des Vereinssports"',
                                                                   'bezeichnung: "Sportförderung der Vereine"'))
    pages = render_again(stadt, out)
    assert "produkte/080201-sportfoerderung-der-vereine.html" in pages.files
    assert "index.html" in pages.files  # the tree, and the neighbours' navigation, show the new name
    assert not (out / "produkte/080201-foerderung-des-vereinssports.html").exists()
    assert_same_as_full_render(stadt, out, tmp_path)


def test_edited_katalog_yaml_renders_every_page(stadt: Path, tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    first = render_again(stadt, out)
    edit(stadt / "katalog.yaml", lambda text: text.replace('kommune: "Beispielstadt (fiktiv)"',
                                                           'kommune: "Musterstadt (fiktiv)"'))
    pages = render_again(stadt, out)
    assert set(pages.files) == set(first.files)
    assert "Musterstadt (fiktiv)" in (out / "haushalt/gesamt.md").read_text()
    assert_same_as_full_render(stadt, out, tmp_path)


def test_own_templates_may_read_any_product(stadt: Path, tmp_path: Path) -> None:
    """A catalogue's own template lists every product's description on each sheet: one edit changes them all."""
    templates = stadt / "templates"
    templates.mkdir()
    builtin = (Path(__file__).parent.parent / "templates" / "produkt.md.j2").read_text(encoding="utf-8")
    listing = "{% for s in katalog.products %}{{ s.number }}: {{ s.description }}\n{% endfor %}\n"
    (templates / "produkt.md.j2").write_text(listing + builtin, encoding="utf-8")
    out = tmp_path / "ausgabe"
    sheets = {path for path in render_again(stadt, out).files if path.startswith("produkte/") and path.endswith(".md")}
    assert render_again(stadt, out).files.keys() == {"druck.css", "stil.css"}  # nothing changed, nothing rendered
    edit(stadt / SPORT / "produkt.yaml", lambda text: text.replace("Die Stadt fördert", "Die Stadt unterstützt"))
    pages = render_again(stadt, out)
    assert len(sheets) > 10 and sheets <= set(pages.files)
    assert all("Die Stadt unterstützt" in (out / path).read_text() for path in sheets)
    assert_same_as_full_render(stadt, out, tmp_path)


def test_a_page_edited_by_hand_is_rendered_again(stadt: Path, tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    render_again(stadt, out)
    page = out / "haushalt/gesamt.html"
    original = page.read_bytes()
    page.write_bytes(original.replace(b"Gesamtergebnisplan", b"Von Hand"))
    pages = render_again(stadt, out)
    assert "haushalt/gesamt.html" in pages.files
    assert "haushalt/gesamt.md" in pages.kept
    assert page.read_bytes() == original
    assert_same_as_full_render(stadt, out, tmp_path)


def test_a_broken_manifest_only_costs_time(stadt: Path, tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    first = render_again(stadt, out)
    (out / MANIFEST).write_text('{"version": 1, "seiten": {"index.html": ["x", "y"]}', encoding="utf-8")
    assert previous_keys(out) == {}
    assert set(render_again(stadt, out).files) == set(first.files)
    assert_same_as_full_render(stadt, out, tmp_path)


def test_command_reuses_pages_and_no_cache_renders_all(stadt: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "ausgabe"
    assert runner.invoke(app, ["render", str(stadt), "--out", str(out)]).exit_code == 0
    assert (out / MANIFEST).is_file()
    edit(stadt / SPORT / "produkt.yaml", lambda text: text.replace("Die Stadt fördert", "Die Stadt unterstützt"))
    result = runner.invoke(app, ["render", str(stadt), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert re.search(r"^2 Dateien geschrieben", result.output, re.MULTILINE)
    assert_same_as_full_render(stadt, out, tmp_path)
    result = runner.invoke(app, ["render", str(stadt), "--out", str(out), "--no-cache"])
    assert result.exit_code == 0 and not (out / MANIFEST).exists()
