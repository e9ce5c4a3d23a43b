"""What the book holds, in order: own chapters (Markdown), Gesamtplan, the Teilhaushalte, one chapter per
Produktbereich (its level page, then per Produktgruppe its level page and its Produktblätter), programmes, the
Kennzahlen overview and, on request, the technical appendix.

A level page is whatever the site shows for a Produktbereich, Produktgruppe or Teilhaushalt: its Haushalt page,
with the level's own description, Ziele and stated plan where it has a file of its own. Each chapter is laid out
on its own, so a chapter is the unit of parallel work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markupsafe import Markup

from produktkatalog.render.pages import BudgetPage, CatalogueSite, ProductSheet, ProgrammePage, TreeNode

OWN_CHAPTERS = "buch"  # the catalogue's folder of Markdown chapters (and an optional wappen.png/.svg)
LOGO_NAMES = ("wappen.svg", "wappen.png", "logo.svg", "logo.png")
TEILHAUSHALT_PAGES = "haushalt/teilhaushalt-"  # see render.site: a Teilhaushalt's page
MAX_MARKDOWN = 200_000  # characters of one chapter file; more is not a Vorbericht


@dataclass(frozen=True)
class Entry:
    """One page of a chapter: a sheet, a level page, a programme, the overview or a Markdown text."""

    kind: str  # produkt, haushalt, programm, kennzahlen, technik, text
    title: str  # as its heading reads: the contents and the outline use it
    item: object = None
    text: Markup = field(default_factory=Markup)


@dataclass(frozen=True)
class Chapter:
    title: str
    entries: list[Entry] = field(default_factory=list)

    @property
    def weight(self) -> int:
        """Roughly how long the chapter takes to lay out (for spreading chapters over workers)."""
        return sum(8 if entry.kind in ("produkt", "technik") else 3 for entry in self.entries) + 1


def book_chapters(site: CatalogueSite, root: Path, technical: bool) -> list[Chapter]:
    chapters = own_chapters(root)
    budgets = {budget.page: budget for budget in site.budgets}
    sheets = {sheet.page + ".html": sheet for sheet in site.products}
    whole = budgets.get("haushalt/gesamt")
    if whole is not None:
        chapters.append(Chapter(whole.title, [Entry("haushalt", whole.title, whole)]))
    chapters.append(Chapter("Teilhaushalte", [Entry("haushalt", page.title, page) for name, page in budgets.items()
                                              if name.startswith(TEILHAUSHALT_PAGES)]))
    for area in site.tree:
        chapters.append(_area_chapter(area, budgets, sheets))
    if site.unplaced:
        chapters.append(Chapter("Ohne Produktgruppe", [Entry("produkt", sheets[link.href].title, sheets[link.href])
                                                       for link in site.unplaced if link.href in sheets]))
    if site.programmes:
        chapters.append(Chapter("Programme und Strategien", [_programme(p) for p in site.programmes]))
    if site.products:
        chapters.append(Chapter("Kennzahlen im Überblick", [Entry("kennzahlen", "Kennzahlen im Überblick", site)]))
    if technical and site.products:
        chapters.append(Chapter("Anhang: Technische Angaben",
                                [Entry("technik", sheet.title, sheet) for sheet in site.products]))
    return [chapter for chapter in chapters if chapter.entries]


def _area_chapter(area: TreeNode, budgets: dict[str, BudgetPage], sheets: dict[str, ProductSheet]) -> Chapter:
    title = " ".join(part for part in (area.label, area.number, area.name) if part)
    entries = _level(area, budgets)
    for group in area.children:
        entries += _level(group, budgets)
        entries += [Entry("produkt", sheets[link.href].title, sheets[link.href]) for link in group.products
                    if link.href in sheets]
    return Chapter(title, entries)


def _level(node: TreeNode, budgets: dict[str, BudgetPage]) -> list[Entry]:
    page = budgets.get(node.href.removesuffix(".html")) if node.href else None
    return [Entry("haushalt", page.title, page)] if page is not None else []


def _programme(page: ProgrammePage) -> Entry:
    return Entry("programm", page.name, page)


def own_chapters(root: Path) -> list[Chapter]:
    """``buch/*.md`` of the catalogue in name order; a chapter's title is its first "# " heading.

    Raw HTML in the Markdown is shown as text, never as markup (the text is untrusted like the YAML).
    """
    folder = root / OWN_CHAPTERS
    if not folder.is_dir() or folder.is_symlink():
        return []
    parser = MarkdownIt("commonmark", {"html": False})
    chapters = []
    for path in sorted(folder.glob("*.md")):
        if path.is_symlink() or not path.is_file():
            continue
        source = path.read_text(encoding="utf-8", errors="replace")[:MAX_MARKDOWN]
        title, body = _split_title(source, path.stem)
        text = Markup(parser.render(body))  # escaped by markdown-it: html is off
        chapters.append(Chapter(title, [Entry("text", title, text=text)]))
    return chapters


def _split_title(source: str, fallback: str) -> tuple[str, str]:
    lines = source.splitlines()
    for position, line in enumerate(lines):
        if line.startswith("# "):
            return line[2:].strip() or fallback, "\n".join(lines[:position] + lines[position + 1:])
        if line.strip():
            break
    return fallback.replace("-", " ").replace("_", " ").strip().capitalize(), source


def logo(root: Path) -> Path | None:
    folder = root / OWN_CHAPTERS
    for name in LOGO_NAMES:
        path = folder / name
        if path.is_file() and not path.is_symlink() and not folder.is_symlink():
            return path
    return None
