"""German findings for the errors the YAML parser raises."""

from __future__ import annotations

from typing import Any

from produktkatalog.findings import Finding, error

_TAB_HINT = "Rücken Sie in YAML nur mit Leerzeichen ein; stellen Sie den Editor auf „Leerzeichen statt Tabulator“."

# (fragment of the parser's problem text, code, German message, hint); the position is where the
# parser noticed the problem, except for unclosed quotes and brackets and a key without its colon, which are
# reported where they begin (see _AT_OPENING): the parser notices them a line or more later
_KNOWN: tuple[tuple[str, str, str, str], ...] = (
    ("'\\t'", "Y011", "Ein Tabulatorzeichen steht an einer Stelle, an der YAML Leerzeichen verlangt.", _TAB_HINT),
    ("tab character", "Y011", "Ein Tabulatorzeichen steht an einer Stelle, an der YAML Leerzeichen verlangt.",
     _TAB_HINT),
    ("another document", "Y013", "Die Datei enthält mehrere YAML-Dokumente (getrennt durch ---).",
     "Jede Katalogdatei enthält genau ein Dokument; teilen Sie die Datei auf oder entfernen Sie das zweite ---."),
    ("mapping values are not allowed", "Y010",
     "Ein Doppelpunkt steht an einer Stelle, an der kein neues Feld beginnen kann.",
     "Prüfen Sie die Einrückung; Text, der „: “ enthält, gehört in Anführungszeichen."),
    ("could not find expected ':'", "Y010", "Nach einem Feldnamen fehlt der Doppelpunkt.",
     "Schreiben Sie „feld: wert“; mehrzeiligen Text leiten Sie mit „feld: |“ ein."),
    ("expected <block end>", "Y010", "Die Einrückung passt nicht zur Ebene darüber.",
     "Rücken Sie Felder derselben Ebene gleich weit ein."),
    ("undefined alias", "Y010", "Ein Alias (*name) verweist auf keinen Anker (&name).",
     "Definieren Sie den Anker vorher oder schreiben Sie den Wert aus."),
    ("unexpected end of stream", "Y010", "Ein Text in Anführungszeichen ist nicht geschlossen.",
     "Schließen Sie das Anführungszeichen am Ende des Textes."),
    ("expected ',' or ']'", "Y010", "Eine Liste in eckigen Klammern ist nicht geschlossen.",
     "Schließen Sie die Liste mit ] oder trennen Sie Einträge mit Kommas."),
    ("expected ',' or '}'", "Y010", "Eine Zuordnung in geschweiften Klammern ist nicht geschlossen.",
     "Schließen Sie die Zuordnung mit } oder trennen Sie Einträge mit Kommas."),
    ("special characters are not allowed", "Y010", "Die Datei enthält ein unzulässiges Steuerzeichen.",
     "Entfernen Sie unsichtbare Steuerzeichen (z. B. aus kopiertem Text)."),
    ("unknown escape character", "Y010", "In doppelten Anführungszeichen steht ein ungültiges Zeichen nach \\.",
     "Schreiben Sie Text mit \\ (z. B. Windows-Pfade) in einfache Anführungszeichen: 'C:\\Daten'."),
    ("cannot start any token", "Y010", "Ein Wert beginnt mit einem Zeichen, mit dem YAML-Werte nicht beginnen "
     "dürfen (z. B. @ oder `).", "Setzen Sie den Wert in Anführungszeichen."),
    ("version", "Y010", "Die YAML-Versionsangabe (%YAML) wird nicht unterstützt.",
     "Entfernen Sie die Zeile „%YAML …“; katalog liest YAML 1.2."),
)
_AT_OPENING = ("unexpected end of stream", "expected ',' or ']'", "expected ',' or '}'", "could not find expected ':'")


def syntax_finding(exc: Exception, shown: str, text: str) -> Finding:
    problem = str(getattr(exc, "problem", None) or exc)
    context = str(getattr(exc, "context", None) or "")
    for fragment, code, message, hint in _KNOWN:
        if fragment in problem or fragment in context:
            line, column = _mark(exc, text, at_opening=fragment in _AT_OPENING)
            return error(code, shown, message, hint, line=line, column=column)
    line, column = _mark(exc, text, at_opening=False)
    return error("Y010", shown, f"Die Datei ist kein gültiges YAML ({problem.strip()}).",
                 "Vergleichen Sie die Zeile mit einer gültigen Datei desselben Typs; häufig fehlen "
                 "Anführungszeichen oder die Einrückung stimmt nicht.", line=line, column=column)


def _mark(exc: Exception, text: str, at_opening: bool) -> tuple[int, int]:
    marks: Any = ("context_mark", "problem_mark") if at_opening else ("problem_mark", "context_mark")
    for name in marks:
        mark = getattr(exc, name, None)
        if mark is not None:
            return mark.line + 1, mark.column + 1
    offset = getattr(exc, "position", None)  # the reader reports bad characters by offset only
    if isinstance(offset, int) and 0 <= offset <= len(text):
        before = text[:offset]
        return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1
    return 1, 1
