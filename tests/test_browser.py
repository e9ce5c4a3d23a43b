"""The rendered site as a reader sees it: every page in a real (headless) Chromium, and a Produktblatt printed to PDF.

Chromium is Debian's ``chromium`` package (``.ci/run`` installs it), driven by Playwright without Playwright's own
browser download. Without a ``chromium`` on the PATH these tests are skipped.
"""

from __future__ import annotations

import io
import re
import shutil
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from pypdf import PdfReader
from typer.testing import CliRunner

from conftest import BUNDLED
from produktkatalog.cli import app

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SHEET = "beispielstadt/produkte/020101-buergerbuero.html"
SCREEN = {"width": 1280, "height": 900}
A4_POINTS = (595.28, 841.89)
GERMAN_AMOUNT = re.compile(r"-?\d{1,3}(?:\.\d{3})+,\d{2}")

pytestmark = [pytest.mark.slow, pytest.mark.skipif(CHROMIUM is None, reason="kein chromium auf dem PATH (Debian-Paket "
                                                                            "chromium; .ci/run installiert es)")]

# Everything a test checks on a page, gathered in the page itself.
FACTS_SCRIPT = """() => ({
  lang: document.documentElement.getAttribute("lang"),
  ids: Array.from(document.querySelectorAll("[id]"), e => e.id),
  links: Array.from(document.querySelectorAll("a[href]"), a => a.getAttribute("href")),
  tables: Array.from(document.querySelectorAll("table"), t => ({
    caption: (t.caption ? t.caption.textContent : "").trim(),
    headers: t.querySelectorAll("th").length,
    unscoped: Array.from(t.querySelectorAll("th")).filter(th => !th.getAttribute("scope")).length,
  })),
  sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  pwned: window.__pwned !== undefined,
  scripts: document.scripts.length,
})"""


@dataclass
class PageFacts:
    """What one page showed the browser: its problems and its structure."""

    path: str
    lang: str | None = None
    problems: list[str] = field(default_factory=list)  # console errors, page errors, failed requests
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    tables: list[dict[str, object]] = field(default_factory=list)
    sideways: int = 0  # how far the page scrolls sideways, in CSS pixels
    pwned: bool = False  # window.__pwned was set: a script from catalogue text ran
    scripts: int = 0


def render(catalogue: Path, out: Path) -> None:
    result = CliRunner().invoke(app, ["render", str(catalogue), "--out", str(out), "--no-cache"])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "ausgabe"
    render(BUNDLED, out)
    return out


def visit(page: Page, path: Path, root: Path) -> PageFacts:
    facts = PageFacts(path.relative_to(root).as_posix())
    page.on("console", lambda m: facts.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: facts.problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: facts.problems.append(f"request failed: {r.url} ({r.failure})"))
    page.goto(path.as_uri(), wait_until="load")
    found = page.evaluate(FACTS_SCRIPT)
    facts.lang, facts.ids, facts.links = found["lang"], set(found["ids"]), found["links"]
    facts.tables, facts.sideways = found["tables"], found["sideways"]
    facts.pwned, facts.scripts = found["pwned"], found["scripts"]
    return facts


def visit_all(browser: Browser, site: Path) -> dict[str, PageFacts]:
    """Every HTML page of a site, each loaded in a fresh tab at a desktop width."""
    visited = {}
    for path in sorted(site.rglob("*.html")):
        page = browser.new_page(viewport=SCREEN)
        visited[path.relative_to(site).as_posix()] = visit(page, path, site)
        page.close()
    return visited


@pytest.fixture(scope="module")
def pages(browser: Browser, site: Path) -> dict[str, PageFacts]:
    return visit_all(browser, site)


def test_every_page_loads_without_errors(pages: dict[str, PageFacts]) -> None:
    assert len(pages) > 40  # six catalogues: indexes, sheets, Haushalt and programme pages
    assert {path: facts.problems for path, facts in pages.items() if facts.problems} == {}


def test_every_page_is_german(pages: dict[str, PageFacts]) -> None:
    assert {path for path, facts in pages.items() if facts.lang != "de"} == set()


def internal(href: str) -> bool:
    return not re.match(r"^(https?:|mailto:)", href, re.IGNORECASE)


def test_every_internal_link_reaches_a_page_and_anchor(pages: dict[str, PageFacts], site: Path) -> None:
    broken, anchors = [], 0
    for path, facts in pages.items():
        for href in filter(internal, facts.links):
            parts = urlsplit(href)
            target = (site / path).parent / unquote(parts.path) if parts.path else site / path
            relative = target.resolve().relative_to(site.resolve()).as_posix() if target.exists() else None
            if relative is None or relative not in pages:
                broken.append(f"{path}: {href} (keine Seite)")
            elif parts.fragment:
                anchors += 1
                if unquote(parts.fragment) not in pages[relative].ids:
                    broken.append(f"{path}: {href} (kein Anker)")
    assert broken == []
    assert anchors > 0  # the check above did look at anchors


def test_every_table_has_a_caption_and_scoped_headers(pages: dict[str, PageFacts]) -> None:
    faults = [f"{path}: {table}" for path, facts in pages.items() for table in facts.tables
              if not table["caption"] or not table["headers"] or table["unscoped"]]
    assert faults == []
    assert sum(len(facts.tables) for facts in pages.values()) > 100


def test_no_page_scrolls_sideways_on_a_desktop_screen(pages: dict[str, PageFacts]) -> None:
    """Wide tables scroll inside their own box; the page itself stays as wide as the window."""
    assert {path: facts.sideways for path, facts in pages.items() if facts.sideways > 0} == {}


# --- Printing one Produktblatt ---------------------------------------------------------------------------------

PRINT_SCRIPT = """() => ({
  navigation: Array.from(document.querySelectorAll("nav"), n => getComputedStyle(n).display),
  navigationTexts: Array.from(document.querySelectorAll("nav a"), a => a.textContent.replace(/[←→↑]/g, "").trim()),
  heads: Array.from(document.querySelectorAll("thead"), h => getComputedStyle(h).display),
  charts: Array.from(document.querySelectorAll(".verlauf"), c => getComputedStyle(c).display),
  amounts: Array.from(document.querySelectorAll("td.zahl"), c => c.textContent.trim()),
  sheetStartsPage: getComputedStyle(document.querySelector(".produktblatt")).breakBefore,
  fontSizes: Array.from(document.querySelectorAll("body *"))
    .filter(e => Array.from(e.childNodes).some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
    .map(e => Math.round(parseFloat(getComputedStyle(e).fontSize) * 0.75 * 10) / 10),
})"""


@dataclass
class Printed:
    reader: PdfReader
    text: list[str]  # per page, normalised (ligatures split, spaces collapsed)
    sizes: Counter[float]  # font size in pt of every text run, as printed
    styles: dict[str, list[Any]]


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def printed(browser: Browser, site: Path) -> Printed:
    page = browser.new_page()
    page.goto((site / SHEET).as_uri())
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    page.emulate_media(media="print")
    styles = page.evaluate(PRINT_SCRIPT)
    page.close()
    reader = PdfReader(io.BytesIO(pdf))
    sizes: Counter[float] = Counter()

    def size(text: str, cm: list[float], tm: list[float], font: object, font_size: float) -> None:
        if text.strip():
            sizes[round(font_size * tm[0] * cm[0], 1)] += 1

    text = [normalise(p.extract_text(visitor_text=size)) for p in reader.pages]
    return Printed(reader, text, sizes, styles)


def test_print_is_a4_portrait(printed: Printed) -> None:
    assert len(printed.reader.pages) > 1
    for page in printed.reader.pages:
        assert float(page.mediabox.width) == pytest.approx(A4_POINTS[0], abs=1)
        assert float(page.mediabox.height) == pytest.approx(A4_POINTS[1], abs=1)


def test_print_fits_the_page_without_shrinking(printed: Printed) -> None:
    """Chromium shrinks a page whose content is wider than A4: then no text keeps the size its style gives it."""
    assert printed.sizes[10.0] > 20  # body text at the print stylesheet's 10 pt
    assert set(printed.sizes) <= set(printed.styles["fontSizes"])


def test_the_sheet_starts_on_page_one_without_navigation(printed: Printed) -> None:
    assert printed.text[0].startswith("Beispielstadt (fiktiv) · Produktblatt 020101 Bürgerbüro")
    assert printed.styles["sheetStartsPage"] == "page"  # several sheets printed together: one per page
    assert set(printed.styles["navigation"]) == {"none"}
    everything = " ".join(printed.text)
    assert printed.styles["navigationTexts"]
    assert [t for t in printed.styles["navigationTexts"] if t in everything] == []


def test_table_heads_repeat_and_charts_stay_on_screen(printed: Printed) -> None:
    assert printed.styles["heads"] and set(printed.styles["heads"]) == {"table-header-group"}
    assert printed.styles["charts"] and set(printed.styles["charts"]) == {"none"}


def test_printed_text_holds_every_number_of_the_sheet(printed: Printed) -> None:
    everything = " ".join(printed.text)
    amounts = [normalise(a) for a in printed.styles["amounts"] if a != "—"]
    assert len(amounts) > 50
    assert [a for a in amounts if a not in everything] == []
    assert GERMAN_AMOUNT.search(everything)  # e.g. 1.005.000,00: German grouping and decimal comma
    assert "961.395,92 €" in everything  # Zuschussbedarf 2024, as the catalogue states it


# --- Catalogue text that tries to run code ----------------------------------------------------------------------

INJECTED_NAME = "Bürgerbüro <script>window.__pwned=1</script>"
INJECTED_TEXT = '<img src=x onerror="window.__pwned=1"> <svg onload="window.__pwned=1"></svg>'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the Beispielstadt whose Bürgerbüro carries markup in its name and description."""
    base = tmp_path_factory.mktemp("feindlich")
    catalogue = base / "beispielstadt"
    shutil.copytree(BUNDLED / "beispielstadt", catalogue)
    product = catalogue / "produkte/02-sicherheit-und-ordnung/020101-buergerbuero/produkt.yaml"
    text = product.read_text(encoding="utf-8")
    replaced = (text.replace('bezeichnung: "Bürgerbüro"', f"bezeichnung: '{INJECTED_NAME}'")
                .replace("  Das Bürgerbüro im Rathaus", f"  {INJECTED_TEXT} Das Bürgerbüro im Rathaus"))
    assert replaced.count("__pwned") == 3
    product.write_text(replaced, encoding="utf-8")
    out = base / "ausgabe"
    render(catalogue, out)
    return out


def test_markup_in_catalogue_text_never_runs(browser: Browser, hostile_site: Path) -> None:
    visited = visit_all(browser, hostile_site)
    assert len(visited) > 10
    assert {path for path, facts in visited.items() if facts.pwned or facts.scripts} == set()
    assert {path: facts.problems for path, facts in visited.items() if facts.problems} == {}  # no img request


def test_markup_in_catalogue_text_is_shown_as_text(browser: Browser, hostile_site: Path) -> None:
    page = browser.new_page()
    [sheet] = (hostile_site / "produkte").glob("020101-*.html")
    page.goto(sheet.as_uri())
    assert page.inner_text("h1") == f"020101 {INJECTED_NAME}"
    assert INJECTED_TEXT in page.inner_text("#beschreibung")
    assert page.locator("img, #beschreibung svg").count() == 0
    assert page.evaluate("window.__pwned") is None
    page.close()


# --- The council's view: no identifiers, honest charts, search, live preview ------------------------------------

SNAKE_CASE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
FORMULA = re.compile(r"zeile\(|teile\(|Formel:")


def test_the_council_view_shows_no_identifier_or_formula(browser: Browser, site: Path) -> None:
    """What a reader sees (closed "Technische Angaben" are not seen) has no snake_case Kennung and no formula."""
    shown = {}
    for path in sorted(site.rglob("*.html")):
        page = browser.new_page(viewport=SCREEN)
        page.goto(path.as_uri())
        text = page.inner_text("body")
        technical = page.locator("details.technisch").count()
        page.close()
        found = SNAKE_CASE.findall(text) + FORMULA.findall(text)
        if found:
            shown[path.relative_to(site).as_posix()] = sorted(set(found))
        if "/produkte/" in path.as_posix() and "beispielstadt" in path.as_posix():
            assert technical > 0  # the editors' details are there, folded away
    assert shown == {}


CHART_SCRIPT = """() => Array.from(document.querySelectorAll("svg"), s => ({
  role: s.getAttribute("role"),
  title: (s.querySelector(":scope > title") || {}).textContent || "",
  desc: (s.querySelector(":scope > desc") || {}).textContent || "",
  labelled: (s.getAttribute("aria-labelledby") || "").split(" ").every(id => id && document.getElementById(id)),
}))"""


def test_every_chart_has_a_title_and_a_text_alternative(browser: Browser, site: Path) -> None:
    charts = []
    for path in sorted(site.rglob("*.html")):
        page = browser.new_page(viewport=SCREEN)
        page.goto(path.as_uri())
        charts += [(path.name, chart) for chart in page.evaluate(CHART_SCRIPT)]
        page.close()
    assert len(charts) > 50  # year charts of the sheets, the treemap and the bars of the indexes
    faults = [(name, c) for name, c in charts if c["role"] != "img" or not c["title"].strip()
              or not c["desc"].strip() or not c["labelled"]]
    assert faults == []


def test_index_shows_the_overview_charts(browser: Browser, site: Path) -> None:
    page = browser.new_page(viewport=SCREEN)
    page.goto((site / "beispielstadt/index.html").as_uri())
    assert "Haushaltsjahr 2026 · Stand: Entwurf, 15. September 2025" in page.inner_text("header.titel")
    assert page.locator("svg.karte rect").count() > 14  # a rectangle per product, group and area
    assert "Zuschussbedarf nach Produktbereichen" in page.inner_text("#ueberblick")
    page.close()


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """``katalog serve``'s server and watcher on a copy of the Beispielstadt, on a free port."""
    import threading

    from produktkatalog.preview import Preview, serve_preview
    from produktkatalog.preview.server import watch

    catalogue = tmp_path_factory.mktemp("vorschau") / "beispielstadt"
    shutil.copytree(BUNDLED / "beispielstadt", catalogue)
    state = Preview(catalogue)
    state.build()
    server = serve_preview(state)
    stop = threading.Event()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    threading.Thread(target=watch, args=(state, stop), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", catalogue
    stop.set()
    server.shutdown()
    server.server_close()


def test_search_finds_a_product_by_a_word_of_its_description(browser: Browser, preview: tuple[str, Path]) -> None:
    address, _ = preview
    page = browser.new_page(viewport=SCREEN)
    page.goto(address)
    page.wait_for_selector("#suchfeld input", timeout=30_000)  # the index is built in the background; the page
    # opened before it was ready reloads by itself when it is
    for _ in range(30):  # until the background index is there
        page.fill("#suchfeld input", "Fundsachen")
        try:
            page.wait_for_selector(".pagefind-ui__result-link", timeout=2_000)
            break
        except Exception:
            page.reload()
            page.wait_for_selector("#suchfeld input")
    assert "020101 Bürgerbüro" in page.inner_text(".pagefind-ui__results")
    page.close()


def test_search_box_says_what_to_do_under_file_urls(browser: Browser, tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    result = CliRunner().invoke(app, ["render", str(BUNDLED / "halberstadt"), "--out", str(out), "--no-cache",
                                      "--suche"])
    assert result.exit_code == 0, result.output
    assert (out / "pagefind" / "pagefind-ui.js").is_file()
    page = browser.new_page(viewport=SCREEN)
    page.goto((out / "index.html").as_uri())
    assert "katalog serve" in page.inner_text("#suchhinweis")
    page.close()


def test_preview_reloads_the_open_page_after_a_change(browser: Browser, preview: tuple[str, Path]) -> None:
    address, catalogue = preview
    page = browser.new_page(viewport=SCREEN)
    page.goto(address + "produkte/020101-buergerbuero.html")
    assert page.inner_text("h1") == "020101 Bürgerbüro"
    page.wait_for_timeout(300)  # the event stream is open
    product = catalogue / "produkte/02-sicherheit-und-ordnung/020101-buergerbuero/produkt.yaml"
    text = product.read_text(encoding="utf-8")  # the description: a new name would move the page (its slug)
    assert "  Das Bürgerbüro im Rathaus" in text
    product.write_text(text.replace("  Das Bürgerbüro im Rathaus", "  Das Bürgerbüro am Markt im Rathaus"),
                       encoding="utf-8")
    page.wait_for_function("(document.querySelector('#beschreibung') || {innerText: ''}).innerText"
                           ".includes('am Markt')", timeout=30_000)
    page.close()


def test_preview_shows_the_findings_on_the_page(browser: Browser, preview: tuple[str, Path]) -> None:
    address, catalogue = preview
    page = browser.new_page(viewport=SCREEN)
    page.goto(address)
    product = catalogue / "produkte/02-sicherheit-und-ordnung/020101-buergerbuero/produkt.yaml"
    original = product.read_text(encoding="utf-8")
    product.write_text(original.replace("aufgabenart: pflichtaufgabe_nach_weisung", "aufgabenart: 17"),
                       encoding="utf-8")
    page.wait_for_selector(".vorschau-befunde", timeout=30_000)
    assert "produkt.yaml" in page.inner_text(".vorschau-befunde")
    product.write_text(original, encoding="utf-8")
    page.wait_for_selector(".vorschau-befunde", state="detached", timeout=30_000)
    page.close()
