"""``katalog export --format xlsx``: a workbook a Kämmerei opens as it is.

One sheet per plan level (Produkte, Produktgruppen, Produktbereiche, Gesamtplan, Teilhaushalte), then Kennzahlen and
Zielerreichung. Every sheet names Kommune and Haushaltsjahr in its title line and in two columns, has its
heading row frozen and an autofilter; amounts and Kennzahlen are numbers with German display formats (Excel
and LibreOffice show ``#,##0.00`` as ``1.234,56``), codes and texts are text, and a text that would run as a
formula is stored as text with a quote prefix (see ``cells``). Written with openpyxl's write-only mode, which
streams rows instead of holding the workbook in memory.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from produktkatalog.compute.goals import GoalResult
from produktkatalog.export.records import Catalogue, Holder, PlanValue
from produktkatalog.model.conventions import SIGN_WORDS
from produktkatalog.model.owners import LEVELS
from produktkatalog.model.values import Period
from produktkatalog.present.figures import LIGHTS
from produktkatalog.present.spreadsheet import neutral
from produktkatalog.wording.numbers import places_for

SHEETS = {"produkt": "Produkte", "produktgruppe": "Produktgruppen", "produktbereich": "Produktbereiche",
          "gesamt": "Gesamtplan", "teilhaushalt": "Teilhaushalte"}
PLAN_NAMES = {"ergebnisplan": "Teilergebnisplan", "finanzplan": "Teilfinanzplan"}
AMOUNT = "#,##0.00;-#,##0.00"
PERCENT = '#,##0.0\\ "%";-#,##0.0\\ "%"'
_PLAN_HEAD = ["Kommune", "Haushaltsjahr", "Produktbereich", "Produktgruppe", "Nummer", "Bezeichnung", "Plan",
              "Zeile", "Zeilenbezeichnung"]
_FIGURE_HEAD = ["Kommune", "Haushaltsjahr", "Ebene", "Nummer", "Bezeichnung", "Kennung", "Leistung", "Kennzahl",
                "Einheit"]
_GOAL_HEAD = ["Kommune", "Haushaltsjahr", "Nummer", "Ziel", "Zielkennzahl", "Spalte", "Zielwert", "Wert",
              "Zielerreichungsgrad", "Ampel"]


def write(catalogues: list[Catalogue], target: Path | BinaryIO) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    periods = _columns(catalogues)
    for level in LEVELS:
        values = [(c, v) for c in catalogues for v in c.plan_values(level, origins=False)]
        if values:
            _Sheet(book, SHEETS[level], catalogues, _PLAN_HEAD, periods, freeze="J3",
                   signs=_signs(catalogues)).fill(_plan_rows(values, periods))
    figures = _Sheet(book, "Kennzahlen", catalogues, _FIGURE_HEAD, periods, freeze="J3")
    figures.fill(_figure_rows(catalogues, periods))
    goals = _Sheet(book, "Zielerreichung", catalogues, _GOAL_HEAD, [], freeze="D3")
    goals.fill(row for catalogue in catalogues for row in _goal_rows(catalogue))
    book.save(target)


def _signs(catalogues: list[Catalogue]) -> str:
    """The sign convention of the plan sheets, as the title line states it (each Kommune's where they differ)."""
    conventions = {c.convention for c in catalogues}
    if len(conventions) == 1:
        return f" · Vorzeichen: {SIGN_WORDS[conventions.pop()]}"
    return " · Vorzeichen: " + "; ".join(f"{c.kommune}: {SIGN_WORDS[c.convention]}" for c in catalogues)


def _columns(catalogues: list[Catalogue]) -> list[Period]:
    """Every column of every catalogue, in the first catalogue's order, then the others' new ones by year."""
    found: dict[Period, None] = {}
    for catalogue in catalogues:
        found.update(dict.fromkeys(catalogue.periods))
    return sorted(found, key=lambda p: (p.year, _ORDER.index(p.wertart) if p.wertart in _ORDER else 9))


_ORDER = ("ergebnis", "ansatz", "planung", "betrag", "ziel")


class _Sheet:
    """One sheet: a title line naming Kommune and Haushaltsjahr, the frozen heading row, an autofilter."""

    def __init__(self, book: Any, title: str, catalogues: list[Catalogue], head: list[str], periods: list[Period],
                 freeze: str, signs: str = "") -> None:
        self.sheet = book.create_sheet(title)
        self.sheet.freeze_panes = freeze  # write-only sheets take this before the first row
        self.width = len(head) + len(periods)
        for column, width in zip(_letters(self.width), [24, 8, 8, 9, 10, 36, 18, 8, 44] + [16] * 40, strict=False):
            self.sheet.column_dimensions[column].width = width
        kommunen = sorted({c.kommune for c in catalogues})
        years = sorted({str(c.year) for c in catalogues if c.year})
        self.sheet.append([self._cell(f"{', '.join(kommunen)} · Haushaltsjahr {', '.join(years) or '—'} · {title}"
                                      f"{signs}", bold=True)])
        self.sheet.append([self._cell(text, bold=True) for text in [*head, *(str(p) for p in periods)]])

    def fill(self, rows: Iterable[list[Any]]) -> None:
        count = 0
        for row in rows:
            self.sheet.append([self._converted(value) for value in row])
            count += 1
        self.sheet.auto_filter.ref = f"A2:{_letters(self.width)[-1]}{count + 2}"

    def _converted(self, value: Any) -> Any:
        if isinstance(value, _Styled):
            return None if value.value is None else self._cell(value.value, value.bold, value.format)
        if isinstance(value, str) and neutral(value) != value:
            return self._cell(value)
        return value  # plain text and numbers: openpyxl makes the cell (much cheaper than a styled one)

    def _cell(self, value: Any, bold: bool = False, number_format: str | None = None) -> Any:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.sheet, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, whatever the text begins with
            cell.quotePrefix = neutral(value) != value  # and it stays text when someone edits the cell
        if number_format:
            cell.number_format = number_format
        if bold:
            cell.font = _bold()
        return cell


def _plan_rows(values: list[tuple[Catalogue, PlanValue]], periods: list[Period]) -> Iterator[list[Any]]:
    current: tuple[Any, ...] | None = None
    cells: dict[Period, Decimal] = {}
    label: list[Any] = []
    nature = ""
    for catalogue, value in values:
        key = (id(catalogue), value.holder, value.statement, value.row)
        if key != current:
            if current is not None:
                yield [*label, *_amounts(cells, periods, nature)]
            current, cells, nature = key, {}, value.nature
            label = _plan_label(catalogue, value.holder, value)
        cells[value.period] = value.displayed
    if current is not None:
        yield [*label, *_amounts(cells, periods, nature)]


def _plan_label(catalogue: Catalogue, holder: Holder, value: PlanValue) -> list[Any]:
    return [catalogue.kommune, catalogue.year, holder.area, holder.group, holder.number, holder.name,
            PLAN_NAMES[value.statement], value.row, value.row_name]


def _amounts(cells: dict[Period, Decimal], periods: list[Period], nature: str) -> list[Any]:
    return [_Styled(cells.get(period), AMOUNT, nature == "summe") for period in periods]


@functools.cache
def _bold() -> Any:
    from openpyxl.styles import Font

    return Font(bold=True)  # one object for every bold cell: openpyxl looks styles up by value


class _Styled:
    """A number waiting for its sheet: ``_Sheet.fill`` turns it into a cell with format and weight."""

    def __init__(self, value: Decimal | None, number_format: str, bold: bool = False) -> None:
        self.value, self.format, self.bold = value, number_format, bold


def _figure_rows(catalogues: list[Catalogue], periods: list[Period]) -> Iterator[list[Any]]:
    for catalogue in catalogues:
        for line in catalogue.listing.lines():
            figure = line.figure
            unit = line.unit
            values = [line.values.get(period) for period in periods]
            cells = [_Styled(v, _format(unit, figure.data.get("nachkommastellen"), v))
                     if isinstance(v, Decimal) else None for v in values]
            holder = catalogue.holder(line.owner)
            yield [catalogue.kommune, catalogue.year, holder.level, holder.number, holder.name, figure.ident,
                   figure.text("leistung") or "", figure.text("bezeichnung") or figure.ident, unit, *cells]


def _format(unit: str, stated: Any, value: Decimal) -> str:
    places = places_for(unit, stated, value)
    digits = "#,##0" + ("." + "0" * places if places else "")
    if unit == "%":
        return f'{digits}\\ "%";-{digits}\\ "%"'
    return f"{digits};-{digits}"


def _goal_rows(catalogue: Catalogue) -> Iterator[list[Any]]:
    for goal in catalogue.goals():
        title = _goal_title(goal)
        for written, achievements in goal.achievements.items():
            for achievement in achievements:
                actual = achievement.actual if isinstance(achievement.actual, Decimal) else None
                yield [catalogue.kommune, catalogue.year, goal.entry.number, title, written, str(achievement.period),
                       _Styled(achievement.target, "#,##0.##########")
                       if isinstance(achievement.target, Decimal) else None,
                       _Styled(actual, "#,##0.##########") if actual is not None else None,
                       _Styled(achievement.degree, PERCENT) if achievement.degree is not None else None,
                       LIGHTS.get(achievement.light or "", "—")]


def _goal_title(goal: GoalResult) -> str:
    for key in ("titel", "text", "id"):
        value = goal.goal.get(key)
        if isinstance(value, str):
            return value
    return ""


def _letters(count: int) -> list[str]:
    from openpyxl.utils import get_column_letter

    return [get_column_letter(index) for index in range(1, count + 1)]
