"""How fast the Großstadt catalogue prints as a book and reloads in the preview.

    python benchmarks/publish.py [--catalogue PFAD] [--workers 2] [--edits 5] [--nur buch|vorschau]

Without ``--catalogue`` a Großstadt catalogue is generated (``generate_grossstadt.py``) into a
temporary folder. Measures:

- ``katalog buch``: total time, pages and pages per second (chapters laid out in ``--workers``
  processes, default: every core);
- the preview (``katalog serve``'s state and server): from saving a product file to the moment
  the reloaded page is served with the new text, ``--edits`` times (median, min, max). Like the open page
  in the browser, the script waits for the server's "stand" event and then loads the page once.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

from produktkatalog.book import make_book
from produktkatalog.pipeline import validate
from produktkatalog.preview import Preview, serve_preview
from produktkatalog.preview.server import EVENTS, watch

HERE = Path(__file__).resolve().parent


def book(catalogue: Path, workers: int | None) -> None:
    started = time.perf_counter()
    result = validate(catalogue)
    checked = time.perf_counter()
    pdf, pages = make_book(result.computations[0], workers=workers)
    done = time.perf_counter()
    print(f"katalog buch: {pages} Seiten, {len(pdf) / 1e6:.1f} MB; prüfen {checked - started:.1f} s, "
          f"setzen {done - checked:.1f} s, zusammen {done - started:.1f} s ({pages / (done - checked):.1f} Seiten/s)")


def preview(catalogue: Path, edits: int) -> None:
    state = Preview(catalogue, search=False)
    state.build()
    server = serve_preview(state)
    stop = threading.Event()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    threading.Thread(target=watch, args=(state, stop), daemon=True).start()
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    product = sorted(catalogue.glob("produkte/*/*/produkt.yaml"))[0]
    page = next(path for path in state.pages if path.startswith("produkte/") and path.endswith(".html"))
    original = product.read_text(encoding="utf-8")
    events = urllib.request.urlopen(address + EVENTS.lstrip("/"), timeout=60)  # as the open page listens
    _next_state(events)
    times = []
    for edit in range(edits):
        marker = f"Bearbeitung {edit} {time.time_ns()}"
        product.write_text(original.replace("beschreibung: ", f"beschreibung: {marker} ", 1), encoding="utf-8")
        started = time.perf_counter()
        while True:  # the page reloads on each new state; the edit is there once a build has seen it
            _next_state(events)
            if marker.encode() in urllib.request.urlopen(address + page, timeout=30).read():
                break
        times.append(time.perf_counter() - started)
    events.close()
    product.write_text(original, encoding="utf-8")
    stop.set()
    server.shutdown()
    print(f"katalog serve: Speichern bis neu ausgelieferte Seite: Median {statistics.median(times):.2f} s, "
          f"min {min(times):.2f} s, max {max(times):.2f} s ({edits} Änderungen)")


def _next_state(events: Any) -> None:
    """Read the event stream up to the next "stand" event (pings in between are skipped)."""
    for raw in events:
        if raw.startswith(b"data:"):
            return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--catalogue", type=Path)
    parser.add_argument("--workers", type=int)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--nur", choices=("buch", "vorschau"), help="only the book, or only the preview")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        catalogue = options.catalogue
        if catalogue is None:
            catalogue = Path(folder) / "grossstadt"
            subprocess.run([sys.executable, str(HERE / "generate_grossstadt.py"), str(catalogue)], check=True)
        if options.nur != "vorschau":
            book(catalogue, options.workers)
        if options.nur != "buch":
            preview(catalogue, options.edits)


if __name__ == "__main__":
    main()
