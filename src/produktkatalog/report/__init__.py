"""Reporters: findings in, text out. Adding a format touches one module and ``REPORTERS``."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Protocol, TextIO, cast

from produktkatalog.report.common import Options
from produktkatalog.result import Result


class Reporter(Protocol):
    def __call__(self, result: Result, stream: TextIO, options: Options | None = None, /) -> None: ...


_MODULES = {"text": "text_report", "json": "json_report", "github": "github", "gitlab": "gitlab", "sarif": "sarif",
            "junit": "junit"}


class _Reporters(Mapping[str, Reporter]):
    """Format → its module's ``write``; a module is imported when its format is used (a run writes one or two)."""

    def __getitem__(self, name: str) -> Reporter:
        return cast(Reporter, importlib.import_module(f"produktkatalog.report.{_MODULES[name]}").write)

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


REPORTERS: Mapping[str, Reporter] = _Reporters()

__all__ = ["REPORTERS", "Options", "Reporter"]
