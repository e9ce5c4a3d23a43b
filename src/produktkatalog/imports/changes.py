"""What an import changes in the catalogue: per file the values to set, the products and Produktgruppen to
add, and the findings for values that differ from the catalogue's (kept unless overwriting), for owners the
catalogue lacks and for levels without a level file (whose plans have no folder to go to).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from produktkatalog.findings import Finding, error, warning
from produktkatalog.imports.patch import Change
from produktkatalog.imports.plans import PLAN_FILES, PlanData, default_template
from produktkatalog.imports.records import FigureEntry, Holder, Where
from produktkatalog.model import Kennzahl, Level, Plan, Product, canonical, template_of
from produktkatalog.model.conventions import converted, factors, input_convention
from produktkatalog.model.index import Index
from produktkatalog.model.plan_rows import computed_sum
from produktkatalog.model.values import Period
from produktkatalog.wording.numbers import number

GROUP_DIGITS = {"nrw": 4, "imk": 3}  # the longest Produktgruppe number of a scheme; products have more digits
PLAN_TITLES = {"ergebnisplan": "Teilergebnisplan", "finanzplan": "Teilfinanzplan"}
LEVEL_NAMES = {"produktgruppe": "Produktgruppen", "produktbereich": "Produktbereiche", "teilhaushalt": "Teilhaushalte"}
_HOLDER_NAMES = {"produkt": "Produkt", "produktgruppe": "Produktgruppe", "produktbereich": "Produktbereich",
                 "teilhaushalt": "Teilhaushalt"}
_FILES = {"produktgruppe": "produktgruppe.yaml", "produktbereich": "produktbereich.yaml",
          "teilhaushalt": "teilhaushalt.yaml"}


@dataclass
class FileChanges:
    path: Path  # relative to the catalogue folder, except for products still to be created
    kind: str  # plan, kennzahl, katalog
    changes: list[Change] = field(default_factory=list)
    order: list[str] = field(default_factory=list)
    product: str = ""  # a product still to be created: its number (the path is then relative to its folder)
    header: str = ""  # first comment of a new file


@dataclass
class Counts:
    new: int = 0
    same: int = 0
    kept: int = 0  # differing, kept
    replaced: int = 0


@dataclass
class Planned:
    files: dict[str, FileChanges] = field(default_factory=dict)
    products: dict[str, str] = field(default_factory=dict)  # number → Bezeichnung, to be created
    groups: dict[str, str] = field(default_factory=dict)  # Produktgruppe → name, to be added to katalog.yaml
    counts: Counts = field(default_factory=Counts)
    findings: list[Finding] = field(default_factory=list)

    def add(self, key: str, path: Path, kind: str, change: Change, **extra: Any) -> None:
        entry = self.files.setdefault(key, FileChanges(path, kind, **extra))
        entry.changes.append(change)


@dataclass
class Planner:
    index: Index
    shown: str  # the source, for findings
    overwrite: bool
    origin: str  # source file name, for the header of new files
    planned: Planned = field(default_factory=Planned)

    def plans(self, plans: list[PlanData]) -> None:
        for plan in plans:
            if plan.holder.level != "produkt":
                level = self._level(plan.holder)
                if level is None:
                    self.planned.findings.append(level_not_supported(plan.holder.level, plan, self.shown))
                else:
                    self._plan(plan, level.folder, level)
                continue
            folder, product = self._product(plan.holder, first(plan.where))
            if folder is None:
                continue
            self._plan(plan, folder, product)

    def _level(self, holder: Holder) -> Level | None:
        """The level file (produktgruppe.yaml, produktbereich.yaml, teilhaushalt.yaml) a level's plan goes to."""
        return next((level for level in self.index.catalogue.levels
                     if level.level == holder.level and level.key == holder.key and holder.key), None)

    def _product(self, holder: Holder, where: Where) -> tuple[str | None, Product | None]:
        found = self.index.numbered.get(holder.key)
        if isinstance(found, Product):
            return found.folder, found
        framework = self.index.framework
        if framework is not None and len(holder.key) <= GROUP_DIGITS.get(framework.scheme, 0):
            self.planned.findings.append(error(
                "I315", self.shown, f"{holder.number} ist keine Produktnummer; im Produktrahmen „{framework.name}“ "
                "haben Produkte mehr Stellen. Vermutlich ist es eine Produktgruppe.",
                "Nennen Sie die Ebene: --ebene produktgruppe (oder produktbereich).", line=where.line,
                column=where.column))
            return None, None
        for level in ("produktgruppen", "produktbereiche"):
            if framework is not None and holder.key in framework.names(level):
                self.planned.findings.append(error(
                    "I315", self.shown, f"{holder.number} ist im Katalog kein Produkt, sondern eine "
                    f"{level[:-1].capitalize()}.", f"Nennen Sie die Ebene: --ebene {level[:-1]}.",
                    line=where.line, column=where.column))
                return None, None
        if found is not None or not holder.name:
            why = (f"die Nummer gehört zu {found.file}" if found is not None else
                   "die Quelle nennt keine Bezeichnung, mit der katalog es anlegen könnte")
            self.planned.findings.append(error("I315", self.shown, f"Das Produkt {holder.number} gibt es im Katalog "
                                               f"nicht, und {why}.", "Legen Sie es mit katalog new produkt an.",
                                               line=where.line, column=where.column))
            return None, None
        if not self._group(holder, where):
            return None, None
        self.planned.products.setdefault(holder.key, holder.name)
        return "", None

    def _group(self, holder: Holder, where: Where) -> bool:
        framework = self.index.framework
        if framework is None or framework.group_for(holder.key) is not None:
            return True
        if any(holder.key.startswith(group) for group in self.planned.groups):
            return True
        group = holder.group or ""
        if group and holder.group_name and holder.key.startswith(group) and holder.key != group:
            self.planned.groups[group] = holder.group_name
            return True
        self.planned.findings.append(error(
            "I315", self.shown, f"Zum Produkt {holder.number} kennt der Katalog keine Produktgruppe, und die Quelle "
            "nennt keine (mit Bezeichnung).", "Ergänzen Sie die Produktgruppe in katalog.yaml unter produktrahmen → "
            "produktgruppen.", line=where.line, column=where.column))
        return False

    def _plan(self, plan: PlanData, folder: str, product: Product | Level | None) -> None:
        """A product's or a level's plan (``product`` None: a product still to be created)."""
        name = PLAN_FILES[plan.statement]
        existing = next((p for p in self.index.catalogue.plans
                         if product is not None and p.product_folder == folder and p.statement == plan.statement), None)
        rows = existing.mapping("zeilen") if existing is not None else {}
        if existing is not None and plan.named and template_of(existing, self.index.catalogue) is not plan.template:
            where = first(plan.where)
            self.planned.findings.append(error(
                "I311", self.shown, f"Der Plan {existing.file} folgt einer anderen Zeilenvorlage als die Quelle "
                f"({plan.template.ident}).", "Nennen Sie in der Zuordnung die Vorlage des Plans.", line=where.line,
                column=where.column))
            return
        key = f"{plan.holder.level}/{plan.holder.key}/{name}"
        path = Path(existing.file) if existing is not None else Path(folder) / name
        extra: dict[str, Any] = {"order": [row.number for row in plan.template.rows],
                                 "product": "" if product is not None else plan.holder.key,
                                 "header": f"{PLAN_TITLES[plan.statement]} {_HOLDER_NAMES[plan.holder.level]} "
                                           f"{plan.holder.number}, übernommen "
                                           f"mit katalog import aus {self.origin}"}
        if existing is None and plan.named and plan.template is not default_template(self.index.catalogue,
                                                                                      plan.statement):
            self.planned.add(key, path, "plan", (("vorlage",), plan.template.ident), **extra)
        written: dict[str, Any] = {}
        # the source's amounts are canonical; the plan file gets them as it is entered (model.conventions)
        signs = factors(plan.template, input_convention(existing or Plan(path.as_posix(), {}), self.index.catalogue,
                                                        plan.template))
        for (row, period), amount in sorted(plan.values.items(), key=lambda item: plan.where[item[0]].line):
            value = -amount if signs.get(row) == -1 else amount
            stated = _stated(rows.get(row), period)
            if self._decide(stated, value, plan.where[(row, period)], f"Zeile {row} {period}", path):
                self.planned.add(key, path, "plan", (("zeilen", row, period.wertart, str(period.year)), value),
                                 **extra)
                written.setdefault(row, {}).setdefault(period.wertart, {})[str(period.year)] = value
        if written:
            for change in _restated_sums(plan, rows, written, signs):
                self.planned.add(key, path, "plan", change, **extra)

    def figures(self, entries: list[FigureEntry]) -> None:
        for entry in entries:
            figure = self._figure(entry)
            if figure is None:
                continue
            if figure.text("formel") and entry.period.wertart != "ziel":
                self.planned.findings.append(warning(
                    "I313", self.shown, f"{entry.where.cell}: Die Kennzahl {figure.ident} wird berechnet "
                    f"({figure.text('formel')}); der Wert der Quelle bleibt weg.", "Übernehmen Sie nur Grundzahlen "
                    "und Zielwerte.", line=entry.where.line, column=entry.where.column))
                continue
            stated = _stated(figure.data.get("werte"), entry.period)
            if self._decide(stated, entry.value, entry.where, f"{figure.ident} {entry.period}", Path(figure.file)):
                self.planned.add(figure.file, Path(figure.file), "kennzahl",
                                 (("werte", entry.period.wertart, str(entry.period.year)), entry.value))

    def _figure(self, entry: FigureEntry) -> Kennzahl | None:
        folder: str | None = None
        if entry.holder.level != "gesamt":
            product = self.index.numbered.get(entry.holder.key)
            folder = product.folder if isinstance(product, Product) else None
            if folder is None:
                self._missing(entry, f"Das Produkt {entry.holder.number} gibt es im Katalog nicht.")
                return None
        scope = (folder, canonical(entry.leistung) or None)
        figure = self.index.figures.get(scope, {}).get(entry.ident)
        if figure is None or figure.shipped:
            where = f"im Produkt {entry.holder.number}" if folder else "im Katalog"
            self._missing(entry, f"Eine Kennzahl „{entry.ident}“ gibt es {where} nicht.")
            return None
        return figure

    def _missing(self, entry: FigureEntry, message: str) -> None:
        self.planned.findings.append(error("I315", self.shown, f"{entry.where.cell}: {message}",
                                           "Legen Sie sie mit katalog new kennzahl an und importieren Sie erneut.",
                                           line=entry.where.line, column=entry.where.column))

    def _decide(self, stated: Decimal | None, value: Decimal, where: Where, what: str, path: Path) -> bool:
        """Whether to write ``value``: new, or differing with --ueberschreiben; differing otherwise is reported."""
        counts = self.planned.counts
        if stated is None:
            counts.new += 1
            return True
        if stated == value:
            counts.same += 1
            return False
        if self.overwrite:
            counts.replaced += 1
            return True
        counts.kept += 1
        self.planned.findings.append(warning(
            "I313", self.shown, f"{where.cell}: {what} ist im Katalog {number(stated, 2)} ({path}), die Quelle "
            f"nennt {number(value, 2)}; der Wert des Katalogs bleibt.", "Mit --ueberschreiben übernimmt katalog "
            "den Wert der Quelle.", line=where.line, column=where.column))
        return False


def _restated_sums(plan: PlanData, rows: dict[str, Any], written: dict[str, Any], signs: dict[str, int]
                   ) -> list[Change]:
    """Sum rows the catalogue's plan states, recomputed after the import changed their parts, so that a plan
    which states its sums (as a finance system prints them) stays consistent. Added up canonical, written as the
    plan is entered (``signs``)."""
    merged: dict[str, dict[str, dict[str, Any]]] = {}
    for source in (rows, written):
        for row, values in source.items():
            for kind, by_year in (values.items() if isinstance(values, dict) else ()):
                if isinstance(by_year, dict):
                    merged.setdefault(row, {}).setdefault(kind, {}).update(by_year)
    merged = converted(merged, signs)
    changes: list[Change] = []
    for spec in plan.template.in_order:  # in order: a restated sum is a part of the sums below it
        row, values = spec.number, rows.get(spec.number)
        if not spec.parts or not isinstance(values, dict):
            continue
        for kind, by_year in values.items():
            for year in by_year if isinstance(by_year, dict) else ():
                period = Period(kind, int(year)) if str(year).isdigit() else None
                computed = computed_sum(plan.template, merged, row, period) if period else None
                if computed is not None and signs.get(row) == -1:
                    computed = -computed
                if period is not None and computed is not None and computed != _stated(values, period):
                    changes.append((("zeilen", row, kind, str(year)), computed))
                    merged[row][kind][str(year)] = computed
    return changes


def level_not_supported(level: str, plan: PlanData, shown: str) -> Finding:
    """The one seam for plans above the product: a level's plan goes into the folder of its level file, so a level
    without one cannot take it."""
    where = first(plan.where)
    return error("I314", shown, f"Die Quelle enthält Pläne für {LEVEL_NAMES.get(level, level)} "
                 f"({plan.holder.number}), aber der Katalog hat für diese Ebene keine {_FILES.get(level, 'Datei')}; "
                 "die Pläne werden nicht übernommen.",
                 f"Legen Sie die Ebene mit ihrer {_FILES.get(level, 'Datei')} an (z. B. produkte/<Bereich>/"
                 "<Gruppe>/produktgruppe.yaml) und importieren Sie erneut. Die Summen der Quelle hat katalog "
                 "trotzdem geprüft (Abweichungen stünden als I312 dabei).", line=where.line, column=where.column)


def first(where: dict[Any, Where]) -> Where:
    return min(where.values(), key=lambda w: (w.line, w.column), default=Where(1, 1, ""))


def _stated(by_kind: Any, period: Period) -> Decimal | None:
    values = by_kind.get(period.wertart) if isinstance(by_kind, dict) else None
    value = values.get(str(period.year)) if isinstance(values, dict) else None
    if isinstance(value, dict):
        value = value.get("wert")
    return Decimal(value) if isinstance(value, (int, Decimal)) and not isinstance(value, bool) else None
