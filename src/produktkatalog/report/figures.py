"""Computed figures for people (a table per product), for spreadsheets (CSV) and for machines (JSON)."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from itertools import groupby
from typing import Any, TextIO

from produktkatalog import __version__
from produktkatalog.compute.goals import Achievement, GoalResult
from produktkatalog.model.values import NoValue, Outcome, Period
from produktkatalog.present.figures import LIGHTS, FigureLine, Listing, display_rounded, plain, shown
from produktkatalog.present.spreadsheet import neutral
from produktkatalog.report.json_report import record
from produktkatalog.wording.numbers import number

_LIGHT_STYLE = {"gruen": "green", "gelb": "yellow", "rot": "bold red"}


def write_text(listings: list[Listing], stream: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream, highlight=False, width=None if stream.isatty() else 160)
    for listing in listings:
        headers = [str(period) for period in listing.periods]
        for label, lines in groupby(listing.lines(), key=lambda line: line.label):
            table = Table(title=label, title_justify="left", show_lines=False)
            table.add_column("Kennzahl")
            table.add_column("Einheit")
            for header in headers:
                table.add_column(header, justify="right")
            for line in lines:
                name = line.figure.text("bezeichnung") or line.figure.ident
                table.add_row(name, line.unit, *(line.shown(period) for period in listing.periods))
            console.print(table)
        goals = listing.goals()
        if goals:
            console.print(_goal_table(listing, goals))


def _goal_table(listing: Listing, goals: list[GoalResult]) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Zielerreichung (Wert ÷ Zielwert, Ampel)", title_justify="left")
    table.add_column("Produkt")
    table.add_column("Ziel")
    table.add_column("Zielkennzahl")
    for period in listing.periods:
        table.add_column(str(period), justify="right")
    year = _budget_year(listing)
    for goal in goals:
        for written, achievements in goal.achievements.items():
            by_year = {a.period: a for a in achievements}
            cells = [_light_text(by_year.get(period), Text) for period in listing.periods]
            table.add_row(goal.entry.number, listing.filled_text(goal, year), written, *cells)
    return table


def _light_text(achievement: Achievement | None, text_type: Any) -> Any:
    if achievement is None or achievement.light is None:
        return text_type("—")
    degree = f"{number(achievement.degree, 1)} %" if achievement.degree is not None else ""
    return text_type(f"{LIGHTS[achievement.light]} {degree}".strip(), style=_LIGHT_STYLE[achievement.light])


def _budget_year(listing: Listing) -> int | None:
    settings = listing.computation.index.catalogue.settings
    year = settings.data.get("haushaltsjahr") if settings else None
    return int(year) if isinstance(year, (int, Decimal)) and not isinstance(year, bool) else None


CSV_COLUMNS = ("kommune", "ebene", "nummer", "bezeichnung_ebene", "kennung", "leistung", "kennzahl", "einheit",
               "wertart", "jahr", "wert", "anzeige", "kein_wert", "gerundet")
EXCEL_HEADINGS = ("Kommune", "Ebene", "Nummer", "Bezeichnung der Ebene", "Kennung", "Leistung", "Kennzahl", "Einheit",
                  "Wertart", "Jahr", "Wert (ungerundet)", "Anzeige", "Kein Wert", "Wert (gerundet)")


def write_csv(listings: list[Listing], stream: TextIO, excel: bool = False) -> None:
    """One row per value; semicolons and decimal commas, as German spreadsheets expect. ``wert`` keeps full
    precision, ``gerundet`` is the number as displayed (rounded, without unit). ``excel``: German headings
    and a byte-order mark, so Excel reads the umlauts."""
    if excel:
        stream.write("\ufeff")
    writer = csv.writer(stream, delimiter=";", lineterminator="\r\n" if excel else "\n")
    writer.writerow(EXCEL_HEADINGS if excel else CSV_COLUMNS)
    for listing in listings:
        kommune = _kommune(listing)
        for line in listing.lines():
            for period in listing.periods:
                value = line.values.get(period, NoValue(""))
                writer.writerow([neutral(kommune), line.owner.level, line.number, neutral(line.label),
                                 line.figure.ident, line.figure.text("leistung") or "",
                                 neutral(line.figure.text("bezeichnung") or ""), neutral(line.unit), period.wertart,
                                 period.year, *_number_cells(value, line)])


def _number_cells(value: Outcome, line: FigureLine) -> list[str]:
    """wert, anzeige, kein_wert, gerundet."""
    if isinstance(value, NoValue):
        return ["", "", value.reason, ""]
    return [plain(value), shown(value, line.figure), "", plain(display_rounded(value, line.figure))]


def _kommune(listing: Listing) -> str:
    settings = listing.computation.index.catalogue.settings
    return settings.text("kommune") or "" if settings else ""


def write_json(listings: list[Listing], findings: list[Any], stream: TextIO) -> None:
    document = {
        "tool": "katalog",
        "version": __version__,
        "kennzahlen": [_line(listing, line) for listing in listings for line in listing.lines()],
        "ziele": [_goal(listing, goal) for listing in listings for goal in listing.goals()],
        "findings": [record(finding) for finding in findings],
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _line(listing: Listing, line: FigureLine) -> dict[str, Any]:
    figure = line.figure
    return {
        "kommune": _kommune(listing), "ebene": line.owner.level, "nummer": line.number,
        "bezeichnung_ebene": line.label,
        "kennung": figure.ident, "leistung": figure.text("leistung"), "bezeichnung": figure.text("bezeichnung"),
        "art": figure.data.get("art"), "gruppe": figure.text("gruppe"), "einheit": figure.text("einheit"),
        "formel": figure.text("formel"), "mitgeliefert": figure.shipped,
        "werte": [_value(period, line.values.get(period, NoValue("")), figure) for period in listing.periods],
    }


def _value(period: Period, value: Outcome, figure: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"wertart": period.wertart, "jahr": period.year}
    if isinstance(value, NoValue):
        entry["kein_wert"] = value.reason
    else:
        entry["wert"] = str(value)  # a string: JSON numbers would lose Decimal precision
        entry["anzeige"] = shown(value, figure)
        entry["gerundet"] = str(display_rounded(value, figure))
    return entry


def _goal(listing: Listing, goal: GoalResult) -> dict[str, Any]:
    return {
        "nummer": goal.entry.number, "ziel": goal.goal.get("id"), "text": goal.goal.get("text"),
        "text_ausgefuellt": {str(year): listing.filled_text(goal, year) for year in sorted(goal.gaps)},
        "zielkennzahlen": {written: [_achievement(a) for a in achievements if a.period in listing.periods]
                           for written, achievements in goal.achievements.items()},
    }


def _achievement(achievement: Achievement) -> dict[str, Any]:
    value = achievement.actual
    return {
        "wertart": achievement.period.wertart, "jahr": achievement.period.year, "zielwert": str(achievement.target),
        "wert": str(value) if isinstance(value, Decimal) else None,
        "kein_wert": value.reason if isinstance(value, NoValue) else None,
        "zielerreichungsgrad": str(achievement.degree) if achievement.degree is not None else None,
        "ampel": achievement.light,
    }
