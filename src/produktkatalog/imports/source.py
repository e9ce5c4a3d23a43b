"""A source file as a table of cells with their line numbers: CSV in any delimiter and in UTF-8 (with or
without byte-order mark) or Windows-1252, XLSX/XLS/ODS through calamine. Every problem is a finding with
file and line; nothing here raises for bad input.

Encoding rule, never a guess: a UTF-8 byte-order mark or valid UTF-8 is UTF-8; otherwise the file is read as
Windows-1252 (which covers Latin-1's letters) and katalog says so (I304). Detecting a charset from byte
statistics named a Windows-1252 file Windows-1250 or CP862 in our measurements, so katalog does not.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from produktkatalog.findings import Finding, error, warning
from produktkatalog.system.oserror import reason

MAX_SOURCE_BYTES = 256 * 1024 * 1024
SPREADSHEETS = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
_DELIMITERS = ";,\t|"
_SAMPLE = 64 * 1024


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # of the file (CSV: the physical line the record starts on; spreadsheets: the sheet row)
    cells: list[Any]  # text; numbers and dates too for spreadsheets


@dataclass
class Table:
    file: str  # as shown in findings
    headings: list[str]
    rows: list[Row]
    letters: bool = False  # spreadsheet: cells are named like F12


@dataclass(frozen=True)
class Options:
    delimiter: str | None = None
    encoding: str | None = None
    header: int = 1
    sheet: str | None = None


def read(path: Path, shown: str, options: Options, limit: int = MAX_SOURCE_BYTES) -> tuple[Table | None, list[Finding]]:
    problem = _unreadable(path, shown, limit)
    if problem is not None:
        return None, [problem]
    if path.suffix.lower() in SPREADSHEETS:
        return _spreadsheet(path, shown, options)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error("I301", shown, f"Die Datei kann nicht gelesen werden ({reason(exc)}).", line=1, column=1)]
    text, findings = decode(raw, shown, options.encoding)
    if text is None:
        return None, findings
    table, more = _csv(text, shown, options)
    return table, findings + more


def _unreadable(path: Path, shown: str, limit: int) -> Finding | None:
    try:
        info = os.stat(path)
    except OSError as exc:
        return error("I301", shown, f"Die Quelldatei gibt es nicht oder sie ist nicht lesbar ({reason(exc)}).",
                     "Prüfen Sie den Pfad.")
    if not stat.S_ISREG(info.st_mode):
        return error("I301", shown, "Die Quelle ist keine gewöhnliche Datei (sondern ein Ordner, Gerät oder eine "
                     "Pipe).", "Nennen Sie eine CSV-, XLSX- oder ODS-Datei.")
    if info.st_size > limit:
        size = f"{info.st_size / 1024 / 1024:,.0f}".replace(",", ".")
        return error("I302", shown, f"Die Quelldatei ist {size} MB groß; katalog import liest höchstens "
                     f"{limit // 1024 // 1024} MB.", "Teilen Sie die Datei, z. B. je Produktbereich oder Jahr.",
                     line=1, column=1)
    return None


def decode(raw: bytes, shown: str, stated: str | None) -> tuple[str | None, list[Finding]]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [error("I303", shown, "Die Datei ist in UTF-16 gespeichert.",
                            "Speichern Sie sie als CSV (UTF-8) oder CSV (Trennzeichen-getrennt).", line=1, column=1)]
    if b"\x00" in raw[:_SAMPLE]:
        return None, [error("I303", shown, "Die Datei enthält Nullbytes; sie ist keine Textdatei.",
                            "Nennen Sie eine CSV-, XLSX- oder ODS-Datei.", line=1, column=1)]
    if raw.startswith(b"\xef\xbb\xbf") or stated == "utf-8":
        return _strict(raw.removeprefix(b"\xef\xbb\xbf"), "utf-8", shown)
    if stated == "cp1252":
        return _strict(raw, "cp1252", shown)
    text, _ = _strict(raw, "utf-8", shown)
    if text is not None:
        return text, []
    text, problems = _strict(raw, "cp1252", shown)
    if text is None:
        return None, problems
    return text, [warning("I304", shown, "Die Datei ist kein gültiges UTF-8; katalog hat sie als Windows-1252 "
                          "gelesen.", "Stimmt die Kodierung, legen Sie sie in der Zuordnung fest (datei: "
                          "{kodierung: cp1252}); sonst speichern Sie die Datei als UTF-8.", line=1, column=1)]


def _strict(raw: bytes, encoding: str, shown: str) -> tuple[str | None, list[Finding]]:
    try:
        return raw.decode(encoding), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        name = "UTF-8" if encoding == "utf-8" else "Windows-1252"
        return None, [error("I303", shown, f"Die Datei ist weder UTF-8 noch Windows-1252: Byte 0x{raw[exc.start]:02x}"
                            f" ist in {name} ungültig.", "Speichern Sie die Datei als CSV (UTF-8).",
                            line=line, column=column)]


def _csv(text: str, shown: str, options: Options) -> tuple[Table | None, list[Finding]]:
    delimiter = options.delimiter or sniffed(text[:_SAMPLE])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    rows: list[Row] = []
    headings: list[str] | None = None
    findings: list[Finding] = []
    start = 1
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            if headings is None:
                if line >= options.header:
                    headings = [cell.strip() for cell in record]
                continue
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(headings):
                findings.append(_ragged(shown, line, len(record), len(headings)))
                continue
            rows.append(Row(line, record))
    except csv.Error as exc:
        findings.append(error("I305", shown, f"Die Zeile lässt sich nicht als CSV lesen ({exc}).", line=start,
                              column=1))
    if headings is None:
        return None, [*findings, error("I307", shown, "Die Datei hat keine Kopfzeile.", line=1, column=1)]
    return Table(shown, headings, rows), findings


def _ragged(shown: str, line: int, found: int, expected: int) -> Finding:
    return error("I305", shown, f"Die Zeile hat {found} Felder, die Kopfzeile {expected}.",
                 "Prüfen Sie Trennzeichen und Anführungszeichen in dieser Zeile.", line=line, column=1)


def sniffed(sample: str) -> str:
    """The delimiter of a CSV sample: csv.Sniffer among ; , tab |, else the one most frequent in the first line."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        first = sample.split("\n", 1)[0]
        return max(_DELIMITERS, key=first.count)


def _spreadsheet(path: Path, shown: str, options: Options) -> tuple[Table | None, list[Finding]]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
        name = options.sheet or (names[0] if names else None)
        if name not in names:
            return None, [error("I301", shown, f"Ein Tabellenblatt „{options.sheet}“ gibt es nicht.",
                                f"Blätter: {', '.join(names)}.", line=1, column=1)]
        cells = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises its own error types for any damaged file
        return None, [error("I301", shown, f"Die Tabelle lässt sich nicht öffnen ({type(exc).__name__}: {exc}).",
                            "Speichern Sie sie in Excel oder LibreOffice neu, oder exportieren Sie sie als CSV.",
                            line=1, column=1)]
    if len(cells) < options.header:
        return None, [error("I307", shown, "Das Tabellenblatt hat keine Kopfzeile.", line=1, column=1)]
    headings = [str(cell).strip() for cell in cells[options.header - 1]]
    rows = [Row(number, list(record) + [""] * (len(headings) - len(record)))
            for number, record in enumerate(cells[options.header:], start=options.header + 1)
            if any(cell not in ("", None) for cell in record)]
    return Table(shown, headings, rows, letters=True), []


def cell_name(table: Table, line: int, column: int) -> str:
    """How a finding names a cell: ``F12`` in a spreadsheet, the column heading in a CSV file."""
    if table.letters:
        from openpyxl.utils import get_column_letter

        return f"Zelle {get_column_letter(column)}{line}"
    return f"Spalte „{table.headings[column - 1]}“"
