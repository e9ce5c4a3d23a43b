"""German names of the Länder by their ISO 3166-2:DE code, as katalog.yaml and row templates write them."""

from __future__ import annotations

LAENDER = {
    "BW": "Baden-Württemberg", "BY": "Bayern", "BE": "Berlin", "BB": "Brandenburg", "HB": "Bremen",
    "HH": "Hamburg", "HE": "Hessen", "MV": "Mecklenburg-Vorpommern", "NI": "Niedersachsen",
    "NW": "Nordrhein-Westfalen", "RP": "Rheinland-Pfalz", "SL": "Saarland", "SN": "Sachsen",
    "ST": "Sachsen-Anhalt", "SH": "Schleswig-Holstein", "TH": "Thüringen",
}


def land_name(code: str) -> str:
    """"Brandenburg (BB)"; a code katalog does not know stays as written."""
    name = LAENDER.get(code)
    return f"{name} ({code})" if name else code
