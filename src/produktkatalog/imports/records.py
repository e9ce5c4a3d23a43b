"""The cells of a source table read as the mapping says: plan amounts and Kennzahl values, each with the line
and cell it came from. Wertarten and years are those of the catalogue's columns; signs are converted later
(``signs``), when the row template tells Ertrag from Aufwand.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from produktkatalog.findings import error, warning
from produktkatalog.imports.accounts import Accounts
from produktkatalog.imports.layout import Layout
from produktkatalog.imports.mapping import Mapping
from produktkatalog.imports.numbers import NotAnAmount, amount
from produktkatalog.imports.source import Row, Table, cell_name
from produktkatalog.imports.values import Amount, FigureEntry, Holder, Records, Where
from produktkatalog.model.numbering import canonical
from produktkatalog.model.values import Period

__all__ = ["Amount", "FigureEntry", "Holder", "Records", "Where", "read_records"]

PLAN_WORDS = {"teilergebnisplan": "ergebnisplan", "teilfinanzplan": "finanzplan", "kennzahl": "kennzahl"}
_FORMULA_START = ("=", "+", "@")


@dataclass
class Reader:
    """Reads the rows of one table; remembers what it reported once (a missing column of the catalogue)."""

    table: Table
    mapping: Mapping
    columns: set[tuple[str, int]]  # (Wertart, year) of every column of the catalogue
    accounts: Accounts
    layout: Layout
    records: Records = field(default_factory=Records)
    seen: dict[tuple[Any, ...], int] = field(default_factory=dict)
    told: set[tuple[str, int]] = field(default_factory=set)
    rows_of_accounts: dict[str, tuple[str | None, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        numbers = self.mapping.part("zahlen")
        self.style = str(numbers.get("format", "deutsch"))
        self.parentheses = numbers.get("klammern_negativ") is True
        self.unsigned = self.mapping.convention == "ohne_vorzeichen"
        self.template = self.mapping.text("vorlage") or None
        self.wertarten: dict[str, str | None] = {}

    def read(self) -> Records:
        for row in self.table.rows:
            if self.layout.selected(row):
                self._row(row)
        return self.records

    def _row(self, row: Row) -> None:
        kind = self._kind(row)
        holder = self._holder(row, kind)
        if holder is None:
            return
        if kind == "kennzahl":
            ident = self.layout.text(row, "kennung")
            leistung = self.layout.text(row, "leistung")
            for period, value, where in self._values(row):
                if self._unique(("kennzahl", holder.key, ident, leistung, period), where):
                    self.records.figures.append(FigureEntry(holder, ident, leistung, period, value, where))
            return
        self._amounts(row, kind, holder)

    def _kind(self, row: Row) -> str:
        if self.mapping.content == "kennzahlen":
            return "kennzahl"
        written = self.layout.text(row, "plan").casefold()
        return PLAN_WORDS.get(written, self.mapping.statement) if written else self.mapping.statement

    def _holder(self, row: Row, kind: str) -> Holder | None:
        number = self.layout.text(row, "nummer")
        level = self.layout.text(row, "ebene") or self.mapping.level
        if kind == "kennzahl" and (not number or level == "gesamt"):
            return Holder("gesamt", "")
        if not number or not canonical(number):
            self._error("I311", row, "nummer", "Die Zeile nennt keine Nummer.",
                        "Jede Zeile braucht die Nummer ihres Produkts (bzw. ihrer Ebene).")
            return None
        return Holder(level, number, self._text(row, "bezeichnung"), canonical(self._text(row, "produktgruppe")),
                      self._text(row, "produktgruppe_bezeichnung"))

    def _text(self, row: Row, role: str) -> str:
        """A text the catalogue may take over; one that would run as a formula is refused (I310)."""
        text = self.layout.text(row, role)
        if text.startswith(_FORMULA_START) or (text.startswith("-") and text[1:2].isalpha()):
            self._error("I310", row, role, f"Der Text „{text[:60]}“ beginnt wie eine Formel; katalog übernimmt ihn "
                        "nicht.", "Entfernen Sie das führende Zeichen in der Quelle.")
            return ""
        return text

    def _amounts(self, row: Row, statement: str, holder: Holder) -> None:
        found = self._row_number(row)
        if found is None:
            return
        number, account = found
        direction = self._direction(row)
        if direction == "":
            return
        template = self.layout.text(row, "vorlage") or self.template
        for period, value, where in self._values(row):
            if self._unique((holder.key, statement, number, account, direction, period), where):
                self.records.amounts.append(Amount(holder, statement, template, number, direction, period, value,
                                                   where, account))

    def _row_number(self, row: Row) -> tuple[str, str] | None:
        if self.layout.has("konto"):
            account = self.layout.text(row, "konto")
            found = self.rows_of_accounts.get(account)
            if found is None:
                found = self.rows_of_accounts[account] = self.accounts.row(account)
            number, proposal = found
            if number is None:
                hint = (f"Der Kontenrahmen schlägt Zeile {proposal.row} vor ({proposal.status}); bestätigen Sie das "
                        f"in einer eigenen Zuordnung unter konten: {{\"{proposal.prefix}\": \"{proposal.row}\"}}."
                        if proposal is not None and proposal.row else
                        "Ordnen Sie das Konto in einer eigenen Zuordnung unter konten einer Zeile zu.")
                self._error("I311", row, "konto", f"Das Konto „{account}“ ist keiner Zeile sicher zugeordnet.", hint)
                return None
            return number, "".join(ch for ch in account if ch.isdigit())
        label = self.layout.text(row, "zeile")
        match = self.mapping.row_pattern.match(label)
        if match is None or not match.group("nummer"):
            self._error("I311", row, "zeile", f"In „{label[:60]}“ steht keine Zeilennummer.",
                        "Die Zeile beginnt mit ihrer Nummer, z. B. „04 - Öffentlich-rechtliche Leistungsentgelte“.")
            return None
        return match.group("nummer").strip(), ""

    def _direction(self, row: Row) -> str | None:
        """ertrag, aufwand or summe from the direction column; None without one; "" if unknown (reported)."""
        if not self.unsigned:
            return None
        word = self.layout.text(row, "richtung").casefold()
        for direction in ("ertrag", "aufwand", "summe"):
            if word in self.mapping.words(direction):
                return direction
        self._error("I318", row, "richtung", f"Die Richtung „{word}“ ist weder Ertrag noch Aufwand.",
                    "Die Zuordnung nennt unter vorzeichen die Wörter für ertrag, aufwand und summe.")
        return ""

    def _values(self, row: Row) -> Iterator[tuple[Period, Decimal, Where]]:
        for column, wertart, year in self.layout.value_cells(row):
            period = self._period(row, column, wertart, year)
            if period is None:
                continue
            cell = row.cells[column - 1]
            where = Where(row.line, column, self._cell_name(row.line, column))
            try:
                value = amount(cell, self.style, self.parentheses)
            except NotAnAmount:
                self._bad_amount(cell, where)
                continue
            if value is not None:
                yield period, value, where

    def _period(self, row: Row, column: int, word: str, year: int | None) -> Period | None:
        if word not in self.wertarten:
            self.wertarten[word] = self.mapping.wertart(word)
        wertart = self.wertarten[word]
        if year is None or wertart is None:
            self._error("I317", row, column, f"Wertart „{word}“ oder Jahr „{year or ''}“ ist nicht zu erkennen.",
                        "Die Zuordnung nennt unter wertarten die Wörter der Quelle.", warn=True)
            return None
        if wertart == "plan":
            wertart = "ansatz" if ("ansatz", year) in self.columns else "planung"
        if wertart != "ziel" and (wertart, year) not in self.columns:
            if (wertart, year) not in self.told:
                self.told.add((wertart, year))
                self._error("I317", row, column, f"Der Katalog hat keine Spalte {Period(wertart, year)}; die Werte "
                            "dieser Spalte bleiben weg.", "Ergänzen Sie die Spalte in katalog.yaml unter spalten, "
                            "wenn sie übernommen werden soll.", warn=True)
            return None
        return Period(wertart, year)

    def _cell_name(self, line: int, column: int) -> str:
        return cell_name(self.table, line, column)

    def _bad_amount(self, cell: Any, where: Where) -> None:
        text = str(cell)
        if text.strip().startswith(_FORMULA_START):
            self.records.findings.append(error(
                "I310", self.table.file, f"{where.cell}: „{text[:60]}“ ist eine Formel, kein Betrag; katalog "
                "übernimmt sie nicht.", "Tragen Sie den Betrag als Zahl ein.", line=where.line, column=where.column))
            return
        style = self.mapping.part("zahlen").get("format", "deutsch")
        example = "1.234.567,89" if style == "deutsch" else "1234567.89"
        self.records.findings.append(error(
            "I308", self.table.file, f"{where.cell}: „{text[:60]}“ ist kein Betrag im Format {style} (z. B. "
            f"{example}).", "Korrigieren Sie die Zelle, oder stellen Sie in der Zuordnung unter zahlen das Format "
            "der Datei ein.", line=where.line, column=where.column))

    def _unique(self, key: tuple[Any, ...], where: Where) -> bool:
        first = self.seen.setdefault(key, where.line)
        if first == where.line:
            return True
        self.records.findings.append(error(
            "I309", self.table.file, f"{where.cell}: Derselbe Wert steht schon in Zeile {first}.",
            "Entfernen Sie die doppelte Zeile oder unterscheiden Sie sie (Nummer, Zeile, Wertart, Jahr).",
            line=where.line, column=where.column))
        return False

    def _error(self, code: str, row: Row, role: str | int, message: str, hint: str, warn: bool = False) -> None:
        column = role if isinstance(role, int) else self.layout.column(role) or 1
        make = warning if warn else error
        self.records.findings.append(make(code, self.table.file, f"{cell_name(self.table, row.line, column)}: "
                                          f"{message}", hint, line=row.line, column=column))


def read_records(table: Table, mapping: Mapping, columns: set[tuple[str, int]], accounts: Accounts) -> Records:
    layout, findings = Layout.of(table, mapping)
    if any(f.is_error for f in findings):
        return Records(findings=findings)
    records = Reader(table, mapping, columns, accounts, layout).read()
    records.findings[:0] = findings
    return records
