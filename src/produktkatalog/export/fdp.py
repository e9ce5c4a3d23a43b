"""``katalog export --format fdp``: a Fiscal Data Package, readable by open-data portals and any engine that
reads a Tabular Data Package (frictionless, DuckDB, Spark) without katalog.

- ``plaene.csv``: every stated or computed detail row of every product's plan (sum rows and roll-ups follow
  from them), one line per Kommune, Produkt, Plan, Zeile, Jahr and Wertart; the amount positive with its
  direction in ``richtung`` (revenue, expenditure), as the Fiscal Data Package expects.
- ``kennzahlen.csv``: every Kennzahl value of every level.
- ``datapackage.json``: Table Schemas (codes as text with patterns, so ``08`` stays ``08``), a
  ``columnType`` on every field after Fiscal Data Package 1.0-rc.1, and the 0.3 ``model`` (measures and the
  classification hierarchy Produktbereich → Produktgruppe → Produkt) for OpenSpending-style tools.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from produktkatalog import __version__
from produktkatalog.export.records import PLAN_SOURCES, Catalogue
from produktkatalog.system.atomic import atomic_text, write_text

DIRECTIONS = {"ertrag": "revenue", "einzahlung": "revenue", "aufwand": "expenditure", "auszahlung": "expenditure"}
PHASES = {"ergebnis": "executed", "ansatz": "approved"}  # a Planung has no phase of its own in the standard
_CODE = "([0-9A-Za-z][0-9A-Za-z .-]*)?"


def _field(name: str, title: str, kind: str, column_type: str, **constraints: Any) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "title": title, "type": kind, "columnType": column_type}
    if constraints:
        field["constraints"] = constraints
    return field


PLAN_FIELDS = [
    _field("kommune", "Kommune", "string", "administrative-classification:generic:level1:label", required=True),
    _field("produktbereich", "Produktbereich", "string", "functional-classification:generic:level1:code",
           pattern=_CODE),
    _field("produktbereich_bezeichnung", "Produktbereich (Bezeichnung)", "string",
           "functional-classification:generic:level1:label"),
    _field("produktgruppe", "Produktgruppe", "string", "functional-classification:generic:level2:code",
           pattern=_CODE),
    _field("produktgruppe_bezeichnung", "Produktgruppe (Bezeichnung)", "string",
           "functional-classification:generic:level2:label"),
    _field("produkt", "Produkt", "string", "functional-classification:generic:level3:code", required=True,
           pattern=_CODE),
    _field("produkt_bezeichnung", "Produkt (Bezeichnung)", "string", "functional-classification:generic:level3:label"),
    _field("plan", "Plan", "string", "other", required=True, enum=sorted(PLAN_SOURCES.values())),
    _field("zeile", "Zeile des Plans (Nummer der Zeilenvorlage)", "string",
           "economic-classification:generic:level1:code", required=True, pattern=_CODE),
    _field("zeile_bezeichnung", "Zeile (Bezeichnung)", "string", "economic-classification:generic:level1:label"),
    _field("richtung", "Richtung", "string", "direction", required=True, enum=["expenditure", "revenue"]),
    _field("jahr", "Jahr", "integer", "date:fiscal-year", required=True, minimum=1900, maximum=2199),
    _field("wertart", "Wertart (ergebnis, ansatz, planung, betrag)", "string", "value-kind:code", required=True,
           enum=["ansatz", "betrag", "ergebnis", "planung"]),
    _field("phase", "Haushaltsphase (leer für Planung)", "string", "phase:id",
           enum=["", "adjusted", "approved", "executed", "proposed"]),
    _field("betrag", "Betrag in EUR (positiv; Richtung in richtung)", "number", "value", required=True),
]
FIGURE_FIELDS = [
    _field("kommune", "Kommune", "string", "administrative-classification:generic:level1:label", required=True),
    _field("ebene", "Ebene", "string", "other", required=True,
           enum=["gesamt", "produkt", "produktbereich", "produktgruppe", "teilhaushalt"]),
    _field("nummer", "Nummer (leer für den Gesamtplan)", "string", "functional-classification:generic:level1:code",
           pattern=_CODE),
    _field("bezeichnung", "Bezeichnung der Ebene", "string", "functional-classification:generic:level1:label"),
    _field("leistung", "Leistung (leer für Kennzahlen des Produkts)", "string", "activity:generic:level1:code",
           pattern=_CODE),
    _field("kennung", "Kennung der Kennzahl", "string", "other", required=True, pattern="[a-z][a-z0-9_]*"),
    _field("kennzahl", "Kennzahl", "string", "other"),
    _field("einheit", "Einheit", "string", "other"),
    _field("jahr", "Jahr", "integer", "date:fiscal-year", required=True, minimum=1900, maximum=2199),
    _field("wertart", "Wertart", "string", "value-kind:code", required=True,
           enum=["ansatz", "betrag", "ergebnis", "planung"]),
    _field("wert", "Wert (volle Genauigkeit)", "number", "value", required=True),
]


def write(catalogues: list[Catalogue], folder: Path) -> list[Path]:
    """Writes the package into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    plans, figures = folder / "plaene.csv", folder / "kennzahlen.csv"
    _write_csv(plans, PLAN_FIELDS, (row for c in catalogues for row in _plan_rows(c)))
    _write_csv(figures, FIGURE_FIELDS, (row for c in catalogues for row in _figure_rows(c)))
    descriptor = folder / "datapackage.json"
    write_text(descriptor, json.dumps(_descriptor(catalogues), ensure_ascii=False, indent=2) + "\n")
    return [descriptor, plans, figures]


def _write_csv(path: Path, fields: list[dict[str, Any]], rows: Iterator[list[str]]) -> None:
    with atomic_text(path) as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow([field["name"] for field in fields])
        writer.writerows(rows)


def _plan_rows(catalogue: Catalogue) -> Iterator[list[str]]:
    for value in catalogue.plan_values("produkt", origins=False):
        direction = DIRECTIONS.get(value.nature)
        factor = _TO_EURO.get(value.unit)
        if direction is None or factor is None:  # sum and darunter rows follow from the detail rows; a plan in
            continue  # EUR je Einwohner has no amount in euros (the descriptor says so)
        amount = (-value.value if direction == "expenditure" else value.value) * factor
        holder = value.holder
        yield [catalogue.kommune, holder.area, holder.area_name, holder.group, holder.group_name, holder.number,
               holder.name, PLAN_SOURCES[value.statement], value.row, value.row_name, direction,
               str(value.period.year), value.period.wertart, PHASES.get(value.period.wertart, ""), _plain(amount)]


def _figure_rows(catalogue: Catalogue) -> Iterator[list[str]]:
    for found in catalogue.figure_values():
        if isinstance(found.value, Decimal) and found.period.wertart in ("ergebnis", "ansatz", "planung", "betrag"):
            figure = found.line.figure
            yield [catalogue.kommune, found.holder.level, found.holder.number, found.holder.name,
                   figure.text("leistung") or "", figure.ident, figure.text("bezeichnung") or "", found.line.unit,
                   str(found.period.year), found.period.wertart, _plain(found.value)]


_TO_EURO = {"EUR": Decimal(1), "T€": Decimal(1000)}  # a plan's einheit → euros


def _plain(value: Decimal) -> str:
    return format(value, "f")


def _resource(name: str, path: str, title: str, fields: list[dict[str, Any]], key: list[str]) -> dict[str, Any]:
    return {"name": name, "path": path, "title": title, "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "dialect": {"delimiter": ",", "header": True},
            "schema": {"fields": fields, "primaryKey": key, "missingValues": []}}


def _descriptor(catalogues: list[Catalogue]) -> dict[str, Any]:
    kommunen = ", ".join(sorted({c.kommune for c in catalogues}))
    years = sorted({p.year for c in catalogues for p in c.periods})
    budget_years = sorted({c.year for c in catalogues if c.year})
    return {
        "name": _name(f"{kommunen}-haushalt-{'-'.join(map(str, budget_years))}"),
        "title": f"{kommunen}: Produkthaushalt {', '.join(map(str, budget_years))}".strip(),
        "description": "Teilergebnis- und Teilfinanzpläne je Produkt (Einzelzeilen; Summen und Roll-ups folgen "
                       "daraus) und alle Kennzahlen, exportiert mit katalog. Beträge positiv in Euro (Pläne in T€ "
                       "umgerechnet, Pläne in EUR je Einwohner nicht enthalten), die Richtung steht in richtung.",
        "version": __version__, "countryCode": "DE", "granularity": "aggregated",
        **({"fiscalPeriod": {"start": f"{years[0]}-01-01", "end": f"{years[-1]}-12-31"}} if years else {}),
        "keywords": ["Haushalt", "Produkthaushalt", "Teilergebnisplan", "Kennzahlen"],
        "resources": [
            _resource("plaene", "plaene.csv", "Teilpläne je Produkt", PLAN_FIELDS,
                      ["kommune", "produkt", "plan", "zeile", "jahr", "wertart"]),
            _resource("kennzahlen", "kennzahlen.csv", "Kennzahlen", FIGURE_FIELDS,
                      ["kommune", "ebene", "nummer", "leistung", "kennung", "jahr", "wertart"]),
        ],
        "model": _model(),
    }


def _model() -> dict[str, Any]:
    """The Fiscal Data Package 0.3 model: one measure, the functional hierarchy as a parent chain."""
    def attributes(*names: str) -> dict[str, Any]:
        return {name: {"source": name} for name in names}

    product = {"produktbereich": {"source": "produktbereich"},
               "produktbereich_bezeichnung": {"source": "produktbereich_bezeichnung", "labelfor": "produktbereich"},
               "produktgruppe": {"source": "produktgruppe", "parent": "produktbereich"},
               "produktgruppe_bezeichnung": {"source": "produktgruppe_bezeichnung", "labelfor": "produktgruppe"},
               "code": {"source": "produkt", "parent": "produktgruppe"},
               "produkt_bezeichnung": {"source": "produkt_bezeichnung", "labelfor": "code"}}
    return {
        "measures": {"betrag": {"source": "betrag", "currency": "EUR", "factor": 1, "resource": "plaene"}},
        "dimensions": {
            "kommune": {"dimensionType": "entity", "attributes": attributes("kommune"), "primaryKey": ["kommune"]},
            "produkt": {"dimensionType": "classification", "classificationType": "functional",
                        "attributes": product, "primaryKey": ["code"]},
            "zeile": {"dimensionType": "classification", "classificationType": "economic",
                      "attributes": {"plan": {"source": "plan"}, "code": {"source": "zeile", "parent": "plan"},
                                     "zeile_bezeichnung": {"source": "zeile_bezeichnung", "labelfor": "code"}},
                      "primaryKey": ["plan", "code"]},
            "richtung": {"dimensionType": "other", "attributes": attributes("richtung"), "primaryKey": ["richtung"]},
            "wertart": {"dimensionType": "other", "attributes": attributes("wertart", "phase"),
                        "primaryKey": ["wertart"]},
            "datum": {"dimensionType": "datetime", "attributes": attributes("jahr"), "primaryKey": ["jahr"]},
        },
    }


def _name(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.replace("ß", "ss")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9._-]+", "-", ascii_text.lower()).strip("-") or "katalog"
