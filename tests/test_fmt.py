"""katalog fmt: canonical files that read exactly as before, keep every comment, and come out the same twice."""

from __future__ import annotations

import io
import os
import shutil
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from conftest import BUNDLED, PRODUCT, run
from produktkatalog.cli import app
from produktkatalog.fmt import format_paths, format_text
from produktkatalog.load import load_document
from produktkatalog.load.discover import catalogue_files, find_catalogues
from produktkatalog.system.atomic import write_text

runner = CliRunner()
BUNDLED_FILES = [source for root in find_catalogues(BUNDLED) for source in catalogue_files(root).files
                 if source.kind is not None]


def comments(text: str) -> list[str]:
    """Comment texts found line by line: whole-line comments and " # …" after a value (outside quotes)."""
    found = []
    for line in text.splitlines():
        quote = ""
        for index, char in enumerate(line):
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'" and (index == 0 or line[index - 1] in " :[{,-"):
                quote = char
            elif char == "#" and (index == 0 or line[index - 1] == " "):
                found.append(line[index:].strip())
                break
    return sorted(found)


def exact(data: Any) -> Any:
    """Data with numbers as their digits: 1.50 and 1.5 differ, True and 1 differ."""
    if isinstance(data, dict):
        return {key: exact(value) for key, value in data.items()}
    if isinstance(data, list):
        return [exact(value) for value in data]
    return (type(data).__name__, str(data) if isinstance(data, Decimal) else data)


def read(text: str) -> Any:
    document = load_document(text.encode(), "x.yaml")
    assert document.findings == []
    return exact(document.data)


def formatted(text: str, kind: str) -> str:
    result = format_text(text.encode(), kind, "x.yaml")
    assert result.text is not None, (result.unsafe, result.findings)
    return result.text


def rewritten(text: str, indent: int, reverse: bool) -> str:
    """The file as another tool might write it: another indentation, top-level keys in reverse order."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 100_000
    yaml.indent(mapping=indent, sequence=indent + 2, offset=indent)
    tree = yaml.load(text)
    if reverse:
        for key in reversed(list(tree)):
            tree.move_to_end(key)
    stream = io.StringIO()
    yaml.dump(tree, stream)
    return stream.getvalue()


def test_bundled_catalogues_are_in_canonical_form() -> None:
    report = format_paths([BUNDLED], write=False)
    assert report.files == len(BUNDLED_FILES) > 200
    assert (report.changed, report.findings, report.unsafe) == ([], [], [])


def _with_comments_in_body(source: Any) -> bool:
    return any(line.lstrip().startswith("#") or "  #" in line
               for line in Path(source.path).read_text("utf-8").splitlines()[3:])


# files with comments between their fields run by default, the rest with -m slow
REORDERED = [pytest.param(source, id=source.shown.split("katalog/", 1)[-1],
                          marks=() if _with_comments_in_body(source) else pytest.mark.slow)
             for source in BUNDLED_FILES]


@pytest.mark.parametrize("source", REORDERED)
def test_reordered_bundled_file_keeps_data_and_comments(source: Any) -> None:
    original = Path(source.path).read_text("utf-8")
    messy = rewritten(original, indent=3, reverse=True)
    result = formatted(messy, source.kind)
    assert read(result) == read(original)
    assert comments(result) == comments(original)
    assert [line.split(":")[0] for line in result.splitlines() if line[:1].isalpha()] == \
        [line.split(":")[0] for line in original.splitlines() if line[:1].isalpha()]
    assert formatted(result, source.kind) == result


MESSY = """\
# yaml-language-server: $schema=../../../../schemas/produkt.schema.json
# Kopf der Datei
bezeichnung: Bürgerbüro   # Name wie im Haushalt
ziele:
    -   text: "Kurze Wartezeit"
        # die Kennung für Formeln
        id: wartezeit
        zielwerte:
            2026: 10
            2025: 12.50
        art: operativ

# Nummern
produktgruppe: 0101
nummer: 010101
statistik_produktgruppe: '122'
verantwortliche:
  - telefon: 01234 567-330
    name: "Frau Beispiel"
notiz: bleibt hinten
beschreibung: >-
    Text über
    zwei Zeilen.
# Ende
"""

CANONICAL = """\
# yaml-language-server: $schema=../../../../schemas/produkt.schema.json
# Kopf der Datei
nummer: "010101"
bezeichnung: Bürgerbüro  # Name wie im Haushalt

# Nummern
produktgruppe: "0101"
statistik_produktgruppe: "122"
verantwortliche:
  - name: "Frau Beispiel"
    telefon: "01234 567-330"
beschreibung: >-
  Text über
  zwei Zeilen.
ziele:
  # die Kennung für Formeln
  - id: wartezeit
    art: operativ
    text: "Kurze Wartezeit"
    zielwerte:
      2025: 12.50
      2026: 10
notiz: bleibt hinten
# Ende
"""


def test_messy_file_comes_out_canonical() -> None:
    result = format_text(MESSY.encode(), "produkt", "x.yaml")
    assert result.text == CANONICAL
    assert [(change.text, line, column) for change, line, column in result.quoted] == \
        [("0101", 14, 16), ("010101", 15, 9)]
    assert formatted(CANONICAL, "produkt") == CANONICAL


def test_unquoted_numbers_are_quoted_as_typed_and_nothing_else_changes() -> None:
    before, after = read(MESSY), read(CANONICAL)
    assert (before["nummer"], after["nummer"]) == (("int", 10101), ("str", "010101"))
    assert (before["produktgruppe"], after["produktgruppe"]) == (("int", 101), ("str", "0101"))
    for key in ("nummer", "produktgruppe"):
        del before[key], after[key]
    assert after == before
    assert comments(CANONICAL) == comments(MESSY)


def test_amounts_and_empty_values_stay_as_written() -> None:
    text = 'zeilen:\n  "11":\n    ansatz: {2026: -1234.50, 2025: 1e3, 2024: ~}\n    planung:\n      2027: 0.10\n'
    assert formatted(text, "plan") == text.replace("{2026: -1234.50, 2025: 1e3, 2024: ~}",
                                                   "{2024: ~, 2025: 1e3, 2026: -1234.50}")


def test_numeric_keys_quoted_years_plain() -> None:
    text = "zeilen:\n  04:\n    ansatz: {'2025': 1}\n  '11':\n    ansatz:\n      \"2026\": 2\n"
    assert formatted(text, "plan") == 'zeilen:\n  "04":\n    ansatz: {2025: 1}\n  "11":\n    ansatz:\n      2026: 2\n'


def test_keys_stay_put_where_moving_them_would_change_the_data() -> None:
    text = "beschreibung: &text 'Ein Text'\nbezeichnung: *text\nnummer: 010101\n"  # alias above anchor: no YAML
    assert formatted(text, "produkt") == text.replace("010101", '"010101"')


def test_kept_blank_lines_of_a_block_text_stay_with_it() -> None:
    text = "beschreibung: |+\n  Text\n\n\nnummer: \"1\"\n"
    assert formatted(text, "produkt") == "nummer: \"1\"\nbeschreibung: |+\n  Text\n\n\n"


def test_windows_line_ends_and_byte_order_mark_are_dropped() -> None:
    text = "\ufeffbezeichnung: x  # Name\r\nnummer: \"1\"\r\n"
    assert formatted(text, "produkt") == "nummer: \"1\"\nbezeichnung: x  # Name\n"


@pytest.fixture
def messy_catalogue(catalogue: Path) -> Path:
    text = MESSY.replace("produktgruppe: 0101\n", 'produktgruppe: "0101"\n')  # leaves one S103: nummer
    (catalogue / PRODUCT / "produkt.yaml").write_text(text, "utf-8")
    return catalogue


def test_check_lists_files_exits_1_and_changes_nothing(messy_catalogue: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(messy_catalogue.parent)
    product = messy_catalogue / PRODUCT / "produkt.yaml"
    before = product.read_bytes()
    result = runner.invoke(app, ["fmt", "--check", "katalog"])
    assert result.exit_code == 1
    assert f"Nicht im Standardformat: katalog/{PRODUCT}/produkt.yaml\n" in result.output
    assert f"katalog/{PRODUCT}/produkt.yaml:15:9: „010101“ wird in Anführungszeichen gesetzt" in result.output
    assert "8 Dateien geprüft: 1 nicht im Standardformat" in result.output
    assert product.read_bytes() == before


def test_fmt_writes_only_changed_files_then_check_passes(messy_catalogue: Path) -> None:
    product = messy_catalogue / PRODUCT / "produkt.yaml"
    product.chmod(0o640)
    others = {path: path.stat().st_mtime_ns for path in messy_catalogue.rglob("*.yaml") if path != product}
    result = runner.invoke(app, ["fmt", str(messy_catalogue)])
    assert result.exit_code == 0, result.output
    assert "8 Dateien: 1 formatiert." in result.output
    assert product.read_text("utf-8") == CANONICAL
    assert stat.S_IMODE(product.stat().st_mode) == 0o640
    assert {path: path.stat().st_mtime_ns for path in others} == others
    assert not [name for name in os.listdir(product.parent) if name.endswith(".tmp")]
    assert runner.invoke(app, ["fmt", "--check", str(messy_catalogue)]).exit_code == 0


def test_fmt_keeps_validate_findings(catalogue: Path) -> None:
    text = MESSY.replace("produktgruppe: 0101\n", 'produktgruppe: "0101"\n')
    text = text.replace("nummer: 010101", "nummer: '010101'")
    (catalogue / PRODUCT / "produkt.yaml").write_text(text, "utf-8")
    before = sorted((f.code, f.file, f.message) for f in run(catalogue).findings)
    assert runner.invoke(app, ["fmt", str(catalogue)]).exit_code == 0
    assert sorted((f.code, f.file, f.message) for f in run(catalogue).findings) == before
    assert [code for code, _, _ in before] == ["K212", "S101"]  # no programmbezuege; notiz: unknown field


def test_fmt_quotes_the_number_validate_rejects(messy_catalogue: Path) -> None:
    assert [(f.code, f.line) for f in run(messy_catalogue).findings if f.code == "S103"] == [("S103", 15)]
    assert runner.invoke(app, ["fmt", str(messy_catalogue)]).exit_code == 0
    assert [f for f in run(messy_catalogue).findings if f.code == "S103"] == []


def test_unreadable_file_is_reported_and_untouched(catalogue: Path) -> None:
    product = catalogue / PRODUCT / "produkt.yaml"
    product.write_text("nummer: [010101\nbezeichnung: x\n", "utf-8")
    before = product.read_bytes()
    for args in (["fmt", str(catalogue)], ["fmt", "--check", str(catalogue)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1
        assert "produkt.yaml:1:9: Fehler Y010" in result.output
        assert product.read_bytes() == before


def test_single_files_and_files_outside_catalogues(messy_catalogue: Path, tmp_path: Path) -> None:
    product = messy_catalogue / PRODUCT / "produkt.yaml"
    stray = tmp_path / "notiz.yaml"
    stray.write_text("b: 1\na: 2\n", "utf-8")
    result = runner.invoke(app, ["fmt", "--check", str(product), str(stray), str(messy_catalogue / "katalog.yaml")])
    assert result.exit_code == 1
    assert "2 Dateien geprüft: 1 nicht im Standardformat" in result.output
    assert runner.invoke(app, ["fmt", "--check", str(stray)]).exit_code == 0
    assert runner.invoke(app, ["fmt", "--check", str(messy_catalogue / "produkte")]).exit_code == 1


def test_missing_path_or_no_catalogue_exits_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["fmt", str(tmp_path / "fehlt")]).exit_code == 2
    assert runner.invoke(app, ["fmt", "--check", str(tmp_path)]).exit_code == 2


CATALOGUES = [pytest.param(path.name, marks=pytest.mark.slow if path.name == "beispielstadt" else ())
              for path in sorted(BUNDLED.iterdir()) if (path / "katalog.yaml").is_file()]


@pytest.mark.parametrize("name", CATALOGUES)
def test_reindented_copy_of_bundled_catalogue_formats_back_to_it(name: str, tmp_path: Path) -> None:
    target = tmp_path / name
    shutil.copytree(BUNDLED / name, target)
    for path in target.rglob("*.yaml"):
        path.write_text(rewritten(path.read_text("utf-8"), indent=4, reverse=False), "utf-8")
    assert runner.invoke(app, ["fmt", str(target)]).exit_code == 0
    for path in target.rglob("*.yaml"):
        assert path.read_bytes() == (BUNDLED / name / path.relative_to(target)).read_bytes(), path


def test_worker_processes_give_the_same_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "halberstadt"
    shutil.copytree(BUNDLED / "halberstadt", target)
    for path in target.rglob("*.yaml"):
        path.write_text(rewritten(path.read_text("utf-8"), indent=4, reverse=True), "utf-8")
    alone = format_paths([target], write=False, workers=1)
    monkeypatch.setattr("produktkatalog.fmt.run.PARALLEL_FROM", 2)
    shared = format_paths([target], write=False, workers=2)
    assert shared == alone
    assert len(alone.changed) == alone.files > 10


FRAMED = """\
# yaml-language-server: $schema=../../../../schemas/produkt.schema.json
%YAML 1.2
---  # Anfang
bezeichnung: x
nummer: 010101
...
# Ende
"""


BODY = FRAMED.split("---  # Anfang\n")[1]


@pytest.mark.parametrize("text", [FRAMED, FRAMED.replace("%YAML 1.2\n", ""), BODY, "---\n" + BODY.split("...")[0]])
def test_what_stands_around_the_document_is_kept(text: str) -> None:
    result = formatted(text, "produkt")
    assert result == text.replace('bezeichnung: x\nnummer: 010101\n', 'nummer: "010101"\nbezeichnung: x\n')
    assert formatted(result, "produkt") == result


def test_header_before_document_start_passes_check(catalogue: Path) -> None:
    product = catalogue / PRODUCT / "produkt.yaml"
    canonical = product.read_text("utf-8")
    product.write_text("# yaml-language-server: $schema=x\n---\n" + canonical.replace('"010101"', "010101"), "utf-8")
    result = runner.invoke(app, ["fmt", str(catalogue)])
    assert result.exit_code == 0, result.output
    assert product.read_text("utf-8") == "# yaml-language-server: $schema=x\n---\n" + canonical
    result = runner.invoke(app, ["fmt", "--check", str(catalogue)])
    assert (result.exit_code, result.stderr) == (0, "")
    assert "alle im Standardformat" in result.output


def test_refused_file_is_counted_and_exits_2(catalogue: Path) -> None:
    product = catalogue / PRODUCT / "produkt.yaml"
    text = product.read_text("utf-8").replace("zielwerte:\n      2025: 15", "zielwerte: {2025: 15,  # Ist\n  }")
    product.write_text(text, "utf-8")
    for args, state in ((["fmt", "--check"], "geprüft: alle übrigen im Standardformat."),
                        (["fmt"], ": sonst nichts zu ändern.")):
        result = runner.invoke(app, [*args, str(catalogue)])
        assert result.exit_code == 2
        assert "lässt sich nicht sicher formatieren (Kommentare würden sich ändern)" in result.stderr
        assert f"{state} 1 Datei nicht formatiert (nicht sicher formatierbar).\n" in result.stdout
        assert product.read_text("utf-8") == text


def test_linked_file_is_never_written_through(messy_catalogue: Path, tmp_path: Path) -> None:
    product = messy_catalogue / PRODUCT / "produkt.yaml"
    outside = tmp_path / "fremd.yaml"
    outside.write_text(product.read_text("utf-8"), "utf-8")
    product.unlink()
    product.symlink_to(outside)
    for args in (["fmt", str(messy_catalogue)], ["fmt", str(product)], ["fmt", "--check", str(messy_catalogue)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert "produkt.yaml ist ein symbolischer Link" in result.stderr
        assert "1 Datei übersprungen (symbolischer Link oder außerhalb des Katalogs)." in result.stdout
        assert "alle im Standardformat" not in result.stdout
    assert product.is_symlink()
    assert outside.read_text("utf-8") == MESSY.replace("produktgruppe: 0101\n", 'produktgruppe: "0101"\n')


def test_every_number_validate_rejects_in_a_text_field_is_quoted(catalogue: Path) -> None:
    product = catalogue / PRODUCT / "produkt.yaml"
    text = product.read_text("utf-8").replace('bezeichnung: "Bürgerbüro"', "bezeichnung: -5")
    text = text.replace('text: "Kurze Wartezeiten"', "text: 1e3").replace('beitrag: "Papierlose Anträge"',
                                                                          "beitrag: .5")
    product.write_text(text + "verantwortliche:\n  - name: 0x1F\n", "utf-8")
    assert len([f for f in run(catalogue).findings if f.code == "S103"]) == 4
    result = runner.invoke(app, ["fmt", str(catalogue)])
    assert result.exit_code == 0, result.output
    assert [line.split(": ", 1)[1] for line in result.output.splitlines() if "(S103)" in line] == \
        [f"„{typed}“ wurde in Anführungszeichen gesetzt; ohne sie ist es eine Zahl (S103)."
         for typed in ("-5", "1e3", ".5", "0x1F")]
    assert [f for f in run(catalogue).findings if f.code == "S103"] == []
    assert runner.invoke(app, ["fmt", "--check", str(catalogue)]).exit_code == 0


def test_control_characters_in_file_names_never_reach_the_terminal(catalogue: Path) -> None:
    product = catalogue / PRODUCT
    strange = product.with_name("010101-b\x1b[2J\x07")
    product.rename(strange)
    (strange / "produkt.yaml").write_text("bezeichnung: x\nnummer: 010101\n", "utf-8")
    (strange / "leistungen").mkdir(exist_ok=True)
    (strange / "leistungen" / "kaputt.yaml").write_text("bezeichnung: [x\n", "utf-8")
    result = runner.invoke(app, ["fmt", "--check", str(catalogue)])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "010101-b\\x1b[2J\\x07/leistungen/kaputt.yaml:1:14: Fehler Y010" in result.output
    assert "Nicht im Standardformat: " in result.output and "010101-b\\x1b[2J\\x07/produkt.yaml" in result.output


def test_atomic_write_gives_the_file_the_mode_asked_for(tmp_path: Path) -> None:
    target = tmp_path / "datei.yaml"
    write_text(target, "a: 1\n", mode=0o640)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    write_text(target, "a: 2\n")
    assert (stat.S_IMODE(target.stat().st_mode), target.read_text("utf-8")) == (0o644, "a: 2\n")
