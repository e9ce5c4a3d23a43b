"""``katalog vergleich``: catalogues side by side by IMK Produktgruppe and per Einwohner, as table, CSV and an
accessible static HTML page."""

from __future__ import annotations

import csv
import decimal
import io
import re
import shutil
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import BUNDLED, run
from produktkatalog.cli import app
from produktkatalog.compute import CONTEXT
from produktkatalog.model.owners import Owner
from produktkatalog.model.values import Period
from produktkatalog.present.comparison import compare

runner = CliRunner()


@pytest.fixture
def twin(tmp_path: Path) -> Path:
    """Beispielstadt under another name with twice the Einwohner in 2026."""
    root = tmp_path / "zweitstadt"
    shutil.copytree(BUNDLED / "beispielstadt", root)
    settings = root / "katalog.yaml"
    text = settings.read_text("utf-8").replace('kommune: "Beispielstadt (fiktiv)"', 'kommune: "<b>Zweitstadt</b>"')
    settings.write_text(text.replace("2026: 85050", "2026: 170100"), "utf-8")
    return root


def test_aligned_by_imk_group_and_per_einwohner(twin: Path) -> None:
    first, second = run(BUNDLED / "beispielstadt").computations[0], run(twin).computations[0]
    found = compare([first, second], None, ["anzahl_vorsprachen"])
    assert found.year == 2026
    assert [c.kommune for c in found.columns] == ["Beispielstadt (fiktiv)", "<b>Zweitstadt</b>"]
    lines = {(line.group, line.ident): line for line in found.lines}
    period = Period("ansatz", 2026)
    products = [p for p in first.index.catalogue.products if p.text("statistik_produktgruppe") == "122"]
    assert len(products) == 2
    tables = [first.tables.table(Owner("produkt", p.folder), "ergebnisplan") for p in products]
    income = sum((t.column(period)["10"] for t in tables if t is not None), Decimal(0))
    expenses = sum((t.column(period)["17"] for t in tables if t is not None), Decimal(0))
    share = lines[("122", "aufwandsdeckungsgrad")]
    with decimal.localcontext(CONTEXT):  # katalog computes on 34 digits
        assert share.values[0] == income * 100 / -expenses == share.values[1]
    per_head = lines[("122", "teilergebnis_je_einwohner")]
    result = sum((t.column(period)["29"] for t in tables if t is not None), Decimal(0))
    with decimal.localcontext(CONTEXT):
        assert per_head.values == [result / 85050, result / 170100]  # twice the Einwohner, half per head
    visits = lines[("122", "anzahl_vorsprachen_je_einwohner")]
    with decimal.localcontext(CONTEXT):
        assert visits.values[0] == Decimal(49500) / Decimal(85050)
    assert lines[("", "zuschussbedarf")].group_name == "Alle Produkte"


def test_catalogues_without_plans_have_no_value_not_zero() -> None:
    found = compare([run(BUNDLED / "beispielstadt").computations[0], run(BUNDLED / "leverkusen").computations[0]],
                    None, [])
    assert all(line.shown(1) == "—" for line in found.lines)
    assert any(line.shown(0) != "—" for line in found.lines)


def test_csv_names_every_kommune(twin: Path) -> None:
    result = runner.invoke(app, ["vergleich", str(BUNDLED / "beispielstadt"), str(twin), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output), delimiter=";"))
    assert {r["kommune"] for r in rows} == {"Beispielstadt (fiktiv)", "<b>Zweitstadt</b>"}
    share = [r for r in rows if r["produktgruppe"] == "122" and r["kennung"] == "aufwandsdeckungsgrad"]
    assert len(share) == 2 and share[0]["anzeige"] == share[1]["anzeige"] == "43,4\u00a0%"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.svgs: list[dict[str, str | None]] = []
        self.ids: dict[str, str] = {}
        self.texts: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "svg":
            self.svgs.append(found)
        if tag in ("title", "desc") and found.get("id"):
            self._open = found["id"]
        if tag == "script":
            raise AssertionError("no script on the page")

    def handle_data(self, data: str) -> None:
        if self._open:
            self.ids[self._open] = data
            self._open = None
        self.texts.append(data)


def test_html_page_is_static_accessible_and_escapes_names(tmp_path: Path, twin: Path) -> None:
    target = tmp_path / "vergleich.html"
    result = runner.invoke(app, ["vergleich", str(BUNDLED / "beispielstadt"), str(twin), "--format", "html",
                                 "--out", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text("utf-8")
    assert "<b>Zweitstadt</b>" not in text and "&lt;b&gt;Zweitstadt&lt;/b&gt;" in text
    page = _Page()
    page.feed(text)
    assert page.svgs and all(svg.get("role") == "img" for svg in page.svgs)
    for svg in page.svgs:
        title, desc = str(svg["aria-labelledby"]).split()
        assert page.ids[title] and page.ids[desc]
    described = next(v for k, v in page.ids.items() if k.startswith("d-") and "aufwandsdeckungsgrad-122" in k)
    assert described == "Beispielstadt (fiktiv): 43,4\u00a0%; <b>Zweitstadt</b>: 43,4\u00a0%"
    assert page.texts.count("43,4\u00a0%") >= 4  # in the table and beside each bar
    assert re.search(r'<rect class="balken" x="[0-9.]+" y="[0-9]+" width="[0-9.]+"', text)
