"""Compare two states of a catalogue folder: which files are which, then fields, amounts and effects."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import TypeVar

from produktkatalog.compute import Computation, compute_catalogue
from produktkatalog.diff import amounts
from produktkatalog.diff.amounts import State
from produktkatalog.diff.fields import differences, same
from produktkatalog.diff.match import Pair, kind_name, match
from produktkatalog.diff.records import AmountChange, CatalogueDiff, Diff, EntityChange, FieldChange, GoalChange
from produktkatalog.diff.sides import Side
from produktkatalog.git.revisions import renames
from produktkatalog.model import Catalogue, Kennzahl, Plan, Settings

_Change = TypeVar("_Change", AmountChange, GoalChange)
_SKIPPED = {"kennzahl": ("werte",), "plan": ("zeilen",)}  # compared as amounts
_RENUMBERED = {"produkt": ("nummer",), "leistung": ("nummer",), "kennzahl": ("id",), "programm": ("id",),
               "zeilenvorlage": ("id",)}


def compare(old: Side, new: Side) -> Diff:
    diff = Diff(old.label, new.label, old.revision, new.revision, notes=[*_notes(old), *_notes(new)])
    renamed = functools.cache(lambda: _renamed(old, new))  # git's rename detection, only when needed
    before = dict(zip((c.root for c in old.result.catalogues), old.result.computations, strict=True))
    after = dict(zip((c.root for c in new.result.catalogues), new.result.computations, strict=True))
    for root in [*after, *(r for r in before if r not in after)]:
        was = before.get(root) or compute_catalogue(Catalogue(root, None))
        now = after.get(root) or compute_catalogue(Catalogue(root, None))
        diff.catalogues.append(compare_catalogues(was, now, renamed))
        if root not in before or root not in after:
            side = old.label if root not in before else new.label
            diff.catalogues[-1].notes.append(f"In {side} gibt es den Katalog {root} nicht.")
    return diff


def compare_catalogues(old: Computation, new: Computation,
                       renamed: Callable[[], dict[str, str]] = dict) -> CatalogueDiff:
    catalogue_old, catalogue_new = old.index.catalogue, new.index.catalogue
    matching = match(catalogue_old, catalogue_new, renamed)
    before, after = State(old, matching, old_side=True), State(new, matching, old_side=False)
    found = CatalogueDiff(catalogue_new.root if catalogue_new.settings else catalogue_old.root)
    for pair in matching.pairs:
        _pair_changes(found, pair, before, after)
    found.rows = amounts.computed_rows(before, after)
    found.figures = amounts.computed_figures(before, after)
    found.goals = amounts.goal_changes(before, after)
    settings = catalogue_new.settings or catalogue_old.settings
    if settings is not None:  # each column named as the catalogue prints it
        found.stated, found.rows, found.figures = (_headed(changes, settings)
                                                   for changes in (found.stated, found.rows, found.figures))
        found.goals = _headed(found.goals, settings)
    return found


def _headed(changes: list[_Change], settings: Settings) -> list[_Change]:
    return [dataclasses.replace(change, heading=settings.heading(change.wertart, change.year)) for change in changes]


def _pair_changes(found: CatalogueDiff, pair: Pair, old: State, new: State) -> None:
    matching = new.matching
    if pair.old is None or pair.new is None:
        entry = pair.new if pair.new is not None else pair.old
        assert entry is not None
        text = matching.name_of(entry, old_side=pair.new is None)
        found.entities.append(EntityChange("neu" if pair.old is None else "entfernt", kind_name(pair.kind, entry),
                                           "" if pair.old is None else text, text if pair.old is None else "",
                                           entry.file))
        return
    if same(pair.old.data, pair.new.data):
        return
    skipped: tuple[str, ...] = _SKIPPED.get(pair.kind, ())
    if pair.renumbered:
        found.entities.append(EntityChange("umbenannt" if pair.kind == "kennzahl" else "umnummeriert",
                                           kind_name(pair.kind, pair.new), matching.name_of(pair.old, True),
                                           matching.name_of(pair.new, False), pair.new.file))
        skipped += _RENUMBERED.get(pair.kind, ())
    label = matching.subject(pair.kind, pair.new, old_side=False)
    old_data = {k: v for k, v in pair.old.data.items() if k not in skipped}
    new_data = {k: v for k, v in pair.new.data.items() if k not in skipped}
    found.fields.extend(FieldChange(label, shown, path, was, now, pair.new.file)
                        for path, shown, was, now in differences(old_data, new_data))
    if isinstance(pair.new, Plan):
        found.stated.extend(amounts.stated_rows(pair, old, new))
    elif isinstance(pair.new, Kennzahl):
        found.stated.extend(amounts.stated_values(pair, old, new))


def _renamed(old: Side, new: Side) -> dict[str, str]:
    """Old shown path → new shown path, for the files git's rename detection pairs."""
    if not (old.found and new.found):
        return {}
    return {f"{old.shown}/{a}": f"{new.shown}/{b}" for a, b in renames(old.folder, new.folder)}


def _notes(side: Side) -> list[str]:
    result = side.result
    if not side.found:
        return [f"{side.label}: unter {side.shown} liegt kein Katalog; alles gilt als neu bzw. entfernt."]
    if not result.errors:
        return []
    files = len({f.file for f in result.findings if f.is_error})
    return [f"{side.label} lässt sich nicht fehlerfrei prüfen ({result.errors} Fehler in {files} "
            f"{'Datei' if files == 1 else 'Dateien'}); verglichen wird, was sich lesen ließ. "
            "Einzelheiten zeigt katalog validate."]
