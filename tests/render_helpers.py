"""Helpers for the render tests: read rendered HTML as text, walk YAML data to its leaves."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from produktkatalog.pipeline import Result, validate
from produktkatalog.render import build

WHITESPACE = re.compile(r"\s+")


class PageReader(HTMLParser):
    """Every text node and attribute value of a page, and every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self.texts.extend(value for _, value in attrs if value)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def read_page(content: str) -> PageReader:
    reader = PageReader()
    reader.feed(content)
    reader.close()
    return reader


def flat(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()


def leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(path, value) of every scalar below ``value``."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield from leaves(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from leaves(child, (*path, index))
    else:
        yield path, value


def render_files(root: Path, formats: tuple[str, ...] = ("html", "md")) -> tuple[Result, dict[str, bytes]]:
    """Validate and render ``root`` in memory, whatever the findings (the library call, not the command)."""
    result = validate(root, use_cache=False, workers=1)
    return result, build(result, root, list(formats))
