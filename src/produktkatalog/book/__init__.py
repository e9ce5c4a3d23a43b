"""The Haushaltsplan as one PDF book: title page, contents, chapters per Produktbereich, page numbers.

``chapters`` decides what the book holds and in which order (from the site's pages, the same
views the HTML pages show); ``layout`` lays out each chapter with WeasyPrint in a worker process;
``assemble`` joins the chapters into one PDF with contents page numbers, "Seite x von y", the
outline and the document's metadata. WeasyPrint is the optional extra ``pdf``.
"""

from produktkatalog.book.layout import BookUnavailable
from produktkatalog.book.make import make_book

__all__ = ["BookUnavailable", "make_book"]
