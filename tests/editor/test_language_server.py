"""The YAML language server (the engine of VS Code's YAML extension) with the exported schemas.

The server is the npm package pinned in package.json beside this file; ``.ci/run`` installs it
with ``npm ci --prefix tests/node``. The tests drive it over stdio, as an editor does.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from lsp_client import LanguageServer
from typer.testing import CliRunner

from conftest import BUNDLED
from produktkatalog.cli import app
from produktkatalog.load.discover import catalogue_files, find_catalogues
from produktkatalog.pipeline import validate
from produktkatalog.scaffold.document import described
from produktkatalog.schema import schema_set

pytestmark = pytest.mark.slow

HERE = Path(__file__).parent
SERVER = HERE.parent / "node" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
README = HERE.parent.parent / "README.md"
PRODUCT = "katalog/produkte/01-innere-verwaltung/011002-beschwerdestelle/produkt.yaml"


def server_command() -> list[str]:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("Node.js fehlt; .ci/run installiert es (Debian-Pakete nodejs und npm).")
        pytest.skip("Node.js ist nicht installiert: die Editor-Tests brauchen node und npm.")
    if not SERVER.is_file():
        pytest.fail("yaml-language-server fehlt: npm ci --prefix tests/node installiert die Version aus "
                    "package-lock.json.")
    return [node, str(SERVER), "--stdio"]


def settings(schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    """The editor's settings: no schema catalogue from the internet, optionally the README's mapping."""
    yaml: dict[str, Any] = {"validate": True, "hover": True, "completion": True, "schemaStore": {"enable": False}}
    if schemas is not None:
        yaml["schemas"] = schemas
    return {"yaml": yaml}


def katalog(*args: str) -> None:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository with the Leverkusen catalogue, the exported schemas and a product made by ``katalog new``."""
    (tmp_path / ".git").mkdir()
    shutil.copytree(BUNDLED / "leverkusen", tmp_path / "katalog")
    katalog("schema", "--out", str(tmp_path / "schemas"))
    katalog("new", "produkt", "011002", "Beschwerdestelle", "--katalog", str(tmp_path / "katalog"), "--no-cache")
    return tmp_path


def line_of(text: str, prefix: str) -> int:
    return next(number for number, line in enumerate(text.splitlines()) if line.startswith(prefix))


def test_hover_shows_the_german_title_and_description(repository: Path) -> None:
    path = repository / PRODUCT
    text = path.read_text("utf-8")
    with LanguageServer(server_command(), repository, settings()) as server:
        uri = server.open(path)
        assert server.wait_for_diagnostics(uri) == []
        shown = server.hover(uri, line_of(text, "bezeichnung:"), 3)
    expected = described("produkt", schema_set().schema("produkt")["properties"]["bezeichnung"])
    assert f"#### {expected['title']}" in shown
    assert expected["description"] in shown


def test_completion_offers_the_fields_of_the_schema(repository: Path) -> None:
    path = repository / PRODUCT
    lines = [line for line in path.read_text("utf-8").splitlines() if not line.startswith("bezeichnung:")]
    text = "\n".join(lines) + "\n\n"
    with LanguageServer(server_command(), repository, settings()) as server:
        uri = server.open(path, text)
        server.wait_for_diagnostics(uri)
        offered = server.completion_labels(uri, len(lines), 0)
    assert "bezeichnung" in offered
    assert set(schema_set().schema("produkt")["properties"]) - offered == {"nummer"}  # nummer is there already


def test_completion_and_hover_inside_a_nested_mapping_follow_references_to_gemeinsam(repository: Path) -> None:
    """``verantwortliche`` items are ``gemeinsam.schema.json#/$defs/person``: the reference resolves beside it."""
    path = repository / PRODUCT
    text = path.read_text("utf-8") + 'verantwortliche:\n  - name: "Amt 01"\n    \n'
    last = len(text.splitlines()) - 1
    with LanguageServer(server_command(), repository, settings()) as server:
        uri = server.open(path, text)
        server.wait_for_diagnostics(uri)
        offered = server.completion_labels(uri, last, 4)
        shown = server.hover(uri, last - 1, 5)
    assert {"rolle", "telefon", "email", "organisationseinheit"} <= offered
    assert "name" not in offered
    person = schema_set().documents["gemeinsam"]["$defs"]["person"]
    assert f"#### {person['properties']['name']['title']}" in shown


def test_the_editor_flags_the_lines_katalog_flags(repository: Path) -> None:
    path = repository / PRODUCT
    text = path.read_text("utf-8").replace('nummer: "011002"', "nummer: 011002") + "bezeichnug: Tippfehler\n"
    path.write_text(text, "utf-8")
    findings = [f for f in validate(repository / "katalog", use_cache=False).findings if f.code.startswith("S")]
    with LanguageServer(server_command(), repository, settings()) as server:
        diagnostics = server.wait_for_diagnostics(server.open(path))
    assert {(f.code, f.line) for f in findings} == {("S103", line_of(text, "nummer:") + 1),
                                                     ("S101", line_of(text, "bezeichnug:") + 1)}
    assert {d["range"]["start"]["line"] + 1 for d in diagnostics} == {f.line for f in findings}


def readme_settings() -> dict[str, Any]:
    section = README.read_text("utf-8").split("## Im Editor", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```json\n(.*?)```", section, re.DOTALL)
    assert block is not None, "README, Im Editor: the VS Code settings as a json block"
    mapping: dict[str, Any] = json.loads(block.group(1))["yaml.schemas"]
    return mapping


def test_the_readme_settings_give_every_kind_its_schema_without_modeline(repository: Path) -> None:
    """One bundled file per kind, copied without its modeline: the README's yaml.schemas globs pick the schema."""
    samples: dict[str, Path] = {}
    for root in find_catalogues(BUNDLED):
        for source in catalogue_files(root).files:
            samples.setdefault(f"{source.kind}{'-produkt' if source.product_dir else ''}", Path(source.path))
    assert {key.removesuffix("-produkt") for key in samples} >= {"katalog", "produkt", "leistung", "kennzahl",
                                                                  "plan", "programm"}
    with LanguageServer(server_command(), repository, settings(readme_settings())) as server:
        for key, source in samples.items():
            kind = key.removesuffix("-produkt")
            text = "".join(line for line in source.read_text("utf-8").splitlines(keepends=True)
                           if "yaml-language-server" not in line)
            target = repository / "katalog" / source.relative_to(BUNDLED).relative_to(
                source.relative_to(BUNDLED).parts[0])
            uri = server.open(target, text)
            assert server.wait_for_diagnostics(uri) == [], source
            first_key = next(n for n, line in enumerate(text.splitlines()) if re.match(r"[a-z_]+:", line))
            assert f"Source: [{kind}.schema.json]" in server.hover(uri, first_key, 1), source
