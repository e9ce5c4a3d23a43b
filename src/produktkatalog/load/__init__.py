"""Load stage: bytes → YAML nodes → plain data (with positions when asked)."""

from produktkatalog.load.document import Document, load_document, load_fast

__all__ = ["Document", "load_document", "load_fast"]
