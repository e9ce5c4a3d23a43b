"""Hostile input beyond the YAML itself: links, a tampered cache, a busy or tampered output folder,
interrupted runs, git blob bombs, runaway templates. Each case names the attack and what katalog does instead.

The YAML-level attacks (alias bombs, tags, deep nesting, huge numbers) are in ``test_bad_input``.
"""

from __future__ import annotations

from pathlib import Path

from conftest import PRODUCT, run
from produktkatalog.load.discover import shown_path

SECRET = "GEHEIM-PASSWORT-4711"


# --- links -----------------------------------------------------------------------------------------------------


def _shown(path: Path, catalogue: Path) -> str:
    """How findings name ``path`` (the catalogue as the pipeline shows it, the rest as it lies: links unresolved)."""
    return f"{shown_path(catalogue)}/{path.relative_to(catalogue).as_posix()}"


def _all_text(result: object) -> str:
    return "\n".join(f"{f.message} {f.hint}" for f in result.findings)  # type: ignore[attr-defined]


def test_a_linked_yaml_file_is_named_never_read(catalogue: Path, tmp_path: Path) -> None:
    secret = tmp_path / "geheim.yaml"
    secret.write_text(f'id: "{SECRET}"\nbezeichnung: x\nart: kennzahl\n', encoding="utf-8")
    link = catalogue / PRODUCT / "kennzahlen" / "geheim.yaml"
    link.symlink_to(secret)
    result = run(catalogue)
    assert [(f.code, f.file, f.line) for f in result.findings] == [("Y001", _shown(link, catalogue), None)]
    assert SECRET not in _all_text(result)
    assert "Verknüpfung" in result.findings[0].message


def test_a_linked_folder_is_named_never_entered(catalogue: Path, tmp_path: Path) -> None:
    outside = tmp_path / "fremd" / "kennzahlen"
    outside.mkdir(parents=True)
    (outside / "x.yaml").write_text(f'id: "{SECRET}"\n', encoding="utf-8")
    link = catalogue / PRODUCT / "mehr"
    link.symlink_to(outside.parent)
    result = run(catalogue)
    assert [(f.code, f.file, f.line) for f in result.findings] == [("Y001", _shown(link, catalogue), None)]
    assert SECRET not in _all_text(result)
