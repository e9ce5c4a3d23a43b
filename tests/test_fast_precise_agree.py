"""The fast path (libyaml + jsonschema-rs) and the precise path (ruamel.yaml + jsonschema) agree.

They share one constructor, so the data must be identical; the two validators
must give the same verdict. Checked on every bundled file, every example file,
and every bad input of the test suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BUNDLED, EXAMPLES
from produktkatalog.load import load_document, load_fast
from produktkatalog.load.discover import catalogue_files, find_catalogues
from produktkatalog.load.source import decode
from produktkatalog.schema import schema_set
from produktkatalog.schema.amounts import amount_findings
from produktkatalog.schema.fast import clean_data
from produktkatalog.schema.validate import schema_findings
from test_bad_input import CASES


def _files() -> list[tuple[str, Path]]:
    found = []
    for top in (BUNDLED, EXAMPLES):
        for root in find_catalogues(top):
            found += [(s.kind, Path(s.path)) for s in catalogue_files(root).files if s.kind]
    for case in sorted((EXAMPLES / "ungueltig").iterdir()):
        base = catalogue_files(EXAMPLES / "basis").files
        kinds = {Path(s.path).relative_to(EXAMPLES / "basis"): s.kind for s in base}
        found += [(kinds.get(p.relative_to(case), "kennzahl"), p) for p in case.rglob("*.yaml")]
    return found


FILES = _files()


@pytest.mark.parametrize(("kind", "path"), FILES, ids=[str(p.relative_to(p.parents[3])) for _, p in FILES])
def test_paths_agree_on_file(kind: str, path: Path) -> None:
    _assert_agree(kind, path.read_bytes())


@pytest.mark.parametrize("name", sorted(CASES))
def test_paths_agree_on_bad_input(name: str) -> None:
    _assert_agree("produkt", CASES[name][0])


def _assert_agree(kind: str, raw: bytes) -> None:
    schemas = schema_set()
    precise = load_document(raw, "datei.yaml")
    text = decode(raw, "datei.yaml")
    fast = load_fast(text) if isinstance(text, str) else None
    if fast is not None:
        assert precise.data == fast
        assert [type(v) for v in _leaves(precise.data)] == [type(v) for v in _leaves(fast)]
    else:
        assert precise.findings or precise.data is not None
    if precise.data is not None:
        precise_valid = not schema_findings(precise, kind, schemas)
        assert schemas.fast(kind).is_valid(precise.data) == precise_valid
    # what the fast path accepts, the precise path finds nothing in: not in the YAML, the schema or the amounts
    [accepted] = clean_data([(kind, raw)], workers=1)
    if accepted is not None:
        assert precise.data == accepted and not precise.findings
        assert not amount_findings("datei.yaml", kind, precise.data, precise.written)


def _leaves(value: object) -> list[object]:
    if isinstance(value, dict):
        return [leaf for key in sorted(value) for leaf in _leaves(value[key])]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]
