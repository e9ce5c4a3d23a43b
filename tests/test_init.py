"""``katalog init``: a valid, commented catalogue from flags or answers; nothing overwritten; no questions
without a terminal."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from conftest import run
from produktkatalog.cli import app
from produktkatalog.fmt import format_paths

runner = CliRunner()
FLAGS = ("--kommune", "Stadt Musterstadt (fiktiv)", "--land", "NW", "--haushaltsjahr", "2026")


def katalog(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_flags_give_a_clean_catalogue_in_the_standard_format(tmp_path: Path) -> None:
    code, output = katalog("init", str(tmp_path / "katalog"), *FLAGS, "--einwohner", "85000", "--art", "Stadt")
    assert code == 0, output
    assert "keine Befunde" in output
    assert run(tmp_path / "katalog").findings == []
    assert format_paths([tmp_path / "katalog"], write=False).changed == []
    data = yaml.safe_load((tmp_path / "katalog" / "katalog.yaml").read_text("utf-8"))
    assert data["produktrahmen"] == {"schema": "nrw"}
    assert data["einwohner"] == {2026: 85000}
    assert [(c["art"], c["jahr"]) for c in data["spalten"]] == [
        ("ergebnis", 2024), ("ansatz", 2025), ("ansatz", 2026), ("planung", 2027), ("planung", 2028),
        ("planung", 2029)]
    text = (tmp_path / "katalog" / "katalog.yaml").read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/katalog.schema.json\n")
    assert "# Haushaltsjahr: Das Haushaltsjahr des Plans" in text
    assert (tmp_path / "schemas" / "katalog.schema.json").is_file()


def test_doppelhaushalt_and_the_imk_framework_outside_nrw(tmp_path: Path) -> None:
    code, output = katalog("init", str(tmp_path / "k"), "--kommune", "Stadt Halle (fiktiv)", "--land", "ST",
                           "--haushaltsjahr", "2026", "--doppelhaushalt")
    assert code == 0, output
    data = yaml.safe_load((tmp_path / "k" / "katalog.yaml").read_text("utf-8"))
    assert data["produktrahmen"] == {"schema": "imk"}
    assert [c["art"] for c in data["spalten"]] == ["ergebnis", "ansatz", "ansatz", "ansatz", "planung", "planung",
                                                   "planung"]
    assert data["spalten"][3]["jahr"] == 2027


def test_nothing_is_overwritten(tmp_path: Path) -> None:
    assert katalog("init", str(tmp_path / "katalog"), *FLAGS)[0] == 0
    before = (tmp_path / "katalog" / "katalog.yaml").read_bytes()
    code, output = katalog("init", str(tmp_path / "katalog"), "--kommune", "Andere", "--land", "BW",
                           "--haushaltsjahr", "2027")
    assert code == 2 and "überschreibt nichts" in output
    assert (tmp_path / "katalog" / "katalog.yaml").read_bytes() == before
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n")
    code, output = katalog("init", str(tmp_path / "zweiter"), *FLAGS, "--pre-commit")
    assert code == 2 and ".pre-commit-config.yaml" in output
    assert not (tmp_path / "zweiter").exists()  # checked before anything is written


def test_without_a_terminal_nothing_is_asked(tmp_path: Path) -> None:
    code, output = katalog("init", str(tmp_path / "k"), "--kommune", "Stadt X")
    assert code == 2
    assert "--land, --haushaltsjahr" in output
    assert not (tmp_path / "k").exists()


@pytest.mark.parametrize(("args", "words"), [
    (("--land", "XX"), "Land „XX“"), (("--produktrahmen", "hessen"), "Produktrahmen „hessen“"),
    (("--haushaltsjahr", "1800"), "Haushaltsjahr 1800"), (("--einwohner", "0"), "größer als 0"),
    (("--ci", "jenkins"), "--ci kennt"),
])
def test_bad_answers_are_refused_in_german(tmp_path: Path, args: tuple[str, ...], words: str) -> None:
    given = dict(zip(FLAGS[::2], FLAGS[1::2], strict=True))
    given.update(zip(args[::2], args[1::2], strict=True))
    code, output = katalog("init", str(tmp_path / "k"), *(x for pair in given.items() for x in pair))
    assert code == 2 and words in output
    assert not (tmp_path / "k").exists()


def test_pre_commit_and_ci_examples_are_valid_for_their_tools(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert katalog("init", str(tmp_path / "haushalt" / "katalog"), *FLAGS, "--pre-commit", "--ci", "github")[0] == 0
    assert katalog("init", str(tmp_path / "zwei"), *FLAGS, "--ci", "gitlab")[0] == 0
    config = tmp_path / ".pre-commit-config.yaml"
    assert "entry: katalog validate haushalt/katalog" in config.read_text("utf-8")
    bin_dir = Path(sys.executable).parent
    subprocess.run([str(bin_dir / "pre-commit"), "validate-config", str(config)], check=True, capture_output=True)
    for schema, path in (("vendor.github-workflows", ".github/workflows/katalog.yml"),
                         ("vendor.gitlab-ci", ".gitlab-ci.yml")):
        subprocess.run([str(bin_dir / "check-jsonschema"), "--builtin-schema", schema, str(tmp_path / path)],
                       check=True, capture_output=True)


def test_on_a_terminal_it_asks_for_what_is_missing(tmp_path: Path) -> None:
    """A real pseudo-terminal: the questions appear, the answers land in katalog.yaml."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "produktkatalog", "init", str(tmp_path / "k"),
                                "--land", "NW"], stdin=follower, stdout=follower, stderr=follower,
                               env={**os.environ, "COLUMNS": "200"})
    os.close(follower)
    answers = iter(["Stadt Fragestadt (fiktiv)", "Stadt", "nrw", "2027", "n", "12000", "n"])
    seen = b""
    while process.poll() is None:
        ready, _, _ = select.select([leader], [], [], 20)
        if not ready:
            break
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        seen += chunk
        if chunk.rstrip().endswith((b":", b"]")):
            os.write(leader, (next(answers, "") + "\n").encode())
    process.wait(timeout=30)
    os.close(leader)
    assert b"Kommune" in seen and b"Haushaltsjahr" in seen
    data = yaml.safe_load((tmp_path / "k" / "katalog.yaml").read_text("utf-8"))
    assert (data["kommune"], data["art"], data["haushaltsjahr"], data["einwohner"]) == (
        "Stadt Fragestadt (fiktiv)", "Stadt", 2027, {2027: 12000})
