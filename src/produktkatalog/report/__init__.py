"""Reporters: findings in, text out. Adding a format touches one module and ``REPORTERS``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from produktkatalog.pipeline import Result
from produktkatalog.report import json_report, text_report

Reporter = Callable[[Result, TextIO], None]

REPORTERS: dict[str, Reporter] = {
    "text": text_report.write,
    "json": json_report.write,
}
