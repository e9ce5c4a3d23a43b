"""Row templates that extend others, dated variants, the row-number matching rule and unnumbered rows,
on real catalogue files run through the whole pipeline."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from conftest import PRODUCT, run, tuples
from produktkatalog.model.owners import Owner
from produktkatalog.model.row_templates import ROLES, row_key
from produktkatalog.model.template_choice import row_template_for, row_templates
from produktkatalog.model.values import Period
from produktkatalog.pipeline import Result
from produktkatalog.system.resources import reference_dir
from render_helpers import render_files
from template_catalogues import Setup, raw_template, resolved, setup_for, write_catalogue

ERGEBNIS = Period("ergebnis", 2024)


def _own(catalogue: Path, name: str, text: str) -> None:
    folder = catalogue / "zeilenvorlagen"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, "utf-8")


def _table(result: Result, statement: str = "ergebnisplan"):  # type: ignore[no-untyped-def]
    tables = result.computations[0].tables
    return next(t for (owner, s), t in tables.tables.items() if owner.level == "produkt" and s == statement)


def _messages(result: Result) -> list[str]:
    return [f.message for f in result.findings]


# --- the matching rule -------------------------------------------------------------------------------------


def test_leading_zeros_count_only_for_numbers_of_digits() -> None:
    assert row_key("1") == row_key("01") == row_key("001")
    assert row_key("10") == row_key("010") != row_key("100")
    assert row_key("1") != row_key("10")
    assert row_key("0") == row_key("00")
    assert row_key("E1") != row_key("E01")
    assert row_key("1.2a") == "1.2a" and row_key("01.2a") != row_key("1.2a")
    assert row_key("S1") != row_key("s1")


def _bw_catalogue(root: Path, rows: dict[str, Decimal]) -> Path:
    write_catalogue(root, Setup("BW", "imk", ("111", "112"), "11", 2025, None), {"11101": rows},
                    "teilergebnisplan.yaml")
    figures = root / "produkte" / "11-bereich" / "11101-produkt" / "kennzahlen"
    figures.mkdir()
    for ident, row in (("mit_null", "01"), ("ohne_null", "1"), ("summe", "011")):
        (figures / f"{ident}.yaml").write_text(f'id: {ident}\nbezeichnung: "{ident}"\nart: kennzahl\n'
                                               f'einheit: EUR\nformel: \'zeile("{row}")\'\n', "utf-8")
    return root


def test_bw_plan_written_01_follows_the_template_numbered_1(tmp_path: Path) -> None:
    root = _bw_catalogue(tmp_path / "bw", {"01": Decimal("1000.50"), "02": Decimal("250"),
                                           "12": Decimal("-600"), "024": Decimal("650.50")})
    result = run(root)
    assert result.findings == []
    table = _table(result)
    assert table.template.ident == "bw_ergebnisplan"
    assert table.value("1", ERGEBNIS) == Decimal("1000.50")
    assert table.value("11", ERGEBNIS) == Decimal("1250.50")  # the sum finds "01" and "02"
    assert table.value("24", ERGEBNIS) == Decimal("650.50")
    computation = result.computations[0]
    values = {figure.ident: computation.of(figure, table.owner)[ERGEBNIS]
              for figure in computation.index.catalogue.kennzahlen if not figure.shipped}
    assert values == {"mit_null": Decimal("1000.50"), "ohne_null": Decimal("1000.50"), "summe": Decimal("1250.50")}
    _, files = render_files(root, ("md",))
    page = files["produkte/11101-produkt-11101.md"].decode()
    assert "| 1 | Steuern und ähnliche Abgaben | 1.000,50 |" in page
    assert "| **11** | **Summe der ordentlichen Erträge** | **1.250,50** |" in page


def test_a_plan_naming_one_row_twice_is_refused(tmp_path: Path) -> None:
    root = _bw_catalogue(tmp_path / "bw", {"1": Decimal("100"), "01": Decimal("999")})
    result = run(root)
    plan = "produkte/11-bereich/11101-produkt/teilergebnisplan.yaml"
    assert tuples(result, root) == [("K202", plan, 5, 3)]
    assert "„1“ und „01“ sind dieselbe Zeile 1" in result.findings[0].message
    assert _table(result).value("11", ERGEBNIS) == Decimal("100")  # the first counts, as the finding says


def test_a_template_whose_numbers_collide_under_the_rule_is_k218(catalogue: Path) -> None:
    _own(catalogue, "eigene.yaml", 'id: eigene\nname: "Eigene"\nplan: ergebnisplan\nzeilen:\n'
         '  - {nummer: "1", bezeichnung: "A", art: ertrag}\n  - {nummer: "01", bezeichnung: "B", art: ertrag}\n')
    result = run(catalogue)
    assert tuples(result, catalogue) == [("K218", "zeilenvorlagen/eigene.yaml", 6, 5)]
    assert "„1“ und „01“ bezeichnen dieselbe Zeile" in result.findings[0].message


# --- extensions ----------------------------------------------------------------------------------------------

CITY = """id: stadt
name: "Teilergebnisplan der Stadt"
basis: nrw_ergebnisplan
quelle: "Grundvorlage nrw_ergebnisplan, Zwischensumme der Stadt"
zeilen_hinzufuegen:
  - nach: "12"
    nummer: "12a"
    bezeichnung: "Summe Personal und Versorgung"
    art: summe
    summe: ["11", "12"]
  - vor: "01"
    nummer: "0a"
    bezeichnung: "Nachrichtlich: Einwohnerumlage"
    art: darunter
    darunter_von: "10"
"""


def test_an_extension_adds_rows_in_place_and_sums_do_not_count_them_twice(catalogue: Path) -> None:
    _own(catalogue, "stadt.yaml", CITY)
    plan = catalogue / PRODUCT / "teilergebnisplan.yaml"
    plan.write_text(plan.read_text() + '  "12":\n    ergebnis: {2024: -100000.00}\n')
    result = run(catalogue)
    assert result.findings == []
    table = _table(result)
    template = table.template
    assert template.ident == "stadt" and template.land == "NW" and template.valid_from == 2019  # inherited
    numbers = [row.number for row in template.rows]
    assert numbers[:2] == ["0a", "01"] and numbers[numbers.index("12") + 1] == "12a"
    assert table.value("12a", ERGEBNIS) == Decimal("-1000000.00")
    assert table.value("17", ERGEBNIS) == Decimal("-1000000.00")  # 11 + 12, the subtotal is not added
    assert table.value("29", ERGEBNIS) == Decimal("-750000.00")


def test_an_extension_replaces_and_removes_rows_and_the_roles_follow(catalogue: Path) -> None:
    _own(catalogue, "ohne_ilv.yaml", """id: ohne_ilv
name: "Ohne interne Leistungsbeziehungen"
basis: nrw_ergebnisplan
zeilen_entfernen: ["27", "028"]
zeilen_ersetzen:
  - {nummer: "26", bezeichnung: "Jahresergebnis", art: summe, summe: ["22", "25"], rolle: ergebnis}
  - {nummer: "29", bezeichnung: "Nachrichtlich: Ergebnis", art: summe, summe: ["26"]}
""")
    result = run(catalogue)
    assert result.findings == []
    table = _table(result)
    assert "27" not in table.template.by_number and "28" not in table.template.by_number
    assert table.template.by_role["ergebnis"].number == "26"
    computation = result.computations[0]
    standard = {f.ident: computation.of(f, table.owner)[ERGEBNIS] for f in computation.index.catalogue.kennzahlen
                if f.shipped}
    assert standard["teilergebnis_je_einwohner"] == Decimal(-650000) / 50000


def test_an_extension_of_an_extension_and_of_the_shipped_template_of_its_own_name(catalogue: Path) -> None:
    _own(catalogue, "a.yaml", 'id: nrw_ergebnisplan\nname: "NRW mit 30"\nbasis: nrw_ergebnisplan\n'
         'zeilen_hinzufuegen:\n  - {nummer: "30", bezeichnung: "Nachrichtlich", art: darunter, darunter_von: "29"}\n')
    _own(catalogue, "b.yaml", 'id: b\nname: "NRW mit 30 und 31"\nbasis: nrw_ergebnisplan\n'
         'zeilen_hinzufuegen:\n  - {nummer: "31", bezeichnung: "Nachrichtlich 2", art: darunter, darunter_von: "29"}\n')
    (catalogue / "katalog.yaml").write_text((catalogue / "katalog.yaml").read_text() + "zeilenvorlagen:\n"
                                            "  ergebnisplan: b\n")
    result = run(catalogue)
    assert result.findings == []
    assert [row.number for row in _table(result).template.rows][-3:] == ["29", "30", "31"]


@pytest.mark.parametrize(("text", "where", "words"), [
    ('basis: nrw_ergebnis\nzeilen_entfernen: ["27"]\n', (5, 8), ["„nrw_ergebnis“ gibt es nicht", "Meinten Sie"]),
    ('basis: nrw_ergebnisplan\nzeilen_entfernen: ["35"]\n', (6, 20), ["entfernt die Zeile „35“",
                                                                       "Grundvorlage „nrw_ergebnisplan“"]),
    ('basis: nrw_ergebnisplan\nzeilen_entfernen: ["28"]\n', (5, 8), ["Zeile 29 summiert die Zeile „28“",
                                                                      "Zeile der Grundvorlage „nrw_ergebnisplan“"]),
    ('basis: nrw_ergebnisplan\nzeilen_ersetzen:\n  - {nummer: "40", bezeichnung: "X", art: ertrag}\n', (7, 14),
     ["ersetzt die Zeile „40“"]),
    ('basis: nrw_ergebnisplan\nzeilen_hinzufuegen:\n  - {nach: "99", nummer: "30", bezeichnung: "X", art: ertrag}\n',
     (7, 12), ["Zeile 30 soll nach der Zeile „99“ stehen"]),
    ('basis: nrw_ergebnisplan\nzeilen_hinzufuegen:\n  - {nummer: "029", bezeichnung: "X", art: ertrag}\n', (7, 14),
     ["fügt die Zeile „029“ hinzu, die es schon gibt"]),
    ('basis: nrw_ergebnisplan\nzeilen_hinzufuegen:\n  - {nummer: "30", bezeichnung: "X", art: summe, '
     'summe: ["29"], rolle: ergebnis}\n', (7, 5), ["Rolle „ergebnis“ ist mehreren Zeilen zugeordnet"]),
])
def test_a_broken_extension_is_k218_at_its_edit_naming_the_base(catalogue: Path, text: str, where: tuple[int, int],
                                                                  words: list[str]) -> None:
    _own(catalogue, "kaputt.yaml", f'# eine Erweiterung\nid: kaputt\nname: "Kaputt"\nland: NW\n{text}')
    result = run(catalogue)
    assert tuples(result, catalogue) == [("K218", "zeilenvorlagen/kaputt.yaml", *where)]
    assert all(word in result.findings[0].message + result.findings[0].hint for word in words)
    assert _table(result).template.ident == "nrw_ergebnisplan"  # a broken extension is never used


def test_extensions_in_a_circle_are_k218(catalogue: Path) -> None:
    _own(catalogue, "a.yaml", 'id: a\nname: "A"\nbasis: b\nzeilen_entfernen: ["27"]\n')
    _own(catalogue, "b.yaml", 'id: b\nname: "B"\nbasis: a\nzeilen_entfernen: ["28"]\n')
    result = run(catalogue)
    assert tuples(result, catalogue) == [("K218", "zeilenvorlagen/a.yaml", 3, 8),
                                         ("K218", "zeilenvorlagen/b.yaml", 3, 8)]
    assert any("a → b → a" in message for message in _messages(result))


def test_a_file_is_either_a_full_template_or_an_extension(catalogue: Path) -> None:
    _own(catalogue, "beides.yaml", 'id: beides\nname: "Beides"\nbasis: nrw_ergebnisplan\nzeilen:\n'
         '  - {nummer: "1", bezeichnung: "A", art: ertrag}\nzeilen_hinzufuegen:\n'
         '  - {nach: "29", vor: "28", nummer: "30", bezeichnung: "X", art: ertrag}\n')
    codes = {f.code for f in run(catalogue).findings}
    assert codes and all(code.startswith("S") or code == "K218" for code in codes)


def test_the_shipped_minderaufwand_variant_is_chosen_by_name_only(catalogue: Path) -> None:
    plan = catalogue / PRODUCT / "teilergebnisplan.yaml"
    plan.write_text(plan.read_text() + '  "30":\n    ergebnis: {2024: 15000.00}\n')
    assert [f.code for f in run(catalogue).findings] == ["K217"]  # not chosen by Land: row 30 is unknown
    settings = catalogue / "katalog.yaml"
    settings.write_text(settings.read_text() + "zeilenvorlagen:\n  ergebnisplan: nrw_ergebnisplan_minderaufwand_30\n")
    result = run(catalogue)
    assert result.findings == []
    table = _table(result)
    assert table.value("29", ERGEBNIS) == Decimal("-650000.00")
    assert table.value("31", ERGEBNIS) == Decimal("-635000.00")
    assert table.template.by_role["ergebnis"].number == "31"


# --- dated variants ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("land", "statement", "year", "chosen"), [
    ("NW", "ergebnisplan", 2012, "nrw2005_ergebnisplan"), ("NW", "ergebnisplan", 2018, "nrw2005_ergebnisplan"),
    ("NW", "ergebnisplan", 2019, "nrw_ergebnisplan"), ("NW", "ergebnisplan", None, "nrw_ergebnisplan"),
    ("NW", "finanzplan", 2018, "nrw2005_finanzplan"), ("NW", "finanzplan", 2026, "nrw_finanzplan"),
    ("SN", "ergebnisplan", 2015, "sn_ergebnisplan_2014"), ("SN", "ergebnisplan", 2016, "sn_ergebnisplan_2014"),
    ("SN", "ergebnisplan", 2017, "sn_ergebnisplan"), ("SN", "ergebnisplan", None, "sn_ergebnisplan"),
    ("SH", "ergebnisplan", 2025, "sh_ergebnisplan"), ("HE", "ergebnisplan", 2026, "he_ergebnisplan"),
    ("BB", "ergebnisplan", 2026, None), ("HE", "finanzplan", 2026, None),
])
def test_the_template_of_a_land_follows_the_haushaltsjahr(land: str, statement: str, year: int | None,
                                                          chosen: str | None) -> None:
    template = row_template_for(land, statement, year)
    assert (template.ident if template else None) == chosen


def test_a_2012_nrw_catalogue_uses_the_28_row_layout(catalogue: Path) -> None:
    settings = catalogue / "katalog.yaml"
    settings.write_text(settings.read_text().replace("haushaltsjahr: 2025", "haushaltsjahr: 2018"))
    plan = catalogue / PRODUCT / "teilergebnisplan.yaml"
    plan.write_text(plan.read_text() + '  "27":\n    ergebnis: {2024: -5000.00}\n')
    (catalogue / PRODUCT / "kennzahlen" / "kosten_je_fall.yaml").unlink()  # reads the 2019 layout's row 17
    result = run(catalogue)
    assert result.findings == []
    table = _table(result)
    assert table.template.ident == "nrw2005_ergebnisplan"
    assert table.template.by_number["18"].name == "Ergebnis der laufenden Verwaltungstätigkeit"
    assert table.value("28", ERGEBNIS) == Decimal("-655000.00")


def test_an_own_template_counts_only_in_its_years(catalogue: Path) -> None:
    _own(catalogue, "alt.yaml", 'id: alt\nname: "Alt"\nbasis: nrw_ergebnisplan\ngueltig_ab: 2019\n'
         'gueltig_bis: 2020\nzeilen_hinzufuegen:\n  - {nummer: "30", bezeichnung: "X", art: darunter, '
         'darunter_von: "29"}\n')
    assert _table(run(catalogue)).template.ident == "nrw_ergebnisplan"  # the catalogue's year is 2025
    settings = catalogue / "katalog.yaml"
    settings.write_text(settings.read_text().replace("haushaltsjahr: 2025", "haushaltsjahr: 2020"))
    assert _table(run(catalogue)).template.ident == "alt"


def test_validity_that_ends_before_it_starts_is_k218(catalogue: Path) -> None:
    _own(catalogue, "falsch.yaml", 'id: falsch\nname: "F"\nplan: ergebnisplan\ngueltig_ab: 2020\n'
         'gueltig_bis: 2019\nzeilen:\n  - {nummer: "1", bezeichnung: "A", art: ertrag}\n')
    result = run(catalogue)
    assert tuples(result, catalogue) == [("K218", "zeilenvorlagen/falsch.yaml", 5, 14)]
    assert "gilt ab 2020, aber nur bis 2019" in result.findings[0].message


def test_plans_without_any_template_are_named_not_dropped(catalogue: Path) -> None:
    settings = catalogue / "katalog.yaml"
    settings.write_text(settings.read_text().replace("land: NW", "land: BB"))
    result = run(catalogue)
    assert [(code, file, line) for code, file, line, _ in tuples(result, catalogue)] == [("K219", "katalog.yaml", 3)]
    assert result.findings[0].message == ("Für Brandenburg (BB) und das Haushaltsjahr 2025 liefert katalog keine "
                                          "Zeilenvorlage für Teilergebnispläne; 1 Plan wird nicht berechnet.")
    settings.write_text(settings.read_text().replace("land: BB\n", ""))
    result = run(catalogue)
    assert [(f.code, f.line) for f in result.findings] == [("K219", 2)]
    assert result.findings[0].message.startswith("katalog.yaml nennt kein Land")


# --- unnumbered rows and roles -------------------------------------------------------------------------------


def test_an_unnumbered_row_keeps_its_key_and_prints_no_number(tmp_path: Path) -> None:
    data = raw_template(reference_dir() / "zeilen" / "ni-ergebnisplan.yaml")
    root = tmp_path / "ni"
    write_catalogue(root, setup_for(data), {"11101": {"01": Decimal("500"), "13": Decimal("-200"),
                                                      "22": Decimal("7")}}, "teilergebnisplan.yaml")
    result = run(root)
    assert result.findings == [] and _table(result).value("JE", ERGEBNIS) == Decimal("307")
    _, files = render_files(root, ("md", "html"))
    markdown = files["produkte/11101-produkt-11101.md"].decode()
    assert "|  | **Jahresergebnis Überschuss (+)/Fehlbetrag (-)** | **307,00** |" in markdown
    assert "JE" not in markdown
    html = files["produkte/11101-produkt-11101.html"].decode()
    assert "<td></td><th scope=\"row\">Jahresergebnis Überschuss (+)/Fehlbetrag (-)</th>" in html


# Roles a shipped template does not assign, and why (the Verordnung or print has no such row).
LACKING = {"rp_ergebnisplan": {"ergebnis"},  # E23 (Jahresergebnis) not verified, left out
           "sl_ergebnisplan": {"ordentliches_ergebnis"},  # no außerordentlicher Teil: 19 or 23 would be a guess
           "sh_ergebnisplan": {"ordentliches_ergebnis"},
           "sh_ergebnisplan_ausgleichsruecklage": {"ordentliches_ergebnis"}}


def test_every_shipped_template_assigns_the_roles_where_the_row_exists() -> None:
    for template in row_templates().values():
        finance = template.statement == "finanzplan"
        wanted = {role for role in ROLES if role.endswith("_investitionen") == finance}
        assert wanted - set(template.by_role) == LACKING.get(template.ident, set()), template.ident
        assert set(template.by_role) <= wanted, template.ident


def test_the_independent_reading_agrees_with_the_engine_on_every_shipped_template() -> None:
    """The tests' own extension reading (template_catalogues.resolved) and the engine give the same rows."""
    for path in sorted((reference_dir() / "zeilen").glob("*.yaml")):
        data = raw_template(path)
        mine = [(r["nummer"], tuple(r.get("summe", ())), r.get("rolle")) for r in resolved(data)["zeilen"]]
        engine = [(r.number, r.parts, r.role) for r in row_templates()[data["id"]].rows]
        assert mine == engine, path.name


def test_a_product_plan_row_of_another_owner_is_untouched(catalogue: Path) -> None:
    """The matching rule never reaches beyond a plan: the Gesamtplan adds up rows by the template's numbers."""
    plan = catalogue / PRODUCT / "teilergebnisplan.yaml"
    plan.write_text(plan.read_text().replace('"04"', '"4"'))
    result = run(catalogue)
    assert result.findings == []
    gesamt = result.computations[0].tables.table(Owner("gesamt", ""), "ergebnisplan")
    assert gesamt is not None and gesamt.value("04", ERGEBNIS) == Decimal("250000.00")
