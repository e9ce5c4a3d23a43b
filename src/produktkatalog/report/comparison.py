"""The interkommunaler Vergleich as a table for people and as a long CSV (one row per Kommune and value)."""

from __future__ import annotations

import csv
from decimal import Decimal
from typing import TextIO

from produktkatalog.present.comparison import Comparison
from produktkatalog.present.spreadsheet import neutral

CSV_COLUMNS = ("produktgruppe", "produktgruppe_bezeichnung", "kennung", "kennzahl", "einheit", "kommune", "wertart",
               "jahr", "wert", "anzeige", "kein_wert")


def write_text(comparison: Comparison, stream: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream, highlight=False, width=None if stream.isatty() else 160)
    table = Table(title=f"Vergleich {comparison.year}: Kennzahlen je IMK-Produktgruppe", title_justify="left")
    table.add_column("Produktgruppe")
    table.add_column("Kennzahl")
    for column in comparison.columns:
        table.add_column(f"{column.kommune}\n{column.period or 'keine Spalte'}", justify="right")
    for line in comparison.lines:
        table.add_row(f"{line.group} {line.group_name}".strip(), line.name,
                      *(line.shown(index) for index in range(len(comparison.columns))))
    console.print(table)


def write_csv(comparison: Comparison, stream: TextIO) -> None:
    writer = csv.writer(stream, delimiter=";", lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for line in comparison.lines:
        for index, column in enumerate(comparison.columns):
            value = line.values[index]
            number = isinstance(value, Decimal)
            period = column.period
            writer.writerow([line.group, neutral(line.group_name), line.ident, neutral(line.name), neutral(line.unit),
                             neutral(column.kommune), period.wertart if period else "", comparison.year,
                             format(value, "f").replace(".", ",") if number else "",
                             line.shown(index) if number else "", "" if number else getattr(value, "reason", "")])
