"""Computed figures for people (a table per product), for spreadsheets (CSV) and for machines (JSON)."""

from __future__ import annotations

import csv
import json
import os
from decimal import Decimal
from itertools import groupby
from typing import Any, TextIO

from produktkatalog import __version__
from produktkatalog.compute.goals import Achievement, GoalResult
from produktkatalog.model.values import NoValue, Outcome, Period
from produktkatalog.present.figures import LIGHTS, FigureLine, Listing, display_rounded, plain, shown
from produktkatalog.present.spreadsheet import neutral
from produktkatalog.report.fitting import TextColumn, split_columns, table, value_width
from produktkatalog.report.json_report import record
from produktkatalog.wording.numbers import number, unsigned_zero

_LIGHT_STYLE = {"gruen": "green", "gelb": "yellow", "rot": "bold red"}


NAME = TextColumn("Kennzahl", 18)
UNIT = TextColumn("Einheit", 10)
HANDLE = TextColumn("Kennung", 16)
GOAL_TEXT, GOAL_FIGURE = TextColumn("Ziel", 20), TextColumn("Zielkennzahl", 14)


def write_text(listings: list[Listing], stream: TextIO, handles: bool = False) -> None:
    """A table per product and level; at a narrow terminal the years are split over several tables.

    ``handles`` adds the column „Kennung“ with what ``--erklaeren`` takes (NR.KENNUNG).
    """
    from rich.console import Console

    console = Console(file=stream, highlight=False, width=_width(stream))
    for listing in listings:
        headers = [listing.heading(period) for period in listing.periods]
        for label, lines in groupby(listing.lines(), key=lambda line: line.label):
            rows = [([line.figure.text("bezeichnung") or line.figure.ident, line.unit,
                      *([listing.handle(line)] if handles else [])],
                     [line.shown_with_stated(period) for period in listing.periods]) for line in lines]
            _print_tables(console, label, [NAME, UNIT, *([HANDLE] if handles else [])], headers, rows)
        goals = listing.goals()
        if any(goal.achievements for goal in goals):
            _print_tables(console, "Zielerreichung (Wert ÷ Zielwert, Ampel)", [GOAL_TEXT, GOAL_FIGURE], headers,
                          _goal_rows(listing, goals))


def _width(stream: TextIO) -> int | None:
    """The terminal's width, else ``COLUMNS``, else 160 for a file or pipe."""
    return None if stream.isatty() or os.environ.get("COLUMNS", "").isdigit() else 160


Row = tuple[list[str], list[Any]]  # text cells, value cells (str or rich Text)


def _print_tables(console: Any, title: str, text: list[TextColumn], headers: list[str], rows: list[Row]) -> None:
    widths = [value_width(header, [str(values[i]) for _, values in rows]) for i, header in enumerate(headers)]
    parts = split_columns(text, widths, console.width)
    if not parts:
        _print_listed(console, title, headers, rows)
        return
    for position, part in enumerate(parts):
        shown = title if position == 0 else f"{title} (Fortsetzung)"
        made = table(shown, text, [headers[i] for i in part], [widths[i] for i in part])
        for cells, values in rows:
            made.add_row(*cells, *(values[i] for i in part))
        console.print(made)


def _print_listed(console: Any, title: str, headers: list[str], rows: list[Row]) -> None:
    """Too narrow for any table: each row's values one per line, whole."""
    from rich.text import Text

    console.print(Text(title, style="bold"))
    for cells, values in rows:
        console.print(" · ".join(cell for cell in cells if cell))
        for header, value in zip(headers, values, strict=True):
            if len(header) + len(str(value)) + 4 > console.width:  # a long printed heading gets its own line
                console.print(Text.assemble("  ", header), no_wrap=True, overflow="ignore", crop=False)
                header = "  Wert"
            console.print(Text.assemble("  ", header, ": ", value), no_wrap=True, overflow="ignore", crop=False)


def _goal_rows(listing: Listing, goals: list[GoalResult]) -> list[Row]:
    from rich.text import Text

    year = _budget_year(listing)
    rows: list[Row] = []
    for goal in goals:
        for written, achievements in goal.achievements.items():
            by_year = {a.period: a for a in achievements}
            cells = [_light_text(by_year.get(period), Text) for period in listing.periods]
            text = listing.filled_text(goal, year)
            rows.append(([f"{goal.entry.number}: {text}" if goal.entry.number else text, written], cells))
    return rows


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
               "wertart", "jahr", "wert", "anzeige", "kein_wert", "gerundet", "angegeben", "spalte", "vorlaeufig")
EXCEL_HEADINGS = ("Kommune", "Ebene", "Nummer", "Bezeichnung der Ebene", "Kennung", "Leistung", "Kennzahl", "Einheit",
                  "Wertart", "Jahr", "Wert (ungerundet)", "Anzeige", "Kein Wert", "Wert (gerundet)",
                  "Angegebener Wert", "Spalte", "Vorläufig")


def write_csv(listings: list[Listing], stream: TextIO, excel: bool = False) -> None:
    """One row per value; semicolons and decimal commas, as German spreadsheets expect. ``wert`` keeps full
    precision, ``gerundet`` is the number as displayed (rounded, without unit). ``excel``: German headings
    and a byte-order mark, so Excel reads the umlauts."""
    if excel:
        stream.write("\ufeff")
    writer = csv.writer(stream, delimiter=";", lineterminator="\r\n" if excel else "\n")
    writer.writerow(EXCEL_HEADINGS if excel else CSV_COLUMNS)
    for listing in listings:
        kommune = neutral(_kommune(listing))
        columns = [(period, [period.wertart, period.year], [neutral(listing.heading(period)),
                                                            "ja" if listing.provisional(period) else ""])
                   for period in listing.periods]  # the same for every line
        for line in listing.lines():
            figure = line.figure
            head = [kommune, line.owner.level, line.number, neutral(line.label), figure.ident,
                    figure.text("leistung") or "", neutral(figure.text("bezeichnung") or ""), neutral(line.unit)]
            for period, when, heading in columns:
                written = line.stated(period)
                writer.writerow([*head, *when, *_number_cells(line.values.get(period, NoValue("")), line),
                                 plain(written) if written is not None else "", *heading])


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
        "werte": [{**_value(period, line.values.get(period, NoValue("")), figure, line.stated(period)),
                   **_column(listing, period)} for period in listing.periods],
    }


def _value(period: Period, value: Outcome, figure: Any, written: Decimal | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"wertart": period.wertart, "jahr": period.year}
    if isinstance(value, NoValue):
        entry["kein_wert"] = value.reason
    else:
        entry["wert"] = str(unsigned_zero(value))  # a string: JSON numbers would lose Decimal precision
        entry["anzeige"] = shown(value, figure)
        entry["gerundet"] = str(display_rounded(value, figure))
    if written is not None:  # stated next to the formula: a printed figure, compared with the computed one (K220)
        entry["angegeben"] = str(written)
        entry["angegeben_anzeige"] = shown(written, figure)
    return entry


def _column(listing: Listing, period: Period) -> dict[str, Any]:
    """The column's heading as printed, and whether its values are vorläufig."""
    return {"spalte": listing.heading(period), **({"vorlaeufig": True} if listing.provisional(period) else {})}


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
        "wertart": achievement.period.wertart, "jahr": achievement.period.year,
        "zielwert": str(achievement.target) if isinstance(achievement.target, Decimal) else None,
        **({"kein_zielwert": achievement.target.reason} if isinstance(achievement.target, NoValue) else {}),
        "wert": str(unsigned_zero(value)) if isinstance(value, Decimal) else None,
        "kein_wert": value.reason if isinstance(value, NoValue) else None,
        "zielerreichungsgrad": str(unsigned_zero(achievement.degree)) if achievement.degree is not None else None,
        "ampel": achievement.light,
    }
