"""Row templates for people: the list of shipped and own templates, and one template in German
(rows with numbers, names, nature, sums, darunter, roles, sign convention, source)."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from produktkatalog.model import Catalogue
from produktkatalog.model.conventions import display_convention
from produktkatalog.model.row_templates import ROLES, Row, RowTemplate
from produktkatalog.model.template_choice import budget_year, catalogue_land, catalogue_template, row_templates
from produktkatalog.wording.laender import land_name

WIDTH = 100
STATEMENTS = {"ergebnisplan": "Teilergebnisplan", "finanzplan": "Teilfinanzplan"}
NATURES = {"ertrag": "Ertrag", "aufwand": "Aufwand", "einzahlung": "Einzahlung", "auszahlung": "Auszahlung",
           "summe": "Summe", "darunter": "darunter"}
SIGNS = {
    "aufwand_negativ": "Erträge und Einzahlungen positiv, Aufwendungen und Auszahlungen negativ; "
                       "jede Summe ist eine reine Addition",
    "ertrag_negativ": "Erträge und Einzahlungen negativ, Aufwendungen und Auszahlungen positiv (wie in SAP-Auszügen)",
    "ohne_vorzeichen": "Beträge ohne Vorzeichen, die Rechenart steht in einer Spalte +/−/=; Salden mit Vorzeichen",
}


def listing(catalogue: Catalogue | None = None) -> list[str]:
    """The shipped templates, and with ``catalogue`` its own ones and the templates its plans follow."""
    shipped = sorted(row_templates().values(), key=lambda t: (t.land, t.statement, t.base is not None, t.ident))
    lines = [f"Mitgelieferte Zeilenvorlagen ({len(shipped)}):", ""]
    lines += [line for template in shipped for line in _entry(template)]
    if catalogue is not None:
        lines += _catalogue_part(catalogue)
    lines.append("Alle Zeilen, Summen und Rollen einer Vorlage: katalog vorlagen KENNUNG")
    return lines


def _entry(template: RowTemplate) -> list[str]:
    facts = [template.land or "ohne Land", STATEMENTS.get(template.statement, template.statement),
             _years(template), f"{len(template.rows)} Zeilen"]
    if template.base is not None:
        facts.append(f"Variante von {template.base}")
    source = textwrap.shorten(template.source, WIDTH - 12, placeholder=" …") if template.source else "–"
    return [f"{template.ident}  {template.name}", f"    {' · '.join(facts)}", f"    Quelle: {source}", ""]


def _years(template: RowTemplate) -> str:
    years = template.years
    return years if years == "alle Haushaltsjahre" else f"Haushaltsjahre {years}"


def _catalogue_part(catalogue: Catalogue) -> list[str]:
    name = (catalogue.settings.text("kommune") if catalogue.settings else None) or catalogue.root
    own = list(catalogue.own_templates.values())
    if own:
        lines = [f"Eigene Zeilenvorlagen des Katalogs {name} ({len(own)}):", ""]
        lines += [line for template in own for line in _entry(template)]
    else:
        lines = [f"Eigene Zeilenvorlagen des Katalogs {name}: keine (Ordner zeilenvorlagen/).", ""]
    broken = [entry.file for entry in catalogue.template_files if entry.text("id") not in catalogue.own_templates]
    lines += [f"{file}: fehlerhaft, wird nicht verwendet (katalog validate zeigt, warum)" for file in broken]
    return [*lines, *([""] if broken else []), *_chosen(catalogue), ""]


def _chosen(catalogue: Catalogue) -> list[str]:
    land, year = catalogue_land(catalogue), budget_year(catalogue)
    facts = [f"land: {land}" if land else "kein Land", f"haushaltsjahr: {year}" if year else "kein Haushaltsjahr"]
    lines = [f"Für diesen Katalog ({', '.join(facts)}) gelten ohne eigene Wahl:"]
    for statement, title in STATEMENTS.items():
        template = catalogue_template(catalogue, statement)
        lines.append(f"    {title}: {template.ident if template else 'keine Vorlage'}")
    settings = catalogue.settings.mapping("vorzeichen") if catalogue.settings is not None else {}
    if settings:  # stated: say what it means next to the templates' own rule
        entered = settings.get("eingabe") or "nach der Zeilenvorlage"
        lines.append(f"Vorzeichen des Katalogs: Eingabe {entered}, Anzeige {display_convention(catalogue)}")
    return lines


def description(template: RowTemplate) -> list[str]:
    """One template in German, as ``katalog vorlagen KENNUNG`` shows it."""
    head = f"{template.ident} – {template.name}"
    lines = [head, "=" * len(head)]
    lines += _field("Land", land_name(template.land) if template.land else "–")
    lines += _field("Plan", f"{STATEMENTS.get(template.statement, template.statement)} "
                            f"(teil{template.statement}.yaml)")
    lines += _field("gilt für", _validity(template))
    if template.base is not None:
        lines += _field("Grundvorlage", f"{template.base}; {_edits(template)}")
    sign = template.sign or "aufwand_negativ"
    lines += _field("Vorzeichen", f"{sign} – {SIGNS.get(sign, sign)}")
    if template.printed_sign:
        lines += _field("im Druck", f"{template.printed_sign} – {SIGNS.get(template.printed_sign, '')}")
    lines += _field("Quelle", template.source or "–")
    return [*lines, "", *_rows(template), "", *_roles(template)]


def _field(label: str, text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=f"{label + ':':<14}", subsequent_indent=" " * 14)


def _validity(template: RowTemplate) -> str:
    years = _years(template)
    if template.base is not None:
        return f"{years}; als Variante nur, wenn katalog.yaml (zeilenvorlagen) oder der Plan (vorlage) sie nennt"
    return f"{years}; gewählt für Kataloge mit land: {template.land}" if template.land else years


def _edits(template: RowTemplate) -> str:
    edits = template.edits
    if edits is None:
        return "keine Änderungen"
    parts = [f"entfernt {', '.join(edits.remove)}"] if edits.remove else []
    parts += [f"ersetzt {', '.join(row.number for row in edits.replace)}"] if edits.replace else []
    if edits.add:
        added = (f"{a.row.number} ({'nach ' + a.after if a.after else 'vor ' + a.before if a.before else 'am Ende'})"
                 for a in edits.add)
        parts.append(f"fügt hinzu {', '.join(added)}")
    return "; ".join(parts) or "keine Änderungen"


def _rows(template: RowTemplate) -> list[str]:
    width = max([len(row.number) + (1 if row.unnumbered else 0) for row in template.rows] + [3])
    lines = [f"{'Nr.':<{width}}  {'Art':<10}  Bezeichnung"]
    for row in template.rows:
        number = f"{row.number}*" if row.unnumbered else row.number
        lines.append(f"{number:<{width}}  {NATURES.get(row.nature, row.nature):<10}  {row.name}")
        details = _details(template, row)
        if details:
            lines.append(f"{'':<{width}}  {'':<10}  {details}")
    if any(row.unnumbered for row in template.rows):
        lines += ["", "* im Druck ohne Nummer; die Nummer ist nur der Schlüssel der Zeile in Plänen und Formeln."]
    return lines


def _details(template: RowTemplate, row: Row) -> str:
    found = []
    if row.parts:
        found.append(f"= {_sum_text(template, row.parts)}")
    if row.under is not None:
        found.append(f"darunter von {row.under}, wird nie addiert")
    if row.role:
        found.append(f"Rolle {row.role}")
    if row.either_sign:
        found.append("Vorzeichen: beide (wird nicht geprüft)")
    return " · ".join(found)


def _sum_text(template: RowTemplate, parts: Iterable[str]) -> str:
    """"01 bis 09" for a run of consecutive rows (darunter rows aside), else "26 + 27 + 28"."""
    parts = list(parts)
    added = [row.number for row in template.rows if row.nature != "darunter"]
    if len(parts) >= 3 and parts[0] in added:
        start = added.index(parts[0])
        if added[start:start + len(parts)] == parts:
            return f"{parts[0]} bis {parts[-1]}"
    return " + ".join(parts)


def _roles(template: RowTemplate) -> list[str]:
    relevant = [role for role in ROLES if (role in _FINANCE) == (template.statement == "finanzplan")]
    given = [f"{role} → {template.by_role[role].number}" for role in relevant if role in template.by_role]
    lines = _field("Rollen", "; ".join(given) or "keine")
    missing = [role for role in relevant if role not in template.by_role]
    if missing:
        lines += _field("ohne Zeile", ", ".join(missing) + " (Standardkennzahlen, die sie brauchen, zeigen "
                        "„kein Wert“ mit Begründung)")
    return lines


_FINANCE = {"einzahlungen_investitionen", "auszahlungen_investitionen", "saldo_investitionen"}
