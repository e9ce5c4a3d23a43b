"""The one place that builds the Jinja2 environments for rendering.

Templates come from the catalogue's own ``templates/`` folder first (its house
style), then from the built-in templates. Catalogue templates are untrusted input
like the YAML, so both environments are sandboxed and undefined names fail loudly.

- HTML: ``autoescape=True``; block texts go through ``absaetze`` (paragraphs and
  "- " lists, each piece escaped).
- Markdown: every ``{{ … }}`` value passes ``finalize``, which escapes it for
  Markdown (raw HTML, table pipes, line breaks, link and emphasis syntax) unless a
  filter has already escaped it (``MdText``). Template literals stay as written.
  Markdown templates share pieces with ``include``, not macros: a macro's output
  would be escaped a second time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, Template, TemplateNotFound
from jinja2.bccache import Bucket, BytecodeCache
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from produktkatalog.load.limits import MAX_FILE_BYTES
from produktkatalog.present import markdown
from produktkatalog.render.bounds import TemplateLimit, refused_operation
from produktkatalog.render.pages import VIEW_TYPES
from produktkatalog.system.resources import templates_dir

_SAFE_URL = re.compile(r"^(https?://|mailto:)[^\s\"'<>`]+$", re.IGNORECASE)
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")
_LIST_ITEM = re.compile(r"^\s*- ")
_CODE_SAFE = re.compile(r"^[\w .,;:()\"'+\-*/=]+$")
_GENERATED_HREF = re.compile(r"^[A-Za-z0-9_./#-]+$")
TEMPLATE_FOLDER = "templates"


class TemplateProblem(Exception):
    """A template cannot be applied (syntax, an unknown name, a forbidden access in the sandbox)."""


class MdText(str):
    """Text already escaped for Markdown: ``finalize`` passes it through unchanged."""

    __slots__ = ()


def safe_url(value: Any) -> str | None:
    """The address if it is http(s) or mailto, else ``None`` (the template shows it as plain text)."""
    return value if isinstance(value, str) and _SAFE_URL.match(value) else None


def md_inline(value: Any) -> MdText:
    """One line of Markdown text: raw HTML, pipes and Markdown syntax inert, line breaks as ``<br>``."""
    if isinstance(value, MdText):
        return value
    return MdText(markdown.inline("" if value is None else str(value)))


def md_block(value: Any) -> MdText:
    """Paragraphs of Markdown text; lines starting with "- " stay list items."""
    paragraphs = []
    for paragraph in _paragraphs(value):
        lines = []
        for line in paragraph:
            if _LIST_ITEM.match(line):
                lines.append("- " + md_inline(_LIST_ITEM.sub("", line, count=1)))
            else:
                lines.append(_MD_LINE_START.sub(r"\1\\\2", md_inline(line)))
        paragraphs.append("\n".join(lines))
    return MdText("\n\n".join(paragraphs))


def md_code(value: Any) -> MdText:
    """A Kennung or formula as inline code; any other text (a code span cannot escape) as plain escaped text."""
    text = " ".join(str(value).split())
    return MdText(f"`{text}`") if _CODE_SAFE.match(text) else md_inline(text)


def md_href(value: Any) -> MdText:
    """A generated link target, pointing at the Markdown page instead of the HTML page."""
    text = re.sub(r"\.html(#|$)", r".md\1", str(value))
    return MdText(text) if _GENERATED_HREF.match(text) else md_inline(text)


def md_url(value: Any) -> MdText:
    """An outside address for a Markdown autolink ``<…>``: only http(s) and mailto pass unescaped."""
    url = safe_url(value)
    return MdText(url) if url is not None else md_inline(value)


def html_paragraphs(value: Any) -> Markup:
    """Paragraphs as ``<p>``; lines starting with "- " as a list. Every piece is escaped."""
    parts: list[str] = []
    for paragraph in _paragraphs(value):
        items = [line for line in paragraph if _LIST_ITEM.match(line)]
        prose = [line for line in paragraph if not _LIST_ITEM.match(line)]
        if prose:
            parts.append(f"<p>{Markup('<br>').join(escape(line) for line in prose)}</p>")
        if items:
            entries = "".join(f"<li>{escape(_LIST_ITEM.sub('', line, count=1))}</li>" for line in items)
            parts.append(f"<ul>{entries}</ul>")
    return Markup("\n".join(parts))


def _paragraphs(value: Any) -> list[list[str]]:
    text = "" if value is None else str(value)
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n").strip())
    return [[line.strip() for line in block.split("\n") if line.strip()] for block in blocks if block.strip()]


def _md_finalize(value: Any) -> str:
    return md_inline(value)


@dataclass(frozen=True)
class Templates:
    """The compiled templates of one catalogue: HTML, Markdown, and raw files such as stylesheets."""

    html: SandboxedEnvironment
    markdown: SandboxedEnvironment
    loader: BaseLoader

    def template(self, name: str) -> Template:
        return (self.html if name.endswith(".html.j2") else self.markdown).get_template(name)

    def raw(self, name: str) -> str:
        """A file served as it is (a stylesheet): no template syntax is evaluated."""
        source, _, _ = self.loader.get_source(self.markdown, name)
        return source


def template_folders(catalogue_root: Path | None) -> list[Path]:
    """The catalogue's ``templates/`` (if any) before the built-ins."""
    own = catalogue_root / TEMPLATE_FOLDER if catalogue_root is not None else None
    if own is not None and own.is_symlink():
        raise TemplateProblem(f"Der Ordner {own} ist eine Verknüpfung; eigene Vorlagen müssen im Katalog selbst "
                              "liegen.")
    return [own, templates_dir()] if own is not None and own.is_dir() else [templates_dir()]


def templates_for(catalogue_root: Path | None) -> Templates:
    """The templates of ``template_folders``; one pair of environments per catalogue.

    The catalogue's own folder is read through ``_ConfinedLoader``, which never follows a link.
    """
    folders = template_folders(catalogue_root)
    loaders: list[BaseLoader] = [_ConfinedLoader(folder) for folder in folders[:-1]]
    loaders.append(FileSystemLoader(folders[-1]))
    loader = ChoiceLoader(loaders)
    html = _environment(loader, autoescape=True)
    html.filters.update(absaetze=html_paragraphs)
    markdown = _environment(loader, autoescape=False)
    markdown.finalize = _md_finalize
    markdown.filters.update(absaetze=md_block, md=md_inline, code=md_code, ziel=md_href, adresse=md_url)
    return Templates(html, markdown, loader)


class _ConfinedLoader(FileSystemLoader):
    """A catalogue's own templates: files inside its folder, never reached through a link.

    The sandbox limits what template code may do, not which files the loader opens; a
    link in a catalogue's ``templates/`` (to a secret, to ``/proc/self/environ``) would
    otherwise put that file into the published site.
    """

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.folder = folder

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder
        for piece in split_template_path(template):
            path = path / piece
            if path.is_symlink():
                raise TemplateProblem(f"Die Vorlage {template} ist eine Verknüpfung ({path}); eigene Vorlagen "
                                      "müssen als Dateien im Katalog liegen.")
        if not path.is_file():
            raise TemplateNotFound(template)
        if path.stat().st_size > MAX_FILE_BYTES:
            raise TemplateProblem(f"Die Vorlage {template} ist größer als {MAX_FILE_BYTES // 2**20} MB; so große "
                                  "Vorlagen liest render nicht.")
        return super().get_source(environment, template)


class _Sandbox(SandboxedEnvironment):
    """The sandbox, with a fast answer for the context's own view classes, and bounded ``**`` and ``*``.

    Views are frozen data classes of text, lists and other views; reading any of
    their public attributes is safe. Everything else gets the sandbox's full check.
    A power or a repetition that would run long in one step is refused (see ``bounds``).
    """

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        refused = refused_operation(operator, left, right)
        if refused is not None:
            raise TemplateLimit(refused)
        return super().call_binop(context, operator, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) in VIEW_TYPES and not attribute.startswith("_"):
            try:
                return getattr(obj, attribute)
            except AttributeError:
                pass
        return super().getattr(obj, attribute)


class _CompiledTemplates(BytecodeCache):
    """Compiled templates for the whole process, so that each catalogue of a run (and each run of a test) does not
    compile the same files again. Jinja finds an entry by template name and file and uses it only if the source
    still has the checksum it was compiled from; one cache per kind of environment, whose settings shape the code."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = {True: _CompiledTemplates(), False: _CompiledTemplates()}  # by autoescape: HTML, Markdown


def _environment(loader: BaseLoader, autoescape: bool) -> SandboxedEnvironment:
    environment = _Sandbox(loader=loader, autoescape=autoescape, undefined=StrictUndefined,
                                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                                       auto_reload=False, bytecode_cache=_COMPILED[autoescape])
    environment.filters["sichere_adresse"] = safe_url
    return environment
