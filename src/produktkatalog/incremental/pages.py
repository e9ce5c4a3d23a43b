"""Page keys: one digest of exactly what a page reads, so that a page with unchanged inputs is not rendered.

Every key of a catalogue starts from the same base: the program (every file of
the installed package, which includes the shipped reference data), every
template in use (built-in and the catalogue's own), the catalogue's folder in the
output and its link to the top page. Then, with the built-in templates:

- the layout every page shows of the others (``site.Layout``: the facts, the
  product tree, order, titles, pages and navigation of the sheets and Haushalt
  pages, the programme pages) and the catalogue-wide files (katalog.yaml,
  kennzahlen/, zeilenvorlagen/, programme/);
- Produktblatt: the files of its product folder and its unit key (``compute.units``:
  what its values are computed from). No key if the unit key is unknown (a formula
  reaches into another owner) or a Ziel names a Kennzahl of another owner;
- Haushalt page: the unit key of its roll-up (its products' plans, which products);
- programme page: every product's ``programmbezuege``;
- index: nothing more;
- Kennzahlen overview: per product, the digest of its computed values and the files of
  its own Kennzahlen (an edited description does not change it).

A catalogue's own templates may read anything of the context, so with them every
page's key is the base plus every file of the catalogue. Without ``sources``
(``--no-cache``) no page has a key. A page without a key is always rendered.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from pathlib import Path

from produktkatalog.compute import Computation
from produktkatalog.compute.catalogue import home
from produktkatalog.compute.goals import named_figures
from produktkatalog.compute.tables import Owner
from produktkatalog.incremental.units import Sources
from produktkatalog.model import Leistung, Product
from produktkatalog.render.site import BudgetPlace, Layout, SheetPlace
from produktkatalog.render.views import Link

_PACKAGE = Path(__file__).resolve().parent.parent


def digest(*parts: str | None) -> str | None:
    """One digest of ``parts``; None if any part is unknown."""
    if any(part is None for part in parts):
        return None
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(f"{len(part or '')}:{part}".encode())
    return hasher.hexdigest()


@functools.lru_cache(maxsize=1)
def program_digest() -> str:
    """Every file of the installed package: another version of the program may render differently."""
    return _folder_digest(_PACKAGE, skip="__pycache__")


def templates_digest(folders: Iterable[Path]) -> str:
    return digest(*(_folder_digest(folder) for folder in folders)) or ""


def _folder_digest(folder: Path, skip: str = "") -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if path.is_file() and not path.is_symlink() and skip not in path.relative_to(folder).parts:
            name = path.relative_to(folder).as_posix()
            hasher.update(f"{name}\0{path.stat().st_size}\0".encode("utf-8", "surrogateescape"))
            hasher.update(path.read_bytes())
    return hasher.hexdigest()


class PageKeys:
    """The keys of one catalogue's pages, before the format and template are added (``page``)."""

    def __init__(self, layout: Layout, computation: Computation, templates: str, own_templates: bool,
                 top: Link | None) -> None:
        self.layout = layout
        self.computation = computation
        self.sources: Sources | None = computation.sources
        base = digest(program_digest(), templates, layout.site.folder, repr(top))
        if self.sources is None:
            self.base = None
        elif own_templates:
            self.base = digest(base, "alles", self.sources.everything())
        else:
            self.base = digest(base, self._skeleton(), self.sources.digest_of(""))
        self.own_templates = own_templates
        self._sheets: dict[str, str | None] = {}  # page → inputs, the same for every format
        self.leistungen: dict[str, list[Leistung]] = {}
        for entry in computation.index.catalogue.leistungen:
            self.leistungen.setdefault(entry.product_folder, []).append(entry)

    def page(self, inputs: str | None, template: str) -> str | None:
        """The final key of a page that shows ``inputs`` through ``template`` (name with format suffix)."""
        return digest(self.base, template, inputs if not self.own_templates else "")

    def sheet(self, place: SheetPlace) -> str | None:
        if place.page not in self._sheets:
            self._sheets[place.page] = self._sheet(place)
        return self._sheets[place.page]

    def _sheet(self, place: SheetPlace) -> str | None:
        if self.sources is None or self.own_templates:
            return ""
        folder = place.product.folder
        owner = Owner("produkt", folder)
        values = self.sources.keys.get(owner, "")  # an owner without a unit key has no values at all
        return digest("produkt", place.page, self.sources.digest_of(folder), values, self._goals_inside(place))

    def budget(self, place: BudgetPlace) -> str | None:
        if self.sources is None or self.own_templates:
            return ""
        return digest("haushalt", place.page, self.sources.keys.get(place.owner))

    def programme(self, page: str) -> str | None:
        if self.sources is None or self.own_templates:
            return ""
        products = sorted(self.computation.index.catalogue.products, key=lambda p: p.folder)
        return digest("programm", page, repr([(p.folder, p.data.get("programmbezuege")) for p in products]))

    def overview(self) -> str | None:
        if self.sources is None or self.own_templates:
            return ""
        sources = self.sources
        files: dict[str, set[str]] = {}
        for figure in self.computation.index.catalogue.kennzahlen:
            if figure.product_folder is not None and figure.leistung_key is None:
                files.setdefault(figure.product_folder, set()).add(figure.file)
        parts = []
        for place in self.layout.sheets:
            folder = place.product.folder
            owner = Owner("produkt", folder)
            values = sources.values.get(owner) if owner in sources.keys else ""
            parts.append(digest(folder, values, *(sources.digests.get(f) for f in sorted(files.get(folder, ())))))
        return digest("kennzahlen", *parts)

    def _goals_inside(self, place: SheetPlace) -> str | None:
        """"" if every Zielkennzahl of the product and its Leistungen has its values in the product, else None."""
        owner = Owner("produkt", place.product.folder)
        entries: list[Product | Leistung] = [place.product, *self.leistungen.get(place.product.folder, [])]
        for entry in entries:
            for figure in named_figures(self.computation, entry):
                if not figure.per_owner and home(figure) != owner:
                    return None
        return ""

    def _skeleton(self) -> str:
        layout, site = self.layout, self.layout.site
        return repr((site.name, site.folder, site.facts, site.source, site.rules, site.columns, site.tree,
                     site.unplaced, [(p.product.folder, p.page, p.title, p.nav) for p in layout.sheets],
                     [(b.owner, b.page, b.title, b.nav) for b in layout.budgets],
                     [(p.file, p.ident, page) for p, page in layout.programmes]))
