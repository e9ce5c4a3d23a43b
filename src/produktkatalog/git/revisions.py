"""A catalogue as it was at a git revision, read through git itself.

git runs without a shell, with an argument list, ``--`` before paths and
``--end-of-options`` before revisions; revision names are checked before git
sees them. A revision's files are written into a fresh folder (regular files
only, no symbolic links, no path leaving the folder), so the normal pipeline
reads them like any other catalogue.

A revision is untrusted input like a file: a small repository can expand to
gigabytes (a "blob bomb", or a tree bomb of nested copies). Its listing is read as a
stream and stops at ``MAX_REVISION_ENTRIES``; a blob's size is known from the listing
before its content is read, so a blob above the per-file limit is never read (its
file is made as a sparse file of that size, and the pipeline reports it as too
large, Y002, as it would in the working tree), and the YAML files of a revision may
hold at most ``MAX_REVISION_BYTES`` together. Contents stream from one
``git cat-file --batch``, one blob at a time.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, NamedTuple

from produktkatalog.load.limits import MAX_FILE_BYTES, MAX_REVISION_BYTES, MAX_REVISION_ENTRIES

YAML_SUFFIXES = (".yaml", ".yml")
_REVISION = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./@{}~^+-]{0,199}")
_REGULAR_FILES = {"100644", "100755"}
_ENVIRONMENT = {"GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0"}


class GitError(Exception):
    """git cannot answer: no repository, an unknown revision, git missing. The message is German."""


class Blob(NamedTuple):
    hash: str
    size: int  # bytes, as the listing tells before any content is read


def check_revision(name: str) -> str:
    """``name`` if it is a plain revision name (branch, tag, hash, ``HEAD~2``); anything else is refused."""
    if not _REVISION.fullmatch(name) or ".." in name or name.endswith((".", "/", ".lock")) or "//" in name:
        shown = name.encode("unicode_escape").decode("ascii")
        raise GitError(f"„{shown}“ ist kein zulässiger Revisionsname (erlaubt: Zweig, Tag, Commit-Hash, "
                       "Angaben wie HEAD~1; keine Leerzeichen, kein „..“, nicht mit „-“ beginnend).")
    return name


@dataclass(frozen=True)
class Repository:
    root: Path  # the working tree's top folder, as git reports it

    def git(self, *args: str, stdin: bytes | None = None, accept: tuple[int, ...] = (0,)) -> bytes:
        return run_git(["-C", str(self.root), *args], stdin=stdin, accept=accept)

    def commit(self, revision: str) -> str:
        """The commit a revision names, as a full hash."""
        name = check_revision(revision)
        found = self.git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}",
                         accept=(0, 1, 128))  # 128: a reflog entry or object git cannot find
        if not found.strip():
            raise GitError(f"Revision „{name}“ unbekannt: git kennt keinen Commit dieses Namens.")
        return found.decode("ascii").strip()

    def inside(self, path: Path) -> str:
        """``path`` relative to the repository root, in git's spelling ("" for the root itself)."""
        try:
            relative = path.resolve().relative_to(self.root)
        except ValueError:
            raise GitError(f"{path} liegt nicht im git-Repository {self.root}.") from None
        return "" if relative.as_posix() == "." else relative.as_posix()

    def files(self, commit: str, folder: str) -> dict[str, Blob]:
        """Regular YAML files below ``folder`` at ``commit``: path relative to ``folder`` → blob and its size."""
        prefix = f"{folder}/" if folder else ""
        found = {}
        with self.stream("ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", *([folder] if folder else [])) \
                as listing:
            for count, entry in enumerate(_records(listing)):
                if count >= MAX_REVISION_ENTRIES:
                    raise GitError(f"Der Stand {commit[:7]} enthält mehr als {MAX_REVISION_ENTRIES:_} Dateien; so "
                                   "viele liest katalog nicht.".replace("_", "."))
                meta, _, name = entry.partition(b"\t")
                fields = meta.split()
                path = name.decode("utf-8", "surrogateescape")
                if len(fields) == 4 and fields[0].decode() in _REGULAR_FILES and path.startswith(prefix):
                    relative = path[len(prefix):]
                    if relative.endswith(YAML_SUFFIXES) and _safe(relative) and fields[3].isdigit():
                        found[relative] = Blob(fields[2].decode("ascii"), int(fields[3]))
        return found

    def blobs(self, blobs: list[Blob]) -> Iterator[bytes | None]:
        """The contents of ``blobs`` in order, streamed from one ``git cat-file --batch``; None for a blob above
        the per-file limit, which is never read."""
        wanted = [blob for blob in blobs if blob.size <= MAX_FILE_BYTES]
        if not wanted:
            yield from (None for _ in blobs)
            return
        with tempfile.TemporaryFile() as requests:
            requests.write("".join(f"{blob.hash}\n" for blob in wanted).encode("ascii"))
            requests.seek(0)
            with self.stream("cat-file", "--batch", stdin=requests) as output:
                for blob in blobs:
                    yield _content(output, blob) if blob.size <= MAX_FILE_BYTES else None

    def materialize(self, commit: str, folder: str, target: Path) -> int:
        """Writes the YAML files below ``folder`` at ``commit`` into the empty folder ``target``."""
        files = self.files(commit, folder)
        readable = sum(blob.size for blob in files.values() if blob.size <= MAX_FILE_BYTES)
        if readable > MAX_REVISION_BYTES:
            raise GitError(f"Die YAML-Dateien des Stands {commit[:7]} sind zusammen {readable // 2**20} MB groß; "
                           f"katalog liest höchstens {MAX_REVISION_BYTES // 2**20} MB.")
        made: set[Path] = set()
        for (relative, blob), content in zip(files.items(), self.blobs(list(files.values())), strict=True):
            destination = target.joinpath(*relative.split("/"))
            if destination.parent not in made:  # one mkdir per folder, not per file
                destination.parent.mkdir(parents=True, exist_ok=True)
                made.add(destination.parent)
            with open(destination, "xb") as stream:  # never through a link, never twice
                if content is None:  # too large to read: only its size, which the pipeline reports (Y002)
                    stream.truncate(blob.size)
                else:
                    stream.write(content)
        return len(files)

    @contextlib.contextmanager
    def stream(self, *args: str, stdin: IO[bytes] | None = None) -> Iterator[IO[bytes]]:
        """git's output as a stream; git is stopped if the reader stops early, and a failure is a ``GitError``."""
        with tempfile.TemporaryFile() as errors:
            try:
                process = subprocess.Popen(["git", "--literal-pathspecs", "-C", str(self.root), *args],
                                           stdin=stdin if stdin is not None else subprocess.DEVNULL,
                                           stdout=subprocess.PIPE, stderr=errors, shell=False,
                                           env={**os.environ, **_ENVIRONMENT})
            except FileNotFoundError:
                raise GitError("git ist nicht installiert oder nicht im Suchpfad.") from None
            assert process.stdout is not None
            try:
                yield process.stdout
            except BaseException:  # the reader stopped: git need not go on
                process.kill()
                raise
            finally:
                process.stdout.close()
                process.wait()
            if process.returncode != 0:
                errors.seek(0)
                message = errors.read(4096).decode("utf-8", "replace").strip().splitlines()
                raise GitError(f"git konnte nicht ausgeführt werden: {message[-1] if message else process.returncode}")

    def changed_since(self, commit: str, folder: str) -> list[str]:
        """Files below ``folder`` that differ from ``commit``: committed, staged, unstaged, untracked, deleted."""
        spec = ["--", folder] if folder else []
        changed = self.git("diff", "--name-only", "--no-renames", "-z", commit, *spec)
        untracked = self.git("ls-files", "--others", "--exclude-standard", "-z", *spec)
        names = {n.decode("utf-8", "surrogateescape") for n in (changed + b"\0" + untracked).split(b"\0") if n}
        return sorted(names)


def repository(path: Path) -> Repository:
    """The git repository that holds ``path``."""
    top = top_folder(path)
    if top is None:
        raise GitError(f"Kein git-Repository: {path} liegt in keinem von git verwalteten Ordner.")
    return Repository(top)


def top_folder(path: Path) -> Path | None:
    """The top folder of the git work tree holding ``path``; None outside one. Raises ``GitError`` without git."""
    folder = path if path.is_dir() else path.parent
    found = run_git(["-C", str(folder), "rev-parse", "--show-toplevel"], accept=(0, 128))
    return Path(os.fsdecode(found.rstrip(b"\n"))).resolve() if found.strip() else None


def renames(old: Path, new: Path) -> list[tuple[str, str]]:
    """Files git's rename detection pairs between two folders, as paths relative to each folder."""
    output = run_git(["diff", "--no-index", "--find-renames", "--name-status", "-z", "--", str(old), str(new)],
                     accept=(0, 1))
    fields = output.split(b"\0")
    pairs = []
    for position, status in enumerate(fields):
        if status.startswith(b"R") and position + 2 < len(fields):
            before, after = (os.fsdecode(fields[position + k]) for k in (1, 2))
            pairs.append((_below(before, old), _below(after, new)))
    return [(a, b) for a, b in pairs if a and b]


def run_git(args: list[str], stdin: bytes | None = None, accept: tuple[int, ...] = (0,)) -> bytes:
    try:
        done = subprocess.run(["git", "--literal-pathspecs", *args], input=stdin, capture_output=True,
                              shell=False, check=False, env={**os.environ, **_ENVIRONMENT})
    except FileNotFoundError:
        raise GitError("git ist nicht installiert oder nicht im Suchpfad.") from None
    if done.returncode not in accept:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git konnte nicht ausgeführt werden: {message[-1] if message else done.returncode}")
    return done.stdout


def _records(stream: IO[bytes], separator: bytes = b"\0") -> Iterator[bytes]:
    """The ``separator``-ended records of a stream, read in chunks."""
    rest = b""
    while chunk := stream.read(65536):
        *done, rest = (rest + chunk).split(separator)
        yield from done
    if rest:
        yield rest


def _content(output: IO[bytes], blob: Blob) -> bytes:
    """The next blob of a ``cat-file --batch`` stream, exactly the size the listing told."""
    header = output.readline(256).split()
    if len(header) != 3 or header[0].decode("ascii", "replace") != blob.hash or header[1] != b"blob" \
            or header[2] != str(blob.size).encode():
        raise GitError("git hat einen Dateiinhalt nicht wie angekündigt geliefert.")
    content = output.read(blob.size)
    output.read(1)  # the newline after each blob
    if len(content) != blob.size:
        raise GitError("git hat einen Dateiinhalt nicht vollständig geliefert.")
    return content


def _safe(relative: str) -> bool:
    """A path that stays inside the target folder: no empty, "." or ".." parts, no drive or backslash."""
    parts = PurePosixPath(relative).parts
    return bool(parts) and all(part not in ("", ".", "..") and "\\" not in part and ":" not in part
                               for part in parts) and not relative.startswith("/")


def _below(path: str, folder: Path) -> str:
    """``path`` as git printed it, relative to ``folder``; "" if it is not below it."""
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(folder.resolve()).as_posix()
    except ValueError:
        return ""
