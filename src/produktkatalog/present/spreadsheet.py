"""Text cells that a spreadsheet will not run: the defence against CSV and formula injection.

A spreadsheet treats a cell that begins with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return
before one of them) as a formula, e.g. ``=HYPERLINK("http://…")``. Catalogue texts are untrusted, so a
text that begins like that gets a leading apostrophe in CSV, as the OWASP recommendation for CSV exports
says, and is stored as a text cell with the quote prefix in xlsx; numbers are written as numbers and never
touched.
"""

from __future__ import annotations

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutral(text: str) -> str:
    return "'" + text if text.startswith(_TRIGGERS) else text


def unneutral(text: str) -> str:
    """The text ``neutral`` was given: for reading katalog's own export back."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_TRIGGERS) else text
