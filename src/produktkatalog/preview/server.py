"""The preview's web server: localhost only, a free port, pages from memory, a reload after every build.

Each HTML page gets a small script before ``</body>`` that listens to ``/__katalog/ereignisse``
(server-sent events) and reloads the page when a build has finished, and the current findings at
the top of the page. The watcher (``watchfiles``: the operating system's file events) starts a build
50 ms after the last change of a burst (a save, a ``git checkout``).
"""

from __future__ import annotations

import mimetypes
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from produktkatalog.preview.state import Preview

EVENTS = "/__katalog/ereignisse"
PING_SECONDS = 15
# The page knows the state it was served in ("STAND"), so a build or search index finished before its event
# stream connected still reloads it.
RELOAD_SCRIPT = (
    '<script>(function(){var q=new EventSource("/__katalog/ereignisse");var e="STAND";'
    'q.addEventListener("stand",function(m){if(e!==m.data){location.reload();}e=m.data;});'
    'window.addEventListener("pagehide",function(){q.close();});})();</script>')
STYLE = ('<style>.vorschau-befunde{border:2px solid #b00020;background:#fff4f4;padding:.5rem 1rem;'
         "margin:0 0 1rem}.vorschau-befunde ul{margin:.3rem 0;padding-left:1.2rem}</style>")


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream does not keep the process alive
    preview: Preview


def serve_preview(preview: Preview, port: int = 0) -> PreviewServer:
    """A server bound to 127.0.0.1 (``port`` 0: a free one), not yet serving."""
    server = PreviewServer(("127.0.0.1", port), _Handler)
    server.preview = preview
    return server


def watch(preview: Preview, stop: threading.Event, built: Callable[[Preview], None] | None = None) -> None:
    """Build after every burst of changes under the catalogue until ``stop`` is set."""
    import watchfiles

    for _ in watchfiles.watch(preview.root, debounce=50, step=10, stop_event=stop, watch_filter=_relevant):
        preview.build()
        if built is not None:
            built(preview)


def _state(preview: Preview) -> str:
    """What an open page has seen: the build and the search index it was served with."""
    return f"{preview.epoch}.{preview.indexed}"


def _relevant(change: object, path: str) -> bool:
    parts = PurePosixPath(path).parts
    return not any(part.startswith(".") or part == "__pycache__" for part in parts)


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        if path == EVENTS:
            self._events()
            return
        wanted = path.lstrip("/")
        if wanted == "" or wanted.endswith("/"):
            wanted += "index.html"
        state = _state(self.server.preview)  # before the page: a build after it reloads the page
        content = self.server.preview.page(wanted)
        if content is None:
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8",
                       f"Diese Seite gibt es in der Vorschau nicht: /{wanted}".encode())
            return
        kind = mimetypes.guess_type(wanted)[0] or "application/octet-stream"
        if wanted.endswith(".html"):
            content = self._with_reload(content, state)
            kind = "text/html; charset=utf-8"
        self._send(HTTPStatus.OK, kind, content)

    def _with_reload(self, content: bytes, state: str) -> bytes:
        notice = self.server.preview.notice()
        text = content.decode("utf-8")
        text = text.replace("<main>", f"<main>{STYLE}{notice}", 1) if notice else text
        script = RELOAD_SCRIPT.replace("STAND", state)
        return text.replace("</body>", script + "</body>", 1).encode("utf-8")

    def _send(self, status: HTTPStatus, kind: str, content: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(content)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(content)

    def _events(self) -> None:
        preview = self.server.preview
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        seen = ""
        try:
            while True:
                with preview.changed:
                    if _state(preview) == seen:
                        preview.changed.wait(PING_SECONDS)
                    state = _state(preview)
                message = f"event: stand\ndata: {state}\n\n" if state != seen else ": ping\n\n"
                self.wfile.write(message.encode())
                self.wfile.flush()
                seen = state
        except (BrokenPipeError, ConnectionResetError):
            return

    def log_message(self, format: str, *args: object) -> None:
        return  # requests are not the controller's business
