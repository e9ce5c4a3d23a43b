"""Check stage, first layer: each file against the JSON Schema of its kind."""

from produktkatalog.schema.registry import KINDS, SchemaSet, schema_set
from produktkatalog.schema.validate import schema_findings

__all__ = ["KINDS", "SchemaSet", "schema_findings", "schema_set"]
