"""Laying out parts of the book with WeasyPrint, one part per call, in worker processes.

Every resource a part may load is checked: the bundled font and the catalogue's own logo are
read from disk, anything else (a link to another file, an address on the network) is refused,
so a catalogue's text cannot make the book read a file or reach a server.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FONT_FILES = {"normal": {"normal": "LiberationSans-Regular.ttf", "italic": "LiberationSans-Italic.ttf"},
              "bold": {"normal": "LiberationSans-Bold.ttf", "italic": "LiberationSans-BoldItalic.ttf"}}


MARGINS = "20mm 13mm 17mm 15mm"  # as buch.css: the page numbers sit in the book's own bottom margin


class BookUnavailable(Exception):
    """WeasyPrint (the extra ``pdf``) or the system libraries it needs are missing."""


@dataclass(frozen=True)
class Part:
    """A laid-out part: the PDF, its page count and its headings for the outline (level, title, page index)."""

    pdf: bytes
    pages: int
    headings: list[tuple[int, str, int]]


def engine() -> Any:
    """The weasyprint module, or ``BookUnavailable`` with what to install, in German."""
    try:
        import weasyprint
    except ImportError as error:
        raise BookUnavailable(
            "Für das Haushaltsbuch fehlt WeasyPrint. Installieren Sie es mit: pip install 'produktkatalog[pdf]'. "
            "Auf Debian/Ubuntu braucht es außerdem: apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
            f"libharfbuzz-subset0 ({error}).") from error
    except OSError as error:  # the Python package is there, Pango is not
        raise BookUnavailable(
            "WeasyPrint ist installiert, findet aber die Systembibliothek Pango nicht. Auf Debian/Ubuntu: "
            f"apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 ({error}).") from error
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # a missing anchor or a CSS hint is not for readers
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return weasyprint


def font_faces(folder: Path) -> str:
    """@font-face rules for the bundled font (files inside the package)."""
    rules = []
    for weight, styles in FONT_FILES.items():
        for style, name in styles.items():
            rules.append(f'@font-face {{ font-family: "Buchschrift"; src: url("{(folder / name).resolve().as_uri()}"); '
                         f"font-weight: {weight}; font-style: {style}; }}")
    return "\n".join(rules)


def fetcher(allowed: list[Path]) -> Any:
    """A URL fetcher that serves only the given files (font, logo) and refuses everything else."""
    urls = engine().urls
    served = {path.resolve().as_uri(): path for path in allowed}

    class OnlyTheBooksFiles(urls.URLFetcher):  # type: ignore[misc,name-defined]
        def fetch(self, url: str, headers: Any = None) -> Any:
            path = served.get(url)
            if path is None:
                raise ValueError(f"not part of the book: {url}")
            return urls.URLFetcherResponse(url, path.read_bytes(), {"Content-Type": _mime(path)})

    return OnlyTheBooksFiles()


def _mime(path: Path) -> str:
    types = {".ttf": "font/ttf", ".svg": "image/svg+xml", ".png": "image/png"}
    return types.get(path.suffix, "application/octet-stream")


def lay_out(html: str, allowed: list[Path]) -> Part:
    """One part as PDF, with the page of every heading that the book's stylesheet gives an outline level."""
    weasyprint = engine()
    document = weasyprint.HTML(string=html, url_fetcher=fetcher(allowed), base_url=None).render()
    headings: list[tuple[int, str, int]] = []
    _flatten(document.make_bookmark_tree(), 1, headings)
    pdf = document.write_pdf()
    return Part(pdf, len(document.pages), headings)


def _flatten(tree: list[Any], level: int, into: list[tuple[int, str, int]]) -> None:
    for bookmark in tree:
        label, (page, _, _), children = bookmark[0], bookmark[1], bookmark[2]
        into.append((level, label, page))
        _flatten(children, level + 1, into)


def numbers_overlay(first: int, count: int, total: int, fonts: Path) -> bytes:
    """``count`` empty A4 pages that carry only "Seite n von total" (n from ``first``) at the bottom right,
    in the book's margins and font."""
    weasyprint = engine()
    pages = "".join(f'<div data-n="Seite {n} von {total}"></div>' for n in range(first, first + count))
    css = (f"{font_faces(fonts)} @page {{ size: A4; margin: {MARGINS}; @bottom-right {{ content: string(nummer); "
           'font-size: 8pt; color: #444; font-family: "Buchschrift"; } } '
           "div { string-set: nummer attr(data-n); break-after: page; height: 1px; }")
    html = f'<!DOCTYPE html><html lang="de"><head><style>{css}</style></head><body>{pages}</body></html>'
    allowed = [fonts / name for styles in FONT_FILES.values() for name in styles.values()]
    return bytes(weasyprint.HTML(string=html, url_fetcher=fetcher(allowed)).write_pdf())
