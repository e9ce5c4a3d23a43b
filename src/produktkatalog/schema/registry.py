"""The shipped JSON Schemas, compiled once per process for both validators.

The fast validator (jsonschema-rs) only answers "valid or not" for clean files;
the precise validator (jsonschema) explains every error of a file that is not.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

from produktkatalog.system.digest import digest
from produktkatalog.system.resources import schemas_dir

KINDS = ("katalog", "produkt", "leistung", "kennzahl", "plan", "programm", "zeilenvorlage", "produktbereich",
         "produktgruppe", "teilhaushalt")
_SHARED = ("gemeinsam", "ebene")
_TOOLS = ("zuordnung",)  # files katalog reads that are no catalogue files: the import mapping


@dataclass(frozen=True, eq=False)  # one per process, compared and hashed by identity
class SchemaSet:
    documents: dict[str, dict[str, Any]]

    def schema(self, kind: str) -> dict[str, Any]:
        return self.documents[kind]

    @functools.cached_property
    def digest(self) -> str:
        return digest(json.dumps(self.documents, sort_keys=True), size=8)

    @functools.cache  # noqa: B019 - one SchemaSet per process
    def fast(self, kind: str) -> Any:
        import jsonschema_rs

        registry = jsonschema_rs.Registry([(doc["$id"], doc) for doc in self.documents.values()])
        return jsonschema_rs.validator_for(self.schema(kind), registry=registry)

    @functools.cache  # noqa: B019
    def precise(self, kind: str) -> Any:
        import referencing
        from referencing.jsonschema import DRAFT202012

        from produktkatalog.schema.dialect import PreciseValidator

        registry: referencing.Registry[Any] = referencing.Registry().with_resources(
            (doc["$id"], DRAFT202012.create_resource(doc)) for doc in self.documents.values()
        )
        return PreciseValidator(self.schema(kind), registry=registry)



@functools.lru_cache(maxsize=1)
def schema_set() -> SchemaSet:
    folder = schemas_dir()
    return SchemaSet({name: json.loads((folder / f"{name}.schema.json").read_text("utf-8"))
                      for name in (*KINDS, *_SHARED, *_TOOLS)})
