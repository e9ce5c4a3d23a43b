"""CPU time of each report format on a Großstadt catalogue with findings, beyond the validation itself.

Generates the catalogue (generate_grossstadt.py), gives every second product an unknown field
(so the reports have findings to write), validates once and then times each reporter writing
into memory: median and minimum of N runs, CPU time of this process.

Usage:
    python benchmarks/reporters.py [--runs 5] [--scale 1]
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from produktkatalog.pipeline import validate
from produktkatalog.report import REPORTERS, Options

GENERATOR = Path(__file__).resolve().parent / "generate_grossstadt.py"


def catalogue(folder: Path, scale: int) -> Path:
    subprocess.run([sys.executable, str(GENERATOR), str(folder), "--scale", str(scale)], check=True,
                   capture_output=True)
    subprocess.run(["git", "init", "-q", str(folder)], check=True)  # report paths start at the repository
    for number, product in enumerate(sorted(folder.rglob("produkt.yaml"))):
        if number % 2 == 0:
            with product.open("a", encoding="utf-8") as stream:
                stream.write("bezeichnug: x\n")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=int, default=1)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        result = validate(catalogue(Path(temporary) / "katalog", arguments.scale), use_cache=False)
        print(f"{len(result.findings)} Befunde in {len(result.paths)} Dateien")
        print("| Format | Median (ms CPU) | Minimum | Größe |\n|---|---|---|---|")
        for name, write in REPORTERS.items():
            times = []
            for _ in range(arguments.runs):
                stream = io.StringIO()
                start = time.process_time()
                write(result, stream, Options())
                times.append((time.process_time() - start) * 1000)
            size = len(stream.getvalue().encode("utf-8")) / 1024
            print(f"| {name} | {statistics.median(times):.0f} | {min(times):.0f} | {size:,.0f} KB |")


if __name__ == "__main__":
    main()
