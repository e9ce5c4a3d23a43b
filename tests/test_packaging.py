"""A non-editable install into a fresh virtual environment carries schemas and templates and works."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import BUNDLED, HERE

ROOT = HERE.parent


@pytest.mark.slow
def test_wheel_installs_and_validates_bundled_catalogues(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True)
    [wheel] = tmp_path.glob("produktkatalog-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "produktkatalog/schemas/produkt.schema.json" in names
    assert "produktkatalog/schemas/gemeinsam.schema.json" in names
    assert "produktkatalog/templates/produkt.html.j2" in names
    assert "produktkatalog/templates/druck.css" in names
    assert "produktkatalog/referenz/produktrahmen/imk.yaml" in names
    assert "produktkatalog/referenz/zeilen/he-ergebnisplan.yaml" in names
    assert "produktkatalog/referenz/zuordnungen/teilplan-breit.yaml" in names
    assert "produktkatalog/referenz/kontenrahmen/nrw.yaml" in names
    assert "produktkatalog/schemas/zuordnung.schema.json" in names
    assert "produktkatalog/templates/vergleich.html.j2" in names

    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True)
    completed = subprocess.run([str(environment / "bin" / "katalog"), "validate", str(BUNDLED), "--no-cache"],
                               capture_output=True, text=True, cwd=tmp_path, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "Kataloge" in completed.stdout and "Fehler" not in completed.stdout
    exported = subprocess.run([str(environment / "bin" / "katalog"), "schema", "--out", str(tmp_path / "schemas")],
                              capture_output=True, text=True, cwd=tmp_path, check=False)
    assert exported.returncode == 0, exported.stdout + exported.stderr
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == sorted(
        p.name for p in (ROOT / "schemas").glob("*.schema.json"))
    rendered = subprocess.run([str(environment / "bin" / "katalog"), "render", str(BUNDLED), "--no-cache"],
                              capture_output=True, text=True, cwd=tmp_path, check=False)
    assert rendered.returncode == 0, rendered.stdout + rendered.stderr
    assert (tmp_path / "ausgabe/beispielstadt/produkte/020101-buergerbuero.html").is_file()
    templates = subprocess.run([str(environment / "bin" / "katalog"), "vorlagen", "nrw_ergebnisplan_minderaufwand_30"],
                               capture_output=True, text=True, cwd=tmp_path, check=False)
    assert templates.returncode == 0, templates.stdout + templates.stderr
    assert "Grundvorlage: nrw_ergebnisplan; ersetzt 29" in templates.stdout
    _init_import_export_compare(environment / "bin" / "katalog", tmp_path)


def _init_import_export_compare(katalog: Path, folder: Path) -> None:
    """The new commands from the installed wheel: its shipped profile, templates and libraries are there."""
    steps = [["init", "neu/katalog", "--kommune", "Stadt Musterstadt (fiktiv)", "--land", "NW", "--haushaltsjahr",
              "2026"],
             ["import", str(BUNDLED / "quellen/teilplaene-produkte.csv"), "--katalog", "neu/katalog", "--profil",
              "teilplan-breit"],
             ["export", "neu/katalog", "--format", "xlsx", "--out", "neu.xlsx"],
             ["export", "neu/katalog", "--format", "fdp", "--out", "paket"],
             ["vergleich", "neu/katalog", str(BUNDLED / "beispielstadt"), "--format", "html", "--out", "v.html"]]
    for step in steps:
        completed = subprocess.run([str(katalog), *step], capture_output=True, text=True, cwd=folder, check=False)
        assert completed.returncode == 0, (step, completed.stdout + completed.stderr)
    assert (folder / "neu.xlsx").stat().st_size > 0 and (folder / "paket/datapackage.json").is_file()
    assert "<svg" in (folder / "v.html").read_text("utf-8")
