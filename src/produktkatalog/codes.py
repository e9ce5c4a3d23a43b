"""Stable finding codes and their German titles.

Y… the file and its YAML, S… the JSON Schema of the file kind, K… the catalogue as a whole, I… a source file
read by ``katalog import`` (its file:line names the source, not the catalogue).
Codes are never reused for another meaning; the README documents each with an example.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    "Y001": "Datei nicht lesbar",
    "Y002": "Datei zu groß",
    "Y003": "Binärdatei statt Text",
    "Y004": "Zeichenkodierung ist nicht UTF-8",
    "Y005": "Datei ist leer",
    "Y010": "YAML-Syntaxfehler",
    "Y011": "Tabulator zur Einrückung",
    "Y012": "Schlüssel doppelt vorhanden",
    "Y013": "Mehrere Dokumente in einer Datei",
    "Y014": "Unzulässiger YAML-Tag",
    "Y015": "Zu tief verschachtelt",
    "Y016": "Zu viele Werte (Anker und Aliase)",
    "Y017": "Datei enthält keine Zuordnung von Feldern",
    "Y018": "Zahl außerhalb des zulässigen Bereichs",
    "Y019": "Keine endliche Zahl",
    "Y020": "Schlüssel ist kein einfacher Text",
    "Y021": "Tausenderpunkt in Betrag oder Anzahl",
    "S101": "Unbekanntes Feld",
    "S102": "Pflichtfeld fehlt",
    "S103": "Falscher Werttyp",
    "S104": "Unzulässiger Wert",
    "S105": "Format nicht eingehalten",
    "S106": "Grenze überschritten",
    "S107": "Ungültiger Schlüssel",
    "S100": "Schemaverletzung",
    "K201": "Datei passt nicht in den Katalogaufbau",
    "K202": "Nummer doppelt vergeben",
    "K203": "Kennung doppelt vergeben",
    "K204": "Leistungsnummer passt nicht zum Produkt",
    "K205": "Produktgruppe unbekannt",
    "K206": "Produktnummer passt nicht zur Produktgruppe",
    "K207": "Verweis ins Leere",
    "K208": "Unbekannter Name in Formel",
    "K209": "Formel fehlerhaft",
    "K210": "Zirkelbezug",
    "K211": "Jahr außerhalb der Spalten des Katalogs",
    "K212": "Katalogregel verletzt",
    "K213": "Ordnername passt nicht zur Nummer",
    "K214": "Wertart passt nicht zur Spalte",
    "K215": "Berechnung nicht möglich",
    "K216": "Summenzeile stimmt nicht",
    "K217": "Zeile nicht in der Zeilenvorlage",
    "K218": "Zeilenvorlage fehlerhaft",
    "K219": "Plan ohne Zeilenvorlage",
    "K220": "Angegebener Wert weicht von der Formel ab",
    "K221": "Vorzeichen widerspricht der Vorzeichenregel des Plans",
    "K230": "Produktnummer passt nicht zu Ordner und Leistungen",
    "K240": "Nummer der Ebene passt nicht zu Produktrahmen oder Ordner",
    "K241": "Produkt liegt im Ordner einer anderen Ebene",
    "K242": "Plan der Ebene weicht von der Summe darunter ab",
    "K260": "Eigenes Feld nicht vereinbart",
    "K261": "Eigenes Feld hat den falschen Typ",
    "K262": "Unterzeilen ergeben nicht die Kennzahl",
    "I301": "Quelldatei nicht lesbar",
    "I302": "Quelldatei zu groß",
    "I303": "Zeichenkodierung der Quelle unbekannt",
    "I304": "Quelle als Windows-1252 gelesen",
    "I305": "Zeile mit falscher Zahl von Feldern",
    "I306": "Unbekannte Spalte",
    "I307": "Spalte fehlt",
    "I308": "Kein Betrag",
    "I309": "Wert doppelt in der Quelle",
    "I310": "Zelle sieht aus wie eine Formel",
    "I311": "Zeile oder Konto nicht zuzuordnen",
    "I312": "Summe der Quelle stimmt nicht",
    "I313": "Wert weicht vom Katalog ab",
    "I314": "Ebene ohne eigene Datei im Katalog",
    "I315": "Produkt oder Kennzahl fehlt im Katalog",
    "I316": "Zuordnung fehlerhaft",
    "I317": "Spalte des Katalogs fehlt",
    "I318": "Richtung passt nicht zur Zeile",
}


# Full German descriptions, for reports that explain a code (SARIF rules, help pages).
EXPLANATIONS: dict[str, str] = {
    "Y001": "Die Datei lässt sich nicht öffnen oder lesen, etwa weil ein Verweis ins Leere zeigt, die Rechte fehlen "
            "oder sie keine gewöhnliche Datei ist.",
    "Y002": "Eine Katalogdatei darf höchstens 2 MB groß sein; größere Dateien werden nicht gelesen.",
    "Y003": "Die Datei enthält Binärdaten (etwa ein Bild) statt YAML-Text.",
    "Y004": "Katalogdateien müssen in UTF-8 gespeichert sein; die Datei enthält Bytes einer anderen Kodierung.",
    "Y005": "Die Datei enthält nichts außer Leerzeilen und Kommentaren.",
    "Y010": "Der YAML-Text ist syntaktisch fehlerhaft, z. B. eine offene Klammer oder ein falsch eingerückter Eintrag.",
    "Y011": "YAML erlaubt zur Einrückung nur Leerzeichen, keine Tabulatoren.",
    "Y012": "Ein Schlüssel steht in derselben Zuordnung zweimal; welcher Wert gelten soll, bliebe offen.",
    "Y013": "Eine Katalogdatei enthält genau ein YAML-Dokument; ein Trenner --- mitten in der Datei beginnt "
            "ein zweites.",
    "Y014": "YAML-Tags wie !!python/… werden nie ausgeführt, sondern als Fehler gemeldet.",
    "Y015": "Die Datei ist tiefer als 64 Ebenen verschachtelt.",
    "Y016": "Anker und Aliase vervielfachen die Werte der Datei über die zulässige Grenze hinaus.",
    "Y017": "Eine Katalogdatei muss aus Feldern mit Namen bestehen (einer Zuordnung), nicht aus einer Liste oder einem "
            "einzelnen Wert.",
    "Y018": "Die Zahl ist zu groß oder zu klein, um sie als Dezimalzahl zu verarbeiten.",
    "Y019": "Werte wie .nan oder .inf sind keine Beträge; ein bewusst leerer Wert wird als ~ geschrieben.",
    "Y020": "Schlüssel müssen einfacher Text sein, keine Liste oder Zuordnung.",
    "Y021": "Ein Betrag in Euro oder eine Anzahl hat genau drei Nachkommastellen, z. B. -101.400: YAML liest den Punkt "
            "als Dezimaltrennzeichen (−101,40 €), gemeint ist fast immer ein Tausenderpunkt (−101.400 €).",
    "S100": "Der Wert verletzt eine seltene Regel des Schemas der Dateiart.",
    "S101": "Das Feld kommt im Schema der Dateiart nicht vor; oft ist es ein Tippfehler.",
    "S102": "Ein Feld, das die Dateiart verlangt, fehlt.",
    "S103": "Der Wert hat den falschen Typ, z. B. eine Zahl, wo Text verlangt ist (Nummern in Anführungszeichen).",
    "S104": "Der Wert gehört nicht zu den erlaubten Werten des Feldes.",
    "S105": "Der Wert hält das verlangte Format nicht ein, z. B. Kennungen aus Kleinbuchstaben, Ziffern und _.",
    "S106": "Der Wert liegt außerhalb der erlaubten Grenzen, etwa eine zu große Zahl oder zu viele Einträge.",
    "S107": "Der Schlüssel hat nicht die verlangte Form, z. B. ein Jahr aus vier Ziffern.",
    "K201": "Die Datei liegt an einer Stelle, an der der Katalogaufbau keine Datei dieser Art vorsieht.",
    "K202": "Zwei Produkte oder Leistungen tragen dieselbe Nummer, oder ein Plan nennt eine Zeile zweimal "
            "(\"1\" und \"01\").",
    "K203": "Zwei Kennzahlen, Ziele oder andere Einträge tragen am selben Ort dieselbe Kennung.",
    "K204": "Die Nummer einer Leistung muss mit der Nummer ihres Produkts beginnen.",
    "K205": "Das Produkt liegt in einer Produktgruppe, die weder der Produktrahmen noch katalog.yaml kennt.",
    "K206": "Die Produktnummer beginnt nicht mit der Nummer der angegebenen Produktgruppe.",
    "K207": "Ein Verweis nennt etwas, das es im Katalog oder im Vokabular nicht gibt.",
    "K208": "Eine Formel nennt eine Kennung oder Funktion, die es nicht gibt.",
    "K209": "Eine Formel ist nicht vollständig oder nicht richtig aufgebaut, z. B. eine offene Klammer.",
    "K210": "Kennzahlen hängen über ihre Formeln von sich selbst ab; der Kreis wird als Pfad gezeigt.",
    "K211": "Ein Wert steht unter einem Jahr, für das der Katalog keine Spalte hat.",
    "K212": "Eine eigene Regel aus katalog.yaml ist verletzt, z. B. ein fehlender Programmbezug.",
    "K213": "Der Ordnername eines Produkts passt nicht zu seiner Nummer (Warnung).",
    "K214": "Die Wertart (Ergebnis, Ansatz, Planung) passt nicht zur Spalte des Katalogs für dieses Jahr (Warnung).",
    "K215": "Eine Kennzahl lässt sich für ein Jahr nicht berechnen, z. B. wegen einer Division durch 0.",
    "K216": "Eine im Plan angegebene Summenzeile weicht mehr als die Toleranz von der Summe ihrer Zeilen ab.",
    "K217": "Der Plan nennt eine Zeile, die seine Zeilenvorlage nicht kennt.",
    "K218": "Eine Zeilenvorlage summiert Zeilen, die es nicht gibt, eine Summe enthält sich selbst, zwei Zeilen "
            "unterscheiden sich nur durch führende Nullen, oder eine Erweiterung passt nicht zu ihrer Grundvorlage.",
    "K219": "Für die Teilergebnis- oder Teilfinanzpläne eines Katalogs gibt es keine Zeilenvorlage (weder für Land "
            "und Haushaltsjahr noch im Katalog); katalog kann ihre Zeilen nicht prüfen und weder Summen noch "
            "Standardkennzahlen berechnen.",
    "K220": "Eine Kennzahl mit Formel nennt auch Werte (etwa aus einem gedruckten Plan); ein angegebener Wert weicht "
            "mehr als die Toleranz vom berechneten ab.",
    "K221": "Ein Betrag hat das Vorzeichen, das die Regel, nach der der Plan eingegeben ist (vorzeichen des "
            "Plans, des Katalogs oder der Zeilenvorlage), seiner Zeilenart nicht gibt, z. B. ein positiver "
            "Aufwand unter „Aufwendungen negativ“ oder ein negativer unter „ohne Vorzeichen“ (Warnung); ist der "
            "ganze Plan so erfasst, nennt eine Warnung die wahrscheinliche Ursache.",
    "K230": "Ordnername und Leistungen (oder die Produktgruppe) eines Produkts nennen eine andere Nummer als das "
            "Produkt selbst; die Befunde, die daraus folgen, stehen als Folgefehler darunter.",
    "K240": "Die Nummer in produktbereich.yaml, produktgruppe.yaml oder teilhaushalt.yaml gibt es im Produktrahmen "
            "nicht, sie passt nicht zum Namen ihres Ordners, oder der Ordner einer Produktgruppe liegt im Ordner "
            "eines anderen Produktbereichs.",
    "K241": "Ein Produkt liegt im Ordner einer Produktgruppe oder eines Produktbereichs, zu dem es nach seiner "
            "Nummer (oder seiner Angabe produktgruppe) nicht gehört.",
    "K242": "Der Plan einer Produktgruppe, eines Produktbereichs oder Teilhaushalts nennt in einer Zeile einen "
            "Betrag, der mehr als die Toleranz von der Summe der Pläne darunter abweicht.",
    "K260": "Ein Produkt oder eine Leistung nennt unter felder einen Namen, den katalog.yaml unter felder nicht "
            "(oder nicht für diese Art von Blatt) vereinbart; der Wert erschiene auf keinem Blatt.",
    "K261": "Der Wert eines eigenen Felds passt nicht zu dessen Typ in katalog.yaml (text, zahl oder liste).",
    "K262": "Die Unterzeilen (davon) einer Kennzahl ergeben zusammen nicht den Wert der Kennzahl (bis auf ihre "
            "wertetoleranz).",
    "I301": "Die Quelldatei für katalog import fehlt, ist keine gewöhnliche Datei oder lässt sich als Tabelle nicht "
            "öffnen (etwa eine beschädigte XLSX-Datei).",
    "I302": "Die Quelldatei ist größer als die Grenze für katalog import (256 MB); sie wird nicht gelesen.",
    "I303": "Die Quelle ist weder UTF-8 noch Windows-1252 (etwa UTF-16 oder Binärdaten) oder passt nicht zur "
            "Kodierung, die die Zuordnung nennt.",
    "I304": "Die Quelle ist kein gültiges UTF-8; katalog hat sie als Windows-1252 gelesen, wie es Finanzverfahren "
            "unter Windows schreiben (Warnung).",
    "I305": "Eine Zeile der Quelle hat mehr oder weniger Felder als die Kopfzeile; welche Spalte welcher Wert ist, "
            "bliebe offen.",
    "I306": "Die Quelle hat eine Spalte, die die Zuordnung weder verwendet noch ignoriert (Warnung).",
    "I307": "Eine Spalte, die die Zuordnung verlangt, steht nicht in der Kopfzeile der Quelle.",
    "I308": "Eine Zelle, die einen Betrag enthalten soll, enthält Text oder eine Zahl in einem anderen Format, als "
            "die Zuordnung festlegt.",
    "I309": "Die Quelle nennt denselben Wert (gleiches Produkt, gleiche Zeile bzw. Kennzahl, Wertart und Jahr) "
            "zweimal.",
    "I310": "Ein Text der Quelle beginnt mit =, +, - oder @ und würde in einer Tabellenkalkulation als Formel "
            "laufen; katalog übernimmt ihn nicht.",
    "I311": "Eine Zeilennummer gibt es in der Zeilenvorlage nicht, oder ein Konto ist keiner Zeile sicher "
            "zugeordnet.",
    "I312": "Eine Summenzeile der Quelle weicht mehr als die Summentoleranz von der Summe ihrer Einzelzeilen ab.",
    "I313": "Der Katalog hat für diese Stelle schon einen anderen Wert; er bleibt, solange nicht mit "
            "--ueberschreiben importiert wird. Ebenso bleibt der Wert einer Kennzahl weg, die katalog berechnet "
            "(Warnung).",
    "I314": "Die Quelle enthält Pläne einer Ebene (Produktgruppe, Produktbereich, Teilhaushalt), für die der "
            "Katalog keine eigene Datei hat (produktgruppe.yaml, produktbereich.yaml, teilhaushalt.yaml); mit ihr "
            "schreibt katalog import den Plan in den Ordner der Ebene.",
    "I315": "Das Produkt, die Produktgruppe oder die Kennzahl, zu der ein Wert gehört, gibt es im Katalog nicht, "
            "und katalog kann sie nicht anlegen.",
    "I316": "Die Zuordnung (--zuordnung, --profil) ist unbekannt oder verletzt ihr Schema, etwa ein unbekanntes "
            "Feld oder ein fehlerhafter regulärer Ausdruck.",
    "I317": "Die Quelle nennt eine Wertart oder ein Jahr, für das der Katalog keine Spalte hat (Warnung).",
    "I318": "Die Richtung der Quelle (Ertrag oder Aufwand) widerspricht der Art der Zeile in der Zeilenvorlage.",
}


def title(code: str) -> str:
    return CODES[code]


def explanation(code: str) -> str:
    return EXPLANATIONS[code]
