"""The mapping (Zuordnung) of a source file: a shipped profile or the user's YAML file, checked against
``zuordnung.schema.json``; and the recognition of katalog's own export by its headings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from produktkatalog.findings import Finding, error
from produktkatalog.load import load_document
from produktkatalog.load.source import read_bytes
from produktkatalog.model.framework import shipped
from produktkatalog.schema import schema_set
from produktkatalog.system.resources import reference_dir

PROFILES_FOLDER = "zuordnungen"
EXPORT_PROFILES = ("katalog-export", "katalog-export-excel")  # recognised by their headings, chosen by none
KATALOG_WORDS = ("ergebnis", "ansatz", "planung", "ziel")


@dataclass(frozen=True)
class Mapping:
    data: dict[str, Any]
    file: str  # where it comes from, for findings
    positions: dict[tuple[Any, ...], tuple[int, int]] = field(default_factory=dict)

    def text(self, key: str, default: str = "") -> str:
        value = self.data.get(key)
        return value if isinstance(value, str) else default

    def part(self, key: str) -> dict[str, Any]:
        value = self.data.get(key)
        return value if isinstance(value, dict) else {}

    @property
    def content(self) -> str:
        return self.text("inhalt", "plan")

    @property
    def level(self) -> str:
        return self.text("ebene", "produkt")

    @property
    def statement(self) -> str:
        return self.text("plan", "ergebnisplan")

    @property
    def convention(self) -> str:
        return str(self.part("vorzeichen").get("konvention", "aufwand_negativ"))

    def headings(self, role: str) -> list[str]:
        """The headings a column of ``role`` may have, in order of preference."""
        value = self.part("spalten").get(role)
        if role == "richtung":
            value = self.part("vorzeichen").get("spalte")
        return [value] if isinstance(value, str) else [v for v in value or [] if isinstance(v, str)]

    def words(self, role: str) -> set[str]:
        return {word.strip().casefold() for word in self.part("vorzeichen").get(role, []) if isinstance(word, str)}

    def wertart(self, word: str) -> str | None:
        """ergebnis, ansatz, planung, ziel or plan for a word of the source; katalog's own words always."""
        given = {key.strip().casefold(): value for key, value in self.part("wertarten").items()}
        found = given.get(word.strip().casefold())
        if found is None and word.strip().casefold() in KATALOG_WORDS:
            return word.strip().casefold()
        return str(found) if found is not None else None

    @property
    def year_columns(self) -> re.Pattern[str] | None:
        pattern = self.text("jahresspalten")
        return re.compile(pattern) if pattern else None

    @property
    def row_pattern(self) -> re.Pattern[str]:
        return re.compile(self.part("zeilen").get("muster") or r"^\s*(?P<nummer>[0-9A-Za-z][0-9A-Za-z.]*)")


def profiles() -> list[str]:
    """The names of the shipped profiles a user can choose with --profil."""
    names = sorted(path.stem for path in (reference_dir() / PROFILES_FOLDER).glob("*.yaml"))
    return [name for name in names if name not in EXPORT_PROFILES]


def profile(name: str) -> Mapping | Finding:
    if name not in (*profiles(), *EXPORT_PROFILES):
        return error("I316", name, f"Ein Profil „{name}“ gibt es nicht.", f"Profile: {', '.join(profiles())}.")
    data = shipped(f"{PROFILES_FOLDER}/{name}.yaml")
    return Mapping(data, f"Profil {name}")


def own_mapping(path: Path) -> Mapping | list[Finding]:
    """The user's mapping file, or its findings: YAML problems, schema violations, bad regular expressions."""
    from produktkatalog.schema.validate import schema_findings

    shown = path.as_posix()
    raw = read_bytes(path, shown)
    if isinstance(raw, Finding):
        return [_as_mapping_finding(raw)]
    document = load_document(raw, shown)
    if document.data is None:
        return [_as_mapping_finding(f) for f in document.findings]
    found = [*document.findings, *schema_findings(document, "zuordnung", schema_set())]
    found += _pattern_findings(document.data, shown)
    if found:
        placed = [_as_mapping_finding(f).positioned(*document.position(f.path, f.at_key)) if f.line is None
                  else _as_mapping_finding(f) for f in found]
        return sorted(placed, key=Finding.sort_key)
    return Mapping(document.data, shown)


def _as_mapping_finding(finding: Finding) -> Finding:
    """A finding about the mapping file keeps its text; its code says it stops the import."""
    message = finding.message if finding.code == "I316" else f"{finding.message} ({finding.code})"
    return Finding("I316", finding.severity, finding.file, message, finding.hint,
                   finding.line, finding.column, finding.path, finding.at_key, finding.offset)


def _pattern_findings(data: dict[str, Any], shown: str) -> list[Finding]:
    found = []
    for path, groups in ((("jahresspalten",), ("wertart", "jahr")), (("zeilen", "muster"), ("nummer",))):
        value: Any = data
        for step in path:
            value = value.get(step) if isinstance(value, dict) else None
        if not isinstance(value, str):
            continue
        try:
            compiled = re.compile(value)
        except re.error as problem:
            found.append(error("I316", shown, f"Der reguläre Ausdruck unter {' › '.join(path)} ist fehlerhaft: "
                               f"{problem.msg}.", "Prüfen Sie Klammern und Sonderzeichen.", path=path))
            continue
        missing = [group for group in groups if group not in compiled.groupindex]
        if missing:
            found.append(error("I316", shown, f"Der Ausdruck unter {' › '.join(path)} hat keine Gruppe "
                               f"{', '.join(f'(?P<{g}>…)' for g in missing)}.",
                               "Benennen Sie die Teile mit (?P<name>…).", path=path))
    return found


def recognised(headings: list[str]) -> str | None:
    """The export profile whose headings the source has exactly: katalog's own csv, plain or for Excel."""
    from produktkatalog.export.csv_long import COLUMNS, HEADINGS

    cleaned = tuple(h.strip() for h in headings)
    if cleaned == COLUMNS:
        return "katalog-export"
    if cleaned == HEADINGS:
        return "katalog-export-excel"
    return None
