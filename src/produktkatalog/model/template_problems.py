"""What makes a resolved row template unusable, placed in a full template's file (K218 in the check stage)."""

from __future__ import annotations

from produktkatalog.model.row_templates import Problem, Row, RowTemplate, row_key


def template_problems(template: RowTemplate) -> list[Problem]:
    """What makes a resolved template unusable: (place in a full template's file, German message, hint)."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    roles: set[str] = set()
    for position, row in enumerate(template.rows):
        twin = seen.get(row_key(row.number))
        if twin == row.number:
            problems.append((("zeilen", position), f"Die Zeilennummer „{row.number}“ kommt mehrfach vor.",
                             "Jede Zeile braucht eine eigene Nummer."))
        elif twin is not None:
            problems.append((("zeilen", position), f"Die Zeilennummern „{twin}“ und „{row.number}“ bezeichnen "
                             "dieselbe Zeile (bei Nummern aus Ziffern zählen führende Nullen nicht).",
                             "Geben Sie jeder Zeile eine Nummer, die sich nicht nur durch führende Nullen "
                             "von einer anderen unterscheidet."))
        seen.setdefault(row_key(row.number), row.number)
        if row.role and row.role in roles:
            problems.append((("zeilen", position), f"Die Rolle „{row.role}“ ist mehreren Zeilen zugeordnet.",
                             "Eine Rolle bezeichnet genau eine Zeile."))
        roles.add(row.role or "")
        problems.extend((("zeilen", position), message, hint) for message, hint in _row_problems(template, row))
    return problems + _validity_problems(template)


def _row_problems(template: RowTemplate, row: Row) -> list[tuple[str, str]]:
    problems = []
    for part in row.parts:
        target = template.find(part)
        if target is None:
            problems.append((f"Zeile {row.number} summiert die Zeile „{part}“, die es nicht gibt.",
                             "Nennen Sie unter summe nur Nummern von Zeilen dieser Vorlage."))
        elif target.nature == "darunter":
            problems.append((f"Zeile {row.number} summiert die darunter-Zeile {part}.",
                             "darunter-Zeilen untergliedern eine andere Zeile und werden nie addiert."))
    if row.under is not None and template.find(row.under) is None:
        problems.append((f"Zeile {row.number} ist darunter-Zeile von „{row.under}“, die es nicht gibt.",
                         "darunter_von nennt die Nummer der untergliederten Zeile."))
    if _sums_itself(template, row):
        problems.append((f"Zeile {row.number} ist (über andere Summen) eine Summe ihrer selbst.",
                         "Eine Summenzeile darf nur Zeilen addieren, die nicht von ihr abhängen."))
    return problems


def _validity_problems(template: RowTemplate) -> list[Problem]:
    start, end = template.valid_from, template.valid_until
    if start is not None and end is not None and start > end:
        return [(("gueltig_bis",), f"Die Vorlage „{template.ident}“ gilt ab {start}, aber nur bis {end}.",
                 "gueltig_ab ist das erste, gueltig_bis das letzte Haushaltsjahr der Vorlage.")]
    return []


def _sums_itself(template: RowTemplate, row: Row) -> bool:
    pending, seen = list(row.parts), set()
    while pending:
        part = template.find(pending.pop())
        if part is None:
            continue
        if part.number == row.number:
            return True
        if part.number not in seen:
            seen.add(part.number)
            pending.extend(part.parts)
    return False
