"""Every Kennung and number a file names must exist."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from produktkatalog.findings import DocPath, Finding, error
from produktkatalog.model import Entry, Leistung, Level, Product, listed
from produktkatalog.model.formula.reads import named_reference
from produktkatalog.model.index import Index, Scope
from produktkatalog.wording.text import shorten, suggestion_and_allowed


def check(index: Index) -> Iterator[Finding]:
    catalogue = index.catalogue
    for product in catalogue.products:
        yield from _vocabularies(index, product)
        yield from _goals(index, product, (product.folder, None))
        yield from _programme_links(index, product, ())
    for leistung in catalogue.leistungen:
        yield from _goals(index, leistung, (leistung.product_folder, leistung.key))
        yield from _programme_links(index, leistung, ())
    for level in catalogue.levels:
        yield from _goals(index, level, (level.folder, None))
        yield from _programme_links(index, level, ())
    for figure in catalogue.kennzahlen:
        yield from _figure_leistung(index, figure)
    if catalogue.settings is not None:
        for position, rule in enumerate(catalogue.settings.items("regeln")):
            yield from _rule_programme(index, rule, position)


def _missing(entry: Entry, path: DocPath, what: str, value: str, choices: Any, where: str = "",
             labels: dict[str, str] | None = None) -> Finding:
    """K207 for a name outside a closed list: the closest entry, the whole list, and where the list comes from.

    Any text gets it, whatever it looks like, so this finding replaces the schema's format finding (S105)
    at the same place (see ``pipeline``): „Pflichtaufgabe nach Weisung“ is answered with the list.
    """
    options = sorted(str(choice) for choice in choices)
    hint = " ".join(part for part in (suggestion_and_allowed(value, options, labels) if options else "", where)
                    if part)
    return error("K207", entry.file, f"{what} „{shorten(value)}“ gibt es nicht.", hint, path=path)


def _vocabularies(index: Index, product: Product) -> Iterator[Finding]:
    for field, vocabulary in (("aufgabenart", "aufgabenarten"), ("produktart", "produktarten")):
        known = index.vocabulary(vocabulary)
        value = product.data.get(field)
        if value is not None and not isinstance(value, (dict, list)) and str(value) not in known:
            yield _missing(product, (field,), f"Die {field.capitalize()}", str(value), known,
                           f"Eigene Liste: katalog.yaml → {vocabulary}.", known)
    known = index.vocabulary("aufgabenarten")
    for position, value in enumerate(product.items("aufgabenarten_zur_auswahl")):
        if isinstance(value, str) and value not in known:
            yield _missing(product, ("aufgabenarten_zur_auswahl", position), "Die Aufgabenart", value, known,
                           "Eigene Liste: katalog.yaml → aufgabenarten.", known)


def _goals(index: Index, entry: Product | Leistung | Level, scope: Scope) -> Iterator[Finding]:
    for position, goal in enumerate(entry.items("ziele")):
        if not isinstance(goal, dict):
            continue
        for number, name in enumerate(listed(goal.get("kennzahlen"))):
            reference = named_reference(name)
            path = ("ziele", position, "kennzahlen", number)
            if reference is None or index.resolve(reference, scope) is None:
                yield _missing(entry, path, "Die Kennzahl", reference.text if reference else str(name),
                               index.visible_names(scope),
                               "Ziele nennen Kennungen aus dem Ordner kennzahlen/ ihres Produkts oder ihrer Ebene.")
        yield from _programme_links(index, entry, ("ziele", position))


def _programme_links(index: Index, entry: Entry, base: DocPath) -> Iterator[Finding]:
    owner: Any = entry.data
    for step in base:
        owner = owner[step]
    for position, link in enumerate(listed(owner.get("programmbezuege"))):
        if not isinstance(link, dict) or not isinstance(link.get("programm"), str):
            continue
        path = (*base, "programmbezuege", position)
        programme = index.programmes.get(link["programm"])
        if programme is None:
            titles = {ident: programme.text("bezeichnung") or "" for ident, programme in index.programmes.items()}
            yield _missing(entry, (*path, "programm"), "Das Programm", link["programm"], index.programmes,
                           "Programme liegen als Dateien im Ordner programme/ des Katalogs.", titles)
            continue
        for number, area in enumerate(listed(link.get("massnahmenbereiche"))):
            if isinstance(area, str) and area not in programme.area_ids:
                yield _missing(entry, (*path, "massnahmenbereiche", number), "Den Maßnahmenbereich", str(area),
                               programme.area_ids, f"Maßnahmenbereiche stehen in {programme.file}.")


def _figure_leistung(index: Index, figure: Any) -> Iterator[Finding]:
    key = figure.leistung_key
    if key is None or figure.product_folder is None:
        return
    owner = index.numbered.get(key)
    if isinstance(owner, Leistung) and owner.product_folder == figure.product_folder:
        return
    own = [le.number for le in index.catalogue.leistungen if le.product_folder == figure.product_folder]
    listing = f"Leistungen dieses Produkts: {', '.join(own) or 'keine'}."
    if isinstance(owner, Leistung):
        yield error("K207", figure.file, f"Die Leistung {owner.number} gehört zu einem anderen Produkt "
                    f"({owner.file}).", listing, path=("leistung",))
    else:
        yield _missing(figure, ("leistung",), "Die Leistung", str(figure.text("leistung")), own,
                       "" if own else listing)


def _rule_programme(index: Index, rule: Any, position: int) -> Iterator[Finding]:
    settings = index.catalogue.settings
    name = rule.get("programm") if isinstance(rule, dict) else None
    if settings is not None and isinstance(name, str) and name not in index.programmes:
        yield _missing(settings, ("regeln", position, "programm"), "Das Programm", name, index.programmes)
