"""The house keeps its shape: data flows one way through the stages, and no subpackages import each other in a circle.

Every ``import`` and ``from … import`` of the package is read with ``ast`` (also those inside functions and under
``TYPE_CHECKING``: a type is a dependency too). A module may import from its own stage and from earlier ones only.
"""

from __future__ import annotations

import ast
import functools
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "produktkatalog"

# The stages in the order data flows through them; a stage may import the stages before it, never those after.
# Names on one line are peers: they do not import each other.
STAGES: list[set[str]] = [
    {"findings", "codes"},  # value types every stage shares
    {"system", "wording"},  # the ground floor: files, processes, digests; German words and numbers
    {"load"},  # YAML with positions, discovery
    {"schema"},  # JSON Schemas, the fast path for clean files, explained schema findings
    {"model"},  # the catalogue as typed objects, reference data, formulas, the index
    {"check"},  # the catalogue as a whole
    {"compute"},  # values, plan tables, roll-ups, Zielerreichung
    {"incremental"},  # only what changed: stamps, cache, unit keys, stored values, page keys
    {"git"},  # revisions and changed-since
    {"result"},  # what the pipeline gives every output
    {"pipeline"},  # the pipeline entry
    {"present"},  # figures as lines, explanations, Markdown escaping
    {"report", "render", "diff", "fmt", "editor", "export"},  # outputs
    {"book", "preview"},  # the printed Haushaltsbuch and the live preview: both built on the rendered pages
    {"scaffold"},  # katalog new, katalog init
    {"imports"},  # katalog import: reads files, writes catalogue files through fmt's round trip and scaffold
    {"cli"},  # the command line
    {"__main__"},  # python -m produktkatalog
]
FACE = {"__init__"}  # the package face: imports nothing of the package but its version


def stage_of(module: str) -> int:
    top = module.split(".")[0]
    for position, members in enumerate(STAGES):
        if top in members:
            return position
    raise AssertionError(f"{module}: no stage; add it to STAGES")


def modules() -> dict[str, Path]:
    return dict(_modules(PACKAGE))


@functools.cache
def _modules(package: Path) -> tuple[tuple[str, Path], ...]:
    """Module name → file, once per package folder (``imported`` asks for every module)."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).with_suffix("")
        parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
        found[".".join(parts) or "__init__"] = path
    return tuple(found.items())


def imported(path: Path, module: str) -> set[str]:
    """The modules of the package that ``module`` imports, as dotted names below ``produktkatalog``."""
    names = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1] if package else []
                base = ".".join([*parent, base] if base else parent)
                base = f"produktkatalog.{base}" if base else "produktkatalog"
            names |= {base} | {f"{base}.{alias.name}" for alias in node.names}
    inside = {name.removeprefix("produktkatalog.") for name in names if name.startswith("produktkatalog.")}
    known = modules()
    return {name for name in inside if name in known}


def upward_imports() -> list[str]:
    problems = []
    for module, path in modules().items():
        if module in FACE:
            continue
        own = stage_of(module)
        for target in sorted(imported(path, module)):
            if target in FACE:
                continue
            there = stage_of(target)
            if there > own or (there == own and target.split(".")[0] != module.split(".")[0]):
                problems.append(f"{module} → {target}")
    return problems


def package_cycles() -> list[list[str]]:
    """Circles among subpackages (and top-level modules) of the package, found by depth-first search."""
    edges: dict[str, set[str]] = {}
    for module, path in modules().items():
        source = module.split(".")[0]
        edges.setdefault(source, set())
        edges[source] |= {target.split(".")[0] for target in imported(path, module)} - {source, "__init__"}
    cycles, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target):], target] if target in trail else [node, target])
            elif not state.get(target):
                visit(target, [*trail, target])
        state[node] = 2

    for node in sorted(edges):
        if not state.get(node):
            visit(node, [node])
    return cycles


def test_every_module_has_a_stage() -> None:
    for module in modules():
        if module not in FACE:
            stage_of(module)


def test_no_stage_imports_a_later_one() -> None:
    assert upward_imports() == []


def test_no_subpackages_import_each_other_in_a_circle() -> None:
    assert package_cycles() == []


def test_the_guard_fails_on_an_upward_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The test above is not vacuous: a copy of the package with one upward import makes it fail."""
    import shutil

    copy = tmp_path / "produktkatalog"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / "model" / "values.py"
    target.write_text(target.read_text(encoding="utf-8") + "\nfrom produktkatalog.render import build\n",
                      encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", copy)
    assert "model.values → render" in upward_imports()
    assert any("model" in cycle and "render" in cycle for cycle in package_cycles())


def test_the_package_top_level_holds_only_face_pipeline_and_shared_values() -> None:
    loose = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py", "codes.py", "findings.py", "pipeline.py", "result.py"]


def test_a_reporter_loads_few_modules() -> None:
    """A report format needs the findings and their wording, not the pipeline, the checks or the computation."""
    script = ("import produktkatalog.report.gitlab, sys; "
              "print(len([m for m in sys.modules if m.startswith('produktkatalog')]))")
    count = int(subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True).stdout)
    assert count < 24
