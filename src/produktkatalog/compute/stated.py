"""Stated values next to a formula: a printed figure is compared with the computed one (K220).

The tolerance is the Kennzahl's ``wertetoleranz`` (in its unit), else half a unit of
the last place the stated value is shown with: a printed 26,7 % fits every computed
value from 26,65 % to 26,75 %.
"""

from __future__ import annotations

from decimal import Decimal

from produktkatalog.findings import Finding, error
from produktkatalog.model import Kennzahl
from produktkatalog.model.values import Period


def tolerance(figure: Kennzahl, written: Decimal) -> Decimal:
    """How far a stated value may be from the computed one."""
    from produktkatalog.wording.numbers import places_for  # Babel loads only where a value is stated

    own = figure.data.get("wertetoleranz")
    if isinstance(own, (int, Decimal)) and not isinstance(own, bool) and own >= 0:
        return Decimal(own)
    places = places_for(figure.text("einheit"), figure.data.get("nachkommastellen"), written)
    return Decimal(5).scaleb(-places - 1)


def differs(figure: Kennzahl, period: Period, written: Decimal, computed: Decimal) -> Finding | None:
    """K220 where the stated value lies outside the tolerance of the computed one."""
    allowed = tolerance(figure, written)
    if abs(computed - written) <= allowed:
        return None
    from produktkatalog.wording.numbers import places_for, with_unit

    unit = figure.text("einheit")
    places = places_for(unit, figure.data.get("nachkommastellen"), written)
    entry = figure.mapping("werte").get(period.wertart, {}).get(str(period.year))
    path = ("werte", period.wertart, str(period.year), *(("wert",) if isinstance(entry, dict) else ()))
    return error("K220", figure.file, f"„{figure.ident}“ nennt für {period} {with_unit(written, unit, places)}, die "
                 f"Formel ergibt {with_unit(computed, unit, places)} (Abweichung "
                 f"{with_unit(written - computed, unit, places)}).",
                 "Korrigieren Sie den angegebenen Wert oder die Formel, oder lassen Sie den Wert weg; katalog "
                 f"rechnet ihn selbst. Zulässige Abweichung: {with_unit(allowed, unit, places + 1)} (wertetoleranz, "
                 "ohne Angabe eine halbe Einheit der letzten gezeigten Stelle).", path=path)
