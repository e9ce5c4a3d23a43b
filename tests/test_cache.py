"""The content-hashed cache: used when files are unchanged, never trusted beyond plain data."""

from __future__ import annotations

import pickle
from pathlib import Path

from conftest import PRODUCT, tuples
from produktkatalog.cache import FOLDER
from produktkatalog.pipeline import validate


def test_warm_run_uses_cache_and_sees_edits(catalogue: Path, monkeypatch) -> None:
    assert validate(catalogue).findings == []
    assert (catalogue / FOLDER / ".gitignore").read_text().strip().endswith("*")
    parsed: list[bytes] = []
    import produktkatalog.fastpath as fastpath

    original = fastpath._one
    monkeypatch.setattr(fastpath, "_one", lambda kind, raw, schemas: parsed.append(raw) or original(kind, raw, schemas))
    assert validate(catalogue).findings == []
    assert parsed == []
    product = catalogue / PRODUCT / "produkt.yaml"
    product.write_text(product.read_text() + "bezeichnug: x\n")
    result = validate(catalogue)
    assert len(parsed) == 1
    assert tuples(result, catalogue) == [("S101", f"{PRODUCT}/produkt.yaml", 17, 1)]


def test_planted_cache_cannot_run_code(catalogue: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            import os

            return os.system, (f"touch {marker}",)

    validate(catalogue)
    for shard in (catalogue / FOLDER).glob("*.pickle"):
        shard.write_bytes(pickle.dumps({"salt": "x", "files": Exploit()}))
    assert validate(catalogue).findings == []
    assert not marker.exists()


def test_no_cache_writes_nothing(catalogue: Path) -> None:
    validate(catalogue, use_cache=False)
    assert not (catalogue / FOLDER).exists()
