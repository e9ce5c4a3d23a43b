"""Which column of a source table holds what, as the mapping names it: columns found by their headings (the
first heading of a list that the table has), value columns of the wide form by the ``jahresspalten`` pattern,
and the findings for columns the mapping needs but the table lacks (I307) or the table has but nobody reads
(I306)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from produktkatalog.findings import Finding, error, warning
from produktkatalog.imports.mapping import Mapping
from produktkatalog.imports.source import Row, Table

ROLES = ("nummer", "bezeichnung", "produktgruppe", "produktgruppe_bezeichnung", "produktbereich",
         "produktbereich_bezeichnung", "zeile", "konto", "jahr", "wertart", "betrag", "kennung", "leistung", "plan",
         "ebene", "vorlage", "richtung")


@dataclass
class Layout:
    columns: dict[str, int] = field(default_factory=dict)  # role → 1-based column
    wide: list[tuple[int, str, int | None]] = field(default_factory=list)  # (column, Wertart word, year)
    selection: list[tuple[int, set[str]]] = field(default_factory=list)

    @classmethod
    def of(cls, table: Table, mapping: Mapping) -> tuple[Layout, list[Finding]]:
        layout = cls()
        positions = {heading: index for index, heading in reversed(list(enumerate(table.headings, start=1)))}
        for role in ROLES:
            found = next((positions[h.strip()] for h in mapping.headings(role) if h.strip() in positions), None)
            if found is not None:
                layout.columns[role] = found
        pattern = mapping.year_columns
        if pattern is not None:
            for index, heading in enumerate(table.headings, start=1):
                match = pattern.match(heading)
                if match:
                    year = match.group("jahr")
                    layout.wide.append((index, match.group("wertart"), int(year) if year.isdigit() else None))
        for heading, values in mapping.part("auswahl").items():
            if heading in positions:
                layout.selection.append((positions[heading], {str(v) for v in values}))
        return layout, layout._missing(table, mapping) + layout._unknown(table, mapping)

    def has(self, role: str) -> bool:
        return role in self.columns

    def column(self, role: str) -> int | None:
        return self.columns.get(role)

    def text(self, row: Row, role: str) -> str:
        index = self.columns.get(role)
        if index is None:
            return ""
        value: Any = row.cells[index - 1]
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # a spreadsheet number in a code column: 4110 is "4110"
        return "" if value is None else str(value).strip()

    def selected(self, row: Row) -> bool:
        return all(str(row.cells[index - 1]).strip() in values for index, values in self.selection)

    def value_cells(self, row: Row) -> Iterator[tuple[int, str, int | None]]:
        """(column, Wertart word, year) of each value of the row: the wide columns, or the long form's one."""
        if self.wide:
            yield from self.wide
            return
        year = self.text(row, "jahr")
        yield self.columns["betrag"], self.text(row, "wertart"), int(year) if year.isdigit() else None

    def _missing(self, table: Table, mapping: Mapping) -> list[Finding]:
        needed = ["nummer"] if mapping.content == "plan" else ["kennung"]
        if mapping.content == "plan":
            needed.append("konto" if mapping.headings("konto") and not mapping.headings("zeile") else "zeile")
        if not self.wide:  # the long form, or a wide one whose year columns are missing
            needed += ["jahr", "wertart", "betrag"]
        if mapping.convention == "ohne_vorzeichen" and mapping.content == "plan":
            needed.append("richtung")
        found = []
        for role in needed:
            if role not in self.columns:
                names = " oder ".join(f"„{h}“" for h in mapping.headings(role)) or "(keine angegeben)"
                found.append(error("I307", table.file, f"Die Spalte für {role} fehlt: gesucht {names}.",
                                   f"Spalten der Datei: {', '.join(table.headings)}. Passen Sie die Zuordnung an "
                                   "(--zuordnung DATEI).", line=1, column=1))
        return found

    def _unknown(self, table: Table, mapping: Mapping) -> list[Finding]:
        used = set(self.columns.values()) | {column for column, _, _ in self.wide}
        used |= {column for column, _ in self.selection}
        ignored = {str(h).strip() for h in mapping.data.get("ignorieren", []) if isinstance(h, str)}
        return [warning("I306", table.file, f"Die Spalte „{heading}“ kennt die Zuordnung nicht; katalog liest sie "
                        "nicht.", "Nennen Sie sie in der Zuordnung unter spalten oder ignorieren.", line=1,
                        column=index)
                for index, heading in enumerate(table.headings, start=1)
                if index not in used and heading not in ignored]
