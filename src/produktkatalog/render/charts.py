"""Year charts of a Kennzahl: one slot per column, bars from a common zero line, a labelled scale.

Honest by construction: every bar starts at zero (never at the smallest value), the scale is
printed at its top (and bottom, for negative values), each column keeps its slot (a column
without a value stays an empty slot marked "k. W."), and Ist (Ergebnis) is a filled bar while
planned values (Ansatz, Planung, Ziel) are outlined and dashed, so the kind never rests on
colour alone. Every chart carries its values as text (title and description).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from produktkatalog.model import Kennzahl
from produktkatalog.model.values import Outcome, Period
from produktkatalog.render.views import Bar, Cell, Chart, Tick
from produktkatalog.wording.numbers import number

WERTARTEN = {"ergebnis": "Ergebnis", "ansatz": "Ansatz", "planung": "Planung", "betrag": "Betrag", "ziel": "Ziel"}
AXIS, SLOT, BAR, PLOT, TOP, LABELS = 48, 34, 22, 72, 8, 16  # pixels: scale, column slot, bar, plot, margins
NICE_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))


def nice_ceiling(value: Decimal) -> Decimal:
    """The smallest of 1, 2, 2.5, 5 × 10^k that is at least ``value`` (> 0): a round top for the scale."""
    power = Decimal(1).scaleb(value.adjusted())
    for step in NICE_STEPS:
        if step * power >= value:
            return step * power
    return 10 * power


def year_chart(figure: Kennzahl, periods: list[Period], values: dict[Period, Outcome], cells: list[Cell],
               anchor: str) -> Chart | None:
    """The chart of a Kennzahl row; None with fewer than two values (a single bar compares nothing)."""
    known = [v for p in periods if isinstance(v := values.get(p), Decimal)]
    if len(known) < 2:
        return None
    top = nice_ceiling(max(max(known), Decimal(0))) if max(known) > 0 else Decimal(0)
    bottom = -nice_ceiling(-min(known)) if min(known) < 0 else Decimal(0)
    if top == bottom:  # every value is 0: flat bars on a scale from 0 to 1
        top = Decimal(1)
    span = top - bottom
    zero = TOP + PLOT * top / span

    def y(value: Decimal) -> Decimal:
        return TOP + PLOT * (top - value) / span

    unit = figure.text("einheit") or ""
    bars = [_bar(position, period, values.get(period), cell.text, y, zero)
            for position, (period, cell) in enumerate(zip(periods, cells, strict=True))]
    ticks = [Tick(_px(y(value)), _scale_label(value, top - bottom, unit))
             for value in dict.fromkeys((top, Decimal(0), bottom))]
    name = figure.text("bezeichnung") or figure.ident
    shown = "; ".join(f"{bar.column}: {bar.value if not bar.missing else 'kein Wert'}" for bar in bars)
    return Chart(title=f"Verlauf: {name}" + (f" ({unit})" if unit else ""), description=shown,
                 width=str(AXIS + len(periods) * SLOT), height=str(TOP + PLOT + LABELS), baseline=_px(zero),
                 bars=bars, ticks=ticks, ident=f"{anchor}-verlauf", axis=str(AXIS))


def _bar(position: int, period: Period, value: Outcome | None, text: str,
         y: Callable[[Decimal], Decimal], zero: Decimal) -> Bar:
    wertart = WERTARTEN.get(period.wertart, period.wertart)
    x = AXIS + position * SLOT + (SLOT - BAR) // 2
    label = f"{wertart[:1]}{period.year % 100:02d}"
    if not isinstance(value, Decimal):
        return Bar(str(x), _px(zero), str(BAR), "0", label, f"{wertart} {period.year}", "—", planned=False,
                   missing=True)
    place = y(value)
    upper, lower = min(place, zero), max(place, zero)
    return Bar(str(x), _px(upper), str(BAR), _px(lower - upper), label, f"{wertart} {period.year}", text,
               planned=period.wertart != "ergebnis", missing=False)


def _scale_label(value: Decimal, span: Decimal, unit: str) -> str:
    places = 0 if span >= 10 else 1 if span >= 1 else 2
    text = number(value, places)
    return f"{text} {unit}" if unit == "%" else text


def _px(value: Decimal) -> str:
    return format(value.quantize(Decimal("0.1")).normalize(), "f")
