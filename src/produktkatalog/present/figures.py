"""The computed figures of a catalogue as lines for tables: who, which Kennzahl, which values.

Products come in number order, each with its own Kennzahlen (grouped as the
catalogue orders its ``kennzahlgruppen``) and then the Standardkennzahlen computed
for it; after the products come the Produktgruppen, Produktbereiche and the
Gesamtplan with their Standardkennzahlen and the catalogue-wide Kennzahlen.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from produktkatalog.compute import Computation
from produktkatalog.compute.goals import GAP, GoalResult, goal_results
from produktkatalog.model import Kennzahl, canonical
from produktkatalog.model.owners import GESAMT, LEVEL_NAMES, LEVELS, Owner
from produktkatalog.model.plan_rows import stated
from produktkatalog.model.values import NoValue, Outcome, Period
from produktkatalog.wording.numbers import places_for, rounded, unsigned_zero, with_unit
from produktkatalog.wording.text import level_name

LIGHTS = {"gruen": "grün", "gelb": "gelb", "rot": "rot"}


@dataclass(frozen=True)
class FigureLine:
    owner: Owner
    label: str  # "Produkt 020101 Bürgerbüro", "Produktgruppe 0110 Verwaltungsführung", "Gesamtplan"
    number: str  # of the product, Produktgruppe or -bereich; "" for the Gesamtplan
    figure: Kennzahl
    values: dict[Period, Outcome]

    @property
    def unit(self) -> str:
        return self.figure.text("einheit") or ""

    def shown(self, period: Period) -> str:
        return shown(self.values.get(period, NoValue("")), self.figure)

    def stated(self, period: Period) -> Decimal | None:
        """The value the Kennzahl states next to its formula for ``period`` (a printed figure), if any."""
        return stated_beside(self.figure, period)

    def shown_with_stated(self, period: Period) -> str:
        """The value as printed, and the stated one beside it where the two are printed differently."""
        text = self.shown(period)
        return with_stated(text, self.stated(period), self.figure)


def stated_beside(figure: Kennzahl, period: Period) -> Decimal | None:
    """A value stated next to a formula (compared with the computed one, K220); None without one."""
    if figure.text("formel") is None or figure.per_owner or period.wertart == "ziel":
        return None
    value = stated(figure.mapping("werte").get(period.wertart), period, figure.ident)
    return value if isinstance(value, Decimal) else None


def with_stated(text: str, written: Decimal | None, figure: Kennzahl) -> str:
    """``text``, followed by "(angegeben: …)" where the stated value is printed otherwise."""
    note = stated_note(text, written, figure)
    return f"{text} ({note})" if note else text


def stated_note(text: str, written: Decimal | None, figure: Kennzahl) -> str:
    """"angegeben: …" where a stated value is printed otherwise than ``text`` (the computed value), else ""."""
    if written is None or (other := shown(written, figure)) == text:
        return ""
    return f"angegeben: {other}"


def shown(value: Outcome, figure: Kennzahl) -> str:
    """A value as printed: rounded for display, German format; "—" for kein Wert."""
    if isinstance(value, NoValue):
        return "—"
    unit = figure.text("einheit")
    return with_unit(value, unit, places_for(unit, figure.data.get("nachkommastellen"), value))


def display_rounded(value: Decimal, figure: Kennzahl) -> Decimal:
    """The value rounded as ``shown`` prints it, as a number."""
    unit = figure.text("einheit")
    return unsigned_zero(rounded(value, places_for(unit, figure.data.get("nachkommastellen"), value)))


def plain(value: Decimal) -> str:
    """Full precision with a decimal comma, for spreadsheets."""
    return format(unsigned_zero(value), "f").replace(".", ",")


class Listing:
    """Figure lines and goal results of one computation, filtered by product number and year."""

    def __init__(self, computation: Computation, product: str | None = None, year: int | None = None) -> None:
        self.computation = computation
        self.wanted = product or None
        self.periods = [p for p in computation.periods if year is None or p.year == year]
        catalogue = computation.index.catalogue
        self.products = catalogue.product_by_folder()
        self.figures = {id(figure): figure for figure in catalogue.kennzahlen}
        groups = catalogue.settings.data.get("kennzahlgruppen") if catalogue.settings else None
        self.group_order = [g for g in groups if isinstance(g, str)] if isinstance(groups, list) else []

    def heading(self, period: Period) -> str:
        """The column's heading as the catalogue prints it: its ``titel``, "(vorläufig)", else "Ansatz 2026"."""
        settings = self.computation.index.catalogue.settings
        return settings.heading(period.wertart, period.year) if settings is not None else str(period)

    def provisional(self, period: Period) -> bool:
        settings = self.computation.index.catalogue.settings
        return settings is not None and any(c.provisional and (c.wertart, c.year) == (period.wertart, str(period.year))
                                            for c in settings.columns)

    def lines(self) -> list[FigureLine]:
        found = [FigureLine(owner, self.label(owner), self.number(owner), figure, values)
                 for (key, owner), values in self.computation.values.items()
                 if self._wanted(owner) and (figure := self.figures.get(key)) is not None]
        return sorted(found, key=self._order)

    def lines_of(self, owner: Owner) -> list[FigureLine]:
        """The lines of one owner, in the order of ``lines``; reads no other owner's values."""
        label, number = self.label(owner), self.number(owner)
        found = [FigureLine(owner, label, number, figure, values)
                 for (key, _), values in self.computation.values.of_owner(owner)
                 if (figure := self.figures.get(key)) is not None]
        return sorted(found, key=self._order) if self._wanted(owner) else []

    def goals(self) -> list[GoalResult]:
        return [goal for goal in goal_results(self.computation) if self._wanted(goal.owner)]

    def label(self, owner: Owner) -> str:
        if owner == GESAMT:
            return "Gesamtplan"
        label, number = LEVEL_NAMES[owner.level], self.number(owner)
        return " ".join(part for part in (label, number, level_name(label, number, self._name(owner))) if part)

    def handle(self, line: FigureLine) -> str:
        """What ``-e`` takes for this line: NR.KENNUNG (the Leistung's number for its Kennzahlen, a product's
        folder name when it has no number), the bare Kennung for the Gesamtplan."""
        figure = line.figure
        if figure.leistung_key:
            qualifier = figure.text("leistung") or ""
        elif line.owner.level == "produkt":
            product = self.products.get(line.owner.key)
            qualifier = product.handle if product else ""
        else:
            qualifier = line.number
        return f"{qualifier}.{figure.ident}" if qualifier else figure.ident

    def handles(self) -> list[str]:
        """Every product, Produktgruppe and Produktbereich ``--produkt`` takes, in order."""
        products = sorted(self.products.values(), key=lambda product: (canonical(product.number), product.folder))
        return [product.handle for product in products] + self._rollup_numbers()

    def names_anything(self) -> bool:
        """Whether the wanted number or folder names a product or roll-up of this catalogue."""
        if self.wanted is None:
            return True
        digits = canonical(self.wanted)
        return any(product.named_by(self.wanted) for product in self.products.values()) or (
            bool(digits) and any(canonical(number) == digits for number in self._rollup_numbers()))

    def _rollup_numbers(self) -> list[str]:
        framework = self.computation.index.framework
        if framework is None:
            return []
        return sorted({*framework.names("produktgruppen"), *framework.names("produktbereiche")})

    def number(self, owner: Owner) -> str:
        if owner.level == "produkt":
            product = self.products.get(owner.key)
            return product.number if product else ""
        return owner.key

    def filled_text(self, goal: GoalResult, year: int | None) -> str:
        """The goal text with its blanks "__" filled from the Zielwerte of ``year`` where known."""
        text = goal.goal.get("text")
        text = text if isinstance(text, str) else ""
        values = goal.gaps.get(year) if year is not None else None
        figure = next((f for _, f in goal.figures if f is not None), None)
        if not values or figure is None:
            return text
        filled = iter(shown(value, figure) for value in values)
        return GAP.sub(lambda _: next(filled, "__"), text)

    def name(self, owner: Owner) -> str:
        """The Bezeichnung of a product, Produktgruppe or -bereich; "" for the Gesamtplan."""
        return self._name(owner) if owner.level != "gesamt" else ""

    def _name(self, owner: Owner) -> str:
        if owner.level == "produkt":
            product = self.products.get(owner.key)
            return product.text("bezeichnung") or "" if product else ""
        own = self.computation.tables.levels.get(owner)  # the level's own file names it first
        if own is not None and own.text("bezeichnung"):
            return own.text("bezeichnung") or ""
        framework = self.computation.index.framework
        level = {"produktgruppe": "produktgruppen", "produktbereich": "produktbereiche"}.get(owner.level)
        return framework.names(level).get(owner.key, "") if framework and level else ""

    def _wanted(self, owner: Owner) -> bool:
        if self.wanted is None:
            return True
        if owner.level == "produkt":
            product = self.products.get(owner.key)
            return product is not None and product.named_by(self.wanted)
        return bool(canonical(self.wanted)) and canonical(owner.key) == canonical(self.wanted)

    def _order(self, line: FigureLine) -> tuple[object, ...]:
        figure = line.figure
        group = figure.text("gruppe") or ""
        rank = self.group_order.index(group) if group in self.group_order else len(self.group_order)
        order = figure.data.get("reihenfolge")
        return (LEVELS.index(line.owner.level), canonical(line.number), line.owner.key, figure.per_owner,
                figure.leistung_key or "", rank, order if isinstance(order, int) else 10**9, figure.ident)

