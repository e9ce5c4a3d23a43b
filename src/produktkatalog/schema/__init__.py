"""Check stage, first layer: each file against the JSON Schema of its kind.

``schema.validate`` (which explains errors with jsonschema) is imported only by
the precise path, so runs over clean files never load it.
"""

from produktkatalog.schema.registry import KINDS, SchemaSet, schema_set

__all__ = ["KINDS", "SchemaSet", "schema_set"]
