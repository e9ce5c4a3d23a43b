"""ruamel.yaml in round-trip mode, set up so that writing a file back changes only what katalog fmt changes.

Numbers, ``~``, ``true`` and dates come back exactly as written: they are read as ``Verbatim`` text
and written out again as the same plain scalar, never through ``int``/``float`` (``1234.50`` stays
``1234.50``, ``~`` stays ``~``). Quoted strings keep their quotes, block scalars their style, flow
collections their braces. Output style: two spaces per level, list items indented by two, no line
wrapping, UTF-8.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.representer import RoundTripRepresenter

CORE = "tag:yaml.org,2002:"
_VERBATIM_TAGS = ("int", "float", "bool", "null", "timestamp")


class Verbatim(str):
    """A plain scalar that is not a string (number, null, boolean, date), kept as its source text."""

    tag: str = CORE + "str"

    @classmethod
    def of(cls, text: str, tag: str) -> Verbatim:
        value = cls(text)
        value.tag = tag
        return value

    @property
    def is_number(self) -> bool:
        return self.tag in (CORE + "int", CORE + "float")


def _construct_verbatim(constructor: Any, node: Any) -> Verbatim:
    return Verbatim.of(node.value, str(node.tag))


def _represent_verbatim(representer: Any, data: Verbatim) -> Any:
    return representer.represent_scalar(data.tag, str(data), style=None)


class _Constructor(RoundTripConstructor):
    pass


class _Representer(RoundTripRepresenter):
    pass


for _name in _VERBATIM_TAGS:
    _Constructor.add_constructor(CORE + _name, _construct_verbatim)
_Representer.add_representer(Verbatim, _represent_verbatim)


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never re-wrap a line
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


def load(text: str) -> Any:
    """The round-trip tree; raises ruamel.yaml's errors for text that is not YAML."""
    return _yaml().load(text)


def dump(tree: Any) -> str:
    stream = io.StringIO()
    _yaml().dump(tree, stream)
    return stream.getvalue()


