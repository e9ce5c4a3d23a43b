"""Nothing a bundled product or programme states is silently dropped from its rendered page.

For every bundled catalogue, every text value of a product's files (produkt.yaml, its
Leistungen, Kennzahlen and plans) must appear on the product's HTML sheet, and every
text value of a programme on the programme's page. Allowed differences: whitespace,
a list line's leading "- ", a Kennung shown by its German label (aufgabenart,
art, richtung, a plan's vorzeichen …), and a blank "__" of a goal text filled with its Zielwert.
"""

from __future__ import annotations

import re

import pytest

from conftest import BUNDLED
from produktkatalog.compute.goals import GAP
from produktkatalog.model import Catalogue, Entry
from produktkatalog.model.conventions import SIGN_WORDS
from produktkatalog.model.framework import default_vocabulary
from produktkatalog.render.figures import DIRECTIONS, FIGURE_KINDS
from produktkatalog.render.sheet import GOAL_KINDS, LEISTUNG_KINDS
from produktkatalog.render.site import catalogue_site
from render_helpers import flat, leaves, read_page, render_files

CATALOGUES = sorted(p.name for p in BUNDLED.iterdir() if (p / "katalog.yaml").is_file())


def _labels(catalogue: Catalogue) -> dict[str, str]:
    labels = {**FIGURE_KINDS, **LEISTUNG_KINDS, **GOAL_KINDS, **DIRECTIONS, **SIGN_WORDS}
    for name in ("aufgabenarten", "produktarten"):
        own = catalogue.settings.mapping(name) if catalogue.settings else {}
        labels.update({str(k): str(v) for k, v in (own or default_vocabulary(name)).items()})
    return labels


def _missing(entries: list[Entry], page: str, labels: dict[str, str]) -> list[str]:
    shown = flat(" ".join(read_page(page).texts))
    missing = []
    for entry in entries:
        for path, value in leaves(entry.data):
            if not isinstance(value, str) or not value.strip():
                continue
            wanted = [labels.get(value, value)] if value in labels else _pieces(value)
            if not all(piece in shown or value in shown for piece in wanted):
                missing.append(f"{entry.file}: {'.'.join(map(str, path))} = {value!r}")
    return missing


def _pieces(value: str) -> list[str]:
    """The text as it must appear: line by line (list markers dropped), split at blanks "__"."""
    pieces = []
    for line in value.splitlines():
        line = re.sub(r"^\s*- ", "", line)
        pieces.extend(flat(part) for part in GAP.split(line) if flat(part))
    return pieces


@pytest.mark.parametrize("name", CATALOGUES)
def test_every_text_value_appears_on_its_page(name: str) -> None:
    root = BUNDLED / name
    result, files = render_files(root, ("html",))
    catalogue = result.catalogues[0]
    labels = _labels(catalogue)
    site = catalogue_site(result.computations[0], "", None)
    pages = {sheet.key: files[sheet.page + ".html"].decode() for sheet in site.products}
    missing = []
    for product in catalogue.products:
        page = pages[product.folder]
        entries: list[Entry] = [product,
                                *(e for e in catalogue.leistungen if e.product_folder == product.folder),
                                *(e for e in catalogue.kennzahlen if e.product_folder == product.folder),
                                *(e for e in catalogue.plans if e.product_folder == product.folder)]
        missing += _missing(entries, page, labels)
    for programme in site.programmes:
        entry = next(p for p in catalogue.programmes if p.ident == programme.ident)
        missing += _missing([entry], files[programme.page + ".html"].decode(), labels)
    assert catalogue.products or catalogue.programmes
    assert missing == []
