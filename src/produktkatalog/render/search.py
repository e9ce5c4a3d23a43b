"""The site's full-text search: Pagefind's static index of the rendered HTML pages.

Pagefind (the ``pagefind[bin]`` package ships its indexer) reads the pages and writes a folder
``pagefind/`` of index files and a small search interface; the search then runs in the reader's
browser, with no server component. The index is built in a temporary folder from the pages in
memory and returned as files, so the writer puts it in place with the rest of the site.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

FOLDER = "pagefind"
TIMEOUT = 600  # seconds; the index of a Großstadt takes about ten


class SearchUnavailable(Exception):
    """The indexer is missing or failed; the site is still complete, only without search."""


def search_files(pages: dict[str, bytes]) -> dict[str, bytes]:
    """The files of ``pagefind/`` for the HTML ``pages`` (path relative to the site → content)."""
    with tempfile.TemporaryDirectory(prefix="katalog-suche-") as folder:
        site = Path(folder)
        for path, content in pages.items():
            if path.endswith(".html"):
                target = site / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
        command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", FOLDER, "--quiet"]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SearchUnavailable(f"Der Suchindex ließ sich nicht erzeugen ({error}).") from error
        if done.returncode != 0:
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["ohne Meldung"]
            raise SearchUnavailable(f"Der Suchindex ließ sich nicht erzeugen ({detail[0]}).")
        index = site / FOLDER
        return {f"{FOLDER}/{path.relative_to(index).as_posix()}": path.read_bytes()
                for path in sorted(index.rglob("*")) if path.is_file()}
