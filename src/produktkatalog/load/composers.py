"""The two YAML composers: libyaml (C, fast) and ruamel.yaml (pure Python, exact errors).

Each is set up so that plain scalars arrive unresolved (``PLAIN_TAG``); the
shared constructor gives them their YAML 1.2 meaning.
"""

from __future__ import annotations

import functools
import io
import warnings
from typing import Any

import yaml

from produktkatalog.load.construct import _CORE, PLAIN_TAG, STR_TAG

CParser: Any
try:
    from yaml import cyaml

    CParser = getattr(cyaml, "CParser", None)
except ImportError:  # PyYAML built without libyaml: every file takes the precise path
    CParser = None


def _tag_for(kind_is_scalar: bool, kind_is_sequence: bool, plain: bool) -> str:
    if kind_is_scalar:
        return PLAIN_TAG if plain else STR_TAG
    return _CORE + ("seq" if kind_is_sequence else "map")


if CParser is not None:

    class _LibyamlComposer(CParser):  # type: ignore[misc]
        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            is_scalar = kind is yaml.ScalarNode
            return _tag_for(is_scalar, kind is yaml.SequenceNode, is_scalar and implicit[0])

        def descend_resolver(self, parent: Any, index: Any) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass


def compose_fast(text: str) -> Any:
    """The root node, or raises ``yaml.YAMLError``; ``None`` for an empty document."""
    if CParser is None:
        raise yaml.YAMLError("libyaml unavailable")
    composer = _LibyamlComposer(text)
    try:
        return composer.get_single_node()
    finally:
        composer.dispose()


@functools.lru_cache(maxsize=1)
def _ruamel_resolver() -> type:
    """Built on first use: clean files never need ruamel.yaml, so it is not imported for them."""
    from ruamel.yaml.nodes import ScalarNode, SequenceNode
    from ruamel.yaml.resolver import VersionedResolver
    from ruamel.yaml.tag import Tag

    class Resolver(VersionedResolver):
        def resolve(self, kind: Any, value: Any, implicit: Any) -> Tag:
            is_scalar = kind is ScalarNode
            return Tag(suffix=_tag_for(is_scalar, kind is SequenceNode, is_scalar and implicit[0]))

    return Resolver


def compose_precise(text: str) -> Any:
    """The root node, or raises ``ruamel.yaml.error.YAMLError`` (most carry ``problem_mark``)."""
    from ruamel.yaml import YAML

    loader = YAML(typ="safe", pure=True)
    loader.Resolver = _ruamel_resolver()
    with warnings.catch_warnings():  # e.g. reused anchors: the constructor decides what is wrong
        warnings.simplefilter("ignore")
        return loader.compose(io.StringIO(text))
