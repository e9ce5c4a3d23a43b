"""Writing the site: all or nothing, unchanged files untouched, never into a folder katalog did not create."""

from __future__ import annotations

from pathlib import Path

import pytest

from produktkatalog.render import OutputRefused, write_site, writer

V1 = {"index.html": b"<p>eins</p>", "produkte/a.html": b"A", "produkte/b.html": b"B"}
V2 = {"index.html": b"<p>zwei</p>", "produkte/a.html": b"A", "produkte/c.html": b"C"}


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_new_version_replaces_the_old_and_keeps_unchanged_files(tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    write_site(out, V1)
    before = snapshot(out)
    report = write_site(out, V2)
    after = snapshot(out)
    assert report.written == ["index.html", "produkte/c.html"]
    assert report.removed == ["produkte/b.html"]
    assert sorted(after) == [".katalog-ausgabe", "index.html", "produkte/a.html", "produkte/c.html"]
    assert after["produkte/a.html"] == before["produkte/a.html"]  # same bytes, time and inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ausgabe"]  # no hidden folder left


def test_interrupted_write_leaves_the_old_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "ausgabe"
    write_site(out, V1)
    before = snapshot(out)
    calls = 0
    real = Path.write_bytes

    def failing(self: Path, data: bytes) -> int:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(28, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(OSError):
        write_site(out, V2)
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ausgabe"]


def test_swap_without_atomic_exchange(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer, "_exchange", lambda first, second: False)
    out = tmp_path / "ausgabe"
    write_site(out, V1)
    before = snapshot(out)
    write_site(out, V2)
    after = snapshot(out)
    assert after["index.html"][0] == b"<p>zwei</p>"
    assert after["produkte/a.html"] == before["produkte/a.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ausgabe"]


def test_keep_others_adds_pages_to_the_old_output(tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    write_site(out, V1)
    write_site(out, {"produkte/b.html": b"B2"}, keep_others=True)
    assert (out / "produkte/b.html").read_bytes() == b"B2"
    assert (out / "index.html").read_bytes() == b"<p>eins</p>"


def test_refuses_foreign_folders_and_unsafe_paths(tmp_path: Path) -> None:
    foreign = tmp_path / "fremd"
    foreign.mkdir()
    (foreign / "wichtig.txt").write_text("x")
    with pytest.raises(OutputRefused):
        write_site(foreign, V1)
    (tmp_path / "datei").write_text("x")
    with pytest.raises(OutputRefused):
        write_site(tmp_path / "datei", V1)
    for bad in ("../x.html", "/etc/x", "a/../../x", "a\\..\\x", ""):
        with pytest.raises(ValueError):
            write_site(tmp_path / "neu", {bad: b"x"})
    assert not (tmp_path / "neu").exists()
