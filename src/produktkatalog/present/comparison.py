"""Interkommunaler Vergleich: the Standardkennzahlen and chosen Kennzahlen of several catalogues, aligned by the
IMK Produktgruppe of their products (``statistik_produktgruppe``; in an IMK catalogue the product's own group)
and per Einwohner.

Each catalogue's products of one IMK Produktgruppe are added up by row *role* (ordentliche Erträge, ordentliche
Aufwendungen, Personalaufwendungen, Ergebnis), not by row number, so catalogues of different Länder compare
wherever their row templates name these roles. The shipped Standardkennzahlen are then evaluated on those
sums with the catalogue's Einwohner, by the same formula engine as everywhere else.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from produktkatalog.compute import CONTEXT, Computation, evaluate
from produktkatalog.compute.tables import Table
from produktkatalog.model import Kennzahl, Product
from produktkatalog.model.formula import Reference, parse
from produktkatalog.model.framework import framework, standard_figures
from produktkatalog.model.owners import Owner
from produktkatalog.model.plan_rows import total
from produktkatalog.model.row_templates import ROLES
from produktkatalog.model.template_choice import budget_year
from produktkatalog.model.values import NoValue, Outcome, Period
from produktkatalog.wording.numbers import places_for, with_unit

TOTAL = ""  # the group of all products: the whole budget
_ABSOLUTE = ("EUR", "Anzahl", "€", "Euro")


@dataclass(frozen=True)
class Column:
    kommune: str
    period: Period | None  # the column compared; None if the catalogue has none for the year
    residents: Decimal | None


@dataclass(frozen=True)
class Line:
    group: str  # IMK Produktgruppe, "" for all products
    group_name: str
    ident: str
    name: str
    unit: str
    places: int | None
    values: list[Outcome]  # one per column

    def shown(self, index: int) -> str:
        value = self.values[index]
        if isinstance(value, NoValue):
            return "—"
        return with_unit(value, self.unit, places_for(self.unit, self.places, value))


@dataclass
class Comparison:
    year: int
    columns: list[Column]
    lines: list[Line] = field(default_factory=list)


class _Sums:
    """Formula inputs for one catalogue and group: the summed role rows and the Einwohner."""

    def __init__(self, roles: dict[str, Outcome], residents: Decimal | None) -> None:
        self.roles, self.residents = roles, residents

    def figure(self, reference: Reference, period: Period) -> Outcome:
        if reference.name == "einwohner" and self.residents:
            return self.residents
        return NoValue(f"{reference.name} ist im Vergleich nicht bekannt.")

    def row(self, statement: str, name: str, level: str | None, period: Period) -> Outcome:
        value = self.roles.get(name)
        return value if value is not None else NoValue(f"Zeile {name} hat keinen Wert.")

    def previous(self, period: Period) -> Period:
        return period.previous()


def compare(computations: list[Computation], year: int | None, chosen: list[str]) -> Comparison:
    year = year or _budget_year(computations)
    columns = [_column(c, year) for c in computations]
    groups = [_groups(c) for c in computations]
    found = Comparison(year, columns)
    keys = sorted({key for by_group in groups for key in by_group}, key=lambda k: (k == TOTAL, k))
    for key in keys:
        found.lines += _standard_lines(key, computations, groups, columns)
        for ident in chosen:
            found.lines += _chosen_lines(key, ident, computations, groups, columns)
    return found


def _budget_year(computations: list[Computation]) -> int:
    for computation in computations:
        if (year := budget_year(computation.index.catalogue)) is not None:
            return year
    years = [p.year for c in computations for p in c.periods]
    return max(years) if years else 0


def _column(computation: Computation, year: int) -> Column:
    settings = computation.index.catalogue.settings
    kommune = settings.text("kommune") or computation.index.catalogue.root if settings else ""
    period = next((p for p in computation.periods if p.year == year), None)
    residents = settings.mapping("einwohner").get(str(year)) if settings else None
    if isinstance(residents, (int, Decimal)) and not isinstance(residents, bool) and residents > 0:
        return Column(kommune, period, Decimal(residents))
    return Column(kommune, period, None)


def imk_group(product: Product, scheme: str) -> str | None:
    stated = product.text("statistik_produktgruppe")
    if stated:
        return stated
    imk = framework("imk")
    group = imk.group_for(product.key) if scheme == "imk" and imk is not None else None
    return group[:3] if group else None


def _groups(computation: Computation) -> dict[str, list[Product]]:
    catalogue = computation.index.catalogue
    scheme = catalogue.settings.scheme if catalogue.settings else ""
    found: dict[str, list[Product]] = {TOTAL: list(catalogue.products)}
    for product in catalogue.products:
        group = imk_group(product, scheme)
        if group:
            found.setdefault(group, []).append(product)
    return found


def _roles(computation: Computation, products: list[Product], period: Period) -> dict[str, Outcome]:
    """Each role's row added up over the products: a row a plan leaves out counts 0, a kein Wert (``~``, a column
    not drawn up) makes the sum kein Wert with its reason (see ``model.plan_rows``)."""
    sums: dict[str, Outcome] = {}
    for product in products:
        table: Table | None = computation.tables.table(_owner(product), "ergebnisplan")
        if table is None:
            continue
        column = table.column(period)
        for role in ROLES:
            row = table.template.by_role.get(role)
            if row is not None:
                sums[role] = total((sums.get(role, Decimal(0)), column.cells.get(row.number, Decimal(0))))
    return sums


def _owner(product: Product) -> Owner:
    return Owner("produkt", product.folder)


def _group_name(key: str) -> str:
    if key == TOTAL:
        return "Alle Produkte"
    imk = framework("imk")
    return imk.names("produktgruppen").get(key, "") if imk else ""


def _standard_lines(key: str, computations: list[Computation], groups: list[dict[str, list[Product]]],
                    columns: list[Column]) -> Iterator[Line]:
    for data in standard_figures():
        tree = parse(str(data["formel"]))
        values: list[Outcome] = []
        for computation, by_group, column in zip(computations, groups, columns, strict=True):
            products = by_group.get(key)
            if not products or column.period is None:
                values.append(NoValue("Keine Produkte in dieser Gruppe."))
                continue
            roles = _roles(computation, products, column.period)
            values.append(evaluate(tree, column.period, _Sums(roles, column.residents)) if roles
                          else NoValue("Kein Teilergebnisplan."))
        places = data.get("nachkommastellen")
        yield Line(key, _group_name(key), str(data["id"]), str(data["bezeichnung"]), str(data.get("einheit", "")),
                   places if isinstance(places, int) else None, values)


def _chosen_lines(key: str, ident: str, computations: list[Computation], groups: list[dict[str, list[Product]]],
                  columns: list[Column]) -> Iterator[Line]:
    values: list[Outcome] = []
    figure: Kennzahl | None = None
    for computation, by_group, column in zip(computations, groups, columns, strict=True):
        found = _figure_value(computation, by_group.get(key, []), ident, column, key == TOTAL)
        values.append(found[1])
        figure = figure or found[0]
    if figure is None:
        return
    unit = figure.text("einheit") or ""
    places = figure.data.get("nachkommastellen")
    name = figure.text("bezeichnung") or ident
    yield Line(key, _group_name(key), ident, name, unit, places if isinstance(places, int) else None, values)
    if unit in _ABSOLUTE:
        with decimal.localcontext(CONTEXT):  # the precision of every other computed figure
            per_head = [value / column.residents if isinstance(value, Decimal) and column.residents else
                        NoValue("Keine Einwohnerzahl.") for value, column in zip(values, columns, strict=True)]
        yield Line(key, _group_name(key), f"{ident}_je_einwohner", f"{name} je Einwohner", f"{unit} je Einwohner",
                   None, per_head)


def _figure_value(computation: Computation, products: list[Product], ident: str, column: Column,
                  total: bool) -> tuple[Kennzahl | None, Outcome]:
    """The Kennzahl's value for the group: of its one product, or the sum over its products for counts and
    amounts; the catalogue's own for all products."""
    index = computation.index
    folders = [None] if total else [product.folder for product in products]
    found = [(figure, computation.of(figure)) for folder in folders
             if (figure := index.figures.get((folder, None), {}).get(ident)) is not None and not figure.shipped]
    if not found or column.period is None:
        return (found[0][0] if found else None), NoValue("Keine solche Kennzahl in dieser Gruppe.")
    figure = found[0][0]
    values = [series.get(column.period, NoValue("")) for _, series in found]
    if len(values) == 1:
        return figure, values[0]
    if (figure.text("einheit") or "") not in _ABSOLUTE:  # shares and rates of several products do not add up
        return figure, NoValue("Mehrere Produkte der Gruppe haben diese Kennzahl; sie lässt sich nicht addieren.")
    missing = next((value for value in values if isinstance(value, NoValue)), None)
    return figure, missing or sum((v for v in values if isinstance(v, Decimal)), Decimal(0))

