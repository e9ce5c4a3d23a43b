"""Kennzahlen with sub-rows ("davon"): where the total and every part have a value, the parts add up to it."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from produktkatalog.findings import Finding, error
from produktkatalog.model import Kennzahl
from produktkatalog.model.index import Index
from produktkatalog.model.plan_rows import EXACT, stated
from produktkatalog.model.values import Period


def check(index: Index) -> Iterator[Finding]:
    for figure in index.catalogue.kennzahlen:
        parts = [part for part in figure.items("davon") if isinstance(part, dict)]
        if parts:
            yield from _compare(figure, parts)


def _compare(figure: Kennzahl, parts: list[dict[str, object]]) -> Iterator[Finding]:
    """Each stated value of the total against its parts' values in the same column."""
    allowed = _tolerance(figure)
    for wertart, by_year in figure.mapping("werte").items():
        for year in by_year if isinstance(by_year, dict) else ():
            if not (isinstance(year, str) and year.isascii() and year.isdigit()):
                continue
            period = Period(wertart, int(year))
            total = stated(by_year, period, figure.ident)
            values = [stated(_werte(part).get(wertart), period, "") for part in parts]
            if not isinstance(total, Decimal) or not all(isinstance(v, Decimal) for v in values):
                continue
            added = sum((v for v in values if isinstance(v, Decimal)), Decimal(0))
            if abs(EXACT.subtract(added, total)) > allowed:
                yield _finding(figure, period, (total, added), parts)


def _werte(part: dict[str, object]) -> dict[str, object]:
    werte = part.get("werte")
    return werte if isinstance(werte, dict) else {}


def _tolerance(figure: Kennzahl) -> Decimal:
    own = figure.data.get("wertetoleranz")
    return Decimal(own) if isinstance(own, (int, Decimal)) and not isinstance(own, bool) and own >= 0 else Decimal(0)


def _finding(figure: Kennzahl, period: Period, amounts: tuple[Decimal, Decimal],
             parts: list[dict[str, object]]) -> Finding:
    total, added = amounts
    names = ", ".join(f"„{part.get('bezeichnung')}“" for part in parts)
    entry = figure.mapping("werte")[period.wertart][str(period.year)]
    path = ("werte", period.wertart, str(period.year), *(("wert",) if isinstance(entry, dict) else ()))
    return error("K262", figure.file, f"„{figure.ident}“ nennt für {period} {_plain(total)}, die Unterzeilen "
                 f"(davon {names}) ergeben zusammen {_plain(added)}.", "Korrigieren Sie die Kennzahl oder ihre "
                 "Unterzeilen; ein Teil, der nur einen Ausschnitt zeigt, gehört in eine eigene Kennzahl. "
                 "Rundungsabweichungen erlaubt wertetoleranz.", path=path)


def _plain(value: Decimal) -> str:
    return format(value, "f").replace(".", ",")
