"""katalog render: pages of every bundled catalogue, re-runs that rewrite nothing, refusal on errors."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from typer.testing import CliRunner

from conftest import BUNDLED, PRODUCT
from produktkatalog.cli import app

runner = CliRunner()


def render(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["render", *args, "--no-cache"])
    return result.exit_code, result.output


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Content, modification time and inode of every file below ``folder``."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_bundled_catalogues_render_to_a_site(tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    code, output = render(str(BUNDLED), "--out", str(out))
    assert code == 0, output
    assert f"Einstieg: {out / 'index.html'}" in output
    for name in ("halberstadt", "landkreis-vorlage", "siegburg", "bad-salzdetfurth", "leverkusen", "beispielstadt"):
        assert (out / name / "index.html").is_file()
        assert (out / name / "index.md").is_file()
    assert (out / "beispielstadt/produkte/020101-buergerbuero.html").is_file()
    assert (out / "halberstadt/produkte/1111-06-staedtepartnerschaften.md").is_file()
    assert (out / "bad-salzdetfurth/programme/organisation_verbindlichkeit.html").is_file()
    assert (out / "beispielstadt/haushalt/gesamt.html").is_file()
    top = (out / "index.html").read_text()
    assert 'href="beispielstadt/index.html"' in top


def test_one_catalogue_fills_the_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    code, output = render(str(BUNDLED / "leverkusen"), "--out", str(out), "--format", "md")
    assert code == 0, output
    assert sorted(p.name for p in out.iterdir()) == [".katalog-ausgabe", "index.md", "kennzahlen.md", "produkte"]


def test_rerun_is_byte_identical_and_touches_nothing(tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    code, output = render(str(BUNDLED), "--out", str(out))
    assert code == 0
    written = re.search(r"(\d+) Dateien geschrieben, 0 unverändert", output)
    assert written, output
    before = snapshot(out)
    code, output = render(str(BUNDLED), "--out", str(out))
    assert code == 0
    assert f"0 Dateien geschrieben, {written[1]} unverändert, 0 entfernt." in output
    assert snapshot(out) == before


def test_only_changed_pages_are_rewritten(tmp_path: Path) -> None:
    catalogue = tmp_path / "katalog"
    shutil.copytree(BUNDLED / "leverkusen", catalogue)
    out = tmp_path / "ausgabe"
    assert render(str(catalogue), "--out", str(out))[0] == 0
    before = snapshot(out)
    product = next(catalogue.rglob("produkt.yaml"))
    product.write_text(product.read_text().replace("Stärkung des Ehrenamts", "Stärkung des Ehrenamts und der Vereine"))
    code, output = render(str(catalogue), "--out", str(out))
    assert code == 0, output
    after = snapshot(out)
    changed = sorted(path for path in after if after[path] != before.get(path))
    assert changed == ["produkte/011001-verwaltungsfuehrung-und-beschwerdemanagement.html",
                       "produkte/011001-verwaltungsfuehrung-und-beschwerdemanagement.md"]
    assert "und der Vereine" in (out / changed[0]).read_text()


def test_errors_render_nothing_and_keep_the_old_output(catalogue: Path, tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    assert render(str(catalogue), "--out", str(out))[0] == 0
    before = snapshot(out)
    product = catalogue / PRODUCT / "produkt.yaml"
    product.write_text(product.read_text() + "bezeichnug: x\n")
    code, output = render(str(catalogue), "--out", str(out))
    assert code == 1
    assert "S101" in output
    assert snapshot(out) == before


def test_foreign_folder_is_never_replaced(catalogue: Path, tmp_path: Path) -> None:
    out = tmp_path / "wichtig"
    out.mkdir()
    (out / "notizen.txt").write_text("bitte behalten")
    code, output = render(str(catalogue), "--out", str(out))
    assert code == 2
    assert "nicht von katalog render" in output
    assert os.listdir(out) == ["notizen.txt"]


def test_unknown_product_exits_2(catalogue: Path, tmp_path: Path) -> None:
    code, output = render(str(catalogue), "--out", str(tmp_path / "a"), "--produkt", "999999")
    assert code == 2
    assert "„999999“ gibt es nicht" in output


def test_produkt_option_rewrites_one_sheet_and_keeps_the_rest(tmp_path: Path) -> None:
    catalogue = tmp_path / "katalog"
    shutil.copytree(BUNDLED / "beispielstadt", catalogue)
    out = tmp_path / "ausgabe"
    assert render(str(catalogue), "--out", str(out))[0] == 0
    before = snapshot(out)
    product = next(catalogue.rglob("020101-buergerbuero/produkt.yaml"))
    product.write_text(product.read_text().replace('bezeichnung: "Bürgerbüro"', 'bezeichnung: "Bürgeramt"'))
    code, output = render(str(catalogue), "--out", str(out), "--produkt", "02.01.01", "--format", "html")
    assert code == 0, output
    after = snapshot(out)
    assert sorted(path for path in after if after[path] != before.get(path)) == [
        "produkte/020101-buergeramt.html"]
    assert "produkte/020101-buergerbuero.html" in after  # the rest of the output stays as it was


def test_an_unwritable_output_folder_is_said_in_german(tmp_path: Path) -> None:
    blocker = tmp_path / "datei"
    blocker.write_text("kein Ordner\n")
    result = CliRunner().invoke(app, ["render", str(BUNDLED / "leverkusen"), "--out", str(blocker / "ausgabe")])
    assert result.exit_code == 2
    assert "Die Ausgabe lässt sich nicht nach" in result.output
