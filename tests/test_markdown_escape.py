"""The one Markdown escaper: catalogue text stays text in sheets, diffs and CI summaries."""

from __future__ import annotations

from produktkatalog.present.markdown import inline


def test_markup_pipes_and_breaks_stay_text() -> None:
    assert inline("a|b <img src=x> *c*\nd") == "a\\|b &lt;img src=x&gt; \\*c\\*<br>d"
    assert inline("[Link](javascript:x) `code` ~~weg~~ #1 !bild") == \
        "\\[Link\\](javascript:x) \\`code\\` \\~\\~weg\\~\\~ \\#1 \\!bild"


def test_a_mention_cannot_notify_anybody() -> None:
    assert inline("Rückfragen an @octocat") == "Rückfragen an @\u2060octocat"


def test_entities_and_plain_text() -> None:
    assert inline("A&B, &amp; bleibt sichtbar") == "A&B, &amp;amp; bleibt sichtbar"
    assert inline("  Bürgerbüro  ") == "Bürgerbüro"


def test_an_email_address_stays_whole() -> None:
    assert inline("buergerbuero@beispielstadt.example") == "buergerbuero@beispielstadt.example"
