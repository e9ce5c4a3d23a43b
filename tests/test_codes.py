"""Every finding code is documented in the README and produced by at least one test case."""

from __future__ import annotations

import re

from jsonschema import Draft202012Validator

from conftest import EXAMPLES, HERE
from produktkatalog.codes import CODES, EXPLANATIONS
from produktkatalog.load import load_document
from produktkatalog.schema.validate import _translate
from test_bad_input import CASES

README = (HERE.parent / "README.md").read_text("utf-8")
# Codes whose triggering file is built inside a test function rather than listed as data.
# I301 (a missing or damaged source) and I302 (a 1 GB sparse file) are built in test_import.py.
BUILT_IN_TESTS = {"Y001", "Y002", "S100", "K215", "I301", "I302"}


def test_every_code_is_in_the_readme_table() -> None:
    documented = set(re.findall(r"^\| ([YSKI]\d{3}) \|", README, re.MULTILINE))
    assert documented == set(CODES)


def test_every_code_has_a_full_explanation() -> None:
    assert set(EXPLANATIONS) == set(CODES)
    assert all(text.endswith(".") and len(text) > len(CODES[code]) for code, text in EXPLANATIONS.items())


def test_every_code_has_a_case() -> None:
    produced = {code for _, expected in CASES.values() for code, _, _ in expected}
    for expected in [*(EXAMPLES / "ungueltig").glob("*/erwartet.txt"), *(EXAMPLES / "import").glob("*/erwartet.txt")]:
        produced |= {line.split()[0] for line in expected.read_text().splitlines() if line and line[0] != "#"}
    assert set(CODES) - produced == BUILT_IN_TESTS


def test_rare_schema_keyword_becomes_s100() -> None:
    document = load_document(b"anzahl: 3\n", "x.yaml")
    [error] = Draft202012Validator({"properties": {"anzahl": {"multipleOf": 2}}}).iter_errors(document.data)
    [finding] = _translate(error, document)
    assert (finding.code, finding.path) == ("S100", ("anzahl",))
    assert document.position(finding.path) == (1, 9)
