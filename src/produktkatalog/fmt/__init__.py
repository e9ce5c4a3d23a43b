"""``katalog fmt``: catalogue files in one canonical form, with every comment and every value kept.

Steps per file: read with katalog's loader (files with Y findings are left alone) → the text before
``---`` and from ``...`` on set aside unchanged (``frame``) → round-trip
through ruamel.yaml with numbers kept as written (``roundtrip``), quoting numbers in text fields
and ordering ``{…}`` keys (``normalize``) → comment lines aligned with what follows (``layout``) →
block keys moved into schema order as blocks of lines (``reorder``) → the result read again and
compared with the original, value for value and comment for comment (``canonical``).
"""

from produktkatalog.fmt.canonical import Formatted, format_text
from produktkatalog.fmt.run import FormatReport, NothingToFormat, format_paths

__all__ = ["FormatReport", "Formatted", "NothingToFormat", "format_paths", "format_text"]
