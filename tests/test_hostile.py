"""Hostile input beyond the YAML itself: links, a tampered cache, a busy or tampered output folder,
interrupted runs, git blob bombs, runaway templates. Each case names the attack and what katalog does instead.

The YAML-level attacks (alias bombs, tags, deep nesting, huge numbers) are in ``test_bad_input``.
"""

from __future__ import annotations

import os
import pickle
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, ClassVar

import pytest
from typer.testing import CliRunner

from conftest import BUNDLED, EXAMPLES, PRODUCT, run
from gitrepo import commit, git, isolate_git
from produktkatalog import __version__
from produktkatalog.cli import app
from produktkatalog.diff import open_sides
from produktkatalog.git import revisions
from produktkatalog.git.revisions import GitError
from produktkatalog.incremental.sealed import SECRET_VARIABLE, load_data, seal, unseal
from produktkatalog.incremental.store import Cache
from produktkatalog.load.discover import shown_path
from produktkatalog.load.limits import MAX_FILE_BYTES
from produktkatalog.pipeline import validate
from produktkatalog.render import (
    OutputRefused,
    Rendered,
    build,
    previous_keys,
    render_site,
    write_site,
    writing_to,
)
from produktkatalog.render.writer import MARKER_TEXT
from produktkatalog.schema import schema_set
from test_values_cache import by_name

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


# --- the cache ---------------------------------------------------------------------------------------------------
# Rule: anything read from the cache is verified or ignored and rebuilt; it never follows a link and never deletes
# what it did not write; a cached run gives exactly what --no-cache gives, after every kind of tampering.

BAD_LENGTH = b"\x80\x05\x8e" + (2**63 + 5).to_bytes(8, "little") + b"x"  # BINBYTES8 with an absurd length


@pytest.fixture
def stadt(tmp_path: Path) -> Path:
    target = tmp_path / "beispielstadt"
    shutil.copytree(BUNDLED / "beispielstadt", target)
    for path in target.rglob("*.yaml"):  # older than the racy window, as on a real machine: stamps are trusted
        os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    return target


def _cache_folder(root: Path) -> Path:
    return Cache(root, "").folder


def _cache_files(root: Path) -> list[Path]:
    return sorted(p for p in _cache_folder(root).rglob("*") if p.is_file() and not p.name.startswith("."))


def _everything(root: Path, use_cache: bool) -> tuple[object, ...]:
    """Findings and every value (all owners settled), as a run shows them."""
    result = validate(root, use_cache=use_cache, workers=1)
    return (tuple(result.findings), *(tuple(sorted(by_name(c).items(), key=repr)) for c in result.computations))


def _assert_cached_equals_fresh(root: Path) -> None:
    fresh = _everything(root, use_cache=False)
    assert _everything(root, use_cache=True) == fresh
    assert _everything(root, use_cache=True) == fresh  # and once more, from what the tampered run left


def test_bad_length_headers_in_every_cache_file(stadt: Path) -> None:
    _everything(stadt, use_cache=True)
    files = _cache_files(stadt)
    assert any(p.parent.name == "werte" for p in files) and any(p.name == "stempel.stamps" for p in files)
    for path in files:
        path.write_bytes(BAD_LENGTH)
    _assert_cached_equals_fresh(stadt)
    assert all(p.read_bytes() != BAD_LENGTH for p in _cache_files(stadt))  # rebuilt, not merely skipped


def test_bad_length_header_inside_a_correctly_sealed_file(stadt: Path) -> None:
    _everything(stadt, use_cache=True)
    cache = Cache(stadt, f"{__version__}:{schema_set().digest}")
    for path in _cache_files(stadt):
        name = path.relative_to(cache.folder).as_posix()
        path.write_bytes(seal(name, BAD_LENGTH, cache.salt))
    _assert_cached_equals_fresh(stadt)


def test_a_changed_digit_in_a_values_file_is_not_published(stadt: Path) -> None:
    expected = _everything(stadt, use_cache=False)
    _everything(stadt, use_cache=True)
    changed = 0
    for path in (_cache_folder(stadt) / "werte").iterdir():
        raw = path.read_bytes()
        found = re.search(rb"[1-8]\d\d\d", raw[40:])  # a digit of a figure, past the header
        if found:
            at = 40 + found.start()
            path.write_bytes(raw[:at] + bytes([raw[at] + 1]) + raw[at + 1:])
            changed += 1
    assert changed > 10
    assert _everything(stadt, use_cache=True) == expected
    _assert_cached_equals_fresh(stadt)


def test_a_values_file_resealed_with_other_figures_is_checked_against_its_record(stadt: Path) -> None:
    """Who knows the file format can seal a file anew; the digest recorded with the findings still differs."""
    expected = _everything(stadt, use_cache=False)
    _everything(stadt, use_cache=True)
    cache = Cache(stadt, f"{__version__}:{schema_set().digest}")
    for path in (cache.folder / "werte").iterdir():
        name = f"werte/{path.name}"
        stored = load_data(unseal(name, path.read_bytes(), cache.salt) or b"")
        blob = stored["werte"].replace(b"\x8c\x01", b"\x8c\x019")  # "1…" becomes "91…": another figure, same shape
        path.write_bytes(seal(name, pickle.dumps({"werte": blob}), cache.salt))
    assert _everything(stadt, use_cache=True) == expected
    _assert_cached_equals_fresh(stadt)


def test_a_cache_forged_without_the_secret_is_ignored(stadt: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SECRET_VARIABLE, "geheimnis-der-ci")
    _everything(stadt, use_cache=True)
    cache = Cache(stadt, f"{__version__}:{schema_set().digest}")
    monkeypatch.delenv(SECRET_VARIABLE)
    for path in _cache_files(stadt):  # everything read and sealed anew, as a forger without the secret can
        name = path.relative_to(cache.folder).as_posix()
        stored = load_data(path.read_bytes().split(b"\n", 2)[2])  # the payload after the header's two lines
        if name.endswith(".pickle"):
            stored["files"] = {key: {**data, "bezeichnung": "Gefälscht"} for key, data in stored["files"].items()}
        path.write_bytes(seal(name, pickle.dumps(stored), cache.salt))
    monkeypatch.setenv(SECRET_VARIABLE, "geheimnis-der-ci")
    names = {c.index.catalogue.products[0].text("bezeichnung") for c in validate(stadt).computations}
    assert names != {"Gefälscht"}
    _assert_cached_equals_fresh(stadt)


def test_values_folder_replaced_by_a_link_deletes_nothing(stadt: Path, tmp_path: Path) -> None:
    _everything(stadt, use_cache=True)
    werte = _cache_folder(stadt) / "werte"
    shutil.rmtree(werte)
    victim = tmp_path / "fremd"
    victim.mkdir()
    for name in ("bericht.txt", "a" * 32):  # also a name the cache itself might give
        (victim / name).write_text("bleibt", encoding="utf-8")
    werte.symlink_to(victim)
    _assert_cached_equals_fresh(stadt)
    assert sorted(p.name for p in victim.iterdir()) == ["a" * 32, "bericht.txt"]
    assert werte.is_symlink()


def test_cache_folder_replaced_by_a_link_is_not_used(stadt: Path, tmp_path: Path) -> None:
    _everything(stadt, use_cache=True)
    folder = _cache_folder(stadt)
    shutil.rmtree(folder)
    victim = tmp_path / "fremd"
    victim.mkdir()
    (victim / "00.pickle").write_text("bleibt", encoding="utf-8")
    folder.symlink_to(victim)
    _assert_cached_equals_fresh(stadt)
    assert [p.name for p in victim.iterdir()] == ["00.pickle"] and (victim / "00.pickle").read_text() == "bleibt"


def test_a_cache_file_replaced_by_a_link_is_not_followed(stadt: Path, tmp_path: Path) -> None:
    _everything(stadt, use_cache=True)
    stamps = _cache_folder(stadt) / "stempel.stamps"
    elsewhere = tmp_path / "fremd.stamps"
    shutil.copyfile(stamps, elsewhere)
    stamps.unlink()
    stamps.symlink_to(elsewhere)
    _assert_cached_equals_fresh(stadt)
    assert not stamps.is_symlink() and elsewhere.read_bytes() != b""  # replaced by a file, the target untouched


def test_leftovers_of_a_killed_cache_write_are_removed(stadt: Path) -> None:
    _everything(stadt, use_cache=True)
    folder = _cache_folder(stadt)
    leftovers = [folder / ".stempel.stamps.k1ll3d_x.tmp", folder / ".3f.pickle.abcdefgh.tmp",
                 folder / "werte" / f".{'0' * 32}.zz9_abcd.tmp"]
    foreign = [folder / "notizen.txt", folder / "werte" / ".fremd.tmp"]
    for path in [*leftovers, *foreign]:
        path.write_bytes(b"halb geschrieben")
    stamps = folder / "stempel.stamps"
    stamps.unlink()  # something to write: the next run writes the cache
    _everything(stadt, use_cache=True)
    assert not any(path.exists() for path in leftovers)
    assert all(path.exists() for path in foreign)


# --- the output folder -------------------------------------------------------------------------------------------

FORMATS = ["html", "md"]
SPORT = "produkte/08-sportfoerderung/080201-foerderung-des-vereinssports"


def _render(root: Path, out: Path) -> Rendered:
    """What ``katalog render`` does, holding the output folder's lock."""
    result = validate(root, workers=1)
    with writing_to(out):
        pages = render_site(result, root, FORMATS, previous=previous_keys(out), workers=1)
        write_site(out, pages.files, kept=pages.kept, keys=pages.keys)
    return pages


def _files_below(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".katalog-seiten"}


def _full_render(root: Path, tmp_path: Path) -> dict[str, bytes]:
    fresh = tmp_path / "frisch"
    shutil.rmtree(fresh, ignore_errors=True)
    write_site(fresh, build(validate(root, use_cache=False, workers=1), root, FORMATS))
    return _files_below(fresh)


def test_a_second_writer_of_one_output_folder_is_turned_away(stadt: Path, tmp_path: Path) -> None:
    out = tmp_path / "web" / "ausgabe"
    _render(stadt, out)
    before = _files_below(out)
    with writing_to(out):  # another render holds the folder
        result = CliRunner().invoke(app, ["render", str(stadt), "--out", str(out)])
    assert result.exit_code == 2
    assert "Ein anderer Lauf von katalog render schreibt gerade nach" in result.stderr
    assert _files_below(out) == before
    assert CliRunner().invoke(app, ["render", str(stadt), "--out", str(out)]).exit_code == 0  # free again
    assert [p.name for p in out.parent.iterdir()] == ["ausgabe"]  # no lock file left


def test_a_run_overtaken_by_another_state_writes_no_mix(stadt: Path, tmp_path: Path) -> None:
    """Without the lock (a writer that does not take it): the slower run must not link the faster run's pages
    as its own, and the record must not vouch for them."""
    out = tmp_path / "ausgabe"
    _render(stadt, out)
    slow = render_site(validate(stadt, workers=1), stadt, FORMATS, previous=previous_keys(out), workers=1)
    settings = stadt / "katalog.yaml"
    settings.write_text(settings.read_text("utf-8").replace("Beispielstadt (fiktiv)", "Zweitstadt (fiktiv)"), "utf-8")
    _render(stadt, out)  # the other run, with another state of the catalogue, finishes first
    second = _files_below(out)
    with pytest.raises(OutputRefused, match="während des Laufs verändert"):
        write_site(out, slow.files, kept=slow.kept, keys=slow.keys)
    assert _files_below(out) == second
    assert _render(stadt, out) is not None and _files_below(out) == _full_render(stadt, tmp_path)


def test_a_page_edited_by_hand_with_size_and_time_restored_is_rendered_again(stadt: Path, tmp_path: Path) -> None:
    out = tmp_path / "ausgabe"
    _render(stadt, out)
    page = out / "haushalt" / "gesamt.html"
    original = page.read_bytes()
    status = page.stat()
    edited = original.replace(b"Gesamtergebnisplan", b"Gesamtergebnisplam")
    assert edited != original and len(edited) == len(original)
    page.write_bytes(edited)
    os.utime(page, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert (page.stat().st_size, page.stat().st_mtime_ns, page.stat().st_ino) == \
        (status.st_size, status.st_mtime_ns, status.st_ino)
    pages = _render(stadt, out)
    assert "haushalt/gesamt.html" in pages.files
    assert page.read_bytes() == original


def test_out_given_as_a_link_is_refused_and_left_alone(stadt: Path, tmp_path: Path) -> None:
    target = tmp_path / "webserver" / "katalog"
    target.mkdir(parents=True)
    (tmp_path / "web").mkdir()
    link = tmp_path / "web" / "ausgabe"
    link.symlink_to(target)
    result = CliRunner().invoke(app, ["render", str(stadt), "--out", str(link)])
    assert result.exit_code == 2
    assert "ist eine Verknüpfung" in result.stderr and str(target) in result.stderr
    assert link.is_symlink() and list(target.iterdir()) == []
    assert [p.name for p in link.parent.iterdir()] == ["ausgabe"]


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o755), (0o027, 0o750), (0o002, 0o775)])
def test_the_output_folder_follows_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    previous = os.umask(umask)
    try:
        write_site(tmp_path / "ausgabe", {"index.html": b"<p>x</p>", "produkte/a.html": b"A"})
        write_site(tmp_path / "ausgabe", {"index.html": b"<p>y</p>", "produkte/a.html": b"A"})  # replaced
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "ausgabe").stat().st_mode) == mode
    assert stat.S_IMODE((tmp_path / "ausgabe" / "produkte").stat().st_mode) == mode


def test_leftovers_of_a_killed_render_are_removed_by_the_next(stadt: Path, tmp_path: Path) -> None:
    web = tmp_path / "web"
    out = web / "ausgabe"
    _render(stadt, out)
    killed_while_building = web / ".ausgabe.neu-k1ll3d_x"
    shutil.copytree(out, killed_while_building)
    (web / ".ausgabe.neu-3mpty_ab").mkdir()
    for name, cut in (("0byt3_ab", 0), ("h4lf_abc", 20)):  # killed while writing the marker, the first file
        (web / f".ausgabe.neu-{name}").mkdir()
        (web / f".ausgabe.neu-{name}" / ".katalog-ausgabe").write_bytes(MARKER_TEXT[:cut])
    other = web / ".ausgabe.neu-0th3r_ab"  # a marker file that is not the beginning of ours: not our folder
    other.mkdir()
    (other / ".katalog-ausgabe").write_text("fremd", encoding="utf-8")
    killed_while_swapping = web / ".ausgabe.alt-abcd1234"
    shutil.copytree(out, killed_while_swapping)
    half_record = out / ".katalog-seiten.x1y2z3w4.tmp"
    half_record.write_text('{"version": 2, "sei', encoding="utf-8")
    foreign = web / ".ausgabe.neu-f0re1gn_"  # a name like ours, but not our folder: it stays
    foreign.mkdir()
    (foreign / "wichtig.txt").write_text("bleibt", encoding="utf-8")
    result = CliRunner().invoke(app, ["render", str(stadt), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in web.iterdir()) == [".ausgabe.neu-0th3r_ab", ".ausgabe.neu-f0re1gn_", "ausgabe"]
    assert not half_record.exists()


@pytest.mark.slow
def test_kill_9_during_render_then_a_new_run_cleans_up(stadt: Path, tmp_path: Path) -> None:
    web = tmp_path / "web"
    web.mkdir()
    out = web / "ausgabe"
    command = [sys.executable, "-m", "produktkatalog", "render", str(stadt), "--out", str(out), "--no-cache"]
    for _ in range(20):  # kill it while it builds the new tree beside the old one
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while process.poll() is None and not list(web.glob(".ausgabe.neu-*")):
            time.sleep(0.0005)
        process.kill()
        process.wait()
        if list(web.glob(".ausgabe.neu-*")):
            break
    assert list(web.glob(".ausgabe.neu-*")), "render ended before it could be killed"
    assert subprocess.run(command, capture_output=True).returncode == 0
    assert [p.name for p in web.iterdir()] == ["ausgabe"]
    assert _files_below(out) == _full_render(stadt, tmp_path)


# --- worker processes --------------------------------------------------------------------------------------------

WORKERS_SCRIPT = """
import os, sys, time
from produktkatalog.system.pool import in_processes

def work(items):
    open(os.path.join(sys.argv[1], str(os.getpid())), "w").close()
    time.sleep(120)
    return items

if __name__ == "__main__":
    in_processes(work, list(range(4)), 2, 1)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as stream:
            return "\nState:\tZ" not in stream.read()  # a zombie is dead, only not yet reaped
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_when_their_parent_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "arbeit.py"
    script.write_text(WORKERS_SCRIPT, encoding="utf-8")
    started = tmp_path / "gestartet"
    started.mkdir()
    parent = subprocess.Popen([sys.executable, str(script), str(started)])
    try:
        deadline = time.monotonic() + 30
        while len(list(started.iterdir())) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        workers = [int(p.name) for p in started.iterdir()]
        assert len(workers) == 2 and all(_alive(pid) for pid in workers)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:  # do not leave them behind on a failure
        os.kill(pid, signal.SIGKILL)
    assert survivors == []


# --- git revisions -----------------------------------------------------------------------------------------------


class _SpyPopen(subprocess.Popen):  # type: ignore[type-arg]
    """Records what katalog asks ``git cat-file`` for, whether it passes the request as a file or as input."""

    requested: ClassVar[list[bytes]] = []

    def __init__(self, args: Any, *rest: Any, **options: Any) -> None:
        stdin = options.get("stdin")
        if "cat-file" in args and hasattr(stdin, "read"):
            at = stdin.tell()
            _SpyPopen.requested.append(stdin.read())
            stdin.seek(at)
        super().__init__(args, *rest, **options)

    def communicate(self, input: Any = None, timeout: Any = None) -> Any:
        if input and "cat-file" in self.args:
            _SpyPopen.requested.append(input)
        return super().communicate(input, timeout)


@pytest.fixture
def bomb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str, list[str]]:
    """A repository whose previous commit holds blobs just above the per-file limit (tiny when packed)."""
    isolate_git(monkeypatch)
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLES / "basis", repo / "katalog")
    git(repo, "init", "-q")
    commit(repo, "Katalog")
    figures = repo / "katalog" / PRODUCT / "kennzahlen"
    line = b"# " + b"x" * 61 + b"\n"
    for name in ("bombe_1.yaml", "bombe_2.yaml", "bombe_3.yaml"):
        (figures / name).write_bytes(b"id: bombe\n" + line * (MAX_FILE_BYTES // len(line) + 1))
    commit(repo, "Bombe")
    hashes = git(repo, "ls-tree", "-r", "HEAD", "--", f"katalog/{PRODUCT}/kennzahlen/").split()
    big = [h for h in hashes if len(h) == 40 and int(git(repo, "cat-file", "-s", h)) > MAX_FILE_BYTES]
    revision = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "rm", "-q", f"katalog/{PRODUCT}/kennzahlen/bombe_*.yaml")
    commit(repo, "Bombe entfernt")
    monkeypatch.setattr(subprocess, "Popen", _SpyPopen)
    _SpyPopen.requested = []
    return repo / "katalog", revision, big


def test_diff_against_a_blob_bomb_never_reads_the_big_blobs(bomb: tuple[Path, str, list[str]]) -> None:
    katalog, revision, big = bomb
    assert len(big) == 3
    with open_sides(katalog, revision, use_cache=False) as (old, new):
        too_large = sorted((f.code, Path(f.file).name) for f in old.result.findings)
        assert too_large == [("Y002", f"bombe_{n}.yaml") for n in (1, 2, 3)]
        assert new.result.findings == []
    requested = b"".join(_SpyPopen.requested)
    assert requested and not any(h.encode() in requested for h in big)


def test_changed_since_a_blob_bomb_never_reads_the_big_blobs(bomb: tuple[Path, str, list[str]]) -> None:
    katalog, revision, big = bomb
    result = validate(katalog, use_cache=False, workers=1, changed_since=revision)
    assert result.findings == []
    assert not any(h.encode() in b"".join(_SpyPopen.requested) for h in big)


def test_a_revision_with_too_many_files_is_refused(bomb: tuple[Path, str, list[str]],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A tree bomb (a tree holding copies of itself) lists billions of paths; the listing stops."""
    katalog, revision, _ = bomb
    monkeypatch.setattr(revisions, "MAX_REVISION_ENTRIES", 5)
    with pytest.raises(GitError, match="mehr als 5 Dateien"), open_sides(katalog, revision, use_cache=False):
        pass


# --- a catalogue's own templates ---------------------------------------------------------------------------------

CHILD = """
import sys
from produktkatalog.render import parallel
parallel.PARALLEL_FROM = int(sys.argv[3])  # 1: every page in forked worker processes
try:
    from produktkatalog.render import bounds
    bounds.SECONDS, bounds.MEMORY_HEADROOM = float(sys.argv[1]), int(sys.argv[2])
except ImportError:
    pass
from produktkatalog.cli import main
sys.argv = ["katalog", "render", *sys.argv[4:]]
main()
"""


def _render_own_template(stadt: Path, out: Path, template: str, seconds: float = 60, headroom: int = 2 * 2**30,
                         parallel_from: int = 200) -> subprocess.CompletedProcess[str]:
    """``katalog render`` with ``template`` as the catalogue's Produktblatt, in a child process that may be ended."""
    own = stadt / "templates"
    own.mkdir(exist_ok=True)
    (own / "produkt.md.j2").write_text(template, encoding="utf-8")
    arguments = [str(seconds), str(headroom), str(parallel_from), str(stadt), "--out", str(out), "--format", "md",
                 "--no-cache"]
    try:
        return subprocess.run([sys.executable, "-c", CHILD, *arguments], capture_output=True, text=True, timeout=90)
    except subprocess.TimeoutExpired:
        pytest.fail("render did not end: the template ran without a bound")


NESTED_LOOPS = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
HUGE_OUTPUT = "{% for i in range(100000) %}{% for j in range(100000) %}" + "Zeile " * 200 + "{% endfor %}{% endfor %}"
DOUBLING = ('{% set ns = namespace(text="x") %}{% for i in range(40) %}{% set ns.text = ns.text ~ ns.text %}'
            "{% endfor %}{{ ns.text|length }}")
POWER = "{{ 10 ** 10000000 }}"
REPEAT = '{{ "x" * 10 ** 11 }}'


@pytest.mark.parametrize(("template", "reason", "seconds"), [
    (NESTED_LOOPS, "läuft länger als 2 Sekunden", 2),
    (HUGE_OUTPUT, "größer als 64 Millionen Zeichen", 60),
    (DOUBLING, "braucht mehr als 256 MB Speicher", 60),
    (POWER, "Potenz mit mehr als 1000 Stellen", 60),
    (REPEAT, "Wiederholung mit mehr als 64 Millionen", 60),
], ids=["verschachtelte-schleifen", "riesige-ausgabe", "verdoppeln", "potenz", "wiederholung"])
def test_a_runaway_template_is_stopped_and_named(stadt: Path, tmp_path: Path, template: str, reason: str,
                                                 seconds: float) -> None:
    out = tmp_path / "ausgabe"
    done = _render_own_template(stadt, out, template, seconds=seconds, headroom=256 * 2**20)
    assert done.returncode == 2, done.stderr
    assert "Die Vorlage produkt.md.j2 lässt sich nicht anwenden" in done.stderr and reason in done.stderr, done.stderr
    assert "Zeile 1" in done.stderr or reason.startswith("größer"), done.stderr
    assert not out.exists()


@pytest.mark.slow
@pytest.mark.parametrize(("template", "reason"), [(NESTED_LOOPS, "läuft länger als 2 Sekunden"),
                                                  (DOUBLING, "braucht mehr als 256 MB Speicher")],
                         ids=["verschachtelte-schleifen", "verdoppeln"])
def test_runaway_templates_are_stopped_in_worker_processes_too(stadt: Path, tmp_path: Path, template: str,
                                                               reason: str) -> None:
    done = _render_own_template(stadt, tmp_path / "ausgabe", template, seconds=2, headroom=256 * 2**20,
                                parallel_from=1)
    assert done.returncode == 2 and "Die Vorlage produkt.md.j2 lässt sich nicht anwenden" in done.stderr
    assert reason in done.stderr, done.stderr
