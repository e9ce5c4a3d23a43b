"""Folder and file names for new catalogue files, and the checks on what the user typed.

Names are built only from the digits of a number and an ASCII slug of the
Bezeichnung, so nothing the user types can leave the catalogue folder.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from produktkatalog.scaffold.document import described
from produktkatalog.schema import schema_set

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_NOT_TEXT = {"Cc", "Cs", "Zl", "Zp", "Cn"}  # control characters, lone surrogates, line separators, unassigned
_SLUG_LENGTH = 80


class CannotCreate(Exception):
    """The file cannot be created; the message says why, in German."""


def slug(text: str) -> str:
    """ASCII words joined by hyphens, as the folders of the bundled catalogues: „Kinder-, Jugend- und
    Familienhilfe“ → kinder-jugend-und-familienhilfe."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_UMLAUTS)).encode("ascii", "ignore").decode()
    result = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(result) > _SLUG_LENGTH:
        result = result[:_SLUG_LENGTH].rsplit("-", 1)[0]
    return result


def numbered_name(digits: str, title: str) -> str:
    """``011001-verwaltungsfuehrung``: the number's digits, then the slug of the Bezeichnung."""
    return "-".join(part for part in (digits, slug(title)) if part)


def check_values(kind: str, values: dict[str, str]) -> None:
    """Refuses values that the schema of ``kind`` would reject, naming the field and its rule."""
    for name, value in values.items():
        if any(unicodedata.category(character) in _NOT_TEXT for character in value):
            raise CannotCreate(f"{_title(kind, name)} „{_visible(value)}“ enthält ein Steuerzeichen oder einen "
                               "Zeilenumbruch; erlaubt ist eine Zeile Text.")
    for error in schema_set().precise(kind).iter_errors(values):
        name = str(error.absolute_path[0]) if error.absolute_path else ""
        raise CannotCreate(_refusal(kind, name, values.get(name, ""), error))


def _refusal(kind: str, name: str, value: str, error: Any) -> str:
    """Why the schema rejects ``value``, in German: the field's title and the rule it breaks."""
    title = _title(kind, name)
    if error.validator == "minLength":
        return f"{title}: Der Text ist leer."
    if error.validator == "maxLength":
        return f"{title}: Der Text ist länger als {error.validator_value} Zeichen."
    rule = error.schema.get("description", "") if isinstance(error.schema, dict) else ""
    return f"„{_visible(value)}“ ist als {title} nicht zulässig. {rule}".strip()


def _title(kind: str, name: str) -> str:
    field: dict[str, Any] = schema_set().schema(kind)["properties"].get(name, {})
    return str(described(kind, field).get("title", name))


def _visible(value: str) -> str:
    return value.encode("unicode_escape").decode("ascii") if not value.isprintable() else value
