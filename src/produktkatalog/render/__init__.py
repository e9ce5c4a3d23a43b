"""Render stage: Produktblätter, Haushalt tables and the site index in HTML and Markdown.

``build`` renders a validated result into pages in memory; ``write_site`` puts them on
disk atomically, rewriting only changed files.
"""

from produktkatalog.render.build import FORMATS, UnknownProduct, build
from produktkatalog.render.environment import TemplateProblem
from produktkatalog.render.writer import OutputRefused, WriteReport, write_site

__all__ = ["FORMATS", "OutputRefused", "TemplateProblem", "UnknownProduct", "WriteReport", "build", "write_site"]
