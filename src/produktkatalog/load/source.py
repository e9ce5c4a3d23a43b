"""Read a file's bytes and turn them into text, or into a finding."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from produktkatalog.findings import Finding, error
from produktkatalog.load.limits import MAX_FILE_BYTES
from produktkatalog.system.oserror import reason

_BOM = "\ufeff"


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def read_bytes(path: str | Path, shown: str) -> bytes | Finding:
    """At most the size limit of a regular file; a pipe or device is refused, never waited on, and a symbolic
    link is never followed (see ``linked_file``)."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | _NO_FOLLOW)
        with os.fdopen(handle, "rb") as stream:
            status = os.fstat(handle)
            if not stat.S_ISREG(status.st_mode):
                return error("Y001", shown, "Das ist keine gewöhnliche Datei (sondern z. B. ein Gerät oder eine "
                             "Pipe).", "Legen Sie im Katalog nur YAML-Textdateien ab.")
            if status.st_size > MAX_FILE_BYTES:  # known before reading a byte
                return _too_large(shown, status.st_size)
            raw = stream.read(MAX_FILE_BYTES + 1)
            if len(raw) > MAX_FILE_BYTES:
                return _too_large(shown, os.fstat(handle).st_size)
        return raw
    except OSError as exc:
        if exc.errno == errno.ELOOP and os.path.islink(path):
            return linked_file(shown)
        return error("Y001", shown, f"Die Datei kann nicht gelesen werden ({reason(exc)}).",
                     "Prüfen Sie, ob die Datei existiert und lesbar ist.")


def linked_file(shown: str) -> Finding:
    """A catalogue file that is a symbolic link: named, never read, whatever it points to."""
    return error("Y001", shown, "Die Datei kann nicht gelesen werden: Sie ist eine Verknüpfung (symbolischer Link). "
                 "katalog folgt Verknüpfungen nicht, denn sie könnten auf beliebige Dateien des Rechners zeigen.",
                 "Legen Sie die Datei selbst in den Katalog statt einer Verknüpfung.")


def linked_folder(shown: str) -> Finding:
    return error("Y001", shown, "Der Ordner ist eine Verknüpfung (symbolischer Link); katalog liest die Dateien "
                 "darin nicht, denn eine Verknüpfung könnte auf beliebige Ordner des Rechners zeigen.",
                 "Legen Sie den Ordner selbst in den Katalog statt einer Verknüpfung.")


def decode(raw: bytes, shown: str) -> str | Finding:
    if len(raw) > MAX_FILE_BYTES:
        return _too_large(shown, len(raw))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return error("Y004", shown, "Die Datei ist in UTF-16 gespeichert, nicht in UTF-8.",
                     "Speichern Sie die Datei im Editor mit der Kodierung UTF-8.", line=1, column=1)
    if b"\x00" in raw:
        return error("Y003", shown, "Die Datei enthält Binärdaten (Nullbytes) und ist keine YAML-Textdatei.",
                     "Legen Sie im Katalog nur YAML-Textdateien ab.", line=1, column=1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position_of_offset(raw, exc.start)
        return error("Y004", shown,
                     f"Die Datei ist nicht in UTF-8 kodiert (ungültiges Byte 0x{raw[exc.start]:02x}).",
                     "Speichern Sie die Datei im Editor mit der Kodierung UTF-8.", line=line, column=column)
    text = text.removeprefix(_BOM)
    if not text.strip() or all(_is_comment_or_blank(line) for line in text.splitlines()):
        return error("Y005", shown, "Die Datei ist leer.",
                     "Füllen Sie die Datei oder löschen Sie sie.", line=1, column=1)
    return text


def _too_large(shown: str, size: int) -> Finding:
    megabytes = f"{size / 1024 / 1024:.1f}".replace(".", ",")
    return error("Y002", shown,
                 f"Die Datei ist {megabytes} MB groß; erlaubt sind höchstens {MAX_FILE_BYTES // 1024 // 1024} MB.",
                 "Eine Katalogdatei beschreibt ein Produkt, eine Leistung oder eine Kennzahl; "
                 "teilen Sie große Dateien auf.")


def _position_of_offset(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return before.count(b"\n") + 1, column


def _is_comment_or_blank(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#") or stripped in ("---", "...")
