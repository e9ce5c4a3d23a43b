"""Render stage: Produktblätter, Haushalt tables and the site index in HTML and Markdown.

``build`` renders a validated result into pages in memory; ``write_site`` puts them on
disk atomically, rewriting only changed files. ``render_site`` with the keys of the
existing output (``previous_keys``) renders only pages whose inputs changed.
"""

from produktkatalog.incremental.manifest import previous_keys
from produktkatalog.render.build import FORMATS, Rendered, UnknownProduct, build, render_site
from produktkatalog.render.environment import TemplateProblem
from produktkatalog.render.writer import OutputBusy, OutputRefused, WriteReport, write_site, writing_to

__all__ = ["FORMATS", "OutputBusy", "OutputRefused", "Rendered", "TemplateProblem", "UnknownProduct", "WriteReport",
           "build", "previous_keys", "render_site", "write_site", "writing_to"]
