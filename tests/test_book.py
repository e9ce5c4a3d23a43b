"""The printed Haushaltsplan (katalog buch), read back with a PDF reader.

Every outline entry and every contents entry points at the page that shows its heading; every page
after the title page says "Seite x von y"; every amount a sheet shows is in the PDF's text; the same
catalogue gives the same text and page count. Without WeasyPrint (the extra ``pdf``) the book
tests are skipped; ``.ci/run`` installs it with its system libraries.
"""

from __future__ import annotations

import io
import re
import shutil
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from conftest import BUNDLED
from produktkatalog.cli import app
from produktkatalog.pipeline import validate
from produktkatalog.render.site import catalogue_site

try:
    import weasyprint  # noqa: F401
    ENGINE = ""
except (ImportError, OSError) as error:  # the package or the Pango library is missing
    ENGINE = str(error)

needs_engine = pytest.mark.skipif(bool(ENGINE), reason=f"WeasyPrint fehlt (pip install '.[pdf]'): {ENGINE}")
CONTENTS_LINE = re.compile(r"^(?P<title>.+?)\s*(?:\.\s*){3,}(?P<page>\d+)$")


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).replace("\u00ad", "").replace("\u2010", "-").split())


def book_of(catalogue: Path, out: Path, *options: str) -> PdfReader:
    result = CliRunner().invoke(app, ["buch", str(catalogue), "--out", str(out), "--no-cache", *options])
    assert result.exit_code == 0, result.output
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert f"{out}: {len(reader.pages)} Seiten." in result.output
    return reader


def texts(reader: PdfReader) -> list[str]:
    return [normalise(page.extract_text()) for page in reader.pages]


def contents(reader: PdfReader) -> list[tuple[str, int]]:
    """(title, page number) of every entry of the contents, which begins on page 2."""
    entries = []
    for page in reader.pages[1:]:
        lines = page.extract_text().splitlines()
        if not any(normalise(line) == "Inhalt" for line in lines) and not entries:
            break
        found = [CONTENTS_LINE.match(normalise(line)) for line in lines]
        if not any(found):
            break
        entries += [(match["title"], int(match["page"])) for match in found if match]
    return entries


def outline(reader: PdfReader) -> list[tuple[str, int]]:
    def walk(items: list[object]) -> list[tuple[str, int]]:
        found = []
        for item in items:
            if isinstance(item, list):
                found += walk(item)
            else:
                found.append((normalise(item.title), reader.get_destination_page_number(item)))  # type: ignore[attr-defined]
        return found

    return walk(reader.outline)


def check_book(reader: PdfReader, catalogue: Path, with_amounts: bool = True) -> None:
    pages = texts(reader)
    total = len(pages)
    # every page after the title page carries its number
    assert [i + 1 for i, text in enumerate(pages[1:], start=1) if f"Seite {i + 1} von {total}" not in text] == []
    # contents: each entry's page shows its heading
    listed = contents(reader)
    assert len(listed) > 3
    assert [(title, page) for title, page in listed if title not in pages[page - 1]] == []
    # outline: the same
    marks = outline(reader)
    assert len(marks) >= len(listed)
    assert [(title, page) for title, page in marks if title not in pages[page]] == []
    if not with_amounts:
        return
    # every amount of every sheet and level page is in the text
    result = validate(catalogue, use_cache=False)
    site = catalogue_site(result.computations[0], "", None)
    everything = " ".join(pages)
    amounts = {cell.text for sheet in site.products for plan in sheet.plans for row in plan.rows
               for cell in row.cells if cell.text != "—"}
    amounts |= {cell.text for sheet in site.products for group in sheet.figures for row in group.rows
                for cell in row.cells if cell.text != "—"}
    assert amounts
    assert sorted(a for a in amounts if normalise(a) not in everything) == []


@pytest.fixture
def one_area(tmp_path: Path) -> Path:
    """The Beispielstadt with its Produktbereich 02 only: a book of some 17 pages with every kind of amount."""
    catalogue = tmp_path / "beispielstadt"
    shutil.copytree(BUNDLED / "beispielstadt", catalogue)
    for area in (catalogue / "produkte").iterdir():
        if not area.name.startswith("02-"):
            shutil.rmtree(area)
    return catalogue


@pytest.mark.slow
@needs_engine
def test_small_book_has_contents_outline_numbers_and_every_amount(one_area: Path, tmp_path: Path) -> None:
    reader = book_of(one_area, tmp_path / "buch.pdf")
    check_book(reader, one_area)
    first = texts(reader)[0]
    assert "Haushaltsplan 2026" in first and "Beispielstadt (fiktiv)" in first
    assert "Stand: Entwurf, 15. September 2025" in first
    assert reader.metadata is not None and reader.metadata.title == "Haushaltsplan 2026 Beispielstadt (fiktiv)"
    assert reader.trailer["/Root"]["/Lang"] == "de"
    running = [text for text in texts(reader)[2:] if "Beispielstadt (fiktiv) · Haushaltsplan 2026" not in text]
    assert running == []  # the running head on every page after the front matter


@pytest.mark.slow
@needs_engine
def test_fonts_are_the_bundled_font_embedded(tmp_path: Path) -> None:
    reader = book_of(BUNDLED / "halberstadt", tmp_path / "buch.pdf")
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            described = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in described  # embedded
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert {"Buchschrift", "Buchschrift-Bold"} <= fonts  # the text's font; a system font only for symbols (☒)


@needs_engine
def test_own_markdown_chapter_is_a_chapter_and_its_html_stays_text(tmp_path: Path) -> None:
    catalogue = tmp_path / "halberstadt"
    shutil.copytree(BUNDLED / "halberstadt", catalogue)
    (catalogue / "buch").mkdir()
    (catalogue / "buch" / "01-vorbericht.md").write_text(
        "# Vorbericht\n\nDer Haushalt ist *ausgeglichen*.\n\n<img src='file:///etc/passwd'>\n", encoding="utf-8")
    reader = book_of(catalogue, tmp_path / "buch.pdf")
    check_book(reader, catalogue, with_amounts=False)
    pages = texts(reader)
    assert ("Vorbericht", 3) in contents(reader)
    assert "Der Haushalt ist ausgeglichen." in pages[2]
    assert "<img src='file:///etc/passwd'>" in pages[2]  # shown as text, never loaded


def test_missing_weasyprint_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint now raises ImportError
    result = CliRunner().invoke(app, ["buch", str(BUNDLED / "halberstadt"), "--out", str(tmp_path / "b.pdf"),
                                      "--no-cache"])
    assert result.exit_code == 2
    assert "pip install 'produktkatalog[pdf]'" in result.output
    assert "libpango-1.0-0" in result.output
    assert not (tmp_path / "b.pdf").exists()


def test_several_catalogues_ask_for_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["buch", str(BUNDLED), "--out", str(tmp_path / "b.pdf"), "--no-cache"])
    assert result.exit_code == 2
    assert "ein Buch gilt für einen Katalog" in result.output


@pytest.mark.slow
@needs_engine
def test_beispielstadt_book_is_complete_and_the_same_twice(tmp_path: Path) -> None:
    first = book_of(BUNDLED / "beispielstadt", tmp_path / "eins.pdf", "--technische-angaben")
    check_book(first, BUNDLED / "beispielstadt")
    second = book_of(BUNDLED / "beispielstadt", tmp_path / "zwei.pdf", "--technische-angaben")
    assert texts(first) == texts(second)
    titles = [title for title, _ in contents(first)]
    assert titles.index("Gesamtplan") < titles.index("Produktbereich 02 Sicherheit und Ordnung")
    area = titles.index("Produktbereich 02 Sicherheit und Ordnung")
    assert titles[area + 1:area + 4] == ["Produktbereich 02 Sicherheit und Ordnung",
                                         "Produktgruppe 0201 Bürgerservice und Einwohnerwesen", "020101 Bürgerbüro"]
    assert "Anhang: Technische Angaben" in titles
    everything = " ".join(texts(first))
    assert "wartezeit_termin_tage" in everything  # in the appendix only
    sheet = next(page for title, page in contents(first) if title == "020101 Bürgerbüro")
    appendix = next(page for title, page in contents(first) if title == "Anhang: Technische Angaben")
    assert [i for i, text in enumerate(texts(first)[:appendix - 1]) if "wartezeit_termin_tage" in text] == []
    assert sheet < appendix
