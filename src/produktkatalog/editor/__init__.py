"""Editor support: the JSON Schemas exported for editors, and the modeline that points a file to its schema."""

from produktkatalog.editor.modeline import modeline, schema_folder
from produktkatalog.editor.schemas import Export, export_schemas, listing

__all__ = ["Export", "export_schemas", "listing", "modeline", "schema_folder"]
