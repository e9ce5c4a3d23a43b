"""Page keys: one digest of exactly what a page reads, so that a page with unchanged inputs is not rendered.

Every key of a catalogue starts from the same base: the program (every file of
the installed package, which includes the shipped reference data), every
template in use (built-in and the catalogue's own), the catalogue's folder in the
output and its link to the top page. Then, with the built-in templates:

- the layout every page shows of the others (the render stage's skeleton: the
  facts, the product tree, order, titles, pages and navigation of the sheets and
  Haushalt pages, the programme pages) and the catalogue-wide files (katalog.yaml,
  kennzahlen/, zeilenvorlagen/, programme/);
- Produktblatt: the files of its product folder and its unit key (``units``:
  what its values are computed from). No key if the unit key is unknown (a formula
  reaches into another owner) or a Ziel names a Kennzahl of another owner;
- Haushalt page: the unit key of its roll-up (its products' plans, which products);
- programme page: every product's ``programmbezuege``;
- index: the unit key of the Gesamtplan (its overview charts show every product's plan);
- Kennzahlen overview: per product, the digest of its computed values and the files of
  its own Kennzahlen (an edited description does not change it).

A catalogue's own templates may read anything of the context, so with them every
page's key is the base plus every file of the catalogue. Without ``sources``
(``--no-cache``) no page has a key. A page without a key is always rendered.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path

from produktkatalog.compute import Computation
from produktkatalog.compute.goals import named_figures
from produktkatalog.incremental.units import Sources
from produktkatalog.model import Leistung, Product
from produktkatalog.model.owners import GESAMT, Owner, home
from produktkatalog.system.digest import digest

_PACKAGE = Path(__file__).resolve().parent.parent


def key(*parts: str | None) -> str | None:
    """One digest of ``parts``; None if any part is unknown."""
    known = [part for part in parts if part is not None]
    return digest(*known) if len(known) == len(parts) else None


@functools.lru_cache(maxsize=1)
def program_digest() -> str:
    """Every file of the installed package: another version of the program may render differently."""
    return _folder_digest(_PACKAGE, skip="__pycache__")


def templates_digest(folders: Iterable[Path]) -> str:
    return digest(*(_folder_digest(folder) for folder in folders))


def _folder_digest(folder: Path, skip: str = "") -> str:
    parts = []
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if path.is_file() and not path.is_symlink() and skip not in path.relative_to(folder).parts:
            parts += [path.relative_to(folder).as_posix(), digest(path.read_bytes())]
    return digest(*parts)


class PageKeys:
    """The keys of one catalogue's pages, before the format and template are added (``page``).

    ``base``: what every page of the catalogue shows (templates, output folder, link to the top page);
    ``skeleton``: the layout every page shows of the others; ``sheets``: the product folders in page order.
    """

    def __init__(self, computation: Computation, sources: Sources | None, base: str, skeleton: str,
                 sheets: Sequence[str], own_templates: bool) -> None:
        self.computation = computation
        self.sources = sources
        self.sheets = sheets
        start = key(program_digest(), base)
        if sources is None:
            self.base = None
        elif own_templates:
            self.base = key(start, "alles", sources.everything())
        else:
            self.base = key(start, skeleton, sources.digest_of(""))
        self.own_templates = own_templates
        self._sheets: dict[str, str | None] = {}  # page → inputs, the same for every format
        self.leistungen: dict[str, list[Leistung]] = {}
        for entry in computation.index.catalogue.leistungen:
            self.leistungen.setdefault(entry.product_folder, []).append(entry)

    def page(self, inputs: str | None, template: str) -> str | None:
        """The final key of a page that shows ``inputs`` through ``template`` (name with format suffix)."""
        return key(self.base, template, inputs if not self.own_templates else "")

    def sheet(self, page: str, product: Product) -> str | None:
        if page not in self._sheets:
            self._sheets[page] = self._sheet(page, product)
        return self._sheets[page]

    def _sheet(self, page: str, product: Product) -> str | None:
        if self.sources is None or self.own_templates:
            return ""
        owner = Owner("produkt", product.folder)
        values = self.sources.keys.get(owner, "")  # an owner without a unit key has no values at all
        return key("produkt", page, self.sources.digest_of(product.folder), values, self._goals_inside(product))

    def budget(self, page: str, owner: Owner) -> str | None:
        if self.sources is None or self.own_templates:
            return ""
        return key("haushalt", page, self.sources.keys.get(owner))

    def programme(self, page: str) -> str | None:
        if self.sources is None or self.own_templates:
            return ""
        products = sorted(self.computation.index.catalogue.products, key=lambda p: p.folder)
        return key("programm", page, repr([(p.folder, p.data.get("programmbezuege")) for p in products]))

    def index(self) -> str | None:
        if self.sources is None or self.own_templates:
            return ""
        return key("index", self.sources.keys.get(GESAMT, ""))

    def overview(self) -> str | None:
        if self.sources is None or self.own_templates:
            return ""
        sources = self.sources
        files: dict[str, set[str]] = {}
        for figure in self.computation.index.catalogue.kennzahlen:
            if figure.product_folder is not None and figure.leistung_key is None:
                files.setdefault(figure.product_folder, set()).add(figure.file)
        parts = []
        for folder in self.sheets:
            owner = Owner("produkt", folder)
            values = sources.values.get(owner) if owner in sources.keys else ""
            parts.append(key(folder, values, *(sources.digests.get(f) for f in sorted(files.get(folder, ())))))
        return key("kennzahlen", *parts)

    def _goals_inside(self, product: Product) -> str | None:
        """"" if every Zielkennzahl of the product and its Leistungen has its values in the product, else None."""
        owner = Owner("produkt", product.folder)
        entries: list[Product | Leistung] = [product, *self.leistungen.get(product.folder, [])]
        for entry in entries:
            for figure in named_figures(self.computation, entry):
                if not figure.per_owner and home(figure) != owner:
                    return None
        return ""
