"""Row templates: the rows of a Teilergebnis- or Teilfinanzplan as a Land's Haushaltsverordnung fixes them.

This module holds the one rule by which row numbers are matched (``row_key``): checks, tables, formulas
(``zeile("1")``) and pages all find a row through ``RowTemplate.find``. A template read from a file may be
an extension of another (``basis``); ``model.template_edits`` applies it, ``model.template_problems``
judges it, ``model.template_choice`` picks the template a plan follows.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

ROLES = ("ordentliche_ertraege", "ordentliche_aufwendungen", "personalaufwendungen", "ordentliches_ergebnis",
         "ergebnis", "einzahlungen_investitionen", "auszahlungen_investitionen", "saldo_investitionen")
Place = tuple[str | int, ...]  # a path in the template file, e.g. ("zeilen", 3) or ("zeilen_entfernen", 0)
Problem = tuple[Place, str, str]  # (where, German message, hint)
_SIGNED = {"ertrag", "aufwand", "einzahlung", "auszahlung"}


def row_key(number: str) -> str:
    """What a row number is matched by: a number made only of the digits 0-9 without its leading zeros
    ("1" = "01" = "001", "10" = "010", but "1" ≠ "10" ≠ "100"); any other number exactly as written
    ("E1", "1.2a", "S1", "JE")."""
    if number.isascii() and number.isdigit():
        return number.lstrip("0") or "0"
    return number


@dataclass(frozen=True)
class Row:
    number: str  # the row's key in plan files, as the template writes it
    name: str
    nature: str  # ertrag, aufwand, einzahlung, auszahlung, summe, darunter
    parts: tuple[str, ...] = ()  # rows a sum adds up
    under: str | None = None  # the row a "darunter" line details; never added
    role: str | None = None  # what the row means across Länder, e.g. ordentliche_aufwendungen
    unnumbered: bool = False  # printed without a number (ohne_nummer); the key stays its identity
    either_sign: bool = False  # vorzeichen: beide, printed "+/-" (Bestandsveränderungen): either sign fits

    @property
    def shown_number(self) -> str:
        """The number a page prints: none for a row the print shows without one."""
        return "" if self.unnumbered else self.number


@dataclass(frozen=True)
class Addition:
    row: Row
    after: str | None = None  # nach
    before: str | None = None  # vor


@dataclass(frozen=True)
class Edits:
    """What an extension does to its base, applied in this order."""

    remove: tuple[str, ...] = ()  # zeilen_entfernen
    replace: tuple[Row, ...] = ()  # zeilen_ersetzen: whole rows, by number
    add: tuple[Addition, ...] = ()  # zeilen_hinzufuegen


@dataclass(frozen=True)
class RowTemplate:
    """The rows of a Teilergebnis- or Teilfinanzplan as a Land's Haushaltsverordnung fixes them."""

    ident: str
    name: str
    land: str
    statement: str  # ergebnisplan or finanzplan
    source: str
    rows: tuple[Row, ...]
    base: str | None = None  # basis: the template this one extends
    edits: Edits | None = field(default=None, compare=False)
    valid_from: int | None = None  # gueltig_ab, a Haushaltsjahr (inclusive)
    valid_until: int | None = None  # gueltig_bis (inclusive)
    sign: str | None = None  # vorzeichen: how amounts are entered under this template
    printed_sign: str | None = None  # vorzeichen_druck: how the source prints them (documentation)

    @property
    def convention(self) -> str:
        """The sign convention amounts are entered under (``vorzeichen``); aufwand_negativ where none is named."""
        return self.sign or "aufwand_negativ"

    @functools.cached_property
    def by_number(self) -> dict[str, Row]:
        return {row.number: row for row in self.rows}

    @functools.cached_property
    def by_key(self) -> dict[str, Row]:
        found: dict[str, Row] = {}
        for row in self.rows:
            found.setdefault(row_key(row.number), row)
        return found

    @functools.cached_property
    def by_role(self) -> dict[str, Row]:
        return {row.role: row for row in self.rows if row.role}

    @functools.cached_property
    def in_order(self) -> tuple[Row, ...]:
        """The rows with every sum after its parts (a sound template has no cycles)."""
        ordered: dict[str, Row] = {}

        def place(row: Row, path: frozenset[str]) -> None:
            if row.number in ordered or row.number in path:
                return
            for part in row.parts:
                if part in self.by_number:
                    place(self.by_number[part], path | {row.number})
            ordered[row.number] = row

        for row in self.rows:
            place(row, frozenset())
        return tuple(ordered.values())

    @functools.cached_property
    def sign_classes(self) -> dict[str, str]:
        """row number → what its amounts are for a sign convention (``model.conventions``): its nature for a
        detail row; "beide" for a row printed "+/-"; a darunter line's row's class; a sum's parts' class where
        all its detail rows agree (ordentliche Aufwendungen: aufwand), else "summe" (a Saldo)."""
        classes: dict[str, str] = {}
        sides: dict[str, str] = {}  # what a row counts as in a sum: a "+/-" row as its nature
        for row in self.in_order:  # every sum after its parts
            if row.parts:
                kinds = {sides.get(part, "summe") for part in row.parts}
                sides[row.number] = kinds.pop() if len(kinds) == 1 and kinds <= _SIGNED else "summe"
            else:
                sides[row.number] = row.nature
            classes[row.number] = "beide" if row.either_sign else sides[row.number]
        for row in self.rows:
            if row.nature == "darunter" and row.under in classes:
                classes[row.number] = classes[row.under]
        return classes

    def find(self, number: str) -> Row | None:
        """The row a number means under the matching rule (``row_key``)."""
        return self.by_key.get(row_key(number))

    def row(self, name: str) -> Row | None:
        """A row by its number, or by its role (so one formula serves every Land)."""
        return self.find(name) or self.by_role.get(name)

    def keyed(self, rows: Mapping[str, Any]) -> dict[str, Any]:
        """A plan's stated rows under the template's own numbers ("01" of a plan → row "1"); rows the
        template lacks keep their key. Of two keys meaning one row the first counts; the check reports it."""
        found: dict[str, Any] = {}
        for number, values in rows.items():
            row = self.find(number)
            found.setdefault(row.number if row else number, values)
        return found

    @property
    def years(self) -> str:
        """The Haushaltsjahre the template applies to, in German: "ab 2019", "bis 2018", "2014–2016"."""
        start, end = self.valid_from, self.valid_until
        if start is not None and end is not None:
            return f"{start}–{end}"
        if start is not None:
            return f"ab {start}"
        return f"bis {end}" if end is not None else "alle Haushaltsjahre"

    def valid_in(self, year: int | None) -> bool:
        """Whether the template applies to Haushaltsjahr ``year`` (no year: every template applies)."""
        if year is None:
            return True
        return (self.valid_from is None or self.valid_from <= year) and (
            self.valid_until is None or year <= self.valid_until)


def row_template(data: dict[str, Any]) -> RowTemplate:
    """A template from its file's data; any shape is accepted, ``model.template_problems`` judges it.

    An extension (``basis``) comes back with its edits and no rows; ``template_edits`` resolves it.
    """
    base = _optional(data.get("basis"))
    edits = Edits(tuple(_text(n) for n in _list(data.get("zeilen_entfernen"))),
                  tuple(_rows(data.get("zeilen_ersetzen"))),
                  tuple(Addition(row, _optional(spec.get("nach")), _optional(spec.get("vor")))
                        for row, spec in zip(_rows(data.get("zeilen_hinzufuegen")), _mappings(
                            data.get("zeilen_hinzufuegen")), strict=True))) if base is not None else None
    template = RowTemplate(_text(data.get("id")), _text(data.get("name")), _text(data.get("land")),
                           _text(data.get("plan")), _text(data.get("quelle")), tuple(_rows(data.get("zeilen"))),
                           base, edits, as_year(data.get("gueltig_ab")), as_year(data.get("gueltig_bis")),
                           _optional(data.get("vorzeichen")), _optional(data.get("vorzeichen_druck")))
    return template if base is not None else settled(template)


def settled(template: RowTemplate) -> RowTemplate:
    """The template with every number named under ``summe`` and ``darunter_von`` written as the row it
    means, so sums add up the rows the matching rule finds. Unknown numbers stay; the problems name them."""
    def exact(number: str) -> str:
        row = template.find(number)
        return row.number if row else number

    rows = tuple(replace(row, parts=tuple(exact(p) for p in row.parts),
                         under=exact(row.under) if row.under is not None else None) for row in template.rows)
    return replace(template, rows=rows)


def _rows(value: Any) -> list[Row]:
    return [Row(_text(r.get("nummer")), _text(r.get("bezeichnung")), _text(r.get("art")),
                tuple(_text(p) for p in _list(r.get("summe"))), _optional(r.get("darunter_von")),
                _optional(r.get("rolle")), r.get("ohne_nummer") is True, r.get("vorzeichen") == "beide")
            for r in _mappings(value)]


def _mappings(value: Any) -> list[dict[str, Any]]:
    return [item for item in _list(value) if isinstance(item, dict)]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _optional(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def as_year(value: Any) -> int | None:
    """A Haushaltsjahr as written: ``2019`` (or ``2019.0``, an integer by JSON Schema); anything else is none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    return value if isinstance(value, int) else None
