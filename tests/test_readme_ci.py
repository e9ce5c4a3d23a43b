"""The README's CI examples: valid YAML, accepted by the published workflow schemas, and every
``katalog`` command in them exists with the options it is given."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
import yaml

from conftest import HERE
from produktkatalog.cli import app

README = (HERE.parent / "README.md").read_text("utf-8")
SECTION = README.split("## In CI: GitHub Actions und GitLab\n", 1)[1].split("\n## ", 1)[0]
GITHUB, GITLAB = re.findall(r"```yaml\n(.*?)```", SECTION, re.DOTALL)

# Commands agreed for the whole tool, with the options of those not registered in every build yet.
AGREED = {
    "validate": None, "kennzahlen": None,
    "render": {"--out", "--format", "--produkt"},
    "diff": {"--katalog", "--format", "--output"},
    "fmt": {"--check"},
    "new": set(),
    "schema": {"--out"},
    "buch": None, "serve": None,
    "vorlagen": {"--katalog"},
    "init": None, "import": None, "export": None, "vergleich": None,
}
_SEPARATORS = {"&&", "||", ";", "|"}


def shell_lines(node: Any, key: str = "") -> Iterator[str]:
    """Every shell line of a GitHub ``run`` or a GitLab ``script``/``before_script`` entry."""
    if isinstance(node, dict):
        for name, value in node.items():
            yield from shell_lines(value, str(name))
    elif isinstance(node, list):
        for item in node:
            yield from shell_lines(item, key)
    elif isinstance(node, str) and key in ("run", "script", "before_script"):
        yield from (line for line in node.splitlines() if line.strip())


def katalog_calls(line: str) -> Iterator[list[str]]:
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    words = list(lexer)
    starts = [i for i, word in enumerate(words) if word == "katalog" and (i == 0 or words[i - 1] in _SEPARATORS)]
    for start in starts:
        end = next((i for i in range(start, len(words)) if words[i] in _SEPARATORS), len(words))
        yield words[start + 1:end]


def registered() -> dict[str, Any]:
    """The commands of the ``katalog`` group, as click objects."""
    commands: dict[str, Any] = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    return commands


def calls(block: str) -> list[list[str]]:
    return [call for line in shell_lines(yaml.safe_load(block)) for call in katalog_calls(line)]


def test_both_blocks_parse_and_call_katalog() -> None:
    assert [call[0] for call in calls(GITHUB)] == ["validate", "validate", "render", "diff"]
    assert [call[0] for call in calls(GITLAB)] == ["validate", "render", "diff"]


@pytest.mark.parametrize("call", calls(GITHUB) + calls(GITLAB), ids=" ".join)
def test_every_command_is_known_with_its_options(call: list[str]) -> None:
    name, *arguments = call
    assert name in AGREED, f"katalog {name} is not an agreed command"
    command = registered().get(name)
    if command is not None:  # registered here: click parses the line exactly as the command would
        command.make_context(name, list(arguments), resilient_parsing=False)
    else:
        options = {word for word in arguments if word.startswith("--")}
        assert options <= (AGREED[name] or set()), f"katalog {name}: unknown options {options - AGREED[name]}"


def test_registered_commands_are_agreed() -> None:
    assert {"validate", "kennzahlen"} <= set(registered()) <= set(AGREED)


@pytest.mark.parametrize(("block", "schema"), [(GITHUB, "vendor.github-workflows"), (GITLAB, "vendor.gitlab-ci")],
                         ids=["github", "gitlab"])
def test_blocks_pass_the_published_ci_schemas(block: str, schema: str, tmp_path: Path) -> None:
    target = tmp_path / "ci.yml"
    target.write_text(block, "utf-8")
    checked = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(target)],
                             capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_gitlab_uploads_the_code_quality_report_it_writes() -> None:
    job = yaml.safe_load(GITLAB)["katalog-pruefen"]
    [call] = [c for line in shell_lines(job) for c in katalog_calls(line)]
    written = call[call.index("--output") + 1]
    assert call[call.index("--format") + 1] == "gitlab"
    assert job["artifacts"]["reports"]["codequality"] == written
    assert job["artifacts"]["when"] == "always"


def test_github_uploads_the_sarif_file_it_writes() -> None:
    steps = yaml.safe_load(GITHUB)["jobs"]["pruefen"]["steps"]
    [written] = [c[c.index("--output") + 1] for step in steps for line in shell_lines(step)
                 for c in katalog_calls(line) if "sarif" in c]
    [upload] = [step for step in steps if str(step.get("uses", "")).startswith("github/codeql-action/upload-sarif")]
    assert upload["with"]["sarif_file"] == written
