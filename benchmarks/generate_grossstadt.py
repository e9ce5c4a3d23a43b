"""Generate a synthetic Großstadt Produktkatalog (NRW numbering) for benchmarks.

At scale 1 the catalogue holds 600 products with 4 Leistungen, 10 Kennzahlen and one
Teilergebnisplan each (about 9,600 YAML files). The output depends only on --scale and
--seed (and, through the schema modelines, on where OUTPUT_DIR lies relative to schemas/).

Usage:
    python benchmarks/generate_grossstadt.py OUTPUT_DIR [--scale 1] [--seed 2026]

Standard library only; the YAML is written by plain string formatting.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

Node = dict | list | str | int | float | bool | None

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
CITY = "Stadt Musterhausen"
DOMAIN = "musterhausen.example"
PROGRAMME_ID = "stadtentwicklung_2035"
BUDGET_YEAR = 2026
YEARS = range(2024, 2030)
COLUMNS = (("ergebnis", (2024,)), ("ansatz", (2025, 2026)), ("planung", (2027, 2028, 2029)))
TARGET_YEARS = (2026, 2027, 2028, 2029)
PRODUCTS_AT_SCALE_1 = 600
PLAN_ROWS = ("01", "02", "03", "04", "05", "06", "07", "08", "09",
             "11", "12", "13", "14", "15", "16", "19", "20")


# --------------------------------------------------------------------------- reference data


@dataclass(frozen=True)
class Area:
    """One NRW Produktbereich with the word lists used to fill it."""

    number: str
    name: str
    weight: int
    themes: tuple[str, ...]
    offices: tuple[str, ...]
    laws: tuple[str, ...]
    imk_groups: tuple[str, ...]
    case_noun: str
    programme_area: str


AREAS: tuple[Area, ...] = (
    Area("01", "Innere Verwaltung", 12,
         ("Verwaltungsführung", "Gremienbetreuung", "Personalwirtschaft", "Organisation und Prozessmanagement",
          "Informationstechnik und Digitalisierung", "Presse- und Öffentlichkeitsarbeit", "Rechnungsprüfung",
          "Rechtsangelegenheiten", "Gleichstellung", "Zentrale Vergabestelle", "Gebäudemanagement",
          "Finanzsteuerung", "Bürgerbeteiligung", "Internationale Beziehungen"),
         ("Amt 10 – Hauptamt", "Amt 11 – Personal- und Organisationsamt", "Amt 12 – Amt für Informationstechnik",
          "Amt 13 – Presse- und Informationsamt", "Amt 14 – Rechnungsprüfungsamt", "Amt 20 – Kämmerei",
          "Amt 30 – Rechtsamt", "Amt 65 – Gebäudewirtschaft"),
         ("GO NRW", "KomHVO NRW", "LBG NRW", "TVöD", "DSGVO", "EGovG NRW", "LGG NRW", "Hauptsatzung der Stadt"),
         ("111",), "Vorgänge", "digitale_verwaltung"),
    Area("02", "Sicherheit und Ordnung", 9,
         ("Allgemeine Ordnungsangelegenheiten", "Bürgerdienste und Meldewesen", "Personenstandswesen",
          "Ausländerangelegenheiten", "Gewerbeangelegenheiten", "Straßenverkehrsangelegenheiten", "Brandschutz",
          "Rettungsdienst", "Bevölkerungsschutz", "Wahlen und Statistik", "Verbraucherschutz und Veterinärwesen"),
         ("Amt 32 – Ordnungsamt", "Amt 33 – Bürgeramt", "Amt 34 – Standesamt", "Amt 36 – Straßenverkehrsamt",
          "Amt 37 – Feuerwehr", "Amt 39 – Veterinär- und Lebensmittelüberwachungsamt"),
         ("OBG NRW", "BMG", "PAuswG", "PStG", "AufenthG", "GewO", "StVO", "BHKG", "RettG NRW", "KWahlG NRW"),
         ("121", "122", "126", "127", "128"), "Verfahren", "digitale_verwaltung"),
    Area("03", "Schulträgeraufgaben", 6,
         ("Grundschulen", "Gesamtschulen", "Gymnasien", "Realschulen", "Förderschulen", "Berufskollegs",
          "Schülerbeförderung", "Offene Ganztagsschule", "Schulentwicklungsplanung", "Schulsozialarbeit"),
         ("Amt 40 – Schulverwaltungsamt", "Amt 40 – Fachbereich Schule und Bildung"),
         ("SchulG NRW", "SchfkVO NRW", "SGB VIII", "GO NRW", "Ratsbeschluss zum Schulentwicklungsplan"),
         ("211", "215", "217", "218", "221", "231", "241", "243"), "Schülerinnen und Schüler", "bildung_teilhabe"),
    Area("04", "Kultur und Wissenschaft", 6,
         ("Museen", "Theater und Oper", "Musikschule", "Volkshochschule", "Stadtbibliothek", "Stadtarchiv",
          "Kulturförderung", "Freie Kulturszene", "Erinnerungskultur", "Kulturelle Bildung"),
         ("Amt 41 – Kulturamt", "Amt 42 – Stadtbibliothek", "Amt 43 – Volkshochschule", "Amt 44 – Musikschule"),
         ("KFG NRW", "WbG NRW", "ArchivG NRW", "GO NRW", "Kulturförderrichtlinien der Stadt"),
         ("252", "261", "263", "271", "272", "281"), "Besuchende", "bildung_teilhabe"),
    Area("05", "Soziale Leistungen", 8,
         ("Grundsicherung im Alter und bei Erwerbsminderung", "Hilfe zum Lebensunterhalt", "Eingliederungshilfe",
          "Hilfe zur Pflege", "Leistungen für Asylbewerber", "Wohngeld", "Wohnungslosenhilfe", "Seniorenarbeit",
          "Bildung und Teilhabe", "Integration und Migration", "Betreuungsangelegenheiten"),
         ("Amt 50 – Sozialamt", "Amt 50 – Fachbereich Soziales und Senioren", "Amt 56 – Amt für Wohnungswesen"),
         ("SGB XII", "SGB II", "SGB IX", "AsylbLG", "WoGG", "BtOG", "AG-SGB XII NRW", "APG NRW"),
         ("311", "312", "313", "314", "315", "331", "351"), "Leistungsberechtigte", "bildung_teilhabe"),
    Area("06", "Kinder-, Jugend- und Familienhilfe", 10,
         ("Kindertagesbetreuung", "Kindertagespflege", "Jugendarbeit", "Jugendsozialarbeit", "Hilfen zur Erziehung",
          "Kinderschutz", "Eingliederungshilfe für junge Menschen", "Unterhaltsvorschuss", "Familienförderung",
          "Jugendgerichtshilfe", "Adoptions- und Pflegekinderdienst", "Kinder- und Jugendförderplan"),
         ("Amt 51 – Jugendamt", "Amt 51 – Fachbereich Kinder, Jugend und Familie"),
         ("SGB VIII", "KiBiz", "UVG", "BEEG", "KJFöG NRW", "AG-KJHG NRW", "JGG"),
         ("341", "361", "362", "363", "365", "366", "367"), "Hilfefälle", "bildung_teilhabe"),
    Area("07", "Gesundheitsdienste", 4,
         ("Infektionsschutz", "Kinder- und Jugendgesundheitsdienst", "Sozialpsychiatrischer Dienst",
          "Amtsärztlicher Dienst", "Gesundheitsförderung", "Trinkwasser- und Umwelthygiene", "Suchthilfe"),
         ("Amt 53 – Gesundheitsamt",),
         ("ÖGDG NRW", "IfSG", "PsychKG NRW", "TrinkwV", "ProstSchG"),
         ("412", "414"), "Untersuchungen", "bildung_teilhabe"),
    Area("08", "Sportförderung", 3,
         ("Sportförderung", "Sportstätten", "Bäder", "Sportveranstaltungen", "Vereinssport", "Schulsport"),
         ("Amt 52 – Sportamt", "Amt 52 – Sport- und Bäderamt"),
         ("Sportförderrichtlinien der Stadt", "Benutzungs- und Entgeltordnung für Sportstätten", "GO NRW"),
         ("421", "424"), "Nutzungen", "wohnen_quartiere"),
    Area("09", "Räumliche Planung und Entwicklung, Geoinformationen", 5,
         ("Stadtplanung", "Bauleitplanung", "Stadterneuerung", "Vermessung und Kataster", "Geoinformation",
          "Verkehrsplanung", "Stadtentwicklung", "Wohnungsmarktbeobachtung"),
         ("Amt 61 – Stadtplanungsamt", "Amt 62 – Amt für Vermessung und Kataster", "Amt 61 – Stadtentwicklung"),
         ("BauGB", "BauNVO", "ROG", "VermKatG NRW", "GeoZG", "Städtebauförderrichtlinien NRW"),
         ("511",), "Planverfahren", "wohnen_quartiere"),
    Area("10", "Bauen und Wohnen", 4,
         ("Bauaufsicht", "Denkmalschutz und Denkmalpflege", "Wohnraumförderung", "Wohnungsaufsicht", "Bauberatung",
          "Städtische Wohnungsbestände"),
         ("Amt 63 – Bauordnungsamt", "Amt 64 – Amt für Wohnungswesen", "Amt 63 – Untere Denkmalbehörde"),
         ("BauO NRW", "BauGB", "DSchG NRW", "WFNG NRW", "WohnStG NRW", "Gebührensatzung Bauaufsicht"),
         ("521", "522", "523"), "Bauanträge", "wohnen_quartiere"),
    Area("11", "Ver- und Entsorgung", 4,
         ("Abfallwirtschaft", "Abwasserbeseitigung", "Straßenreinigung und Winterdienst", "Wertstoffhöfe",
          "Energieversorgung", "Wasserversorgung"),
         ("Amt 70 – Stadtentwässerung", "Amt 70 – Abfallwirtschaftsbetrieb", "Amt 66 – Tiefbauamt"),
         ("KrWG", "LKrWG NRW", "LWG NRW", "WHG", "KAG NRW", "Abfallsatzung der Stadt", "Entwässerungssatzung"),
         ("533", "537", "538"), "Anschlüsse", "klima_umwelt"),
    Area("12", "Verkehrsflächen und -anlagen, ÖPNV", 6,
         ("Gemeindestraßen", "Brücken und Ingenieurbauwerke", "Straßenbeleuchtung", "Parkraumbewirtschaftung",
          "Öffentlicher Personennahverkehr", "Radverkehr", "Verkehrssteuerung"),
         ("Amt 66 – Tiefbauamt", "Amt 66 – Amt für Straßen und Verkehr", "Amt 69 – Amt für Mobilität"),
         ("StrWG NRW", "StVO", "ÖPNVG NRW", "KAG NRW", "PBefG", "Straßenbaubeitragssatzung"),
         ("541", "545", "546", "547"), "Maßnahmen", "mobilitaet"),
    Area("13", "Natur- und Landschaftspflege", 5,
         ("Öffentliches Grün", "Friedhöfe und Bestattungswesen", "Stadtwald und Forst",
          "Naturschutz und Landschaftspflege", "Gewässerunterhaltung", "Spielplätze", "Kleingärten"),
         ("Amt 67 – Grünflächenamt", "Amt 67 – Amt für Stadtgrün und Friedhöfe"),
         ("BNatSchG", "LNatSchG NRW", "BestG NRW", "LFoG NRW", "Friedhofssatzung der Stadt", "BKleingG"),
         ("551", "552", "553", "554", "555"), "Pflegeflächen", "klima_umwelt"),
    Area("14", "Umweltschutz", 4,
         ("Klimaschutz", "Immissionsschutz", "Bodenschutz und Altlasten", "Untere Wasserbehörde", "Umweltberatung",
          "Lärmminderung", "Klimaanpassung"),
         ("Amt 31 – Umweltamt", "Amt 31 – Amt für Umwelt und Klimaschutz"),
         ("BImSchG", "BBodSchG", "WHG", "LWG NRW", "KlAnG NRW", "Klimaschutzkonzept der Stadt"),
         ("561",), "Prüfverfahren", "klima_umwelt"),
    Area("15", "Wirtschaft und Tourismus", 4,
         ("Wirtschaftsförderung", "Tourismus und Stadtmarketing", "Märkte", "Messen und Veranstaltungen",
          "Beschäftigungsförderung", "Gründungsberatung", "Liegenschaften"),
         ("Amt 80 – Wirtschaftsförderung", "Amt 23 – Liegenschaftsamt", "Amt 80 – Amt für Stadtmarketing"),
         ("GO NRW", "GewO", "Marktsatzung der Stadt", "EU-Beihilferecht", "Ratsbeschluss zur Wirtschaftsstrategie"),
         ("571", "573", "575"), "Unternehmenskontakte", "wirtschaft_arbeit"),
    Area("16", "Allgemeine Finanzwirtschaft", 3,
         ("Steuern und Abgaben", "Allgemeine Zuweisungen und Umlagen", "Zinsen und Kredite", "Beteiligungen",
          "Sonstige allgemeine Finanzwirtschaft", "Versorgungs- und Beihilfeaufwand"),
         ("Amt 20 – Kämmerei", "Amt 21 – Stadtkasse", "Amt 22 – Steueramt"),
         ("GO NRW", "KomHVO NRW", "GFG NRW", "GrStG", "GewStG", "KAG NRW", "Hebesatzsatzung der Stadt"),
         ("611", "612"), "Steuerfälle", "solide_finanzen"),
    Area("17", "Stiftungen", 2,
         ("Rechtlich unselbstständige Stiftungen", "Sozialstiftungen", "Kulturstiftungen"),
         ("Amt 20 – Kämmerei", "Amt 50 – Stiftungsverwaltung"),
         ("StiftG NRW", "GO NRW", "Stiftungssatzungen"),
         ("612",), "Förderfälle", "solide_finanzen"),
)

ASPECTS = (
    "Grundsatzangelegenheiten", "Beratung und Information", "Förderung freier Träger",
    "Betrieb städtischer Einrichtungen", "Genehmigungen und Aufsicht", "Planung und Steuerung",
    "Zuwendungen und Zuschüsse", "Service und Antragsbearbeitung", "Qualitätssicherung und Controlling",
    "Projekte und Sonderaufgaben", "Prävention und Vorsorge", "Digitale Dienste", "Öffentlichkeitsarbeit",
    "Kooperationen und Netzwerke", "Bezirkliche Angebote", "Fachaufsicht und Prüfung",
)

DISTRICTS = ("Innenstadt", "Nord", "Süd", "Ost", "West", "Rheinufer", "Altstadt", "Hafen", "Am Stadtwald")

# (name, Kennung of its Leistungsmenge, Bezeichnung of that figure, unit, art)
SERVICES = (
    ("Beratung und Information", "anzahl_beratungen", "Anzahl Beratungsgespräche", "Anzahl", "extern"),
    ("Antragsbearbeitung und Bescheiderteilung", "anzahl_bescheide", "Anzahl erteilter Bescheide", "Anzahl",
     "extern"),
    ("Genehmigungen und Erlaubnisse", "anzahl_genehmigungen", "Anzahl erteilter Genehmigungen", "Anzahl", "extern"),
    ("Kontrollen und Prüfungen vor Ort", "anzahl_kontrollen", "Anzahl durchgeführter Kontrollen", "Anzahl",
     "extern"),
    ("Gewährung von Zuschüssen", "anzahl_zuschuesse", "Anzahl bewilligter Zuschüsse", "Anzahl", "extern"),
    ("Durchführung von Veranstaltungen", "anzahl_veranstaltungen", "Anzahl Veranstaltungen", "Anzahl", "extern"),
    ("Betrieb städtischer Einrichtungen", "oeffnungsstunden", "Öffnungsstunden je Jahr", "Stunden", "extern"),
    ("Kurse und Bildungsangebote", "anzahl_teilnehmende", "Anzahl Teilnehmende", "Personen", "extern"),
    ("Öffentlichkeitsarbeit", "anzahl_veroeffentlichungen", "Anzahl Veröffentlichungen", "Anzahl", "extern"),
    ("Gremienarbeit und Berichtswesen", "anzahl_vorlagen", "Anzahl Beschlussvorlagen", "Anzahl", "intern"),
    ("Fachliche Stellungnahmen", "anzahl_stellungnahmen", "Anzahl Stellungnahmen", "Anzahl", "intern"),
    ("Koordination und Netzwerkarbeit", "anzahl_netzwerktreffen", "Anzahl Netzwerktreffen", "Anzahl",
     "intern_und_extern"),
    ("Vermittlung und Fallbegleitung", "anzahl_vermittlungen", "Anzahl Vermittlungen", "Anzahl", "extern"),
    ("Erhebung von Gebühren und Entgelten", "anzahl_gebuehrenbescheide", "Anzahl Gebührenbescheide", "Anzahl",
     "extern"),
    ("Online-Dienste nach dem Onlinezugangsgesetz", "anzahl_onlinevorgaenge", "Anzahl Online-Vorgänge", "Anzahl",
     "extern"),
    ("Datenpflege und Statistik", "anzahl_datensaetze", "Anzahl gepflegter Datensätze", "Anzahl", "intern"),
    ("Interne Dienstleistungen für Fachbereiche", "anzahl_auftraege", "Anzahl interner Aufträge", "Anzahl",
     "intern"),
    ("Qualitätssicherung und Controlling", "anzahl_pruefberichte", "Anzahl Prüfberichte", "Anzahl", "intern"),
)

TARGET_GROUPS = (
    "Einwohnerinnen und Einwohner", "Familien mit Kindern", "Kinder und Jugendliche", "Seniorinnen und Senioren",
    "Unternehmen", "Vereine und Verbände", "Rat und Ausschüsse", "Fachbereiche der Stadtverwaltung", "Schulen",
    "Menschen mit Behinderung", "Bauherrinnen und Bauherren", "Gäste der Stadt", "Zugewanderte Menschen",
    "Grundstückseigentümer", "Freie Träger", "Beschäftigte der Stadt",
)

ACTIVITIES = (
    "berät und informiert {zg}", "bearbeitet Anträge fristgerecht und rechtssicher",
    "koordiniert die Zusammenarbeit mit freien Trägern, Verbänden und Initiativen",
    "stellt die gesetzlich vorgeschriebenen Leistungen sicher",
    "entwickelt Angebote und Verfahren bedarfsgerecht weiter",
    "erhebt Gebühren und Entgelte nach der geltenden Satzung",
    "bereitet Entscheidungen der politischen Gremien vor und setzt Beschlüsse um",
    "wertet Daten aus und berichtet regelmäßig an den Fachausschuss",
    "bietet digitale Antragswege nach dem Onlinezugangsgesetz an", "arbeitet eng mit den Stadtbezirken zusammen",
)

FOCUSES = (
    "die Verkürzung der Bearbeitungszeiten", "der Ausbau digitaler Antragswege", "die Gewinnung von Fachkräften",
    "die Umsetzung des Haushaltssicherungskonzepts", "die Barrierefreiheit der Angebote",
    "die stärkere Beteiligung der Stadtbezirke", "die Einführung eines Qualitätsmanagements",
    "die Anpassung an die Folgen des Klimawandels", "die Vereinfachung der Verwaltungsverfahren",
)

STRATEGIC_GOALS = (
    "{zg} erhalten im Bereich {thema} ein bedarfsgerechtes, verlässliches und gut erreichbares Angebot.",
    "Die Stadt sichert die rechtmäßige, wirtschaftliche und bürgernahe Aufgabenerfüllung im Bereich {thema}.",
    "Das Angebot im Bereich {thema} trägt zur Lebensqualität in allen Stadtbezirken bei.",
    "Die Leistungen im Bereich {thema} werden bis 2029 vollständig digital zugänglich gemacht.",
)

FIGURE_NOTES = (
    "Die Werte werden jährlich zum Stichtag 31.12. aus dem Fachverfahren übernommen und von der Kämmerei "
    "plausibilisiert.",
    "Planwerte beruhen auf der Fortschreibung der Entwicklung der letzten drei Jahre und den Annahmen des "
    "Fachbereichs.",
    "Sondereffekte, etwa durch Gesetzesänderungen oder Umstellungen im Fachverfahren, erläutert der "
    "Jahresabschluss.",
    "Die Kennzahl ist Bestandteil des quartalsweisen Berichtswesens an den zuständigen Fachausschuss.",
    "Vergleichswerte liefert der interkommunale Vergleichsring der Großstädte in Nordrhein-Westfalen.",
    "Bis 2024 wurde die Kennzahl nach einer abweichenden Definition erhoben; die Werte sind nur eingeschränkt "
    "vergleichbar.",
)

PLAN_NOTES = (
    "Die Personalaufwendungen enthalten die Tarifsteigerungen nach dem TVöD und die Besoldungsanpassung.",
    "Die Planwerte ab 2027 folgen den Orientierungsdaten des Landes Nordrhein-Westfalen.",
    "Die Aufwendungen für Sach- und Dienstleistungen steigen durch höhere Energie- und Wartungskosten.",
    "Die Abschreibungen berücksichtigen die im Teilfinanzplan veranschlagten Investitionen.",
    "Die Erträge aus Zuwendungen beruhen auf den bewilligten Förderbescheiden; Anschlussförderungen sind nicht "
    "eingeplant.",
    "Ein globaler Minderaufwand ist in den Ansätzen nicht enthalten.",
)

OUTLOOKS = (
    "Der Fachbereich erwartet steigende Fallzahlen, weil die Einwohnerzahl weiter wächst.",
    "Mit der Einführung eines neuen Fachverfahrens werden Medienbrüche abgebaut; die Umstellung ist für 2027 "
    "geplant.",
    "Die Nachbesetzung altersbedingt frei werdender Stellen bleibt eine zentrale Herausforderung.",
    "Eine Aufgabenkritik im Rahmen des Haushaltssicherungskonzepts prüft, welche Standards angepasst werden können.",
    "Die Zusammenarbeit mit den Nachbarkommunen wird ausgebaut, um Leistungen gemeinsam wirtschaftlicher zu erbringen.",
    "Mit dem Ratsbeschluss zur Klimaneutralität 2035 werden Abläufe und Beschaffung schrittweise angepasst.",
)

PROGRAMME_AREAS = (
    ("digitale_verwaltung", "Digitale und bürgernahe Verwaltung"),
    ("klima_umwelt", "Klimaschutz und Klimaanpassung"),
    ("bildung_teilhabe", "Bildung und Teilhabe"),
    ("wohnen_quartiere", "Wohnen und lebendige Quartiere"),
    ("mobilitaet", "Nachhaltige Mobilität"),
    ("wirtschaft_arbeit", "Wirtschaft und Arbeit"),
    ("solide_finanzen", "Solide Finanzen und leistungsfähige Organisation"),
)

FIRST_NAMES = ("Anna", "Petra", "Sabine", "Claudia", "Julia", "Katrin", "Monika", "Stefanie", "Lea", "Miriam",
               "Ayşe", "Thomas", "Michael", "Andreas", "Stefan", "Jan", "Markus", "Mehmet", "Lukas", "Jörg",
               "Frank", "Dirk")
LAST_NAMES = ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
              "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
              "Braun", "Krüger", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Lehmann", "Yilmaz",
              "Kowalski", "Nowak", "Özdemir")

OBLIGATIONS = ("pflichtaufgabe_hoheitlich", "pflichtaufgabe_nicht_hoheitlich", "pflichtige_selbstverwaltungsaufgabe",
               "pflichtaufgabe_nach_weisung", "freiwillig", "verwaltungstechnisch_erforderlich", "teils")
PRINCIPALS = {"freiwillig": "Rat der Stadt", "verwaltungstechnisch_erforderlich": "Verwaltungsvorstand",
              "teils": "Gesetzgeber und Rat der Stadt"}

# Teilergebnisplan: row -> (share of the product's volume, probability that the row is used); Aufwand negative.
BASE_PROFILE: dict[str, tuple[float, float]] = {
    "01": (0.0, 0.0), "02": (0.25, 0.5), "03": (0.05, 0.1), "04": (0.3, 0.35), "05": (0.05, 0.3),
    "06": (0.15, 0.4), "07": (0.04, 0.6), "08": (0.01, 0.05), "09": (0.0, 0.0),
    "11": (-1.0, 1.0), "12": (-0.1, 0.9), "13": (-0.55, 1.0), "14": (-0.2, 0.8), "15": (-0.1, 0.3),
    "16": (-0.15, 1.0), "19": (0.002, 0.1), "20": (-0.01, 0.15),
}
AREA_PROFILE: dict[str, dict[str, tuple[float, float]]] = {
    "02": {"04": (0.5, 0.8)},
    "04": {"05": (0.25, 0.6)},
    "05": {"02": (1.2, 0.8), "03": (0.6, 0.8), "15": (-5.0, 0.95)},
    "06": {"02": (0.9, 0.8), "04": (0.25, 0.6), "15": (-2.5, 0.9)},
    "08": {"05": (0.2, 0.6)},
    "10": {"04": (0.7, 0.8)},
    "11": {"04": (2.1, 0.95), "13": (-1.2, 1.0), "14": (-0.6, 0.9)},
    "12": {"04": (0.3, 0.6), "14": (-1.8, 0.95), "15": (-0.8, 0.3)},
    "13": {"04": (0.4, 0.6)},
    "16": {"01": (60.0, 0.5), "02": (40.0, 0.5), "15": (-15.0, 0.4), "19": (1.5, 0.4), "20": (-3.0, 0.5)},
    "17": {"19": (0.3, 0.8)},
}


# --------------------------------------------------------------------------- YAML writing

RESERVED_WORDS = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"}
PLAIN_KEY = re.compile(r"^[a-z_][a-z0-9_]*$")
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def quote(text: str) -> str:
    """Return text as a double-quoted YAML scalar."""
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"')
               .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{escaped}"'


def number(value: float) -> str:
    """Format a float with a decimal point and at most two decimals."""
    text = f"{value:.2f}".rstrip("0")
    text = text + "0" if text.endswith(".") else text
    return "0.0" if text == "-0.0" else text


def scalar(value: Node) -> str:
    """Format a scalar (or an empty collection) for a YAML line."""
    if value is None:
        return "~"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number(value)
    if isinstance(value, str):
        return quote(value)
    if value == {} or value == []:
        return "{}" if isinstance(value, dict) else "[]"
    raise TypeError(f"cannot write {value!r} as a scalar")


def mapping_key(key: str | int) -> str:
    """Years stay bare integers; Kennungen stay bare; everything else is quoted."""
    if isinstance(key, int):
        return str(key)
    return key if PLAIN_KEY.match(key) and key not in RESERVED_WORDS else quote(key)


def is_block(value: Node) -> bool:
    return isinstance(value, (dict, list)) and bool(value)


def emit(value: Node, indent: int, lines: list[str]) -> None:
    """Append the block-style YAML lines of a mapping or list."""
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            if is_block(item):
                lines.append(f"{pad}{mapping_key(key)}:")
                emit(item, indent + 2, lines)
            else:
                lines.append(f"{pad}{mapping_key(key)}: {scalar(item)}")
        return
    assert isinstance(value, list)
    for item in value:
        if isinstance(item, dict) and item:
            nested: list[str] = []
            emit(item, indent + 2, nested)
            nested[0] = f"{pad}- {nested[0][indent + 2:]}"
            lines.extend(nested)
        else:
            lines.append(f"{pad}- {scalar(item)}")


def to_yaml(data: dict, schema_ref: str) -> str:
    lines = [f"# yaml-language-server: $schema={schema_ref}"]
    emit(data, 0, lines)
    return "\n".join(lines) + "\n"


def slug(text: str, max_length: int = 80) -> str:
    """ASCII slug for folder and file names (ä→ae, ö→oe, ü→ue, ß→ss)."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(UMLAUTS)).encode("ascii", "ignore").decode()
    result = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(result) > max_length:
        result = result[:max_length].rsplit("-", 1)[0]
    return result


class Writer:
    """Writes YAML files below the catalogue root and counts files and bytes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = 0
        self.bytes = 0
        self.folders: set[Path] = set()

    def schema_ref(self, path: Path, schema: str) -> str:
        try:
            relative = os.path.relpath(SCHEMA_DIR, start=path.parent)
        except ValueError:  # different drives on Windows
            relative = str(SCHEMA_DIR)
        return f"{Path(relative).as_posix()}/{schema}.schema.json"

    def write(self, relative_path: str, schema: str, data: dict) -> None:
        path = self.root / relative_path
        if path.parent not in self.folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(path.parent)
        content = to_yaml(data, self.schema_ref(path, schema)).encode("utf-8")
        path.write_bytes(content)
        self.files += 1
        self.bytes += len(content)


# --------------------------------------------------------------------------- catalogue structure


@dataclass(frozen=True)
class Group:
    """A local 4-digit Produktgruppe."""

    number: str
    name: str
    theme: str
    area: Area
    imk: str


@dataclass(frozen=True)
class Product:
    number: str
    name: str
    group: Group
    aspect: str


def split_counts(total: int, weights: list[int], minimum: int) -> list[int]:
    """Distribute total over weights (largest remainder), giving each at least minimum if possible."""
    floor = minimum if total >= minimum * len(weights) else 0
    rest = total - floor * len(weights)
    shares = [rest * w / sum(weights) for w in weights]
    counts = [math.floor(s) for s in shares]
    order = sorted(range(len(weights)), key=lambda i: counts[i] - shares[i])
    for i in order[: rest - sum(counts)]:
        counts[i] += 1
    return [c + floor for c in counts]


def group_sizes(rng: random.Random, count: int) -> list[int]:
    """Split an area's products into Produktgruppen of 3–8 (more when 90 groups would not suffice)."""
    minimum = max(1, math.ceil(count / 90))
    sizes: list[int] = []
    while sum(sizes) < count:
        size = max(rng.randint(3, 8), minimum)
        sizes.append(min(size, count - sum(sizes), 99))
    return sizes


def group_name(area: Area, index: int) -> tuple[str, str]:
    theme = area.themes[index % len(area.themes)]
    if index < len(area.themes):
        return theme, theme
    district = DISTRICTS[(index // len(area.themes) - 1) % len(DISTRICTS)]
    return theme, f"{theme} (Stadtbezirk {district})"


def build_structure(rng: random.Random, total: int) -> list[Product]:
    counts = split_counts(total, [a.weight for a in AREAS], minimum=1)
    products: list[Product] = []
    for area, count in zip(AREAS, counts, strict=True):
        for index, size in enumerate(group_sizes(rng, count)):
            theme, name = group_name(area, index)
            group = Group(f"{area.number}{10 + index:02d}", name, theme, area, rng.choice(area.imk_groups))
            aspects = rng.sample(ASPECTS, min(size, len(ASPECTS)))
            for position in range(size):
                aspect = aspects[position % len(aspects)]
                if position >= len(aspects):
                    aspect = f"{aspect} {position // len(aspects) + 1}"
                products.append(Product(f"{group.number}{position + 1:02d}", f"{theme} – {aspect}", group, aspect))
    return products


# --------------------------------------------------------------------------- figures and values


def jitter(rng: random.Random, value: float, spread: float) -> float:
    return value * (1 + rng.uniform(-spread, spread))


def yearly_series(rng: random.Random, base: float, growth: float, digits: int) -> dict[int, float]:
    """Values for 2024–2029 with steady growth and some noise."""
    values: dict[int, float] = {}
    for offset, year in enumerate(YEARS):
        value = jitter(rng, base * (1 + growth) ** offset, 0.03)
        values[year] = round(value, digits) if digits else float(round(value))
    return values


def as_columns(series: dict[int, float], as_int: bool) -> dict:
    """Split a 2024–2029 series into ergebnis / ansatz / planung."""
    convert = int if as_int else float
    return {kind: {year: convert(series[year]) for year in years} for kind, years in COLUMNS}


def counted_values(rng: random.Random, base: float, digits: int = 0) -> dict:
    values = as_columns(yearly_series(rng, base, rng.uniform(-0.02, 0.05), digits), as_int=digits == 0)
    if rng.random() < 0.12:
        values["ergebnis"][2024] = {"wert": values["ergebnis"][2024], "vorlaeufig": True,
                                    "bemerkung": "Jahresabschluss 2024 noch nicht festgestellt"}
    return values


def figure(figure_id: str, name: str, kind: str, group: str, order: int, **fields: Node) -> dict:
    data: dict = {"id": figure_id, "bezeichnung": name, "art": kind}
    if "leistung" in fields:
        data["leistung"] = fields.pop("leistung")
    data.update({k: v for k, v in fields.items() if k not in ("werte",)})
    data["gruppe"] = group
    data["reihenfolge"] = order
    if "werte" in fields:
        data["werte"] = fields["werte"]
    return data


@dataclass
class Targets:
    """Zielwerte shared by the product's Ziele and its Zielkennzahlen."""

    on_time: dict[int, float]
    satisfaction: dict[int, float]
    days: int


def make_targets(rng: random.Random) -> Targets:
    start = rng.choice((85.0, 88.0, 90.0))
    on_time = {year: min(98.0, start + 2 * i) for i, year in enumerate(TARGET_YEARS)}
    level = rng.choice((2.5, 2.3, 2.0))
    satisfaction = {year: round(level - 0.1 * i, 1) for i, year in enumerate(TARGET_YEARS)}
    return Targets(on_time, satisfaction, rng.choice((5, 10, 14, 20)))


def base_figures(rng: random.Random, product: Product, volume: float) -> list[dict]:
    staff = max(0.5, round(jitter(rng, volume / 72000, 0.1), 1))
    cases = max(10, int(staff * rng.uniform(40, 900)))
    noun = product.group.area.case_noun
    return [
        figure("anzahl_stellen", "Anzahl Stellen", "grundzahl", "Grundzahlen", 10, einheit="Stellen (VZÄ)",
               nachkommastellen=1, hauptkennzahl=True,
               beschreibung="Besetzbare Stellen laut Stellenplan, umgerechnet in Vollzeitäquivalente.",
               quelle="Stellenplan der Stadt, Stand 30.06.", werte=counted_values(rng, staff, 1)),
        figure("anzahl_faelle", f"Anzahl {noun}", "grundzahl", "Grundzahlen", 20, einheit="Anzahl",
               nachkommastellen=0, hauptkennzahl=True,
               beschreibung=f"Im Jahr abschließend bearbeitete {noun} des Produkts (Jahressumme).",
               quelle="Fachverfahren, Jahresstatistik", werte=counted_values(rng, cases)),
    ]


def service_figures(rng: random.Random, product: Product, services: list[tuple], cases: float) -> list[dict]:
    result = []
    for index, service in enumerate(services[:2]):
        _, figure_id, name, unit, _ = service
        result.append(figure(
            figure_id, name, "leistungsdaten", "Leistungsdaten", 10 * (index + 1), einheit=unit,
            leistung=f"{product.number}{index + 1:02d}", nachkommastellen=0,
            beschreibung=f"Leistungsmenge der Leistung {product.number}{index + 1:02d} im Haushaltsjahr.",
            quelle="Fachverfahren, Quartalsstatistik", werte=counted_values(rng, cases * rng.uniform(0.1, 0.8))))
    return result


def goal_figures(rng: random.Random, targets: Targets) -> list[dict]:
    on_time = counted_values(rng, rng.uniform(72, 92), 1)
    on_time["ziel"] = dict(targets.on_time)
    score = round(rng.uniform(1.8, 3.2), 1)
    satisfaction = {"ergebnis": {2024: score}, "ansatz": {2025: None, 2026: round(score - 0.1, 1)},
                    "planung": {2027: round(score - 0.1, 1), 2028: None, 2029: round(score - 0.2, 1)},
                    "ziel": dict(targets.satisfaction)}
    return [
        figure("anteil_fristgerecht", f"Anteil der innerhalb von {targets.days} Arbeitstagen erledigten Vorgänge",
               "zielkennzahl", "Zielkennzahlen", 10, einheit="%", nachkommastellen=1, hauptkennzahl=True,
               richtung="hoeher_besser", beschreibung="Fristgerecht erledigte Vorgänge × 100 / alle Vorgänge.",
               werte=on_time),
        figure("zufriedenheit", "Zufriedenheit der Kundinnen und Kunden", "zielkennzahl", "Zielkennzahlen", 20,
               einheit="Stufe (1–6)", nachkommastellen=1, richtung="niedriger_besser",
               skala={"von": 1, "bis": 6, "stufen": {"1": "sehr zufrieden", "6": "sehr unzufrieden"}},
               beschreibung="Mittelwert der Befragung auf der 6-stufigen Zufriedenheitsskala; Befragung alle zwei "
                            "Jahre.", quelle="Kundenbefragung des Fachbereichs", werte=satisfaction),
    ]


def derived_figures(product: Product, services: list[tuple]) -> list[dict]:
    first = f"{product.number}01.{services[0][1]}"
    second = f"{product.number}02.{services[1][1]}"
    return [
        figure("kosten_je_fall", "Personal- und Sachkosten je Fall", "kennzahl", "Kennzahlen", 10, einheit="EUR",
               nachkommastellen=2, formel='teile(-(zeile("11") + zeile("13")), anzahl_faelle)',
               beschreibung="Personalaufwendungen und Aufwendungen für Sach- und Dienstleistungen je Fall."),
        figure("leistungen_je_stelle", "Leistungsmenge je Stelle", "kennzahl", "Kennzahlen", 20, einheit="Anzahl",
               nachkommastellen=1, formel=f"runden(teile({first} + {second}, anzahl_stellen), 1)",
               beschreibung="Summe der Leistungsmengen der beiden Hauptleistungen je Stelle (VZÄ)."),
        figure("aufwand_je_einwohner", "Ordentliche Aufwendungen je Einwohner", "standardkennzahl",
               "Standardkennzahlen", 10, einheit="EUR je Einwohner", nachkommastellen=2,
               formel='runden(-zeile("17") / einwohner, 2)',
               beschreibung="Ordentliche Aufwendungen (Zeile 17 des Teilergebnisplans) je Einwohner."),
        figure("aufwandsdeckungsgrad", "Aufwandsdeckungsgrad", "standardkennzahl", "Standardkennzahlen", 20,
               einheit="%", nachkommastellen=1, richtung="hoeher_besser",
               formel='teile(zeile("10") * 100, -zeile("17"))',
               beschreibung="Ordentliche Erträge × 100 / ordentliche Aufwendungen (NKF-Kennzahlenset NRW)."),
    ]


# --------------------------------------------------------------------------- documents


def person(rng: random.Random, role: str, office: str) -> dict:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    title = "Dr. " if rng.random() < 0.1 else ""
    salutation = "Frau" if FIRST_NAMES.index(first) < 11 else "Herr"
    return {"name": f"{salutation} {title}{first} {last}", "rolle": role, "organisationseinheit": office,
            "telefon": f"0123 456-{rng.randint(1000, 9999)}", "email": f"{slug(first)}.{slug(last)}@{DOMAIN}"}


def description(rng: random.Random, product: Product, office: str, groups: list[str]) -> str:
    first, second, third = rng.sample(ACTIVITIES, 3)
    focus_a, focus_b = rng.sample(FOCUSES, 2)
    return (f"Das Produkt „{product.name}“ bündelt die Aufgaben der Stadt im Bereich {product.group.theme}. "
            f"{office} {first.format(zg=groups[0])}, {second.format(zg=groups[0])} und "
            f"{third.format(zg=groups[-1])}.\n\nSchwerpunkte im Haushaltsjahr {BUDGET_YEAR} sind {focus_a} und "
            f"{focus_b}.")


def decimal_comma(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def goals(rng: random.Random, product: Product, targets: Targets, groups: list[str]) -> list[dict]:
    template = rng.choice(STRATEGIC_GOALS)
    return [
        {"id": "ziel_strategisch", "nummer": "1", "art": "strategisch", "zielfeld": "Ergebnisse & Wirkungen",
         "text": template.format(zg=groups[0], thema=product.group.theme)},
        {"id": "ziel_fristen", "nummer": "2", "art": "operativ", "zielfeld": "Qualität / Leistung",
         "titel": "Fristgerechte Bearbeitung",
         "text": f"Mindestens {targets.on_time[BUDGET_YEAR]:.0f} % der Vorgänge werden innerhalb von "
                 f"{targets.days} Arbeitstagen abschließend bearbeitet.",
         "kennzahlen": ["anteil_fristgerecht"], "richtung": "hoeher_besser", "toleranz": 5,
         "zielwerte": dict(targets.on_time)},
        {"id": "ziel_zufriedenheit", "nummer": "3", "art": "operativ", "zielfeld": "Auftragserfüllung",
         "text": "Die Zufriedenheit der Kundinnen und Kunden erreicht im Mittel Stufe "
                 f"{decimal_comma(targets.satisfaction[BUDGET_YEAR])} oder besser (Skala 1–6).",
         "kennzahlen": ["zufriedenheit"], "richtung": "niedriger_besser", "toleranz": 5,
         "zielwerte": dict(targets.satisfaction)},
    ]


def programme_link(rng: random.Random, product: Product) -> dict:
    areas = [product.group.area.programme_area]
    other = rng.choice(PROGRAMME_AREAS)[0]
    if other not in areas and rng.random() < 0.4:
        areas.append(other)
    return {"programm": PROGRAMME_ID, "massnahmenbereiche": areas,
            "beitrag": f"Das Produkt trägt mit „{product.aspect}“ zum Handlungsfeld "
                       f"„{dict(PROGRAMME_AREAS)[areas[0]]}“ des Stadtentwicklungskonzepts bei."}


def sections(rng: random.Random) -> list[dict]:
    change = rng.uniform(-4.0, 9.0)
    plan_text = (f"Die ordentlichen Aufwendungen verändern sich {BUDGET_YEAR} gegenüber dem Vorjahr um "
                 f"{decimal_comma(change)} %. " + " ".join(rng.sample(PLAN_NOTES, 2)))
    return [{"titel": "Erläuterungen zum Teilergebnisplan", "text": plan_text},
            {"titel": "Entwicklungen und Perspektiven", "text": " ".join(rng.sample(OUTLOOKS, 2))}]


def product_document(rng: random.Random, product: Product, targets: Targets, office: str) -> dict:
    area = product.group.area
    groups = rng.sample(TARGET_GROUPS, rng.randint(2, 3))
    obligation = rng.choice(OBLIGATIONS)
    return {
        "nummer": product.number,
        "bezeichnung": product.name,
        "produktgruppe": product.group.number,
        "statistik_produktgruppe": product.group.imk,
        "organisationseinheit": office,
        "verantwortliche": [person(rng, "Produktverantwortliche/r", office),
                            person(rng, "Ansprechpartner/in", office)],
        "beschreibung": description(rng, product, office, groups),
        "auftragsgrundlage": rng.sample(area.laws, min(3, len(area.laws))),
        "auftraggeber": PRINCIPALS.get(obligation, "Gesetzgeber"),
        "aufgabenart": obligation,
        "produktart": rng.choice(("extern", "extern", "intern", "extern_und_intern")),
        "zielgruppen": groups,
        "ziele": goals(rng, product, targets, groups),
        "programmbezuege": [programme_link(rng, product)],
        "abschnitte": sections(rng),
    }


def service_document(rng: random.Random, product: Product, index: int, service: tuple, office: str) -> dict:
    name, figure_id, _, _, kind = service
    number_ = f"{product.number}{index + 1:02d}"
    first, second = rng.sample(ACTIVITIES, 2)
    data: dict = {
        "nummer": number_,
        "bezeichnung": name,
        "art": kind,
        "beschreibung": f"{name} im Rahmen des Produkts „{product.name}“. Die zuständige Stelle "
                        f"{first.format(zg=rng.choice(TARGET_GROUPS))} und "
                        f"{second.format(zg=rng.choice(TARGET_GROUPS))}. {rng.choice(OUTLOOKS)}",
        "auftragsgrundlage": rng.sample(product.group.area.laws, 2),
        "verantwortliche": [person(rng, "Leistungsverantwortliche/r", office)],
    }
    goal: dict = {"id": "leistung_sichern", "art": "operativ", "zielfeld": "Auftragserfüllung",
                  "text": f"Die Leistung „{name}“ wird in gleichbleibender Qualität und im geplanten Umfang "
                          "erbracht."}
    if index < 2:
        goal.update({"id": "menge_halten", "kennzahlen": [figure_id], "richtung": "hoeher_besser",
                     "text": "Die Leistungsmenge wird mindestens auf dem Niveau des Vorjahres gehalten."})
    data["ziele"] = [goal]
    return data


def plan_row(rng: random.Random, share: float, used: float, volume: float) -> dict:
    base = volume * share * rng.uniform(0.6, 1.4) if rng.random() < used else 0.0
    series = yearly_series(rng, base, rng.uniform(0.0, 0.04), 2)
    values = as_columns(series, as_int=False)
    for kind in ("ansatz", "planung"):
        values[kind] = {year: float(round(v, -2)) for year, v in values[kind].items()}
    return values


def plan_document(rng: random.Random, product: Product, volume: float) -> dict:
    profile = {**BASE_PROFILE, **AREA_PROFILE.get(product.group.area.number, {})}
    rows = {row: plan_row(rng, *profile[row], volume) for row in PLAN_ROWS}
    return {"zeilen": rows,  # the row template follows from the Land (NW)
            "erlaeuterungen": " ".join(rng.sample(PLAN_NOTES, 3)),
            "quelle": f"Haushaltsplanentwurf {BUDGET_YEAR} (synthetische Daten)"}


def write_product(rng: random.Random, writer: Writer, product: Product) -> None:
    area = product.group.area
    folder = f"produkte/{area.number}-{slug(area.name)}/{product.number}-{slug(product.name)}"
    volume = math.exp(rng.gauss(14.0, 0.9))
    targets = make_targets(rng)
    services = rng.sample(SERVICES, 4)
    office = rng.choice(area.offices)
    writer.write(f"{folder}/produkt.yaml", "produkt", product_document(rng, product, targets, office))
    for index, service in enumerate(services):
        path = f"{folder}/leistungen/{product.number}{index + 1:02d}-{slug(service[0])}.yaml"
        writer.write(path, "leistung", service_document(rng, product, index, service, office))
    figures = base_figures(rng, product, volume)
    cases = figures[1]["werte"]["ansatz"][2026]
    figures += service_figures(rng, product, services, cases)
    figures += goal_figures(rng, targets) + derived_figures(product, services)
    for data in figures:
        data["beschreibung"] = f"{data['beschreibung']} {' '.join(rng.sample(FIGURE_NOTES, 2))}"
        writer.write(f"{folder}/kennzahlen/{data['id']}.yaml", "kennzahl", data)
    writer.write(f"{folder}/teilergebnisplan.yaml", "plan", plan_document(rng, product, volume))


def catalogue_document(products: list[Product]) -> dict:
    groups = {p.group.number: p.group.name for p in products}
    return {
        "kommune": CITY,
        "art": "Stadt",
        "land": "NW",
        "produktrahmen": {"schema": "nrw", "produktgruppen": dict(sorted(groups.items()))},
        "haushaltsjahr": BUDGET_YEAR,
        "spalten": [{"art": kind, "jahr": year} for kind, years in COLUMNS for year in years],
        "einwohner": {year: 584312 + 1450 * (year - 2024) for year in YEARS},
        "beispiel": True,
        "quelle": "Synthetischer Katalog einer Großstadt für Lasttests (benchmarks/generate_grossstadt.py).",
        "waehrung": "EUR",
        "kennzahlgruppen": ["Zielkennzahlen", "Kennzahlen", "Standardkennzahlen", "Leistungsdaten", "Grundzahlen"],
        "regeln": [{"id": "beitrag_stadtentwicklung", "art": "programmbezug", "programm": PROGRAMME_ID,
                    "felder": ["beitrag", "massnahmenbereiche"],
                    "beschreibung": "Ratsbeschluss vom 14.03.2024: Jedes Produkt benennt seinen Beitrag zum "
                                    "Stadtentwicklungskonzept 2035."}],
    }


def programme_document(rng: random.Random) -> dict:
    return {
        "id": PROGRAMME_ID,
        "bezeichnung": "Stadtentwicklungskonzept Musterhausen 2035",
        "art": "Strategie",
        "uebergeordnet": "Integriertes Stadtentwicklungskonzept (ISEK)",
        "situation": "Die Stadt wächst, die Verwaltung muss mit knappen Mitteln mehr Aufgaben erfüllen.",
        "ziel": "Alle Produkte richten ihre Ziele an den sieben Handlungsfeldern des Konzepts aus.",
        "ziele": [{"id": "lebensqualitaet", "art": "strategisch",
                   "text": "Musterhausen bleibt bis 2035 eine lebenswerte, klimaneutrale und solide finanzierte "
                           "Stadt."}],
        "kernmassnahmen": [{"nummer": str(i + 1), "titel": title} for i, (_, title) in enumerate(PROGRAMME_AREAS)],
        "massnahmenbereiche": [{"id": key, "bezeichnung": title} for key, title in PROGRAMME_AREAS],
        "kontakt": [person(rng, "Ansprechpartner/in", "Amt 15 – Stadtentwicklung und Statistik")],
    }


# --------------------------------------------------------------------------- command line


def generate(output: Path, scale: float, seed: int) -> Writer:
    rng = random.Random(seed)
    products = build_structure(rng, max(1, round(PRODUCTS_AT_SCALE_1 * scale)))
    writer = Writer(output)
    writer.write("katalog.yaml", "katalog", catalogue_document(products))
    writer.write(f"programme/{PROGRAMME_ID}.yaml", "programm", programme_document(rng))
    for product in products:
        write_product(rng, writer, product)
    return writer


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Generate a synthetic Großstadt catalogue for benchmarks.")
    parser.add_argument("output_dir", metavar="OUTPUT_DIR", type=Path, help="empty or missing folder")
    parser.add_argument("--scale", type=float, default=1.0, help="1 = 600 products (about 9,600 files)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    output: Path = args.output_dir
    if output.exists() and any(output.iterdir()):
        print(f"error: {output} is not empty", file=sys.stderr)
        return 2
    started = time.perf_counter()
    writer = generate(output, args.scale, args.seed)
    elapsed = time.perf_counter() - started
    print(f"{writer.files} files, {writer.bytes} bytes "
          f"({writer.bytes / writer.files:.0f} bytes per file) in {elapsed:.1f} s -> {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
