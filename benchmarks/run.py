"""Whole-process timings of the ``katalog`` command on a synthetic Großstadt catalogue.

Measures (median and minimum of N runs, wall clock, each a fresh process):
  help  ``katalog --help``
  cold  ``katalog validate CATALOGUE --no-cache``
  warm  ``katalog validate CATALOGUE`` with a filled cache after one product.yaml changed
  compute  ``katalog kennzahlen CATALOGUE --format csv`` minus ``katalog validate CATALOGUE``, both on an
        unchanged catalogue with a filled cache: computing every Kennzahl, Standardkennzahl and roll-up
  render  ``katalog render CATALOGUE --out OUT --format all`` into an empty folder (filled cache)
  rerender  the same into the existing output after one product's description changed

Usage:
    python benchmarks/run.py [--runs 5] [--scale 1] [--catalogue PATH]

Without --catalogue the catalogue is generated into a temporary folder with
generate_grossstadt.py. With --catalogue it is copied into a temporary folder first,
because the warm and rerender measurements edit product files.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENERATOR = HERE / "generate_grossstadt.py"
SOURCE_DIR = HERE.parent / "src"
ERROR_LINES = 20
TARGETS = {"help": 0.25, "cold": 3.0, "warm": 0.5, "compute": 1.0, "render": 5.0, "rerender": 1.0}
DESCRIPTION = re.compile(r'^(beschreibung: "|beschreibung: [>|]-?\n\s+)', re.MULTILINE)


class CommandFailed(Exception):
    """A measured or preparing command exited with a non-zero code."""

    def __init__(self, command: list[str], returncode: int, output: str) -> None:
        super().__init__(f"{' '.join(command)} exited with code {returncode}")
        self.output = output


@dataclass(frozen=True)
class Katalog:
    """How to start the katalog command."""

    prefix: list[str]
    env: dict[str, str]


@dataclass(frozen=True)
class Result:
    label: str
    times: list[float]
    target: float

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def minimum(self) -> float:
        return min(self.times)

    @property
    def status(self) -> str:
        return "ok" if self.median <= self.target else "over"


def find_katalog() -> Katalog:
    """Prefer the katalog script next to the interpreter; else run the package as a module."""
    name = "katalog.exe" if os.name == "nt" else "katalog"
    script = Path(sys.executable).parent / name
    env = dict(os.environ)
    if script.is_file():
        return Katalog([str(script)], env)
    if SOURCE_DIR.is_dir():  # source checkout without installation
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SOURCE_DIR), env.get("PYTHONPATH", "")) if p)
    return Katalog([sys.executable, "-m", "produktkatalog"], env)


def compile_package(katalog: Katalog) -> None:
    """Write the bytecode of the measured package, as pip does when it installs a wheel.

    An editable install run with PYTHONDONTWRITEBYTECODE set would otherwise compile every
    module from source in every measured process, which no installed copy does.
    """
    find = "import pathlib, produktkatalog; print(pathlib.Path(produktkatalog.__file__).parent)"
    found = subprocess.run([sys.executable, "-c", find], env=katalog.env, capture_output=True, text=True, check=False)
    if found.returncode == 0 and found.stdout.strip():
        run_command([sys.executable, "-m", "compileall", "-q", found.stdout.strip()], katalog.env)


def run_command(command: list[str], env: dict[str, str] | None = None) -> float:
    """Run a command without a shell; return its wall-clock duration or raise CommandFailed."""
    started = time.perf_counter()
    completed = subprocess.run(
        command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, encoding="utf-8", errors="replace", check=False,
    )
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        raise CommandFailed(command, completed.returncode, completed.stdout)
    return elapsed


def measure(runs: int, command: list[str], env: dict[str, str], before: Callable[[int], None] | None = None,
            ) -> list[float]:
    times = []
    for counter in range(runs):
        if before is not None:
            before(counter)
        times.append(run_command(command, env))
    return times


def generate(target: Path, scale: float) -> None:
    print(f"Generating catalogue (scale {scale:g}) ...", flush=True)
    run_command([sys.executable, str(GENERATOR), str(target), "--scale", str(scale)])


def copy_catalogue(source: Path, target: Path) -> None:
    print(f"Copying {source} ...", flush=True)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".git"))


def yaml_files(catalogue: Path) -> list[Path]:
    """Files the warm measurement may touch: product files, else any YAML file."""
    files = sorted(catalogue.rglob("produkt.yaml"))
    return files or sorted(catalogue.rglob("*.yaml"))


def file_toucher(files: list[Path]) -> Callable[[int], None]:
    """Return a function that appends a harmless comment to a different file per counter."""
    if not files:
        raise SystemExit("error: the catalogue contains no YAML files")

    def touch(counter: int) -> None:
        path = files[counter % len(files)]
        text = path.read_text(encoding="utf-8")
        prefix = "" if text.endswith("\n") or not text else "\n"
        with path.open("a", encoding="utf-8", newline="\n") as handle:
            handle.write(f"{prefix}# benchmark edit {counter}\n")

    return touch


def description_editor(files: list[Path]) -> Callable[[int], None]:
    """Return a function that changes the description of a different product per counter (its sheet changes)."""
    def edit(counter: int) -> None:
        path = files[counter % len(files)]
        text, found = DESCRIPTION.subn(lambda m: f"{m.group(1)}Geändert ({counter}). ", path.read_text("utf-8"), 1)
        if not found:
            raise SystemExit(f"error: {path} has no one-line or block 'beschreibung' to edit")
        path.write_text(text, encoding="utf-8")

    return edit


def emptier(folder: Path) -> Callable[[int], None]:
    def empty(_: int) -> None:
        shutil.rmtree(folder, ignore_errors=True)

    return empty


def render_benchmarks(katalog: Katalog, catalogue: Path, out: Path, runs: int) -> list[Result]:
    render = [*katalog.prefix, "render", str(catalogue), "--out", str(out), "--format", "all"]
    full = measure(runs, render, katalog.env, before=emptier(out))
    products = [p for p in yaml_files(catalogue) if p.name == "produkt.yaml"]
    changed = measure(runs, render, katalog.env, before=description_editor(products))
    return [Result("render --format all (full)", full, TARGETS["render"]),
            Result("render, 1 description changed", changed, TARGETS["rerender"])]


def run_benchmarks(katalog: Katalog, catalogue: Path, runs: int) -> list[Result]:
    validate = [*katalog.prefix, "validate", str(catalogue)]
    results = [Result("katalog --help", measure(runs, [*katalog.prefix, "--help"], katalog.env), TARGETS["help"])]
    cold = measure(runs, [*validate, "--no-cache"], katalog.env)
    results.append(Result("validate --no-cache (cold)", cold, TARGETS["cold"]))
    run_command(validate, katalog.env)  # fill the cache
    warm = measure(runs, validate, katalog.env, before=file_toucher(yaml_files(catalogue)))
    results.append(Result("validate, 1 file changed (warm)", warm, TARGETS["warm"]))
    # Computing every Kennzahl, Standardkennzahl and roll-up: `kennzahlen` minus a `validate` that loads
    # the same unchanged catalogue from the cache and reuses the computation findings.
    loading = measure(runs, validate, katalog.env)
    figures = measure(runs, [*katalog.prefix, "kennzahlen", str(catalogue), "--format", "csv"], katalog.env)
    results.append(Result("kennzahlen beyond loading (compute)", [f - v for f, v in zip(figures, loading, strict=True)],
                          TARGETS["compute"]))
    return results


def print_table(results: list[Result]) -> None:
    print(f"{'measurement':<34}{'median s':>10}{'min s':>9}{'target s':>10}  status")
    for r in results:
        print(f"{r.label:<34}{r.median:>10.3f}{r.minimum:>9.3f}{r.target:>10.2f}  {r.status}")


def describe(catalogue: Path) -> str:
    files = list(catalogue.rglob("*.yaml"))
    size = sum(p.stat().st_size for p in files)
    return f"{len(files)} YAML files, {size / 1_000_000:.1f} MB"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Time the katalog command on a synthetic Großstadt catalogue.")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (default 5)")
    parser.add_argument("--scale", type=float, default=1.0, help="size of the generated catalogue (default 1)")
    parser.add_argument("--catalogue", type=Path, help="use this catalogue (copied) instead of generating one")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.catalogue is not None and not args.catalogue.is_dir():
        parser.error(f"--catalogue: {args.catalogue} is not a folder")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    katalog = find_katalog()
    with tempfile.TemporaryDirectory(prefix="katalog-bench-") as temp:
        catalogue = Path(temp) / "grossstadt"
        katalog.env["KATALOG_CACHE"] = str(Path(temp) / "cache")  # a cache of its own, not the user's
        try:
            if args.catalogue is None:
                generate(catalogue, args.scale)
            else:
                copy_catalogue(args.catalogue, catalogue)
            compile_package(katalog)
            print(f"Command:   {' '.join(katalog.prefix)}")
            print(f"Catalogue: {catalogue} ({describe(catalogue)})")
            print(f"Runs:      {args.runs} per measurement\n", flush=True)
            results = run_benchmarks(katalog, catalogue, args.runs)
            results += render_benchmarks(katalog, catalogue, Path(temp) / "ausgabe", args.runs)
        except CommandFailed as exc:
            print(f"error: {exc}", file=sys.stderr)
            for line in exc.output.splitlines()[:ERROR_LINES]:
                print(f"  {line}", file=sys.stderr)
            return 1
    print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
