"""Build a ``Catalogue`` from loaded files."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from produktkatalog.load.discover import SourceFile
from produktkatalog.model.framework import standard_figures
from produktkatalog.model.owners import level_owner
from produktkatalog.model.template_choice import own_templates
from produktkatalog.model.types import (
    Catalogue,
    Column,
    Entry,
    Kennzahl,
    Leistung,
    Level,
    Plan,
    Product,
    Programme,
    Settings,
)

LEVEL_KINDS = ("produktbereich", "produktgruppe", "teilhaushalt")


def build_catalogue(root: str, loaded: Iterable[tuple[SourceFile, dict[str, Any] | None]]) -> Catalogue:
    """Files whose data could not be loaded are left out; their findings say why."""
    catalogue = Catalogue(root, None)
    for source, data in loaded:
        if source.kind is None:
            catalogue.unplaced.append(source.shown)
        elif source.kind == "produkt" and source.product_dir:
            catalogue.product_folders.add(source.product_dir)
        elif source.kind in LEVEL_KINDS and source.product_dir:
            catalogue.level_folders[source.product_dir] = source.kind
        if source.kind is not None and data is not None:
            _add(catalogue, source, data)
    _place_level_figures(catalogue)
    catalogue.own_templates = own_templates(catalogue.template_files)
    catalogue.kennzahlen.extend(_shipped_figures(catalogue))
    return catalogue


def _add(catalogue: Catalogue, source: SourceFile, data: dict[str, Any]) -> None:
    kind, file, folder = source.kind, source.shown, source.product_dir or ""
    if kind == "katalog":
        catalogue.settings = Settings(file, data, _columns(data))
    elif kind == "produkt":
        catalogue.products.append(Product(file, data, folder))
    elif kind in LEVEL_KINDS:
        catalogue.levels.append(Level(file, data, folder, kind))
    elif kind == "leistung":
        catalogue.leistungen.append(Leistung(file, data, folder))
    elif kind == "kennzahl":
        catalogue.kennzahlen.append(Kennzahl(file, data, source.product_dir))
    elif kind == "plan":
        catalogue.plans.append(Plan(file, data, folder))
    elif kind == "programm":
        catalogue.programmes.append(Programme(file, data))
    elif kind == "zeilenvorlage":
        catalogue.template_files.append(Entry(file, data))


def _place_level_figures(catalogue: Catalogue) -> None:
    """A Kennzahl in a level's folder belongs to that level (its plan, its page)."""
    levels = catalogue.level_by_folder()
    for figure in catalogue.kennzahlen:
        level = levels.get(figure.product_folder or "")
        if level is not None:
            owner = level_owner(level)
            figure.level = (owner.level, owner.key)


def _shipped_figures(catalogue: Catalogue) -> list[Kennzahl]:
    """The shipped Standardkennzahlen, unless the catalogue turns them off or has its own of the same Kennung."""
    settings = catalogue.settings
    if settings is None or settings.data.get("standardkennzahlen") is False:
        return []
    own = {figure.ident for figure in catalogue.kennzahlen if figure.product_folder is None}
    return [Kennzahl(settings.file, data, None, shipped=True) for data in standard_figures()
            if data.get("id") not in own]


def _columns(data: dict[str, Any]) -> list[Column]:
    columns = data.get("spalten")
    if not isinstance(columns, list):
        return []
    return [Column(str(c.get("art")), _year(c.get("jahr")), c["titel"] if isinstance(c.get("titel"), str) else "",
                   c.get("vorlaeufig") is True) for c in columns if isinstance(c, dict)]


def _year(value: Any) -> str:
    """Years are compared as text; ``2024`` and ``2024.0`` (an integer by JSON Schema) are both "2024"."""
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return str(int(value))
    return str(value)
