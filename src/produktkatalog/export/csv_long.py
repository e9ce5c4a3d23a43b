"""``katalog export --format csv``: every plan value and Kennzahl value in one long table.

One row per (Kommune, Ebene, Nummer, Zeile or Kennung, Wertart, Jahr): ``wert`` in full precision with a
decimal point, ``anzeige`` rounded, ``herkunft`` whether the value is stated in the catalogue, computed from its
rows or formula, or a roll-up; ``vorzeichen`` the sign convention of a plan value, always ``aufwand_negativ`` (as
katalog computes, whatever the catalogue enters or shows), so a program reading the table needs no second rule.
``katalog import`` reads this file back without a profile. The ``--excel`` variant writes ``;``, a decimal
comma, German headings and a byte-order mark, so a German spreadsheet opens it as it is.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from decimal import Decimal
from typing import TextIO

from produktkatalog.export.records import COMPUTED, PLAN_SOURCES, STATED, Catalogue, FigureValue, PlanValue
from produktkatalog.model.conventions import CANONICAL
from produktkatalog.present.spreadsheet import neutral
from produktkatalog.wording.numbers import number

COLUMNS = ("kommune", "haushaltsjahr", "ebene", "nummer", "bezeichnung", "quelle", "vorlage", "zeile", "kennung",
           "leistung", "name", "einheit", "wertart", "jahr", "wert", "anzeige", "herkunft", "vorzeichen", "spalte",
           "vorlaeufig")
HEADINGS = ("Kommune", "Haushaltsjahr", "Ebene", "Nummer", "Bezeichnung", "Quelle", "Vorlage", "Zeile", "Kennung",
            "Leistung", "Name", "Einheit", "Wertart", "Jahr", "Wert", "Anzeige", "Herkunft", "Vorzeichen", "Spalte",
            "Vorläufig")
BOM = "\ufeff"


def write(catalogues: list[Catalogue], stream: TextIO, excel: bool = False) -> int:
    """Writes the table; returns the number of value rows."""
    if excel:
        stream.write(BOM)
    writer = csv.writer(stream, delimiter=";" if excel else ",", lineterminator="\r\n" if excel else "\n")
    writer.writerow(HEADINGS if excel else COLUMNS)
    count = 0
    for catalogue in catalogues:
        for row in _rows(catalogue, excel):
            writer.writerow(row)
            count += 1
    return count


def _rows(catalogue: Catalogue, excel: bool) -> Iterator[list[str]]:
    head = [neutral(catalogue.kommune), str(catalogue.year or "")]
    listing = catalogue.listing
    columns = {period: [neutral(listing.heading(period)), "ja" if listing.provisional(period) else ""]
               for period in catalogue.periods}
    for value in catalogue.plan_values():
        yield head + _plan(value, excel) + columns.get(value.period, ["", ""])
    for figure in catalogue.figure_values():
        if isinstance(figure.value, Decimal):
            yield head + _figure(figure, excel) + columns.get(figure.period, ["", ""])


def _plan(value: PlanValue, excel: bool) -> list[str]:
    holder = value.holder
    return [holder.level, holder.number, neutral(holder.name), PLAN_SOURCES[value.statement], value.template,
            value.row, "", "", neutral(value.row_name), value.unit, value.period.wertart, str(value.period.year),
            _plain(value.value, excel), number(value.value, 2), value.origin, CANONICAL]


def _figure(found: FigureValue, excel: bool) -> list[str]:
    holder, figure = found.holder, found.line.figure
    assert isinstance(found.value, Decimal)
    origin = COMPUTED if figure.text("formel") or figure.shipped else STATED
    return [holder.level, holder.number, neutral(holder.name), "kennzahl", "", "", figure.ident,
            figure.text("leistung") or "", neutral(figure.text("bezeichnung") or ""), neutral(found.line.unit),
            found.period.wertart, str(found.period.year), _plain(found.value, excel), found.display, origin, ""]


def _plain(value: Decimal, excel: bool) -> str:
    text = format(value, "f")
    return text.replace(".", ",") if excel else text
