"""Whole-process timings of ``katalog import`` and ``katalog export`` on the synthetic Großstadt catalogue.

Measures (median and minimum of N runs, wall clock, each a fresh process):
  import  ``katalog import QUELLE --zuordnung Z --ueberschreiben`` of a generated 100,000-line CSV with
          account-level bookings (Produkt, Konto, Jahr, Wertart, Betrag; Windows-1252, decimal comma, Erträge
          negative) for the catalogue's products; every run starts from a fresh copy of the catalogue, so each
          writes all plans
  xlsx    ``katalog export CATALOGUE --format xlsx`` (filled cache)
  fdp     ``katalog export CATALOGUE --format fdp`` (filled cache)

Usage:
    python benchmarks/import_export.py [--runs 1] [--scale 1] [--lines 100000]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

from run import CommandFailed, compile_package, find_katalog, generate, measure, run_command

TARGETS = {"import": 10.0, "xlsx": 10.0, "fdp": 10.0}
# Konten (Kontenart) per detail row of the NRW Teilergebnisplan: (row, account, Ertrag?)
ACCOUNTS = [("01", "40110000", True), ("02", "41410000", True), ("02", "41610000", True), ("03", "42110000", True),
            ("04", "43110000", True), ("04", "43210000", True), ("05", "44110000", True), ("05", "44610000", True),
            ("07", "45810000", True), ("11", "50110000", False), ("11", "50120000", False),
            ("11", "50320000", False), ("12", "51110000", False), ("13", "52110000", False),
            ("13", "52410000", False), ("13", "52910000", False), ("14", "57110000", False),
            ("14", "57120000", False), ("15", "53110000", False), ("16", "54210000", False),
            ("16", "54310000", False), ("16", "54410000", False), ("19", "46110000", True),
            ("20", "55110000", False), ("28", "58110000", False), ("27", "48110000", True),
            ("06", "44910000", True), ("09", "47210000", True)]
COLUMNS = [("Ist", 2024), ("Plan", 2025), ("Plan", 2026), ("Plan", 2027), ("Plan", 2028), ("Plan", 2029)]
MAPPING = """id: benchmark_konten
name: "Buchungen je Produkt und Konto, lange Form (erzeugt)"
ebene: produkt
zahlen: {format: deutsch}
datei: {trennzeichen: ";", kodierung: cp1252}
vorzeichen: {konvention: ertrag_negativ}
spalten: {nummer: Produkt, konto: Konto, jahr: Jahr, wertart: Wertart, betrag: Betrag}
wertarten: {Ist: ergebnis, Plan: plan}
kontenrahmen: nkf_kontenrahmen_nrw
konten: {"449": "06", "472": "09"}  # confirmed by the (invented) local chart of accounts
"""
NUMBER = re.compile(r'^nummer: "?(\d+)"?$', re.MULTILINE)


def source_file(catalogue: Path, target: Path, lines: int, seed: int = 2026) -> int:
    """Writes the bookings CSV; returns the number of data lines."""
    rng = random.Random(seed)
    products = sorted(NUMBER.search(p.read_text("utf-8")).group(1)  # type: ignore[union-attr]
                      for p in catalogue.rglob("produkt.yaml"))
    written = 0
    with target.open("w", encoding="cp1252", newline="") as stream:
        stream.write("Produkt;Konto;Jahr;Wertart;Betrag\r\n")
        for product in products:
            for _, account, income in ACCOUNTS:
                base = rng.uniform(1_000, 900_000)
                for kind, year in COLUMNS:
                    if written == lines:
                        return written
                    amount = base * (1 + 0.02 * (year - 2024))
                    text = f"{amount:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
                    stream.write(f"{product};{account};{year};{kind};{'-' if income else ''}{text}\r\n")
                    written += 1
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--lines", type=int, default=100_000)
    arguments = parser.parse_args()
    katalog = find_katalog()
    compile_package(katalog)
    with tempfile.TemporaryDirectory(prefix="katalog-bench-io-") as folder:
        base = Path(folder)
        original = base / "original"
        generate(original, arguments.scale)
        source, mapping = base / "buchungen.csv", base / "zuordnung.yaml"
        count = source_file(original, source, arguments.lines)
        mapping.write_text(MAPPING, "utf-8")
        print(f"Quelle: {count} Zeilen, {source.stat().st_size / 1e6:.1f} MB", flush=True)
        working = base / "katalog"

        def fresh(_: int) -> None:
            shutil.rmtree(working, ignore_errors=True)
            shutil.copytree(original, working)

        try:
            fresh(0)
            run_command([*katalog.prefix, "validate", str(working)], katalog.env)  # fills the cache
            results = {
                "import": measure(arguments.runs, [*katalog.prefix, "import", str(source), "--katalog", str(working),
                                                   "--zuordnung", str(mapping), "--ueberschreiben"], katalog.env,
                                  fresh),
                "xlsx": measure(arguments.runs, [*katalog.prefix, "export", str(working), "--format", "xlsx",
                                                 "--out", str(base / "k.xlsx")], katalog.env),
                "fdp": measure(arguments.runs, [*katalog.prefix, "export", str(working), "--format", "fdp",
                                                "--out", str(base / "paket")], katalog.env),
            }
        except CommandFailed as failed:
            print(f"{failed}\n" + "\n".join(failed.output.splitlines()[:20]), file=sys.stderr)
            return 1
        print(f"{'Messung':<8} {'Median':>8} {'Minimum':>8} {'Ziel':>6}")
        for label, times in results.items():
            median = sorted(times)[len(times) // 2]
            status = "ok" if median <= TARGETS[label] else "over"
            print(f"{label:<8} {median:8.2f} {min(times):8.2f} {TARGETS[label]:6.1f}  {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
