"""The messages of the command-line library, in German.

typer carries its own copy of click whose messages are fixed English text (no gettext), and
older typer versions use click itself, whose messages read the same. So the finished message
is reworded, pattern by pattern, in this order; ``tests/test_cli_german.py`` makes every
kind of command-line mistake and fails on a message left in English.
"""

from __future__ import annotations

import re

_QUOTED = r"'([^']*)'"

REWORDINGS: tuple[tuple[str, str], ...] = (
    # a wrong value for a parameter; the parameter's name comes first
    (r"Invalid value for (.+?): ", r"Ungültiger Wert für \1: "),
    (r"^Invalid value: ", r"Ungültiger Wert: "),
    (_QUOTED + r" is not a valid int(?:eger)?\.", r"„\1“ ist keine ganze Zahl."),
    (_QUOTED + r" is not a valid float\.", r"„\1“ ist keine Zahl."),
    (_QUOTED + r" is not a valid boolean\. Recognized values: (.+)", r"„\1“ ist kein Wahrheitswert; möglich sind \2"),
    (_QUOTED + r" is not a valid UUID\.", r"„\1“ ist keine gültige UUID."),
    (_QUOTED + r" is not a valid (\w+)\.", r"„\1“ ist kein gültiger Wert (\2)."),
    (_QUOTED + r" is not one of (.+)\.", r"„\1“; erlaubt sind \2."),
    (_QUOTED + r" is not (.+)\.", r"„\1“; erlaubt ist \2."),
    (_QUOTED + r" does not match the formats? (.+)\.", r"„\1“ hat nicht das verlangte Format (\2)."),
    (r"(\S+) is not in the range (.+)\.", r"\1 liegt nicht im Bereich \2."),
    (r"(File|Directory|Path|file|directory|path) " + _QUOTED + r" does not exist\.", r"„\2“ gibt es nicht."),
    (r"(File|Directory|Path|file|directory|path) " + _QUOTED + r" is a directory\.", r"„\2“ ist ein Ordner."),
    (r"(File|Directory|Path|file|directory|path) " + _QUOTED + r" is a file\.", r"„\2“ ist eine Datei."),
    (r"(File|Directory|Path|file|directory|path) " + _QUOTED + r" is not (readable|writable|executable)\.",
     r"„\2“ ist nicht \3."),
    (r"\bnicht readable\b", "nicht lesbar"), (r"\bnicht writable\b", "nicht schreibbar"),
    (r"\bnicht executable\b", "nicht ausführbar"),
    (r"Could not open file " + _QUOTED + r": (.+)", r"Die Datei „\1“ lässt sich nicht öffnen: \2"),
    (r"Value must be an iterable\.", "Der Wert muss eine Liste sein."),
    (r"Takes (\d+) values but (\d+) (?:was |were )?given\.", r"Verlangt \1 Werte, angegeben: \2."),
    (r"(\d+) values are required, but (\d+) (?:was |were )?given\.", r"\1 Werte sind verlangt, angegeben: \2."),
    # something missing
    (r"Missing argument '(.+?)'\.", r"Das Argument \1 fehlt."),
    (r"Missing option '(.+?)'( / '.+?')*\.", r"Die Option \1 fehlt."),
    (r"Missing parameter:? '?(.+?)'?\.?$", r"Die Angabe \1 fehlt."),
    (r"Missing command\.", "Der Befehl fehlt."),
    (r"Choose from:\s*(.+)", r"Möglich sind: \1."),
    # something unknown or misplaced
    (r"No such option: (\S+)", r"Unbekannte Option \1."),
    (r"No such option '(\S+)'\.", r"Unbekannte Option \1."),
    (r"No such command '(.+)'\.", r"Unbekannter Befehl „\1“."),
    (r"Option '(.+?)' requires an argument\.", r"Die Option \1 braucht einen Wert."),
    (r"Option '(.+?)' requires (\d+) arguments\.", r"Die Option \1 braucht \2 Werte."),
    (r"Option '(.+?)' does not take a value\.", r"Die Option \1 nimmt keinen Wert an."),
    (r"Argument '(.+?)' takes (\d+) values\.", r"Das Argument \1 braucht \2 Werte."),
    (r"Got unexpected extra arguments? ?(?:\(s\))? \((.+)\)", r"Unerwartete zusätzliche Angabe: \1."),
    (r"\.?\s*Did you mean (.+)\?", r". Meinten Sie \1?"),
    (r"\(Did you mean one of: (.+)\?\)", r"(Meinten Sie eines von: \1?)"),
    (r"\(Possible options: (.+)\)", r"(Mögliche Optionen: \1)"),
)

_COMPILED = tuple((re.compile(pattern, re.DOTALL), german) for pattern, german in REWORDINGS)


def german(text: str) -> str:
    """A usage error of the command-line library, in German."""
    text = text.replace(",\n\t", ", ")
    for pattern, replacement in _COMPILED:
        text = pattern.sub(replacement, text)
    return text.replace("..", ".").replace(". .", ".")
