"""``katalog schema --out``: the shipped schemas in a folder where every reference resolves; rewrites only changes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from typer.testing import CliRunner

from produktkatalog.cli import app
from produktkatalog.schema import schema_set
from produktkatalog.system.atomic import create_text, write_text
from produktkatalog.system.resources import schemas_dir

runner = CliRunner()
SHIPPED = sorted(path.name for path in schemas_dir().glob("*.schema.json"))


def export(folder: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["schema", "--out", str(folder)])
    return result.exit_code, result.output


def references(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for child in node.values():
            yield from references(child)
    elif isinstance(node, list):
        for child in node:
            yield from references(child)


def test_every_shipped_schema_is_exported_without_its_id(tmp_path: Path) -> None:
    code, output = export(tmp_path / "schemas")
    assert code == 0
    assert output.strip() == f"{len(SHIPPED)} Schemas in {tmp_path / 'schemas'}: {len(SHIPPED)} geschrieben, " \
                             "0 unverändert."
    assert sorted(path.name for path in (tmp_path / "schemas").iterdir()) == SHIPPED
    for name in SHIPPED:
        exported = json.loads((tmp_path / "schemas" / name).read_text("utf-8"))
        shipped = schema_set().documents[name.removesuffix(".schema.json")]
        assert "$id" not in exported
        assert exported == {key: value for key, value in shipped.items() if key != "$id"}
        Draft202012Validator.check_schema(exported)


def test_every_reference_resolves_inside_the_exported_folder(tmp_path: Path) -> None:
    """As an editor does: the base of each file is its own location; only files of the folder can be read."""
    export(tmp_path)

    def retrieve(uri: str) -> Resource[Any]:
        path = Path(uri.removeprefix("file://"))
        assert path.parent == tmp_path, f"{uri} lies outside the exported folder"
        return DRAFT202012.create_resource(json.loads(path.read_text("utf-8")))

    registry: Registry[Any] = Registry(retrieve=retrieve)  # type: ignore[call-arg]
    resolved = 0
    for name in SHIPPED:
        uri = (tmp_path / name).as_uri()
        resolver = registry.resolver(base_uri=uri)
        for reference in references(json.loads((tmp_path / name).read_text("utf-8"))):
            assert resolver.lookup(reference).contents, f"{name}: {reference}"
            resolved += 1
    assert resolved > 100


def test_a_second_export_rewrites_only_what_changed(tmp_path: Path) -> None:
    export(tmp_path)
    stamps = {path.name: path.stat().st_mtime_ns for path in tmp_path.iterdir()}
    changed = tmp_path / "produkt.schema.json"
    changed.write_text("{}\n", "utf-8")
    stamps[changed.name] = changed.stat().st_mtime_ns
    code, output = export(tmp_path)
    assert code == 0
    assert f": 1 geschrieben, {len(SHIPPED) - 1} unverändert." in output
    assert {p.name for p in tmp_path.iterdir() if p.stat().st_mtime_ns != stamps[p.name]} == {changed.name}
    assert json.loads(changed.read_text("utf-8"))["title"] == "Produkt (produkt.yaml)"
    assert sorted(path.name for path in tmp_path.iterdir()) == SHIPPED  # no temporary file left behind


def test_without_out_the_schemas_are_listed_with_their_titles() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    for name in SHIPPED:
        title = schema_set().documents[name.removesuffix(".schema.json")]["title"]
        assert any(line.split() == [name, *title.split()] for line in result.output.splitlines()), name
    assert "katalog schema --out schemas" in result.output


def test_out_on_a_file_exits_2(tmp_path: Path) -> None:
    (tmp_path / "datei").write_text("x", "utf-8")
    code, output = export(tmp_path / "datei")
    assert code == 2
    assert "ist kein Ordner" in output


def test_create_text_never_replaces_and_write_text_does(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    create_text(path, "eins\n")
    with pytest.raises(FileExistsError):
        create_text(path, "zwei\n")
    assert path.read_text("utf-8") == "eins\n"
    write_text(path, "drei\n")
    assert path.read_text("utf-8") == "drei\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]
