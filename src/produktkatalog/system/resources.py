"""Where the shipped data lives: inside the wheel, or at the top of a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def _shipped(name: str) -> Path:
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent.parent / name


def schemas_dir() -> Path:
    return _shipped("schemas")


def templates_dir() -> Path:
    return _shipped("templates")


def reference_dir() -> Path:
    return _PACKAGE / "referenz"
