"""Numbers that differ between two states: stated plan rows and Kennzahl values (Änderungen), computed
sum rows, roll-ups, Kennzahl values and Zielerreichung (Auswirkungen).

A stated sum row counts as an Änderung only where it does not simply follow its
parts, i.e. where the newer side states another value than it computes; the sum
itself is an Auswirkung. Computed values are compared exactly, in Decimal.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from produktkatalog.compute import Computation
from produktkatalog.compute.goals import Achievement, goal_results
from produktkatalog.compute.tables import Table
from produktkatalog.diff.match import Matching, Pair
from produktkatalog.diff.records import AmountChange, GoalChange
from produktkatalog.model import Kennzahl, Leistung, Plan, Product
from produktkatalog.model.conventions import display_convention, factors
from produktkatalog.model.owners import LEVEL_NAMES, LEVELS, Owner, home
from produktkatalog.model.plan_rows import stated, stated_cell
from produktkatalog.model.values import Outcome, Period
from produktkatalog.present.figures import Listing
from produktkatalog.wording.numbers import places_for

_WERTARTEN = ("ergebnis", "ansatz", "planung", "betrag", "ziel")
_PLAN_NAMES = {"ergebnisplan": "teilergebnisplan", "finanzplan": "teilfinanzplan"}
OwnerKey = tuple[str, str]


@dataclass
class State:
    """One side of one catalogue: its computation, and how its owners are named across sides."""

    computation: Computation
    matching: Matching
    old_side: bool

    def __post_init__(self) -> None:
        self.catalogue = self.computation.index.catalogue
        self.listing = Listing(self.computation)

    def owner_key(self, owner: Owner) -> OwnerKey:
        if owner.level == "produkt":
            return owner.level, self.matching.product_key(self.old_side, owner.key)
        return owner.level, owner.key

    def number(self, key: str) -> str:
        return self.matching.numbers.get(key, key) if self.old_side else key

    def signs(self, table: Table | None) -> dict[str, int]:
        """Row → factor from canonical amounts to how this side's pages show them (``vorzeichen.anzeige``)."""
        return factors(table.template, display_convention(self.catalogue)) if table is not None else {}


def stated_rows(pair: Pair, old: State, new: State) -> Iterator[AmountChange]:
    """Stated cells that changed their amount: a row left out counts as 0 where its column is drawn up."""
    assert isinstance(pair.old, Plan) and isinstance(pair.new, Plan)
    before, after = pair.old.mapping("zeilen"), pair.new.mapping("zeilen")
    owner = _plan_owner(new, pair.new.product_folder)
    was_table = _stated_table(old, _plan_owner(old, pair.old.product_folder), pair.old.statement)
    table = _stated_table(new, owner, pair.new.statement)
    either = table or was_table
    rows = {row.number: row for row in either.template.rows} if either is not None else {}
    if either is not None:  # "01" of a plan is row "1" of its template, as on the page; amounts canonical
        before = was_table.rows if was_table is not None else either.template.keyed(before)
        after = table.rows if table is not None else either.template.keyed(after)
    signs = new.signs(either)
    for number in _ordered([*rows, *before, *after], {*before, *after}):
        row = rows.get(number)
        for period in _periods(before.get(number), after.get(number)):
            was, now = _stated(was_table, before, number, period), _stated(table, after, number, period)
            if was == now or (row is not None and row.parts and table is not None
                              and table.column(period).amount(number) == now):
                continue
            yield AmountChange(new.listing.label(owner), owner.level, _PLAN_NAMES[pair.new.statement], number,
                               row.name if row else "", period.wertart, period.year, *_shown((was, now), signs, number),
                               unit=pair.new.unit, file=pair.new.file)


def _stated_table(state: State, owner: Owner, statement: str) -> Table | None:
    """The table of a plan file: a level's stated plan where it is checked against a roll-up, else the owner's."""
    tables = state.computation.tables
    return tables.stated.get((owner, statement)) or tables.table(owner, statement)


def _plan_owner(state: State, folder: str) -> Owner:
    """Whose plan a plan file states: its product's, or its level's (Produktgruppe, -bereich, Teilhaushalt)."""
    for owner, level in state.computation.tables.levels.items():
        if level.folder == folder:
            return owner
    return Owner("produkt", folder)


def _stated(table: Table | None, rows: dict[str, Any], number: str, period: Period) -> Decimal | None:
    """A stated cell's amount: a detail row as its table counts it (0 where left out), a sum row as stated."""
    spec = table.template.by_number.get(number) if table is not None else None
    if table is not None and spec is not None and not spec.parts:
        return table.column(period).amount(number)
    return _amount(stated_cell(rows, number, period))


def stated_values(pair: Pair, old: State, new: State) -> Iterator[AmountChange]:
    assert isinstance(pair.old, Kennzahl) and isinstance(pair.new, Kennzahl)
    figure = pair.new
    before, after = pair.old.mapping("werte"), figure.mapping("werte")
    owner = home(figure)
    for period in _periods(before, after):
        was = _amount(stated(before.get(period.wertart), period, ""))
        now = _amount(stated(after.get(period.wertart), period, ""))
        if was != now:
            yield _figure_change(new.listing.label(owner), owner.level, figure, period, was, now)


def computed_rows(old: State, new: State) -> list[AmountChange]:
    """Sum rows of each product, and every row of each roll-up, where the computed value differs."""
    before = {(old.owner_key(o), statement): t for (o, statement), t in old.computation.tables.tables.items()}
    after = {(new.owner_key(o), statement): t for (o, statement), t in new.computation.tables.tables.items()}
    periods = _union_periods(old, new)
    found = []
    for key in sorted({*before, *after}, key=lambda k: (LEVELS.index(k[0][0]), k[0][1], k[1])):
        was, now = before.get(key), after.get(key)
        state, table = (new, now) if now is not None else (old, was)
        assert table is not None
        label = state.listing.label(table.owner)
        signs = new.signs(table)
        for row in table.template.rows:
            if table.owner.level == "produkt" and not row.parts:
                continue  # a stated row: an Änderung, reported from the plan file
            for period in periods:
                a, b = _cell(was, row.number, period), _cell(now, row.number, period)
                if a != b:
                    found.append(AmountChange(label, table.owner.level, _PLAN_NAMES[table.statement], row.number,
                                              row.name, period.wertart, period.year,
                                              *_shown((a, b), signs, row.number), unit=table.unit,
                                              file=table.plan.file if table.plan else ""))
    return found


def computed_figures(old: State, new: State) -> list[AmountChange]:
    """Values of Kennzahlen with a formula, per owner and column, where they differ."""
    before, after = _figure_values(old), _figure_values(new)
    periods = _union_periods(old, new)
    found = []
    for key in sorted({*before, *after}, key=lambda k: (LEVELS.index(k[0][0]), k[0][1], k[1], k[2])):
        (figure, owner, state, now) = after.get(key) or before[key]
        was = before.get(key, (figure, owner, old, {}))[3]
        now = after.get(key, (figure, owner, new, {}))[3]
        for period in periods:
            a, b = _amount(was.get(period)), _amount(now.get(period))
            if a != b:
                found.append(_figure_change(state.listing.label(owner), owner.level, figure, period, a, b))
    return found


def goal_changes(old: State, new: State) -> list[GoalChange]:
    before, after = _achievements(old), _achievements(new)
    found = []
    for key in [*after, *(k for k in before if k not in after)]:
        was, now = before.get(key), after.get(key)
        subject, goal, file, achievement = now or was  # type: ignore[misc]
        a = (was[3].degree, was[3].light) if was else (None, None)
        b = (now[3].degree, now[3].light) if now else (None, None)
        if a != b:
            found.append(GoalChange(subject, goal, key[3], achievement.period.wertart, achievement.period.year,
                                    a[0], b[0], a[1], b[1], file))
    return found


def _figure_values(state: State) -> dict[tuple[Any, ...], tuple[Kennzahl, Owner, State, dict[Period, Outcome]]]:
    figures = {id(figure): figure for figure in state.catalogue.kennzahlen}
    found = {}
    for (ident, owner), values in state.computation.values.items():
        figure = figures.get(ident)
        if figure is not None and figure.text("formel") is not None:
            key = (state.owner_key(owner), state.number(figure.leistung_key or ""), figure.ident)
            found[key] = (figure, owner, state, values)
    return found


def _achievements(state: State) -> dict[tuple[Any, ...], tuple[str, str, str, Achievement]]:
    found = {}
    for result in goal_results(state.computation):
        entry = result.entry
        entity = ("Produkt" if isinstance(entry, Product) else "Leistung" if isinstance(entry, Leistung)
                  else LEVEL_NAMES[entry.level])
        subject = f"{entity} {entry.number} {entry.text('bezeichnung') or ''}".strip()
        title = result.goal.get("titel") or result.goal.get("id") or f"Ziel {result.position + 1}"
        ident = result.goal.get("id") or str(result.position)
        for text, achievements in result.achievements.items():
            for achievement in achievements:
                key = (entity, state.number(entry.key), ident, text, achievement.period)
                found[key] = (subject, str(title), entry.file, achievement)
    return found


def _figure_change(subject: str, level: str, figure: Kennzahl, period: Period, old: Decimal | None,
                   new: Decimal | None) -> AmountChange:
    unit = figure.text("einheit") or ""
    value = new if new is not None else old if old is not None else Decimal(0)
    places = places_for(unit, figure.data.get("nachkommastellen"), value)
    return AmountChange(subject, level, "kennzahl", figure.ident, figure.text("bezeichnung") or "", period.wertart,
                        period.year, old, new, unit, places, "" if figure.shipped else figure.file)


def _shown(pair: tuple[Decimal | None, Decimal | None], signs: dict[str, int], number: str
           ) -> tuple[Decimal | None, Decimal | None]:
    """Two canonical amounts as the pages show them; compared before, in canonical values."""
    if signs.get(number) != -1:
        return pair
    was, now = pair
    return None if was is None else -was, None if now is None else -now


def _cell(table: Table | None, number: str, period: Period) -> Decimal | None:
    return table.column(period).amount(number) if table is not None else None


def _amount(value: Outcome | None) -> Decimal | None:
    return value if isinstance(value, Decimal) else None


def _periods(old: Any, new: Any) -> list[Period]:
    """The (Wertart, Jahr) pairs stated on either side, in Wertart and year order."""
    found = set()
    for values in (old, new):
        for wertart, years in (values.items() if isinstance(values, dict) else ()):
            if wertart in _WERTARTEN and isinstance(years, dict):
                found |= {Period(wertart, int(year)) for year in years if str(year).isdigit()}
    return sorted(found, key=lambda p: (_WERTARTEN.index(p.wertart), p.year))


def _union_periods(old: State, new: State) -> list[Period]:
    periods = list(new.computation.periods)
    return periods + [p for p in old.computation.periods if p not in periods]


def _ordered(preferred: Iterable[str], wanted: set[str]) -> list[str]:
    return [number for number in dict.fromkeys(preferred) if number in wanted]
