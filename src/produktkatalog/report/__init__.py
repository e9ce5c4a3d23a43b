"""Reporters: findings in, text out. Adding a format touches one module and ``REPORTERS``."""

from __future__ import annotations

from typing import Protocol, TextIO

from produktkatalog.pipeline import Result
from produktkatalog.report import github, gitlab, json_report, junit, sarif, text_report
from produktkatalog.report.common import Options


class Reporter(Protocol):
    def __call__(self, result: Result, stream: TextIO, options: Options | None = None, /) -> None: ...


REPORTERS: dict[str, Reporter] = {
    "text": text_report.write,
    "json": json_report.write,
    "github": github.write,
    "gitlab": gitlab.write,
    "sarif": sarif.write,
    "junit": junit.write,
}

__all__ = ["REPORTERS", "Options", "Reporter"]
