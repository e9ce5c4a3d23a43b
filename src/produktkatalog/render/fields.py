"""What a municipality's sheets add or call differently: declared fields (``felder``), renamed labels."""

from __future__ import annotations

from decimal import Decimal

from produktkatalog.model import Entry, Settings
from produktkatalog.render.views import ExtraField, Labels
from produktkatalog.wording.numbers import number

# the YAML name of each standard field → its attribute in ``Labels``
_LABELLED = {"organisationseinheit": "unit", "verantwortliche": "people", "aufgabenart": "obligation",
             "produktart": "product_type", "auftraggeber": "principal", "zielgruppen": "audiences",
             "auftragsgrundlage": "basis", "beschreibung": "description"}


def sheet_labels(settings: Settings | None) -> Labels:
    """The standard labels, each replaced by the catalogue's ``bezeichnungen`` where it names one."""
    standard = Labels()
    if settings is None:
        return standard
    return Labels(**{attribute: settings.label(name, getattr(standard, attribute))
                     for name, attribute in _LABELLED.items()})


def extra_fields(entry: Entry, kind: str, settings: Settings | None) -> list[ExtraField]:
    """The declared fields this kind of sheet shows, in the order katalog.yaml declares them; a field the entry
    leaves out is left out (or "—" unless the catalogue hides empty fields)."""
    if settings is None:
        return []
    values = entry.mapping("felder")
    hide = settings.flag("leere_felder_ausblenden")
    found = []
    for declared in settings.sheet_fields:
        value = values.get(declared.name)
        if kind not in declared.sheets or (value in (None, "", []) and hide):
            continue
        if isinstance(value, list):
            found.append(ExtraField(declared.label, "; ".join(map(str, value)), [str(item) for item in value]))
        else:
            found.append(ExtraField(declared.label, _text(value)))
    return found


def _text(value: object) -> str:
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return number(value, -exponent if isinstance(exponent, int) and exponent < 0 else 0)
    return "" if value is None or isinstance(value, bool) else str(value)
