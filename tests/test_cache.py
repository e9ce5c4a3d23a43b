"""The content-addressed cache: used when files are unchanged, never trusted beyond plain data."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

import produktkatalog.schema.fast as fastpath
from conftest import BUNDLED, PRODUCT, tuples
from produktkatalog import __version__
from produktkatalog.incremental.sealed import write_sealed
from produktkatalog.incremental.store import Cache, cache_home
from produktkatalog.pipeline import validate
from produktkatalog.schema import schema_set

SPORT = "produkte/08-sportfoerderung/080201-foerderung-des-vereinssports"


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The raw bytes of every file the fast path had to parse."""
    seen: list[bytes] = []
    original = fastpath._one
    monkeypatch.setattr(fastpath, "_one", lambda kind, raw, schemas: seen.append(raw) or original(kind, raw, schemas))
    return seen


def _age(root: Path) -> None:
    """Make every file look older than the racy window, as it would be on a real machine."""
    for path in root.rglob("*.yaml"):
        os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))


def test_warm_run_uses_cache_and_sees_edits(catalogue: Path, parsed: list[bytes]) -> None:
    _age(catalogue)
    assert validate(catalogue).findings == []
    assert not (catalogue / ".katalog-cache").exists()
    parsed.clear()
    assert validate(catalogue).findings == []
    assert parsed == []
    product = catalogue / PRODUCT / "produkt.yaml"
    product.write_text(product.read_text() + "bezeichnug: x\n")
    result = validate(catalogue)
    assert len(parsed) == 1
    assert tuples(result, catalogue) == [("S101", f"{PRODUCT}/produkt.yaml", 17, 1)]


def test_same_bytes_as_another_kind_are_checked_again(catalogue: Path) -> None:
    assert validate(catalogue).findings == []
    leistung = catalogue / PRODUCT / "leistungen" / "01010101-meldewesen.yaml"
    shutil.copyfile(leistung, catalogue / PRODUCT / "kennzahlen" / "meldewesen.yaml")
    codes = sorted(f.code for f in validate(catalogue).findings)
    assert codes == sorted(f.code for f in validate(catalogue, use_cache=False).findings)
    assert "S102" in codes


def test_planted_cache_cannot_run_code(catalogue: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return os.system, (f"touch {marker}",)

    validate(catalogue)
    for shard in cache_home().rglob("*.pickle"):
        shard.write_bytes(pickle.dumps({"salt": "x", "files": Exploit()}))
    for stamps in cache_home().rglob("stempel.stamps"):
        stamps.write_bytes(pickle.dumps({"salt": "x", "stamps": Exploit()}))
    assert validate(catalogue).findings == []
    assert not marker.exists()


def test_malformed_cache_entries_are_ignored(catalogue: Path) -> None:
    validate(catalogue)
    [folder] = [p for p in cache_home().iterdir() if p.is_dir()]
    salt = Cache(catalogue, f"{__version__}:{schema_set().digest}").salt  # files are sealed: write them as the cache
    write_sealed(folder / "stempel.stamps", "stempel.stamps", {"taken": "x", "stamps": {"a": 5}}, salt)
    for shard in folder.glob("*.pickle"):
        write_sealed(shard, shard.name, {"files": {"k": [1, 2]}}, salt)
    assert validate(catalogue).findings == []


def test_no_cache_writes_nothing(catalogue: Path) -> None:
    validate(catalogue, use_cache=False)
    assert not cache_home().exists()


def test_another_working_directory_reuses_the_stamps(catalogue: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import produktkatalog.incremental.files as loading
    import produktkatalog.incremental.store as cache

    monkeypatch.setattr(cache, "_RACY_NS", 0)  # the files' ctime is recent here; on a real machine it is older
    monkeypatch.chdir(catalogue)
    validate(Path("."))
    read: list[str] = []
    original = loading.read_bytes
    monkeypatch.setattr(loading, "read_bytes", lambda path, shown: read.append(shown) or original(path, shown))
    monkeypatch.chdir(tmp_path)
    assert validate(catalogue).findings == []
    assert read == []  # every file known by its stamp, although its shown path differs now


def test_values_are_read_only_when_used_and_unused_ones_are_removed(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "beispielstadt"
    shutil.copytree(BUNDLED / "beispielstadt", root)
    _age(root)
    validate(root, workers=1)
    [values] = list(cache_home().glob("*/werte"))
    stored = sorted(values.iterdir())
    read: list[str] = []
    original = Cache.values
    monkeypatch.setattr(Cache, "values", lambda self, key: read.append(key) or original(self, key))
    computation = validate(root, workers=1).computations[0]
    assert read == []  # a plain check reads no values
    assert len(list(computation.values.items())) > 100 and len(read) == len(stored)
    path = root / SPORT / "kennzahlen" / "anzahl_vereine.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("74", "75"), encoding="utf-8")
    validate(root, workers=1)
    now = sorted(values.iterdir())
    assert len(now) == len(stored) and now != stored  # the changed owners' files replaced, none left behind
