"""The book, top to bottom: chapters → HTML → parts laid out in parallel → contents → numbers → one PDF.

Contents page numbers need every chapter's length, and every chapter's place needs the length of
the front matter. The front matter's length depends on how many entries the contents lists, not on
their numbers, so it is laid out once with placeholder numbers, then the chapters (in parallel
processes, largest first), then the front matter with the real numbers. "Seite x von y" needs the
total; it is laid out last on empty pages and stamped onto the book's pages.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from produktkatalog.book.assemble import join
from produktkatalog.book.chapters import Chapter, book_chapters, logo
from produktkatalog.book.layout import BookUnavailable, Part, engine, font_faces, lay_out, numbers_overlay
from produktkatalog.compute import Computation
from produktkatalog.render.environment import Templates, templates_for
from produktkatalog.render.pages import CatalogueSite
from produktkatalog.render.site import catalogue_layout
from produktkatalog.system.pool import in_processes
from produktkatalog.system.resources import reference_dir

FONTS = "schrift"
STAMPS_PER_PROCESS = 400  # pages of page numbers laid out in one go
Progress = Callable[[str], None]

__all__ = ["BookUnavailable", "make_book"]


@dataclass(frozen=True)
class BookFacts:
    """What every part of the book shows: the template's ``buch``."""

    title: str
    name: str
    year: str
    stand: str
    logo: str  # file address of the catalogue's logo, or ""
    fonts: str  # @font-face rules of the bundled font
    stylesheets: str
    head: str  # the running head (top left) as a CSS string


class BookContext(TypedDict):
    buch: BookFacts
    katalog: CatalogueSite
    kapitel: Chapter | None
    inhalt: list[tuple[int, str, str]]
    wurzel: str


def make_book(computation: Computation, technical: bool = False, workers: int | None = None,
              progress: Progress | None = None) -> tuple[bytes, int]:
    """The PDF of one catalogue's Haushaltsplan and its number of pages."""
    engine()  # says what is missing before any work is done
    root = Path(computation.index.catalogue.root)
    site = catalogue_layout(computation, "", None).site
    chapters = book_chapters(site, root, technical)
    templates = templates_for(root)
    facts = _facts(site, root, templates)
    allowed = [*_font_files(), *([found] if (found := logo(root)) else [])]
    html = functools.partial(_html, templates, facts, site)
    _say(progress, f"{len(chapters)} Kapitel setzen …")
    draft = lay_out(html(None, _placeholder_contents(chapters)), allowed)
    order = sorted(range(len(chapters)), key=lambda i: -chapters[i].weight)
    laid = in_processes(_lay_out_each, [(html(chapters[i], []), allowed) for i in order], workers, minimum=2)
    parts: list[Part] = [Part(b"", 0, [])] * len(chapters)
    for position, part in zip(order, laid, strict=True):
        parts[position] = part
    outline = _outline(parts, draft.pages)
    front = lay_out(html(None, [(level, title, str(page + 1)) for level, title, page in outline]), allowed)
    if front.pages != draft.pages:  # cannot happen unless a number's width breaks a line: the book would lie
        raise RuntimeError("contents changed length between its two layouts")
    total = front.pages + sum(part.pages for part in parts)
    _say(progress, f"{total} Seiten nummerieren …")
    chunks = [(first, min(STAMPS_PER_PROCESS, total - first + 1), total)
              for first in range(2, total + 1, STAMPS_PER_PROCESS)]
    stamps = in_processes(_stamp_each, chunks, workers, minimum=2)
    pdf = join([front, *parts], stamps, [(1, "Inhalt", 1 if front.pages > 1 else 0), *outline],
               {"Title": facts.title, "Author": facts.name, "Subject": f"Stand: {facts.stand}",
                "Creator": "katalog buch", "Producer": "katalog buch"})
    return pdf, total


def _say(progress: Progress | None, text: str) -> None:
    if progress is not None:
        progress(text)


def _lay_out_each(items: list[tuple[str, list[Path]]]) -> list[Part]:
    return [lay_out(html, allowed) for html, allowed in items]


def _stamp_each(chunks: list[tuple[int, int, int]]) -> list[bytes]:
    return [numbers_overlay(first, count, total, reference_dir() / FONTS) for first, count, total in chunks]


def _outline(parts: list[Part], front_pages: int) -> list[tuple[int, str, int]]:
    """(level, title, page index in the book) of every chapter and every page title, in reading order."""
    entries = []
    start = front_pages
    for part in parts:
        entries += [(level, title, start + page) for level, title, page in part.headings if level <= 2]
        start += part.pages
    return entries


def _placeholder_contents(chapters: list[Chapter]) -> list[tuple[int, str, str]]:
    return [entry for chapter in chapters for entry in
            [(1, chapter.title, "0000"), *((2, e.title, "0000") for e in chapter.entries)]]


def _html(templates: Templates, facts: BookFacts, site: CatalogueSite, chapter: Chapter | None,
          contents: list[tuple[int, str, str]]) -> str:
    context = BookContext(buch=facts, katalog=site, kapitel=chapter, inhalt=contents, wurzel="")
    return templates.template("buch.html.j2").render(context)


def _facts(site: CatalogueSite, root: Path, templates: Templates) -> BookFacts:
    title = " ".join(part for part in ("Haushaltsplan", site.year, site.name) if part)
    found = logo(root)
    head = " · ".join(part for part in (site.name, f"Haushaltsplan {site.year}" if site.year else "") if part)
    sheets = "\n".join(templates.raw(name) for name in ("stil.css", "druck.css", "buch.css"))
    return BookFacts(title, site.name, site.year, site.stand, found.resolve().as_uri() if found else "",
                     font_faces(reference_dir() / FONTS), sheets.replace("</", "<\\/"), css_string(head))


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string that no character of it can end early."""
    escaped = "".join(ch if ch.isalnum() or ch in " .,:;·()-–/&'" else f"\\{ord(ch):x} " for ch in text)
    return f'"{escaped}"'


def _font_files() -> list[Path]:
    folder = reference_dir() / FONTS
    return sorted(folder.glob("*.ttf"))
