"""``katalog serve``: a local preview that re-checks and re-renders on every save and reloads the open page."""

from produktkatalog.preview.server import serve_preview
from produktkatalog.preview.state import Preview

__all__ = ["Preview", "serve_preview"]
