"""House style: a catalogue's own templates replace built-ins by name; they run sandboxed."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from conftest import BUNDLED
from produktkatalog.cli import app

runner = CliRunner()
HOUSE_STYLE = """{% extends "basis.html.j2" %}
{% block inhalt %}<p class="hausstil">Hausstil: {{ produkt.title }} {{ "<b>" }}</p>{% endblock %}
"""


def _catalogue(tmp_path: Path, templates: dict[str, str]) -> Path:
    root = tmp_path / "leverkusen"
    shutil.copytree(BUNDLED / "leverkusen", root)
    (root / "templates").mkdir()
    for name, text in templates.items():
        (root / "templates" / name).write_text(text)
    return root


def test_catalogue_template_replaces_the_sheet_only(tmp_path: Path) -> None:
    root = _catalogue(tmp_path, {"produkt.html.j2": HOUSE_STYLE, "stil.css": "body { color: #123; }\n"})
    out = tmp_path / "ausgabe"
    result = runner.invoke(app, ["render", str(root), "--out", str(out), "--no-cache"])
    assert result.exit_code == 0, result.output
    sheet = (out / "produkte/011001-verwaltungsfuehrung-und-beschwerdemanagement.html").read_text()
    assert '<p class="hausstil">Hausstil: 011001 Verwaltungsführung und Beschwerdemanagement &lt;b&gt;</p>' in sheet
    assert "<h1>Produktkatalog Stadt Leverkusen</h1>" in (out / "index.html").read_text()  # built-in
    assert "## Beschreibung" in (out / "produkte/011001-verwaltungsfuehrung-und-beschwerdemanagement.md").read_text()
    assert (out / "stil.css").read_text() == "body { color: #123; }\n"
    assert "thead { display: table-header-group; }" in (out / "druck.css").read_text()


def test_sandbox_stops_a_template_that_reaches_for_python(tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    root = _catalogue(tmp_path, {"index.md.j2": "{{ katalog.__class__.__init__.__globals__ }}"})
    result = runner.invoke(app, ["render", str(root), "--out", str(out), "--no-cache"])
    assert result.exit_code == 2
    assert "Die Vorlage index.md.j2 lässt sich nicht anwenden" in result.output
    assert not out.exists()


def test_broken_template_is_reported_with_its_line(tmp_path: Path) -> None:
    root = _catalogue(tmp_path, {"produkt.md.j2": "# Titel\n\n{% if %}\n"})
    result = runner.invoke(app, ["render", str(root), "--out", str(tmp_path / "a"), "--no-cache"])
    assert result.exit_code == 2
    assert "produkt.md.j2 lässt sich nicht anwenden, Zeile 3" in result.output


def test_runtime_errors_name_the_template_line_in_german(tmp_path: Path) -> None:
    cases = {"{{ katalog.nichtda }}": "„nichtda“ gibt es dort nicht.", "{{ 1/0 }}": "Division durch null."}
    for number, (expression, wording) in enumerate(cases.items()):
        root = _catalogue(tmp_path / str(number), {"index.md.j2": f"# Titel\n\n{expression}\n"})
        result = runner.invoke(app, ["render", str(root), "--out", str(tmp_path / "a"), "--no-cache"])
        assert result.exit_code == 2, result.output
        assert f"index.md.j2 lässt sich nicht anwenden, Zeile 3: {wording}" in result.output


def test_a_linked_template_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "geheim.txt"
    secret.write_text("TOKEN=abc123\n")
    root = _catalogue(tmp_path, {})
    (root / "templates" / "stil.css").symlink_to(secret)
    out = tmp_path / "ausgabe"
    result = runner.invoke(app, ["render", str(root), "--out", str(out), "--no-cache"])
    assert result.exit_code == 2
    assert "stil.css ist eine Verknüpfung" in result.output
    assert not out.exists()


def test_a_linked_templates_folder_is_refused(tmp_path: Path) -> None:
    root = _catalogue(tmp_path, {})
    (root / "templates").rmdir()
    (root / "templates").symlink_to(tmp_path, target_is_directory=True)
    result = runner.invoke(app, ["render", str(root), "--out", str(tmp_path / "a"), "--no-cache"])
    assert result.exit_code == 2
    assert "ist eine Verknüpfung" in result.output
