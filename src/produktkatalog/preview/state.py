"""The preview's state in memory: the site's pages, their keys, the current findings and a build counter.

A build validates the catalogue (files unchanged since the last build come from the content-keyed
cache) and renders only the pages whose keys changed, keeping every other page's bytes from the
previous build; nothing is written to disk but the cache. A catalogue with errors keeps the last
good pages and shows its findings on them. The search index is rebuilt in the background.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from produktkatalog.findings import Finding
from produktkatalog.pipeline import validate
from produktkatalog.render import render_site
from produktkatalog.render.search import SearchUnavailable, search_files
from produktkatalog.result import NoCatalogue


@dataclass
class Preview:
    root: Path
    search: bool = True
    pages: dict[str, bytes] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    problem: str = ""  # the catalogue could not be read or rendered at all
    epoch: int = 0  # finished builds; a page reloads when it changes
    indexed: int = 0  # finished search indexes; a page opened before the first one reloads to get its search box
    seconds: float = 0.0  # how long the last build took
    changed: threading.Condition = field(default_factory=threading.Condition)
    _index: dict[str, bytes] = field(default_factory=dict)
    _indexing: threading.Lock = field(default_factory=threading.Lock)

    def build(self) -> None:
        """Check and render what changed; then wake every page waiting for a reload."""
        started = time.perf_counter()
        try:
            result = validate(self.root)
            self.findings, self.problem = result.findings, ""
            if not result.errors:
                rendered = render_site(result, self.root, ["html"], previous=self.keys, workers=1,
                                       search=self.search)
                self.pages = {**{path: self.pages[path] for path in rendered.kept if path in self.pages},
                              **rendered.files}
                self.keys = rendered.keys
        except NoCatalogue as exc:
            self.problem = str(exc)
        except Exception as exc:  # a template or output problem: shown on the page, the preview goes on
            self.problem = f"{type(exc).__name__}: {exc}"
        self.seconds = time.perf_counter() - started
        with self.changed:
            self.epoch += 1
            self.changed.notify_all()
        if self.search:
            threading.Thread(target=self._reindex, daemon=True).start()

    def page(self, path: str) -> bytes | None:
        return self.pages.get(path) if path in self.pages else self._index.get(path)

    def notice(self) -> str:
        """The findings as an HTML box for the top of every page ("" when there are none)."""
        if not self.findings and not self.problem:
            return ""
        items = [f"<li>{escape(self.problem)}</li>"] if self.problem else []
        items += [f"<li><code>{escape(f.file)}:{f.line or 0}:{f.column or 0}</code> {escape(f.code)} "
                  f"{escape(f.message)}</li>" for f in self.findings[:50]]
        more = f"<p>… und {len(self.findings) - 50} weitere.</p>" if len(self.findings) > 50 else ""
        errors = sum(1 for f in self.findings if f.is_error)
        state = ("Die Seiten zeigen den letzten fehlerfreien Stand." if errors or self.problem else
                 "Die Seiten sind aktuell.")
        return (f'<aside class="vorschau-befunde" role="alert"><p><strong>{len(self.findings)} Befunde</strong> '
                f"({errors} Fehler). {state}</p><ul>{''.join(items)}</ul>{more}</aside>")

    def _reindex(self) -> None:
        if not self._indexing.acquire(blocking=False):
            return  # an index is being built; the next build starts another
        try:
            epoch = self.epoch
            self._index = search_files(self.pages)
            if epoch != self.epoch:
                self._index = search_files(self.pages)
            with self.changed:
                self.indexed += 1
                self.changed.notify_all()
        except SearchUnavailable:
            self._index = {}
        finally:
            self._indexing.release()
