"""Small generated catalogues for the shipped row templates, and an independent reading of the template files.

The expected values of the tests come from here: the template files read with plain ``yaml``, extensions
applied by a few lines of list editing, sums by plain recursion over ``summe`` lists. None of it uses the
engine's template code.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from produktkatalog.system.resources import reference_dir

TEMPLATES = sorted((reference_dir() / "zeilen").glob("*.yaml"))


def raw_template(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text("utf-8"))  # type: ignore[no-any-return]


def by_ident() -> dict[str, dict[str, Any]]:
    return {data["id"]: data for data in map(raw_template, TEMPLATES)}


def resolved(data: dict[str, Any]) -> dict[str, Any]:
    """A template file's rows with its extension applied: remove, replace, then add (nach/vor)."""
    if "basis" not in data:
        return data
    base = resolved(by_ident()[data["basis"]])
    rows = [r for r in base["zeilen"] if r["nummer"] not in data.get("zeilen_entfernen", [])]
    for new in data.get("zeilen_ersetzen", []):
        rows = [new if r["nummer"] == new["nummer"] else r for r in rows]
    for new in data.get("zeilen_hinzufuegen", []):
        row = {k: v for k, v in new.items() if k not in ("nach", "vor")}
        numbers = [r["nummer"] for r in rows]
        at = numbers.index(new["nach"]) + 1 if "nach" in new else numbers.index(new["vor"]) if "vor" in new \
            else len(rows)
        rows.insert(at, row)
    merged = {**base, **{k: v for k, v in data.items() if not k.startswith("zeilen")}}
    return {**merged, "zeilen": rows}


def detail_rows(template: dict[str, Any]) -> list[str]:
    return [row["nummer"] for row in template["zeilen"] if row["art"] not in ("summe", "darunter")]


def sum_rows(template: dict[str, Any]) -> list[str]:
    return [row["nummer"] for row in template["zeilen"] if row["art"] == "summe"]


def expected(template: dict[str, Any], amounts: dict[str, Decimal], number: str) -> Decimal:
    row = next(r for r in template["zeilen"] if r["nummer"] == number)
    if row["art"] == "summe":
        return sum((expected(template, amounts, part) for part in row["summe"]), Decimal(0))
    return amounts.get(number, Decimal(0))


def amounts_for(template: dict[str, Any], seed: int) -> dict[str, Decimal]:
    """Distinct cent amounts per detail row; Aufwendungen negative, as the templates expect."""
    rows = {r["nummer"]: r for r in template["zeilen"]}
    return {number: (Decimal(seed * 1000 + 17 * position) + Decimal("0.37") * (position % 3))
            * (-1 if rows[number]["art"] in ("aufwand", "auszahlung") else 1)
            for position, number in enumerate(detail_rows(template), start=1)}


@dataclass(frozen=True)
class Setup:
    """Where the three products of a template's test catalogue sit, and for which Haushaltsjahr."""

    land: str
    scheme: str
    groups: tuple[str, str]
    area: str
    year: int
    chosen: str | None  # the template named in katalog.yaml; None: chosen by Land and year

    @property
    def products(self) -> tuple[str, str, str]:
        first, second = self.groups
        return f"{first}01", f"{first}02", f"{second}01"


def setup_for(data: dict[str, Any]) -> Setup:
    """Two Produktgruppen in one Produktbereich of the template's Land, in a year the template applies to;
    a variant (an extension) is named, since katalog never chooses one by Land."""
    template = resolved(data)
    land = template["land"]
    groups, area = (("0101", "0102"), "01") if land == "NW" else (("111", "112"), "11")
    year = template.get("gueltig_bis") or max(template.get("gueltig_ab") or 0, 2025)
    return Setup(land, "nrw" if land == "NW" else "imk", groups, area, year,
                 data["id"] if "basis" in data else None)


def write_catalogue(root: Path, setup: Setup, plans: dict[str, dict[str, Decimal]], plan_file: str,
                    statement: str = "ergebnisplan") -> None:
    """Three products: two in the first Produktgruppe, one in the second; both groups in one Produktbereich.
    ``plans``: product number → amounts of the Ergebnis column (the Ansatz column holds twice as much)."""
    root.mkdir(parents=True)
    group_lines = "".join(f'    "{g}": "Gruppe {g}"\n' for g in setup.groups)
    chosen = f"zeilenvorlagen:\n  {statement}: {setup.chosen}\n" if setup.chosen else ""
    year = setup.year
    (root / "katalog.yaml").write_text(
        f'kommune: "Teststadt"\nland: {setup.land}\nproduktrahmen:\n  schema: {setup.scheme}\n'
        f"  produktgruppen:\n{group_lines}haushaltsjahr: {year}\n{chosen}"
        f"spalten:\n  - {{art: ergebnis, jahr: {year - 1}}}\n  - {{art: ansatz, jahr: {year}}}\n"
        f"einwohner: {{{year - 1}: 40000, {year}: 40100}}\n", "utf-8")
    for number, amounts in plans.items():
        group = setup.groups[0] if number.startswith(setup.groups[0]) else setup.groups[1]
        folder = root / "produkte" / f"{setup.area}-bereich" / f"{number}-produkt"
        folder.mkdir(parents=True)
        (folder / "produkt.yaml").write_text(f'nummer: "{number}"\nbezeichnung: "Produkt {number}"\n'
                                             f'produktgruppe: "{group}"\n', "utf-8")
        lines = "".join(f'  "{row}":\n    ergebnis: {{{year - 1}: {value}}}\n    ansatz: {{{year}: {value * 2}}}\n'
                        for row, value in amounts.items())
        (folder / plan_file).write_text(f"zeilen:\n{lines}", "utf-8")


def plan_file_of(template: dict[str, Any]) -> str:
    return "teilfinanzplan.yaml" if template["plan"] == "finanzplan" else "teilergebnisplan.yaml"
