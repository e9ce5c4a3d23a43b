"""Hostile and broken files end in a German finding at file:line:column — never a traceback, never executed."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PRODUCT, run, tuples

FILE = f"{PRODUCT}/produkt.yaml"

BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 10) if prev else ', '.join(['x'] * 10)}]\n"
    for prev, name in zip(["", "a", "b", "c", "d", "e", "f", "g"], "abcdefgh", strict=True)
)

CASES: dict[str, tuple[bytes, list[tuple[str, int, int]]]] = {
    "syntax": (b'nummer: "010101"\nbezeichnung: [Buergerbuero\n', [("Y010", 2, 14)]),
    "colon": (b'nummer: "010101"\nbezeichnung: Amt: Buergerbuero\n', [("Y010", 2, 17)]),
    "tab": (b'nummer: "010101"\nbezeichnung: "B"\nziele:\n\t- text: x\n', [("Y011", 4, 1)]),
    "duplicate": (b'nummer: "010101"\nbezeichnung: "B"\nbezeichnung: "C"\n', [("Y012", 3, 1)]),
    "latin1": ('nummer: "010101"\nbezeichnung: "Bürgerbüro"\n'.encode("latin-1"), [("Y004", 2, 16)]),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", [("Y003", 1, 1)]),
    "empty": (b"", [("Y005", 1, 1)]),
    "only-comments": (b"# nichts\n\n", [("Y005", 1, 1)]),
    "list-root": (b"- nummer: '010101'\n", [("Y017", 1, 1)]),
    "scalar-root": (b"Buergerbuero\n", [("Y017", 1, 1)]),
    "documents": (b'nummer: "010101"\nbezeichnung: "B"\n---\nnummer: "2"\n', [("Y013", 3, 1)]),
    "python-tag": (b'nummer: "010101"\nbezeichnung: !!python/object/apply:os.system ["touch /tmp/pwned"]\n',
                   [("Y014", 2, 14)]),
    "unknown-tag": (b'nummer: "010101"\nbezeichnung: !vorlage "B"\n', [("Y014", 2, 14)]),
    "alias-bomb": (b'nummer: "010101"\nbezeichnung: "B"\n' + BOMB.encode(), [("Y016", 8, 1)]),
    "deep-flow": (b'nummer: "010101"\nbezeichnung: ' + b"[" * 5000 + b"]" * 5000 + b"\n", [("Y015", 1, 1)]),
    "huge-number": (b'nummer: "010101"\nbezeichnung: "B"\nziele:\n  - text: x\n    toleranz: 1e999999999\n',
                    [("Y018", 5, 15)]),
    "nan": (b'nummer: "010101"\nbezeichnung: "B"\nziele:\n  - text: x\n    zielwerte:\n      2025: .nan\n',
            [("Y019", 6, 13)]),
    "null-document": (b"~\n", [("Y017", 1, 1)]),
    "null-after-marker": (b"--- ~\n", [("Y017", 1, 1)]),
    "yaml-version": (b'%YAML 1.3\n---\nnummer: "010101"\n', [("Y010", 1, 1)]),
    "utf16": ('nummer: "010101"\n'.encode("utf-16"), [("Y004", 1, 1)]),
    "trailing-tab": (b'nummer: "010101"\t\nbezeichnung: "B"\n', [("Y011", 1, 17)]),
    "tab-separator": (b'nummer:\t"010101"\nbezeichnung: "B"\n', [("Y011", 1, 8)]),
    "comment-inside-value": (b'nummer: "010101"\nbezeichnung: # Name laut Plan\n  Buergerbuero\nproduktart: extrn\n'
                             b"programmbezuege:\n  - {programm: klima, beitrag: x}\n", [("K207", 4, 13)]),
    "empty-value": (b'nummer: "010101"\nbezeichnung:\nzielgruppen: [a]\n'
                    b"programmbezuege:\n  - {programm: klima, beitrag: x}\n", [("S103", 2, 1)]),
    "id-with-newline": (b'nummer: "010101"\nbezeichnung: "B"\naufgabenart: "freiwillig\\n"\n'
                        b"programmbezuege:\n  - {programm: klima, beitrag: x}\n", [("S105", 3, 14)]),
    "bare-tag": (b'nummer: "010101"\nbezeichnung: !\nprogrammbezuege: [{programm: klima, beitrag: x}]\n',
                 [("S103", 2, 1)]),
    "repeated-end-marker": (b'nummer: "010101"\nbezeichnung: "B"\n...\n...\n', [("Y013", 4, 1)]),
    "complex-key": (b'nummer: "010101"\nbezeichnung: "B"\n? [a, b]\n: x\n', [("Y020", 3, 3)]),
    "decimal-comma-flow": (b'nummer: "010101"\nbezeichnung: "B"\nziele:\n  - text: x\n'
                           b'    zielwerte: {2025: 12,5}\n', [("S103", 5, 23)]),
    "infinity": (b'nummer: "010101"\nbezeichnung: "B"\nziele:\n  - text: x\n    zielwerte:\n      2025: -.inf\n',
                 [("Y019", 6, 13)]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_product_file(name: str, catalogue: Path) -> None:
    content, expected = CASES[name]
    (catalogue / FILE).write_bytes(content)
    found = [t for t in tuples(run(catalogue), catalogue) if t[1] == FILE]
    assert found == [(code, FILE, line, column) for code, line, column in expected]


def test_python_tag_is_never_executed(catalogue: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    attack = f'nummer: "010101"\nbezeichnung: !!python/object/apply:os.system ["touch {marker}"]\n'
    (catalogue / FILE).write_text(attack)
    run(catalogue)
    assert not marker.exists()


def test_deep_block_nesting(catalogue: Path) -> None:
    nested = "".join("  " * depth + f"k{depth}:\n" for depth in range(300)) + "  " * 300 + "x: 1\n"
    header = 'nummer: "010101"\nbezeichnung: "B"\nabschnitte:\n'
    (catalogue / FILE).write_text(header + "  " + nested.replace("\n", "\n  ", 299))
    codes = {t[0] for t in tuples(run(catalogue), catalogue) if t[1] == FILE}
    assert "Y015" in codes


def test_file_of_40_megabytes(catalogue: Path) -> None:
    with (catalogue / FILE).open("wb") as stream:
        stream.write(b'nummer: "010101"\nbezeichnung: "')
        stream.truncate(40 * 1024 * 1024)
    result = run(catalogue)
    assert [(f.code, f.line) for f in result.findings if f.file.endswith(FILE)] == [("Y002", None)]
    assert "40,0 MB" in result.findings[0].message


def test_nan_where_money_is_expected(catalogue: Path) -> None:
    plan = catalogue / PRODUCT / "teilergebnisplan.yaml"
    plan.write_text('zeilen:\n  "11":\n    ansatz:\n      2025: .NaN\n'
                    '    ergebnis:\n      2024: 1\n    planung:\n      2026: .inf\n')
    assert tuples(run(catalogue), catalogue) == [
        ("Y019", f"{PRODUCT}/teilergebnisplan.yaml", 4, 13),
        ("Y019", f"{PRODUCT}/teilergebnisplan.yaml", 8, 13),
    ]


def test_yaml_1_2_keeps_what_the_editor_meant(catalogue: Path) -> None:
    """`no` stays text (YAML 1.1 would read False); 011001 unquoted is reported, not turned into 4609."""
    leistung = catalogue / PRODUCT / "leistungen" / "01010101-meldewesen.yaml"
    leistung.write_text('nummer: "01010101"\nbezeichnung: no\nart: extern\n')
    assert tuples(run(catalogue), catalogue) == []
    leistung.write_text("nummer: 01010101\nbezeichnung: Meldewesen\n")
    result = run(catalogue)
    assert [(f.code, f.line, f.column) for f in result.findings] == [("S103", 1, 9)]
    assert 'nummer: "01010101"' in result.findings[0].hint


def test_unreadable_file(catalogue: Path) -> None:
    target = catalogue / FILE
    target.unlink()
    target.symlink_to(catalogue / "gibt-es-nicht.yaml")
    result = run(catalogue)
    assert [(f.code, f.line) for f in result.findings if f.file.endswith(FILE)] == [("Y001", None)]
    assert "kann nicht gelesen werden" in result.findings[0].message


def test_errors_inside_a_value_entry_are_reported(catalogue: Path) -> None:
    figure = catalogue / PRODUCT / "kennzahlen" / "anzahl_faelle.yaml"
    figure.write_text("id: anzahl_faelle\nbezeichnung: Fälle\nart: leistungsdaten\nwerte:\n"
                      "  ergebnis: {2024: {wert: viele}}\n  ansatz: {2025: {wert: 1, vorlaeufig: ja}}\n")
    found = [(code, line, column) for code, file, line, column in tuples(run(catalogue), catalogue)]
    assert found == [("S103", 5, 27), ("S103", 6, 40)]


def test_integral_decimal_counts_as_integer(catalogue: Path) -> None:
    settings = catalogue / "katalog.yaml"
    settings.write_text(settings.read_text().replace("{art: ergebnis, jahr: 2024}", "{art: ergebnis, jahr: 2024.0}"))
    assert tuples(run(catalogue), catalogue) == []


def test_a_pipe_is_refused_not_read(catalogue: Path) -> None:
    import os

    fifo = catalogue / "programme" / "warteschlange.yaml"
    os.mkfifo(fifo)
    assert [t for t in tuples(run(catalogue), catalogue) if t[1].endswith("warteschlange.yaml")] == [
        ("Y001", "programme/warteschlange.yaml", None, None)]
