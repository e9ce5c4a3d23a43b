"""Stable finding codes and their German titles.

Y… the file and its YAML, S… the JSON Schema of the file kind, K… the catalogue as a whole.
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
}


def title(code: str) -> str:
    return CODES[code]
