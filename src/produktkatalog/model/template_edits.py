"""Templates that extend another: ``basis`` names the base, then ``zeilen_entfernen``, ``zeilen_ersetzen`` and
``zeilen_hinzufuegen`` (with ``nach``/``vor``) edit its rows, in this order and each list in its order.

Everything an extension does not state (Land, plan, source, validity, sign convention) comes from its base.
Sums and roles belong to rows: a replaced row brings its own, a removed row takes its own along, and a sum
that still names a removed row is a problem of the extension, never silently shortened. Every number in an
extension is matched by ``row_key``, like everywhere else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from produktkatalog.model.row_templates import Place, Problem, Row, RowTemplate, row_key, settled
from produktkatalog.model.template_problems import template_problems
from produktkatalog.wording.text import suggestion


@dataclass
class Resolved:
    """A template file's template after its extension is applied, or why it cannot be used."""

    template: RowTemplate
    problems: list[Problem] = field(default_factory=list)

    @property
    def sound(self) -> bool:
        return not self.problems


def resolve_all(files: Sequence[RowTemplate], known: Mapping[str, RowTemplate]) -> list[Resolved]:
    """Each of ``files`` resolved, in order. A base is looked up among ``files`` (the first of a Kennung)
    and then in ``known`` (resolved templates, e.g. the shipped ones); an extension that names its own
    Kennung extends the template of that Kennung in ``known``."""
    return _Resolver(files, known).all()


@dataclass
class _Resolver:
    files: Sequence[RowTemplate]
    known: Mapping[str, RowTemplate]
    done: dict[int, Resolved] = field(default_factory=dict)

    def all(self) -> list[Resolved]:
        return [self.resolve(index, ()) for index in range(len(self.files))]

    def resolve(self, index: int, chain: tuple[str, ...]) -> Resolved:
        if index not in self.done:
            template = self.files[index]
            if template.base is None:
                self.done[index] = Resolved(template, template_problems(template))
            else:
                self.done[index] = self._extended(template, (*chain, template.ident))
        return self.done[index]

    def _extended(self, template: RowTemplate, chain: tuple[str, ...]) -> Resolved:
        assert template.base is not None
        base = template.base
        own = next((i for i, t in enumerate(self.files) if t.ident == base), None)
        if base == template.ident or own is None:
            found = self.known.get(base)
            if found is None:
                names = [*self.known, *(t.ident for t in self.files)]
                return _failed(template, f"Die Grundvorlage „{base}“ gibt es nicht.", suggestion(base, names) or
                               "basis nennt die Kennung einer mitgelieferten oder eigenen Vorlage; "
                               "katalog vorlagen zeigt alle.")
            return extend(template, found)
        if base in chain:
            return _failed(template, f"Die Vorlage „{template.ident}“ erweitert sich über ihre Grundvorlagen "
                           f"selbst ({' → '.join((*chain, base))}).", "Eine Vorlage darf sich nicht selbst erweitern.")
        resolved = self.resolve(own, chain)
        if not resolved.sound:
            return _failed(template, f"Die Grundvorlage „{base}“ ist fehlerhaft; die Erweiterung lässt sich "
                           "nicht anwenden.", f"Beheben Sie zuerst die Befunde der Vorlage „{base}“.")
        return extend(template, resolved.template)


def _failed(template: RowTemplate, message: str, hint: str) -> Resolved:
    return Resolved(template, [(("basis",), message, hint)])


def extend(extension: RowTemplate, base: RowTemplate) -> Resolved:
    """``extension`` applied to the resolved ``base``."""
    edits = extension.edits
    assert edits is not None
    rows = _Rows(list(base.rows), base.ident)
    for index, number in enumerate(edits.remove):
        rows.remove(number, ("zeilen_entfernen", index))
    for index, row in enumerate(edits.replace):
        rows.put(row, ("zeilen_ersetzen", index))
    for index, addition in enumerate(edits.add):
        rows.add(addition.row, addition.after, addition.before, ("zeilen_hinzufuegen", index))
    template = settled(_inherited(extension, base, tuple(rows.rows)))
    problems = rows.problems + [_placed(problem, template, rows.origins, base.ident)
                                for problem in template_problems(template)]
    if extension.statement and base.statement and extension.statement != base.statement:
        problems.append((("plan",), f"Die Erweiterung nennt plan: {extension.statement}, die Grundvorlage "
                         f"„{base.ident}“ ist ein {base.statement}.", "Lassen Sie plan weg; es kommt von der "
                         "Grundvorlage."))
    return Resolved(template, problems)


def _inherited(extension: RowTemplate, base: RowTemplate, rows: tuple[Row, ...]) -> RowTemplate:
    return replace(base, ident=extension.ident, name=extension.name or base.name, land=extension.land or base.land,
                   source=extension.source or base.source, rows=rows, base=extension.base, edits=extension.edits,
                   valid_from=extension.valid_from if extension.valid_from is not None else base.valid_from,
                   valid_until=extension.valid_until if extension.valid_until is not None else base.valid_until,
                   sign=extension.sign or base.sign, printed_sign=extension.printed_sign or base.printed_sign)


def _placed(problem: Problem, template: RowTemplate, origins: dict[str, Place], base: str) -> Problem:
    """A problem of the resolved rows, placed in the extension's file: at the edit that brought the row,
    or at ``basis`` for a row of the base (whose message then says so)."""
    place, message, hint = problem
    if place[:1] != ("zeilen",):
        return problem
    row = template.rows[int(place[1])]
    origin = origins.get(row.number)
    if origin is not None:
        return origin, message, hint
    return (("basis",), f"{message.rstrip('.')} (Zeile der Grundvorlage „{base}“).",
            f"Ändern Sie die Zeile mit zeilen_ersetzen. {hint}")


@dataclass
class _Rows:
    """The rows of an extension while its edits are applied, with where each edit came from."""

    rows: list[Row]
    base: str
    problems: list[Problem] = field(default_factory=list)
    origins: dict[str, Place] = field(default_factory=dict)

    def index(self, number: str) -> int | None:
        key = row_key(number)
        return next((i for i, row in enumerate(self.rows) if row_key(row.number) == key), None)

    def remove(self, number: str, place: Place) -> None:
        index = self.index(number)
        if index is None:
            self._missing(place, f"Die Erweiterung entfernt die Zeile „{number}“")
        else:
            del self.rows[index]

    def put(self, row: Row, place: Place) -> None:
        index = self.index(row.number)
        if index is None:
            self._missing((*place, "nummer"), f"Die Erweiterung ersetzt die Zeile „{row.number}“")
        else:
            self.rows[index] = row
            self.origins[row.number] = place

    def add(self, row: Row, after: str | None, before: str | None, place: Place) -> None:
        if self.index(row.number) is not None:
            self.problems.append(((*place, "nummer"), f"Die Erweiterung fügt die Zeile „{row.number}“ hinzu, die es "
                                  f"schon gibt (Grundvorlage „{self.base}“ mit den Änderungen davor).",
                                  "Eine vorhandene Zeile ändern Sie mit zeilen_ersetzen."))
        elif after is not None and before is not None:
            self.problems.append((place, f"Zeile {row.number} nennt nach und vor zugleich.",
                                  "Geben Sie nur eine Stelle an: nach oder vor."))
        elif (at := self._position(after, before)) is None:
            where, anchor = ("nach", after) if after is not None else ("vor", before)
            self._missing((*place, where), f"Zeile {row.number} soll {where} der Zeile „{anchor}“ stehen")
        else:
            self.rows.insert(at, row)
            self.origins[row.number] = place

    def _position(self, after: str | None, before: str | None) -> int | None:
        """Where a new row goes: behind ``after``, in front of ``before``, else at the end."""
        if after is not None:
            index = self.index(after)
            return index + 1 if index is not None else None
        return self.index(before) if before is not None else len(self.rows)

    def _missing(self, place: Place, what: str) -> None:
        self.problems.append((place, f"{what}, die es nicht gibt (Grundvorlage „{self.base}“ mit den Änderungen "
                              "davor).", f"Zeilen dort: {', '.join(row.number for row in self.rows)}."))
