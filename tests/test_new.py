"""``katalog new``: files in their place, valid, with modeline and German comments; refusals exit 2."""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from conftest import BUNDLED, run
from produktkatalog.cli import app
from produktkatalog.load.discover import catalogue_files
from produktkatalog.model.index import Index
from produktkatalog.scaffold.names import numbered_name
from produktkatalog.schema import schema_set

runner = CliRunner()
AREA = "produkte/01-innere-verwaltung"


def katalog(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository (only its .git folder matters) holding a copy of the Leverkusen catalogue."""
    root = tmp_path / "haushalt"
    (root / ".git").mkdir(parents=True)
    shutil.copytree(BUNDLED / "leverkusen", root / "katalog")
    return root


def files_below(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()}


def new(repository: Path, *args: str) -> tuple[int, str]:
    return katalog("new", *args, "--katalog", str(repository / "katalog"), "--no-cache")


def test_one_of_each_kind_lands_in_place_and_the_catalogue_stays_clean(repository: Path) -> None:
    root = repository / "katalog"
    assert run(root).findings == []
    before = files_below(root)
    product = f"{AREA}/011002-beschwerdestelle"
    commands = [
        (("produkt", "011002", "Beschwerdestelle"), f"{product}/produkt.yaml", "produkt"),
        (("leistung", "01100201", "Annahme von Beschwerden"),
         f"{product}/leistungen/01100201-annahme-von-beschwerden.yaml", "leistung"),
        (("kennzahl", "anzahl_beschwerden", "Anzahl Beschwerden", "--leistung", "01100201"),
         f"{product}/kennzahlen/01100201-anzahl_beschwerden.yaml", "kennzahl"),
        (("kennzahl", "bearbeitungsdauer", "Bearbeitungsdauer", "--produkt", "011002"),
         f"{product}/kennzahlen/bearbeitungsdauer.yaml", "kennzahl"),
        (("kennzahl", "flaeche_km2", "Fläche des Stadtgebiets"), "kennzahlen/flaeche_km2.yaml", "kennzahl"),
    ]
    for args, relative, _ in commands:
        code, output = new(repository, *args)
        assert code == 0, output
        assert f"Angelegt: {(root / relative).resolve().as_posix()}" in output
        assert "1 Datei geprüft: keine Befunde." in output
    assert files_below(root) - before == {root / relative for _, relative, _ in commands}
    kinds = {Path(s.path).resolve(): s.kind for s in catalogue_files(root).files}
    assert {kinds[(root / relative).resolve()] for _, relative, _ in commands} == {"produkt", "leistung", "kennzahl"}
    assert all(kinds[(root / relative).resolve()] == kind for _, relative, kind in commands)
    assert run(root).findings == []


def test_the_new_file_holds_the_values_quoted_the_modeline_and_the_schema_wording(repository: Path) -> None:
    code, _ = new(repository, "produkt", "011002", 'Beschwerden "Ideen" & Lob')
    path = repository / "katalog" / AREA / "011002-beschwerden-ideen-lob" / "produkt.yaml"
    text = path.read_text("utf-8")
    assert code == 0
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../../../schemas/produkt.schema.json"
    assert 'nummer: "011002"' in text.splitlines()
    assert yaml.safe_load(text) == {"nummer": "011002", "bezeichnung": 'Beschwerden "Ideen" & Lob'}
    schema = schema_set().schema("produkt")
    comments = " ".join(line.removeprefix("# ") for line in text.splitlines() if line.startswith("# "))
    for name in ("nummer", "bezeichnung"):
        field = schema["properties"][name]
        assert f"{field['title']}: {' '.join(field['description'].split())}" in comments
    for name in set(schema["properties"]) - {"nummer", "bezeichnung"}:
        assert f"#   {name}: " in text


def test_the_modeline_reaches_the_exported_schema_of_the_kind(repository: Path) -> None:
    assert katalog("schema", "--out", str(repository / "schemas"))[0] == 0
    new(repository, "produkt", "011002", "Beschwerdestelle")
    new(repository, "leistung", "01100201", "Annahme")
    new(repository, "kennzahl", "anzahl_beschwerden", "Anzahl Beschwerden", "--produkt", "011002")
    created = [path for path in (repository / "katalog").rglob("*.yaml") if "011002" in path.as_posix()]
    assert len(created) == 3
    for path in created:
        first = path.read_text("utf-8").splitlines()[0]
        target = path.parent / first.removeprefix("# yaml-language-server: $schema=")
        kind = {"produkt.yaml": "produkt"}.get(path.name, path.parent.name.removesuffix("en"))
        assert target.resolve() == (repository / "schemas" / f"{kind}.schema.json").resolve()
        assert json.loads(target.read_text("utf-8"))["title"].startswith(kind.capitalize())


def test_schemas_option_and_fallback_outside_a_repository(tmp_path: Path) -> None:
    shutil.copytree(BUNDLED / "leverkusen", tmp_path / "leverkusen")
    code, output = katalog("new", "kennzahl", "anzahl_x", "X", "--katalog", str(tmp_path / "leverkusen"))
    assert code == 0
    assert "katalog schema --out" in output  # no schemas there yet: the user is told how to get them
    assert (tmp_path / "leverkusen/kennzahlen/anzahl_x.yaml").read_text("utf-8").startswith(
        "# yaml-language-server: $schema=../../schemas/kennzahl.schema.json\n")
    katalog("new", "kennzahl", "anzahl_y", "Y", "--katalog", str(tmp_path / "leverkusen"),
            "--schemas", str(tmp_path / "leverkusen" / "editor"))
    assert (tmp_path / "leverkusen/kennzahlen/anzahl_y.yaml").read_text("utf-8").startswith(
        "# yaml-language-server: $schema=../editor/kennzahl.schema.json\n")


def test_a_second_new_refuses_and_leaves_the_file_alone(repository: Path) -> None:
    assert new(repository, "produkt", "011002", "Beschwerdestelle")[0] == 0
    path = repository / "katalog" / AREA / "011002-beschwerdestelle" / "produkt.yaml"
    path.write_text(path.read_text("utf-8") + "organisationseinheit: Amt 01\n", "utf-8")
    written = path.read_text("utf-8")
    code, output = new(repository, "produkt", "011002", "Beschwerdestelle")
    assert code == 2
    assert "Die Nummer 011002 ist schon vergeben" in output
    assert path.read_text("utf-8") == written


def test_an_unreadable_file_in_the_way_is_not_overwritten(repository: Path) -> None:
    """The number is free (the file there cannot be read), but the file name is taken."""
    folder = repository / "katalog" / AREA / "011001-verwaltungsfuehrung-und-beschwerdemanagement" / "leistungen"
    folder.mkdir(exist_ok=True)
    blocker = folder / "01100199-entwurf.yaml"
    blocker.write_text("nummer: [kaputt\n", "utf-8")
    code, output = new(repository, "leistung", "01100199", "Entwurf")
    assert code == 2
    assert "gibt es schon; katalog new überschreibt keine Datei" in output
    assert blocker.read_text("utf-8") == "nummer: [kaputt\n"


@pytest.mark.parametrize(("args", "message"), [
    (("produkt", "02x105", "Test"), "„02x105“ ist als Produktnummer nicht zulässig. Nummer im Produktrahmen"),
    (("produkt", "../../etc", "Test"), "„../../etc“ ist als Produktnummer nicht zulässig."),
    (("produkt", "011002", ""), "Produktbezeichnung: Der Text ist leer."),
    (("produkt", "011002", "Zeile eins\nZeile zwei"), "enthält ein Steuerzeichen oder einen Zeilenumbruch"),
    (("produkt", "991001", "Test"), "Zur Produktnummer 991001 gibt es im Produktrahmen"),
    (("leistung", "01100201", "Test", "--leistung", "1"), "--leistung gilt nur für kennzahl"),
    (("leistung", "99990101", "Test"), "setzt keine Produktnummer des Katalogs fort. Nennen Sie das Produkt"),
    (("leistung", "02010101", "Test", "--produkt", "011001"), "beginnt nicht mit der Nummer ihres Produkts"),
    (("leistung", "0110010101", "Test", "--produkt", "019999"), "Ein Produkt „019999“ gibt es im Katalog nicht"),
    (("kennzahl", "Wartezeit", "Test"), "„Wartezeit“ ist als Kennung nicht zulässig. Kurzname aus Kleinbuchstaben"),
    (("kennzahl", "../x", "Test"), "„../x“ ist als Kennung nicht zulässig."),
    (("kennzahl", "x" * 65, "Test"), "Kennung: Der Text ist länger als 64 Zeichen."),
    (("kennzahl", "anzahl", "Test", "--leistung", "0110019"), "Eine Leistung „0110019“ gibt es im Katalog nicht."),
    (("produkt", "011002", "Test", "--produkt", "011001"), "--produkt und --leistung gelten nur für"),
])
def test_bad_input_is_refused_in_german_and_nothing_is_written(repository: Path, args: tuple[str, ...],
                                                                message: str) -> None:
    before = files_below(repository)
    code, output = new(repository, *args)
    assert code == 2
    assert message in " ".join(output.split()), output
    assert files_below(repository) == before


def test_a_kennung_taken_in_the_same_place_is_refused(repository: Path) -> None:
    product = next((repository / "katalog" / AREA).iterdir())
    taken = next((product / "kennzahlen").glob("*.yaml"))
    ident = yaml.safe_load(taken.read_text("utf-8"))["id"]
    code, output = new(repository, "kennzahl", ident, "Doppelt", "--produkt", "011001")
    assert code == 2
    assert f"Die Kennung {ident} ist dort schon vergeben" in output


def test_a_folder_with_several_catalogues_asks_for_one() -> None:
    code, output = katalog("new", "produkt", "011002", "X", "--katalog", str(BUNDLED))
    assert code == 2
    assert "Wählen Sie einen mit --katalog PFAD." in output


def test_rules_of_the_catalogue_are_marked_in_the_file_and_reported(tmp_path: Path) -> None:
    """Beispielstadt demands Verantwortliche and Aufgabenart of every product: only the user can give them."""
    shutil.copytree(BUNDLED / "beispielstadt", tmp_path / "beispielstadt")
    code, output = katalog("new", "produkt", "020105", "Bürgerservice", "--katalog", str(tmp_path / "beispielstadt"))
    path = tmp_path / "beispielstadt/produkte/02-sicherheit-und-ordnung/020105-buergerservice/produkt.yaml"
    assert code == 1
    assert "#   aufgabenart: Aufgabenart (Pflicht nach der Regel „pflichtangaben_produktblatt“ des Katalogs)" in \
        path.read_text("utf-8")
    own = [f for f in run(tmp_path / "beispielstadt").findings if Path(f.file).resolve() == path.resolve()]
    assert {f.code for f in own} == {"K212"}
    assert "Das Feld „aufgabenart“ ist nicht ausgefüllt." in output


def test_folder_names_follow_the_bundled_catalogues() -> None:
    """The naming rule of ``new`` reproduces every product folder, Leistung file and Produktbereich folder."""
    result = run(BUNDLED)
    checked = 0
    for catalogue in result.catalogues:
        index = Index.of(catalogue)
        named = [(Path(p.folder).name, p) for p in catalogue.products]
        named += [(Path(leistung.file).name.removesuffix(".yaml"), leistung) for leistung in catalogue.leistungen]
        for name, entry in named:
            assert name == numbered_name(entry.key, entry.text("bezeichnung") or "")
            checked += 1
        areas = index.framework.names("produktbereiche") if index.framework else {}
        for product in catalogue.products:
            area = Path(product.folder).parent.name
            if area.split("-")[0] in areas:
                assert area == numbered_name(area.split("-")[0], areas[area.split("-")[0]])
    assert checked > 50


def test_the_readme_examples_run_clean(tmp_path: Path) -> None:
    readme = (BUNDLED.parent / "README.md").read_text("utf-8")
    lines = [line.split("  #")[0] for line in readme.splitlines()
             if line.startswith(".venv/bin/katalog new ") and "katalog/leverkusen" in line]  # not "Erste Schritte"
    commands = [shlex.split(line)[1:] for line in dict.fromkeys(lines)]  # the tour repeats the first example
    assert len(commands) == 4
    shutil.copytree(BUNDLED / "leverkusen", tmp_path / "leverkusen")
    for words in commands:
        args = [str(tmp_path / "leverkusen") if word == "katalog/leverkusen" else word for word in words]
        code, output = katalog(*args)
        assert code == 0, output
    assert run(tmp_path / "leverkusen").findings == []


def test_a_file_where_the_folder_should_be_is_reported_not_a_crash(repository: Path) -> None:
    (repository / "katalog" / "kennzahlen").write_text("kein Ordner\n", "utf-8")
    code, output = new(repository, "kennzahl", "anzahl_x", "X")
    assert code == 2
    assert "ließ sich nicht anlegen" in output


def test_a_linked_folder_never_takes_a_new_file_outside_the_catalogue(repository: Path, tmp_path: Path) -> None:
    outside = tmp_path / "aussen"
    outside.mkdir()
    (repository / "katalog" / AREA / "011002-beschwerdestelle").symlink_to(outside, target_is_directory=True)
    code, output = new(repository, "produkt", "011002", "Beschwerdestelle")
    assert code == 2
    assert "ist eine Verknüpfung" in output
    assert list(outside.iterdir()) == []
