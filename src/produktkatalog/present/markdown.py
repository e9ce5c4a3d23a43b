"""Text from a catalogue made inert for Markdown: the one escaper for sheets, diffs and CI summaries.

Raw HTML, table pipes, emphasis, links and code spans stay text; a line break becomes
``<br>`` so a table row stays one row; ``@name`` cannot mention (and notify) anybody
when the text lands in a merge-request comment.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]|#~!])")
_ANY = re.compile(r"[\\`*_\[\]|#~!&<>@\r\n]")  # text without these needs no escaping
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")  # only an "&" that would start an entity needs escaping
_MENTION = re.compile(r"(?<![\w.+-])@(?=\w)")  # "@name" mentions; "name@example.org" does not
_JOINED = "@\u2060"  # a word joiner after "@": shown as "@", never linked as a mention


def inline(text: str) -> str:
    """One line of Markdown text (a table cell, a heading, a list item) that shows ``text`` as written."""
    if not _ANY.search(text):
        return text.strip()
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    text = _MENTION.sub(_JOINED, _SPECIAL.sub(r"\\\1", text))
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "<br>".join(line for line in lines if line) if len(lines) > 1 else text.strip()
