"""Every JSON Schema error of a file as a German finding at the offending key or value."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema.exceptions import ValidationError

from produktkatalog.findings import DocPath, Finding, error
from produktkatalog.load import Document
from produktkatalog.schema.registry import SchemaSet
from produktkatalog.wording.text import describe, expected_types, number_hint, place, shorten, suggestion, within

_BOUNDS = {
    "minimum": "muss mindestens {v} sein", "maximum": "darf höchstens {v} sein",
    "exclusiveMinimum": "muss größer als {v} sein", "exclusiveMaximum": "muss kleiner als {v} sein",
    "minLength": "muss mindestens {v} Zeichen lang sein", "maxLength": "darf höchstens {v} Zeichen lang sein",
    "minItems": "muss mindestens {v} Einträge enthalten", "maxItems": "darf höchstens {v} Einträge enthalten",
}
_NUMBER_HINT = "Schreiben Sie Zahlen mit Punkt als Dezimaltrennzeichen und ohne Tausenderpunkte, z. B. 1234.56."


def schema_findings(doc: Document, kind: str, schemas: SchemaSet) -> list[Finding]:
    validator = schemas.precise(kind)
    seen: set[tuple[str, DocPath, str]] = set()
    findings = []
    for err in validator.iter_errors(doc.data):
        for finding in _translate(err, doc):
            key = (finding.code, finding.path, finding.message)
            if key not in seen:
                seen.add(key)
                findings.append(finding)
    return findings


def _schema(err: ValidationError) -> dict[str, Any]:
    return err.schema if isinstance(err.schema, dict) else {}


def _expected(err: ValidationError) -> Any:
    return err.validator_value


def _instance(err: ValidationError) -> Any:
    return err.instance


def _translate(err: ValidationError, doc: Document) -> Iterator[Finding]:
    path: DocPath = tuple(err.absolute_path)
    handler = _HANDLERS.get(str(err.validator), _other)
    if "propertyNames" in err.relative_schema_path:
        handler = _property_name
    yield from handler(err, path, doc)


def _unknown_keys(err: ValidationError, path: DocPath, doc: Document) -> Iterator[Finding]:
    allowed = list(_schema(err).get("properties", {}))
    for key in _instance(err):
        if key in allowed:
            continue
        hint = suggestion(key, allowed) or f"Erlaubt sind hier: {', '.join(allowed)}."
        yield error("S101", doc.file, f"Unbekanntes Feld „{shorten(key, 40)}“{within(path)}.", hint,
                    path=(*path, key), at_key=True)


def _required(err: ValidationError, path: DocPath, doc: Document) -> Iterator[Finding]:
    properties = _schema(err).get("properties", {})
    for name in _expected(err):
        if name in _instance(err):
            continue
        about = properties.get(name, {}).get("description", "")
        yield error("S102", doc.file, f"Pflichtfeld „{name}“ fehlt{within(path)}.",
                    f"Ergänzen Sie „{name}: …“. {about}".strip(), path=path, at_key=bool(path))


def _type(err: ValidationError, path: DocPath, doc: Document) -> Iterator[Finding]:
    source = doc.source_text(path)
    expected = _expected(err)
    message = f"{place(path)} muss {expected_types(expected)} sein, gefunden wurde {describe(err.instance, source)}."
    yield error("S103", doc.file, message, _type_hint(err.instance, expected, path, source), path=path)


def _type_hint(value: Any, expected: str | list[str], path: DocPath, source: str) -> str:
    wanted = {expected} if isinstance(expected, str) else set(expected)
    if value is None:
        return "Tragen Sie einen Wert ein oder lassen Sie das Feld weg."
    if "string" in wanted and not isinstance(value, (dict, list)):
        written = shorten(source or str(value))
        line = f'{path[-1]}: "{written}"' if path and isinstance(path[-1], str) else f'- "{written}"'
        return f"Setzen Sie den Wert in Anführungszeichen: {line}"
    if wanted & {"number", "integer"} and isinstance(value, str):
        return number_hint(value) or _NUMBER_HINT
    if "boolean" in wanted:
        return "Schreiben Sie true (ja) oder false (nein)."
    if "array" in wanted:
        return "Schreiben Sie eine Liste: jeder Eintrag in einer eigenen Zeile, beginnend mit „- “."
    if "object" in wanted:
        return "Schreiben Sie darunter eingerückte Felder der Form „feld: wert“."
    return ""


def _enum(err: ValidationError, path: DocPath, doc: Document) -> Iterator[Finding]:
    allowed = _expected(err) if err.validator == "enum" else [_expected(err)]
    shown = ", ".join(str(a) for a in allowed)
    which = f"erlaubt sind: {shown}" if len(allowed) > 1 else f"erlaubt ist: {shown}"
    hint = suggestion(str(err.instance), [str(a) for a in allowed])
    yield error("S104", doc.file, f"{place(path)} hat den unzulässigen Wert „{shorten(str(err.instance))}“; "
                f"{which}.", hint, path=path)


def _pattern(err: ValidationError, path: DocPath, doc: Document) -> Iterator[Finding]:
    about = _schema(err).get("description", "")
    yield error("S105", doc.file, f"{place(path)} hat nicht das verlangte Format (gefunden: "
                f"„{shorten(str(err.instance))}“).", about, path=path)


def _property_name(err: ValidationError, path: DocPath, doc: Document) -> Iterator[Finding]:
    about = _schema(err).get("description", "")
    key = str(err.instance)
    yield error("S107", doc.file, f"Der Schlüssel „{shorten(key)}“{within(path)} ist hier nicht zulässig.",
                about, path=(*path, key), at_key=True)


def _bound(err: ValidationError, path: DocPath, doc: Document) -> Iterator[Finding]:
    if err.validator == "minLength" and _expected(err) == 1:
        yield error("S106", doc.file, f"{place(path)} darf nicht leer sein.",
                    "Tragen Sie einen Text ein oder lassen Sie das Feld weg.", path=path)
        return
    rule = _BOUNDS[str(err.validator)].format(v=_expected(err))
    yield error("S106", doc.file, f"{place(path)} {rule}.", "", path=path)


def _alternatives(err: ValidationError, path: DocPath, doc: Document) -> Iterator[Finding]:
    """anyOf/oneOf (a year's value): explain the branch that matches the value's shape."""
    branches: dict[int, list[ValidationError]] = {}
    for sub in err.context or ():
        branches.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
    fitting = [errors for errors in branches.values()
               if not any(sub.validator == "type" and not sub.relative_path for sub in errors)]
    if fitting:  # the value has the shape of one alternative: explain what is wrong inside it
        for sub in min(fitting, key=len):
            yield from _translate(sub, doc)
        return
    expected = _schema(err).get("description", "ein anders aufgebauter Wert").rstrip(".")
    message = (f"Der Wert von {place(path)}{within(path[:-1])} ist ungültig: erwartet wird {expected[0].lower()}"
               f"{expected[1:]}; gefunden wurde {describe(err.instance, doc.source_text(path))}.")
    hint = (number_hint(err.instance) or _NUMBER_HINT) if isinstance(err.instance, str) else ""
    yield error("S103", doc.file, message, hint, path=path)


def _other(err: ValidationError, path: DocPath, doc: Document) -> Iterator[Finding]:
    yield error("S100", doc.file, f"{place(path)} verletzt die Schemaregel „{err.validator}“.",
                "Vergleichen Sie mit den Beispielen im Schema.", path=path)


_HANDLERS = {
    "additionalProperties": _unknown_keys,
    "unevaluatedProperties": _unknown_keys,
    "required": _required,
    "type": _type,
    "enum": _enum,
    "const": _enum,
    "pattern": _pattern,
    "anyOf": _alternatives,
    "oneOf": _alternatives,
    **{name: _bound for name in _BOUNDS},
}

