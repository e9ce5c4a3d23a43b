"""Hostile text in every text field of a real product arrives inert in both outputs.

The Bürgerbüro of the Beispielstadt (product, Leistungen, Kennzahlen, plan) and the
programme it refers to get every text value replaced by a payload with a script
element, an attribute break-out with an event handler, table pipes, a line break,
Markdown link syntax with a ``javascript:`` address and a path climbing out of the
output folder. Rendering goes through the library (not the command, which would
refuse the catalogue because Kennungen and numbers no longer match their schema),
so even values the schema forbids reach the templates.
"""

from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any

from conftest import BUNDLED
from produktkatalog.load import load_fast
from produktkatalog.render.environment import md_inline, safe_url
from render_helpers import read_page, render_files

PAYLOAD = ('<script>alert(1)</script>"><img src=x onerror=alert(1)> a | b\nzweite | Zeile '
           '[klick](javascript:alert(1)) <javascript:alert(2)> ../../x')
PRODUCT = "produkte/02-sicherheit-und-ordnung/020101-buergerbuero"


def _poisoned(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _poisoned(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_poisoned(child) for child in value]
    return PAYLOAD if isinstance(value, str) else value


def _number(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(type(value))


def _poison_file(path: Path) -> None:
    """Replace every text value; JSON is YAML, so the file stays readable."""
    data = load_fast(path.read_text("utf-8"))
    assert data is not None
    path.write_text(json.dumps(_poisoned(data), default=_number, ensure_ascii=False), "utf-8")


def _poisoned_catalogue(tmp_path: Path) -> Path:
    root = tmp_path / "beispielstadt"
    shutil.copytree(BUNDLED / "beispielstadt", root)
    for path in sorted((root / PRODUCT).rglob("*.yaml")):
        _poison_file(path)
    _poison_file(root / "programme/klimaschutz_2035.yaml")
    return root


def test_hostile_text_is_inert_in_html_and_markdown(tmp_path: Path) -> None:
    _, files = render_files(_poisoned_catalogue(tmp_path))
    html = {path: content.decode() for path, content in files.items() if path.endswith(".html")}
    markdown = {path: content.decode() for path, content in files.items() if path.endswith(".md")}
    for path in files:
        assert ".." not in PurePosixPath(path).parts and not path.startswith("/")
    shown = 0
    for path, content in html.items():
        page = read_page(content)
        for tag, attrs in page.tags:
            assert tag not in ("script", "img", "iframe", "object"), (path, tag)
            for name, value in attrs:
                assert not name.startswith("on"), (path, tag, name)
                assert not (value or "").strip().lower().startswith("javascript:"), (path, tag, name)
        shown += sum("<script>alert(1)</script>" in text for text in page.texts)
    assert shown > 20  # the payload is on the pages, as text
    for path, content in markdown.items():
        _assert_inert_markdown(path, content)
    assert any("&lt;script&gt;" in content for content in markdown.values())


def _assert_inert_markdown(path: str, content: str) -> None:
    for match in re.finditer(r"<", content):
        rest = content[match.end():match.end() + 8]
        assert rest.startswith(("br>", "https://", "http://", "mailto:")), (path, content[match.start() - 30:][:80])
    assert not re.search(r"(?<!\\)\]\(javascript:", content), path
    table: list[int] = []
    for line in [*content.splitlines(), ""]:
        if line.startswith("|"):
            table.append(len(re.findall(r"(?<!\\)\|", line)))
        elif table:
            assert len(set(table)) == 1, (path, table)
            table = []


def test_only_web_and_mail_addresses_become_links() -> None:
    assert safe_url("https://www.example.org/a") == "https://www.example.org/a"
    assert safe_url("mailto:amt@example.org") == "mailto:amt@example.org"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "https://x.org/\"onmouseover=1",
                " https://x.org", "vbscript:x", "//x.org"):
        assert safe_url(bad) is None, bad


def test_markdown_escaping_keeps_text_readable() -> None:
    assert md_inline("Ergebnisse & Wirkungen") == "Ergebnisse & Wirkungen"
    assert md_inline("a | b") == "a \\| b"
    assert md_inline("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
    assert md_inline("&lt;") == "&amp;lt;"
    assert md_inline("eins\nzwei") == "eins<br>zwei"
