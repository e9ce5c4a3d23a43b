"""The own content of a Produktbereich, Produktgruppe or Teilhaushalt on its Haushalt page."""

from __future__ import annotations

from produktkatalog.check.plans import tolerance_of
from produktkatalog.compute.level_checks import differences
from produktkatalog.model import Level
from produktkatalog.model.owners import LEVEL_NAMES, STATEMENTS, level_owner
from produktkatalog.render import texts
from produktkatalog.render.budget import PLAN_TITLES
from produktkatalog.render.figures import text
from produktkatalog.render.sheet import SheetMaker
from produktkatalog.render.views import LevelText
from produktkatalog.wording.numbers import with_unit


def level_text(maker: SheetMaker, level: Level, page: str) -> LevelText:
    data = level.data
    return LevelText(
        label=LEVEL_NAMES[level.level], number=level.number, name=level.text("bezeichnung") or "",
        unit=text(data, "organisationseinheit"), people=texts.people(data.get("verantwortliche")),
        description=text(data, "beschreibung"), basis=texts.strings(data.get("auftragsgrundlage")),
        audiences=texts.strings(data.get("zielgruppen")), goals=maker.goal_views(level, page),
        programmes=maker.programmes(data.get("programmbezuege"), page),
        sections=texts.sections(data.get("abschnitte")), source=text(data, "quelle"),
        checks=_checks(maker, level))


def _checks(maker: SheetMaker, level: Level) -> list[str]:
    """For each stated plan that is checked against the roll-up below: whether it agrees."""
    computation = maker.computation
    owner = level_owner(level)
    tolerance = with_unit(tolerance_of(computation.index.catalogue), "EUR", 2)
    notes = []
    for statement in STATEMENTS:
        stated = computation.tables.stated.get((owner, statement))
        rollup = computation.tables.table(owner, statement)
        if stated is None or rollup is None:
            continue
        count = sum(1 for _ in differences(stated, rollup, computation.periods, tolerance_of(
            computation.index.catalogue)))
        title = PLAN_TITLES[statement]
        notes.append(f"Der angegebene {title} stimmt mit der Summe der Pläne darunter überein (Rundungstoleranz "
                     f"{tolerance}); gezeigt wird die Summe." if count == 0 else
                     f"Der angegebene {title} weicht in {count} {'Zelle' if count == 1 else 'Zellen'} mehr als "
                     f"{tolerance} von der Summe der Pläne darunter ab (K242); gezeigt wird die Summe.")
    return notes
