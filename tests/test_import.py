"""``katalog import``: every bad-input class gives its finding at file:line:column; good sources land in the
catalogue through fmt's round trip, idempotent and comment-preserving; the three fixture shapes (wide, long,
accounts) give the same plans; katalog's own csv export reads back exactly."""

from __future__ import annotations

import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import BUNDLED, EXAMPLES, HERE, run
from produktkatalog.cli import app
from produktkatalog.imports.accounts import accounts
from produktkatalog.imports.mapping import profile
from produktkatalog.imports.plans import assemble
from produktkatalog.imports.records import read_records
from produktkatalog.imports.run import Request, run_import
from produktkatalog.imports.source import Options, read
from produktkatalog.model.values import Period
from produktkatalog.pipeline import load_catalogue

FIXTURES = HERE.parent / "katalog" / "quellen"
CASES = sorted(p for p in (EXAMPLES / "import").iterdir() if p.is_dir())
runner = CliRunner()
FLAGS = ("--kommune", "Stadt Musterstadt (fiktiv)", "--land", "NW", "--haushaltsjahr", "2026", "--einwohner", "85000")


def katalog(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def expected(case: Path) -> list[tuple[str, str, int, int]]:
    rows = []
    for line in (case / "erwartet.txt").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, where = line.split()
            file, row, column = where.rsplit(":", 2)
            rows.append((code, file, int(row), int(column)))
    return rows


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_findings(case: Path, catalogue: Path) -> None:
    chosen = (case / "profil.txt").read_text("utf-8").strip() if (case / "profil.txt").exists() else None
    own = case / "zuordnung.yaml" if (case / "zuordnung.yaml").exists() else None
    before = {p: p.read_bytes() for p in catalogue.rglob("*") if p.is_file()}
    outcome = run_import(Request(case / "quelle.csv", catalogue, chosen, own, probe=True, use_cache=False))
    found = [(f.code, Path(f.file).name, f.line, f.column) for f in outcome.findings]
    assert found == expected(case)
    assert all(f.message and f.hint for f in outcome.findings)
    assert {p: p.read_bytes() for p in catalogue.rglob("*") if p.is_file()} == before  # --probe writes nothing


def new_catalogue(tmp_path: Path) -> Path:
    assert katalog("init", str(tmp_path / "katalog"), *FLAGS)[0] == 0
    return tmp_path / "katalog"


def plan_values(root: Path) -> dict[tuple[str, str, str, Period], Decimal]:
    """Every value of every plan table (products and roll-ups), by owner number."""
    computation = run(root).computations[0]
    products = computation.index.catalogue.product_by_folder()
    found = {}
    for (owner, statement), table in computation.tables.tables.items():
        number = products[owner.key].number if owner.level == "produkt" else owner.key
        for period in computation.periods:
            for row, value in table.column(period).items():
                found[(number, statement, row, period)] = value
    return found


def test_readme_walkthrough_source_sums_are_reproduced(tmp_path: Path) -> None:
    """init → import of the wide fictional fixture → validate clean; each printed sum row of the source equals
    katalog's own sum (well within 1 €)."""
    root = new_catalogue(tmp_path)
    code, output = katalog("import", str(FIXTURES / "teilplaene-produkte.csv"), "--katalog", str(root),
                           "--profil", "teilplan-breit")
    assert code == 0, output
    assert "angelegt: 4 Produkte" in output and "keine Befunde" in output
    assert run(root).findings == []
    values = plan_values(root)
    printed = _printed_rows(FIXTURES / "teilplaene-produkte.csv")
    sums = [(n, r, p) for (n, r, p) in printed if r in ("10", "17", "18", "29")]
    assert len(sums) == 4 * 4 * 6
    for number, row, period in sums:
        assert abs(values[(number, "ergebnisplan", row, period)] - printed[(number, row, period)]) <= 1


def _printed_rows(path: Path) -> dict[tuple[str, str, Period], Decimal]:
    """An independent reading of the fixture: Köln print convention, Aufwand sums unsigned."""
    import csv

    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig")), delimiter=";"))
    head, found = rows[0], {}
    for record in rows[1:]:
        row = record[6][:2]
        for heading, cell in zip(head[7:], record[7:], strict=True):
            kind, year = heading.lower().split()
            negative = cell.startswith("-")
            value = Decimal(cell.strip("-").replace(".", "").replace(",", "."))
            value = -value if negative else value
            found[(record[4], row, Period(kind, int(year)))] = -value if row == "17" else value
    return found


def test_a_second_import_changes_nothing(tmp_path: Path) -> None:
    root = new_catalogue(tmp_path)
    source = FIXTURES / "teilplaene-produkte.csv"
    assert katalog("import", str(source), "--katalog", str(root), "--profil", "teilplan-breit")[0] == 0
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in root.rglob("*.yaml")}
    code, output = katalog("import", str(source), "--katalog", str(root), "--profil", "teilplan-breit")
    assert code == 0
    assert "0 Werte neu, 504 unverändert" in output and "Geschrieben: 0 Dateien" in output
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in root.rglob("*.yaml")} == before


def beispielstadt(tmp_path: Path) -> Path:
    root = tmp_path / "beispielstadt"
    shutil.copytree(BUNDLED / "beispielstadt", root)
    return root


BUERGERBUERO = "produkte/02-sicherheit-und-ordnung/020101-buergerbuero/teilergebnisplan.yaml"


def test_comments_order_and_untouched_values_stay_and_differences_are_kept(tmp_path: Path) -> None:
    root = beispielstadt(tmp_path)
    source = tmp_path / "neu.csv"
    source.write_text("Produkt;Produktbezeichnung;Teilplanzeile;Ansatz 2026;Planung 2027\n"
                      "020101;Bürgerbüro;05 - Privatrechtliche Leistungsentgelte;1.250;1.300\n"
                      "020101;Bürgerbüro;04 - Öffentlich-rechtliche Leistungsentgelte;535.500;999\n", "utf-8")
    plan = root / BUERGERBUERO
    original = plan.read_text("utf-8")
    outcome = run_import(Request(source, root, "teilplan-breit", use_cache=False))
    assert [(f.code, f.line) for f in outcome.findings] == [("I313", 3)]
    assert "546.200,00" in outcome.findings[0].message and "999,00" in outcome.findings[0].message
    text = plan.read_text("utf-8")
    assert text.count("#") == original.count("#") and text.splitlines()[:3] == original.splitlines()[:3]
    assert '  "05":\n    ansatz: {2026: 1250}\n    planung: {2027: 1300}\n  "06":' in text
    restated = ("    ansatz: {2025: 551000.00, 2026: 562750.00}", "    planung: {2027: 573500.00, 2028: 583100.00, "
                "2029: 594300.00}", "    ansatz: {2025: -1005000.00, 2026: -1039950.00}")
    assert all(line in text.splitlines() for line in restated)  # the plan's stated sums 10 and 18 follow
    changed = ("    ansatz: {2025: 551000.00", "    planung: {2027: 572200.00", "    ansatz: {2025: -1005000.00",
               "    planung: {2027: -1073100.00")
    untouched = [line for line in original.splitlines() if not line.startswith(changed)]
    assert all(line in text.splitlines() for line in untouched)  # every other line as it was
    outcome = run_import(Request(source, root, "teilplan-breit", overwrite=True, use_cache=False))
    assert outcome.counts.replaced == 1 and outcome.findings == []
    assert "planung: {2027: 999, 2028: 557100.00, 2029: 568300.00}" in plan.read_text("utf-8")


def test_probe_writes_nothing_and_shows_the_diff(tmp_path: Path) -> None:
    root = beispielstadt(tmp_path)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    code, output = katalog("import", str(FIXTURES / "konten.csv"), "--katalog", str(root), "--zuordnung",
                           str(_konten_mapping(tmp_path)), "--probe", "--ueberschreiben")
    assert code == 1 and "K212" in output  # the new product 020102 still lacks what the catalogue's rules demand
    assert "K216" not in output  # the plan's stated sums are recomputed with their new rows
    assert "## Katalogvergleich" in output and "| Produkt 020101 Bürgerbüro | Teilergebnisplan 11" in output
    assert "Nichts geschrieben (--probe)" in output
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def _konten_mapping(tmp_path: Path) -> Path:
    """The shipped konten profile with the Konto 448 the fixture books confirmed for row 06."""
    text = (Path(__file__).parent.parent / "src/produktkatalog/referenz/zuordnungen/konten.yaml").read_text("utf-8")
    mapping = tmp_path / "zuordnung.yaml"
    mapping.write_text(text + 'konten:\n  "448": "06"\n', "utf-8")
    return mapping


def test_accounts_and_the_wide_table_give_the_same_catalogue(tmp_path: Path) -> None:
    wide = new_catalogue(tmp_path / "a")
    booked = new_catalogue(tmp_path / "b")
    assert katalog("import", str(FIXTURES / "teilplaene-produkte.csv"), "--katalog", str(wide), "--profil",
                   "teilplan-breit")[0] == 0
    unconfirmed = run_import(Request(FIXTURES / "konten.csv", booked, "konten", use_cache=False))
    assert {f.code for f in unconfirmed.findings} == {"I304", "I311", "I315"} and not unconfirmed.written
    settings = booked / "katalog.yaml"  # the accounts name no Produktgruppen: added by hand, as I315 asks
    settings.write_text(settings.read_text("utf-8").replace(
        "  schema: nrw\n", '  schema: nrw\n  produktgruppen: {"0201": "Bürgerservice", "0801": "Sportstätten", '
        '"0802": "Sportförderung"}\n'), "utf-8")
    outcome = run_import(Request(FIXTURES / "konten.csv", booked, mapping=_konten_mapping(tmp_path),
                                 use_cache=False))
    assert [f.code for f in outcome.findings] == ["I304"]  # Windows-1252, said once
    assert len(outcome.created) == 4 and outcome.result is not None and outcome.result.findings == []
    assert _nonzero(plan_values(booked)) == _nonzero(plan_values(wide))


def _nonzero(values: dict) -> dict:
    """The wide source states empty rows as 0; the accounts have no line for them."""
    return {key: value for key, value in values.items() if value}


def test_three_shapes_give_the_same_produktgruppen_plans(tmp_path: Path) -> None:
    """Wide (Aufwand positiv), long (unsigned with direction) and accounts (Erträge negativ) agree to the cent."""
    catalogue = load_catalogue(new_catalogue(tmp_path), use_cache=False)
    columns = {(w, int(y)) for w, y in catalogue.settings.column_keys}  # type: ignore[union-attr]

    def plans(source: str, chosen: str, level: str | None = None, own: dict[str, str] | None = None) -> dict:
        mapping = profile(chosen)
        data = {**mapping.data, **({"ebene": level} if level else {})}  # type: ignore[union-attr]
        mapping = type(mapping)(data, mapping.file)  # type: ignore[arg-type]
        table, _ = read(FIXTURES / source, source, Options())
        assert table is not None
        records = read_records(table, mapping, columns, accounts(mapping.text("kontenrahmen") or None, own or {}))
        assert [f.code for f in records.findings if f.is_error] == []
        found, findings = assemble(records.amounts, catalogue, mapping.convention, Decimal(1), source)
        assert [f.code for f in findings] == []  # every printed sum of the source agrees with its rows
        totals: dict = {}
        for plan in found:
            for (row, period), value in plan.values.items():
                key = (plan.holder.key[:4], row, period)
                totals[key] = totals.get(key, Decimal(0)) + value
        return {k: v for k, v in totals.items() if v}

    wide = plans("teilplan-breit.csv", "teilplan-breit", level="produktgruppe")
    long = plans("lang.csv", "lang")
    booked = plans("konten.csv", "konten", own={"448": "06"})
    assert wide == long == booked
    assert wide[("0201", "11", Period("ergebnis", 2024))] < 0  # Aufwand negativ in katalog


def test_produktgruppen_plans_are_recognised_and_not_yet_taken(tmp_path: Path) -> None:
    root = new_catalogue(tmp_path)
    source = str(FIXTURES / "teilplan-breit.csv")
    code, output = katalog("import", source, "--katalog", str(root), "--profil", "teilplan-breit")
    assert code == 1 and "0201 ist keine Produktnummer" in output and "--ebene produktgruppe" in output
    code, output = katalog("import", source, "--katalog", str(root), "--profil", "teilplan-breit", "--ebene",
                           "produktgruppe")
    assert code == 1 and output.count("Fehler I314") == 3 and "Fehler I312" not in output
    assert not list(root.rglob("teilergebnisplan.yaml"))


def test_a_spreadsheet_reads_like_the_csv(tmp_path: Path) -> None:
    from_csv, from_xlsx = new_catalogue(tmp_path / "a"), new_catalogue(tmp_path / "b")
    assert katalog("import", str(FIXTURES / "teilplaene-produkte.csv"), "-k", str(from_csv), "-p",
                   "teilplan-breit")[0] == 0
    _workbook(tmp_path / "teilplaene.xlsx", lost_zero=False)
    code, output = katalog("import", str(tmp_path / "teilplaene.xlsx"), "-k", str(from_xlsx), "-p", "teilplan-breit")
    assert code == 0, output
    assert plan_values(from_xlsx) == plan_values(from_csv)
    _workbook(tmp_path / "zahl.xlsx", lost_zero=True)  # Excel turned the code 080101 into the number 80101
    code, output = katalog("import", str(tmp_path / "zahl.xlsx"), "-k", str(from_xlsx), "-p", "teilplan-breit")
    assert code == 1 and "zahl.xlsx:60:" in output and "Produkt 80101" in output
    (tmp_path / "kaputt.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    code, output = katalog("import", str(tmp_path / "kaputt.xlsx"), "-k", str(from_xlsx), "-p", "teilplan-breit")
    assert code == 1 and "I301" in output and "Traceback" not in output


def _workbook(target: Path, lost_zero: bool) -> None:
    import csv

    from openpyxl import Workbook

    rows = list(csv.reader(io.StringIO((FIXTURES / "teilplaene-produkte.csv").read_text("utf-8-sig")), delimiter=";"))
    book = Workbook()
    sheet = book.active
    sheet.append(rows[0])
    for record in rows[1:]:
        code: str | int = int(record[4]) if lost_zero and record[4] == "080101" else record[4]
        sheet.append([*record[:4], code, *record[5:7], *(_german(cell) for cell in record[7:])])
    book.save(target)


def _german(cell: str) -> float:
    negative = cell.startswith("-")
    value = float(cell.strip("-").replace(".", "").replace(",", "."))
    return -value if negative else value


@pytest.mark.parametrize("excel", [False, True])
def test_round_trip_through_the_own_csv_export(tmp_path: Path, excel: bool) -> None:
    root = beispielstadt(tmp_path)
    before_plans = plan_values(root)
    before_figures = _figure_values(root)
    target = tmp_path / "export.csv"
    variant = ["--excel"] if excel else []
    assert katalog("export", str(root), "--format", "csv", "--out", str(target), *variant)[0] == 0
    for plan in root.rglob("teilergebnisplan.yaml"):
        plan.unlink()
    for figure in (root / "produkte").rglob("kennzahlen/anzahl_vorsprachen.yaml"):
        text = figure.read_text("utf-8")
        figure.write_text(text[:text.index("werte:")], "utf-8")  # a Grundzahl loses its values
    code, output = katalog("import", str(target), "--katalog", str(root))  # no profile: recognised
    assert code == 0, output
    assert "(Profil katalog-export" in output
    assert plan_values(root) == before_plans
    assert _figure_values(root) == before_figures
    assert katalog("fmt", "--check", str(root))[0] == 0


def _figure_values(root: Path) -> dict[tuple[str, str, str, Period], object]:
    computation = run(root).computations[0]
    return {(owner.key, figure.ident, figure.text("leistung") or "", period): value
            for figure in computation.index.catalogue.kennzahlen for owner in computation.owners_of(figure)
            for period, value in computation.of(figure, owner).items()}


def test_kennzahlen_profile_fills_grundzahlen_and_refuses_computed_ones(tmp_path: Path) -> None:
    root = beispielstadt(tmp_path)
    source = tmp_path / "werte.csv"
    source.write_text("Produkt;Kennung;Wertart;Jahr;Wert\n"
                      "020101;anzahl_stellen;Planung;2027;17,5\n"
                      "020101;kosten_je_vorsprache;Ansatz;2026;12,00\n"
                      ";flaeche_km2;Ergebnis;2023;70\n"
                      "020101;gibt_es_nicht;Ansatz;2026;1\n", "utf-8")
    outcome = run_import(Request(source, root, "kennzahlen", use_cache=False))
    assert [(f.code, f.line) for f in outcome.findings] == [("I313", 2), ("I313", 3), ("I317", 4), ("I315", 5)]
    assert not outcome.written  # an error: nothing written
    source.write_text("\n".join(source.read_text("utf-8").splitlines()[:4]) + "\n", "utf-8")
    outcome = run_import(Request(source, root, "kennzahlen", overwrite=True, use_cache=False))
    assert [f.code for f in outcome.findings] == ["I313", "I317"]  # computed: never taken; no column 2023
    text = next((root / "produkte").rglob("020101-*/kennzahlen/anzahl_stellen.yaml")).read_text("utf-8")
    assert "planung: {2027: 17.5, 2028: 17.0, 2029: 17.0}" in text


def test_a_one_gigabyte_file_is_refused_without_reading_it(tmp_path: Path, catalogue: Path) -> None:
    huge = tmp_path / "riesig.csv"
    with huge.open("wb") as stream:
        stream.truncate(1 << 30)  # sparse: no gigabyte is written
    outcome = run_import(Request(huge, catalogue, "teilplan-breit", use_cache=False))
    assert [(f.code, f.line) for f in outcome.findings] == [("I302", 1)]
    assert "1.024 MB" in outcome.findings[0].message
    small = EXAMPLES / "import" / "doppelter-wert" / "quelle.csv"
    limited = run_import(Request(small, catalogue, "teilplan-breit", use_cache=False, limit=100))
    assert [f.code for f in limited.findings] == ["I302"]


def test_unreadable_sources_are_findings_not_tracebacks(tmp_path: Path, catalogue: Path) -> None:
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes("Produkt;Teilplanzeile\n".encode("utf-16"))
    for source, code in ((tmp_path / "fehlt.csv", "I301"), (tmp_path, "I301"), (utf16, "I303")):
        exit_code, output = katalog("import", str(source), "--katalog", str(catalogue), "--profil", "konten")
        assert exit_code == 1 and code in output and "Traceback" not in output
    exit_code, output = katalog("import", str(utf16), "--katalog", str(catalogue))
    assert exit_code == 1 and "I303" in output
    plain = tmp_path / "plain.csv"
    plain.write_text("a;b\n1;2\n", "utf-8")
    exit_code, output = katalog("import", str(plain), "--katalog", str(catalogue))
    assert exit_code == 1 and "I316" in output and "--profil" in output
    exit_code, output = katalog("import", str(plain), "--katalog", str(catalogue), "--profil", "gibtsnicht")
    assert exit_code == 1 and "I316" in output
    assert katalog("import", str(plain), "--katalog", str(tmp_path / "nichts"))[0] == 2


def test_json_format_lists_counts_and_findings(tmp_path: Path) -> None:
    root = new_catalogue(tmp_path)
    code, output = katalog("import", str(FIXTURES / "teilplaene-produkte.csv"), "-k", str(root), "-p",
                           "teilplan-breit", "--format", "json")
    assert code == 0
    document = json.loads(output)
    assert (document["neu"], document["unveraendert"], len(document["angelegt"])) == (504, 0, 4)
    assert document["findings"] == [] and document["katalog_findings"] == []


def test_the_mapping_schema_is_offered_to_editors(tmp_path: Path) -> None:
    assert katalog("schema", "--out", str(tmp_path))[0] == 0
    schema = json.loads((tmp_path / "zuordnung.schema.json").read_text("utf-8"))
    assert schema["properties"]["vorzeichen"]["properties"]["konvention"]["enum"] == [
        "aufwand_negativ", "ertrag_negativ", "aufwand_positiv", "ohne_vorzeichen"]
    assert set(schema["properties"]["ebene"]["enum"]) == {"produkt", "produktgruppe", "produktbereich",
                                                          "teilhaushalt"}


def test_shipped_profiles_follow_the_mapping_schema() -> None:
    from produktkatalog.imports.mapping import own_mapping

    folder = Path(__file__).parent.parent / "src/produktkatalog/referenz/zuordnungen"
    for path in sorted(folder.glob("*.yaml")):
        assert not isinstance(own_mapping(path), list), path.name

