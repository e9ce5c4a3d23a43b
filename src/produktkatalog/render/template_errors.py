"""A template's failure told in German, with the line of the template where it happened."""

from __future__ import annotations

import re
import traceback

from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from produktkatalog.render import bounds
from produktkatalog.render.bounds import TemplateLimit

_TEMPLATE_SUFFIX = ".j2"
_WORDING = (
    (re.compile(r"'(.+?)' has no attribute '(.+?)'"), "„{1}“ gibt es dort nicht"),
    (re.compile(r"'(.+?)' is undefined"), "„{0}“ ist nicht bekannt"),
    (re.compile(r"access to attribute '(.+?)' of '(.+?)' object is unsafe"),
     "Zugriff auf „{0}“ ist in Vorlagen nicht erlaubt"),
)


def explained(error: Exception) -> str | None:
    """", Zeile N: what went wrong." for an error raised while running a template, else ``None``.

    Jinja rewrites tracebacks so that a template's own frames carry its file name and
    line; an error without such a frame is not the template's doing.
    """
    line = error.lineno if isinstance(error, TemplateSyntaxError) else _template_line(error)
    if line is None and not isinstance(error, (TemplateError, TemplateLimit, MemoryError)):
        return None
    where = f", Zeile {line}" if line else ""
    return f"{where}: {_german(error)}."


def _template_line(error: Exception) -> int | None:
    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if frame.filename.endswith(_TEMPLATE_SUFFIX)]
    return frames[-1].lineno if frames else None


def _german(error: Exception) -> str:
    text = str(error).rstrip(".")
    if isinstance(error, (UndefinedError, SecurityError)):
        for pattern, wording in _WORDING:
            found = pattern.search(text)
            if found:
                return wording.format(*found.groups())
    if isinstance(error, TemplateSyntaxError):
        return f"Syntaxfehler ({text})"
    if isinstance(error, ZeroDivisionError):
        return "Division durch null"
    if isinstance(error, TemplateLimit):
        return text
    if isinstance(error, MemoryError):
        return f"die Vorlage braucht mehr als {bounds.MEMORY_HEADROOM // 2**20} MB Speicher (Grenze für Vorlagen)"
    if isinstance(error, RecursionError):
        return "die Vorlage ruft sich ohne Ende selbst auf (ein Makro oder include in sich selbst?)"
    return f"{type(error).__name__}: {text}"
