"""Join the laid-out parts into one PDF: pages in order, "Seite x von y" stamped on, outline and metadata.

pypdf keeps each part's pages; it does not merge the parts' structure trees, so the joined book is
not a tagged PDF (each part laid out alone would be). The document language is set again here.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PdfReader, PdfWriter
from pypdf.generic import IndirectObject, NameObject, TextStringObject

from produktkatalog.book.layout import Part


def join(parts: Sequence[Part], numbers: Sequence[bytes], outline: list[tuple[int, str, int]],
         metadata: dict[str, str]) -> bytes:
    """The book: ``parts`` in order; the pages of ``numbers`` laid over every page but the first;
    ``outline`` as (level, title, page index) in reading order."""
    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part.pdf)), import_outline=False)
    stamps = [page for pdf in numbers for page in PdfReader(io.BytesIO(pdf)).pages]
    for page, stamp in zip(writer.pages[1:], stamps, strict=True):
        page.merge_page(stamp)
    for page in writer.pages:
        page.compress_content_streams()  # merging leaves the joined streams uncompressed
    _outline(writer, outline)
    writer.add_metadata({f"/{key}": value for key, value in metadata.items()})
    writer._root_object[NameObject("/Lang")] = TextStringObject("de")
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _outline(writer: PdfWriter, entries: list[tuple[int, str, int]]) -> None:
    parents: dict[int, IndirectObject] = {}
    for level, title, page in entries:
        parent = parents.get(level - 1) if level > 1 else None
        parents[level] = writer.add_outline_item(title=title, page_number=page, parent=parent)
