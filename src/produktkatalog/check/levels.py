"""Level files (produktbereich.yaml, produktgruppe.yaml, teilhaushalt.yaml) sit where their number says.

A level's number exists in the Produktrahmen and begins its folder's name (K240); a Produktgruppe lies in the
folder of its Produktbereich (K240); a product inside a level's folder belongs to that level (K241); a level is
described once (K202); a Teilhaushalt names only numbers the catalogue knows (K207).
"""

from __future__ import annotations

from collections.abc import Iterator

from produktkatalog.findings import Finding, error
from produktkatalog.model import Level, canonical
from produktkatalog.model.index import Index
from produktkatalog.model.owners import LEVEL_NAMES, level_owner
from produktkatalog.model.placement import Placement
from produktkatalog.wording.text import suggestion

_PLURALS = {"produktgruppe": "produktgruppen", "produktbereich": "produktbereiche"}
_OF = {"produktgruppe": "der Produktgruppe", "produktbereich": "des Produktbereichs"}
_THE = {"produktgruppe": "Die Produktgruppe", "produktbereich": "Den Produktbereich"}


def check(index: Index) -> Iterator[Finding]:
    catalogue = index.catalogue
    seen: dict[object, Level] = {}
    for level in catalogue.levels:
        if not level.number.strip():
            continue  # the schema names the missing number
        first = seen.setdefault(level_owner(level), level)
        if first is not level:
            yield error("K202", level.file, f"{LEVEL_NAMES[level.level]} {level.number} ist schon in {first.file} "
                        "beschrieben.", "Beschreiben Sie jede Ebene in einer Datei.", path=("nummer",))
        yield from _number(index, level)
    yield from _products_in_levels(index)
    yield from _teilhaushalte(index)


def _folder_digits(name: str) -> str:
    """The digits a folder name begins with („0201-buergerservice“ → 0201), or ""."""
    head = name.split("-", 1)[0] if "-" in name else name
    return canonical(head) if head[:1].isdigit() else ""


def _number(index: Index, level: Level) -> Iterator[Finding]:
    if level.level == "teilhaushalt":
        number = level.number.strip()
        if level.folder_name != number and not level.folder_name.startswith(f"{number}-"):
            yield error("K240", level.file, f"Der Ordner „{level.folder_name}“ beginnt nicht mit der Nummer des "
                        f"Teilhaushalts {level.number}.", f"Benennen Sie den Ordner „{number}-…“.",
                        path=("nummer",))
        return
    key = level.key
    known = index.framework.names(_PLURALS[level.level]) if index.framework else None
    if known is not None and key not in known:
        hint = suggestion(key, known) or ("Ergänzen Sie die Produktgruppe in katalog.yaml unter produktrahmen → "
                                          "produktgruppen." if level.level == "produktgruppe" else
                                          f"Produktbereiche: {', '.join(sorted(known))}.")
        yield error("K240", level.file, f"{_THE[level.level]} {level.number} gibt es im Produktrahmen "
                    f"„{index.framework.name if index.framework else ''}“ nicht.", hint, path=("nummer",))
    digits = _folder_digits(level.folder_name)
    if digits != key:
        yield error("K240", level.file, f"Der Ordner „{level.folder_name}“ passt nicht zur Nummer {level.number} "
                    f"{_OF[level.level]}.",
                    f"Benennen Sie den Ordner „{key}-…“, oder korrigieren Sie die Nummer.", path=("nummer",))
    elif level.level == "produktgruppe":
        yield from _group_in_area(index, level)


def _group_in_area(index: Index, level: Level) -> Iterator[Finding]:
    parent = level.folder.rsplit("/", 2)
    area_digits = _folder_digits(parent[-2]) if len(parent) == 3 else ""
    area = Placement(index.framework).area(level.key)
    if area and area_digits and area_digits != area:
        yield error("K240", level.file, f"Die Produktgruppe {level.number} gehört zum Produktbereich {area}, ihr "
                    f"Ordner liegt aber im Ordner „{parent[-2]}“.", f"Verschieben Sie den Ordner in den Ordner des "
                    f"Produktbereichs {area}.", path=("nummer",))


def _products_in_levels(index: Index) -> Iterator[Finding]:
    catalogue = index.catalogue
    levels = catalogue.level_by_folder()
    placement = Placement(index.framework)
    for product in catalogue.products:
        group = placement.group(product)
        belongs = {"produktgruppe": group, "produktbereich": placement.area(group)}
        folder = product.folder
        while "/" in folder:
            folder = folder.rsplit("/", 1)[0]
            level = levels.get(folder)
            if level is None or level.level not in belongs or _folder_digits(level.folder_name) != level.key:
                continue  # a level whose folder contradicts its number has its own finding (K240)
            if belongs[level.level] != level.key:
                own = belongs[level.level]
                yield error("K241", product.file, f"Das Produkt {product.number or product.folder_name} liegt im "
                            f"Ordner {_OF[level.level]} {level.number}, gehört aber "
                            f"{f'zu {own}' if own else 'nicht dazu'}.",
                            "Verschieben Sie den Ordner des Produkts, oder korrigieren Sie seine Nummer bzw. "
                            "produktgruppe.", path=("nummer",) if product.number else ())


def _teilhaushalte(index: Index) -> Iterator[Finding]:
    catalogue = index.catalogue
    framework = index.framework
    known = {p.key for p in catalogue.products if p.key} | {lv.key for lv in catalogue.levels
                                                             if lv.level != "teilhaushalt"}
    if framework is not None:
        known |= set(framework.names("produktgruppen")) | set(framework.names("produktbereiche"))
    for level in catalogue.levels:
        if level.level != "teilhaushalt":
            continue
        for position, number in enumerate(level.members):
            if canonical(number) not in known:
                yield error("K207", level.file, f"Der Teilhaushalt {level.number} umfasst „{number}“; weder ein "
                            "Produkt noch eine Produktgruppe oder ein Produktbereich trägt diese Nummer.",
                            suggestion(canonical(number), known) or "Nennen Sie Nummern von Produktbereichen, "
                            "Produktgruppen oder Produkten.", path=("umfasst", position))
