"""``katalog serve``: the site as a live preview on this computer, rebuilt on every save."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Annotated

import typer

from produktkatalog.cli.app import PathArgument, finish, stop
from produktkatalog.cli.progress import waiting


def serve(
    pfad: PathArgument = Path("katalog"),
    port: Annotated[int, typer.Option("--port", help="Port auf 127.0.0.1 (Vorgabe: ein freier Port).",
                                      min=0, max=65535, show_default=False)] = 0,
) -> None:
    """Vorschau im Browser: prüft und erzeugt bei jeder Änderung neu und lädt die offene Seite neu."""
    from produktkatalog.preview import Preview, serve_preview
    from produktkatalog.preview.server import watch

    if not pfad.is_dir():
        stop(f"{pfad} ist kein Ordner.")
    preview = Preview(pfad)
    with waiting(f"katalog prüft {pfad} …"):
        preview.build()
    if preview.problem and not preview.pages:
        stop(preview.problem)
    try:
        server = serve_preview(preview, port)
    except OSError as exc:
        stop(f"Der Port {port} ist nicht frei ({exc.strerror}).")
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    typer.echo(f"Vorschau: {address}  (nur auf diesem Rechner; beenden mit Strg+C)")
    if preview.findings:
        typer.echo(f"{len(preview.findings)} Befunde; sie stehen oben auf jeder Seite.")
    stopped = threading.Event()
    watcher = threading.Thread(target=watch, args=(preview, stopped, _report), daemon=True)
    watcher.start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        typer.echo("Vorschau beendet.")
    finally:
        stopped.set()
        server.server_close()
    finish(0)


def _report(preview: object) -> None:
    from produktkatalog.preview import Preview

    if isinstance(preview, Preview):
        state = f"{len(preview.findings)} Befunde" if preview.findings else "keine Befunde"
        typer.echo(f"Neu erzeugt in {preview.seconds:.2f} s, {state}.")
