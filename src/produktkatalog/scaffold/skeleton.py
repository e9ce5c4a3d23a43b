"""``katalog init``: a new catalogue's ``katalog.yaml``, commented from its schema, and on request the
pre-commit configuration and a CI example beside it.

Nothing is overwritten: every target is checked before the first file is written, and each file is
created so that a file appearing meanwhile is never replaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from produktkatalog.editor import modeline
from produktkatalog.git.revisions import GitError, top_folder
from produktkatalog.load.discover import SETTINGS_FILE
from produktkatalog.model.framework import schemes
from produktkatalog.scaffold.document import described
from produktkatalog.scaffold.names import CannotCreate
from produktkatalog.schema import schema_set
from produktkatalog.system.atomic import create_text
from produktkatalog.system.oserror import reason

CI_KINDS = ("github", "gitlab")
_CI_FILES = {"github": Path(".github/workflows/katalog.yml"), "gitlab": Path(".gitlab-ci.yml")}


@dataclass(frozen=True)
class Settings:
    """What ``katalog init`` asks for; ``produktrahmen`` None: nrw in NRW, else imk."""

    kommune: str
    land: str
    haushaltsjahr: int
    art: str | None = None
    produktrahmen: str | None = None
    einwohner: int | None = None
    doppelhaushalt: bool = False

    @property
    def scheme(self) -> str:
        return self.produktrahmen or ("nrw" if self.land == "NW" else "imk")


def lands() -> list[str]:
    return [str(land) for land in schema_set().schema("katalog")["properties"]["land"]["enum"]]


def columns(year: int, double: bool) -> list[tuple[str, int]]:
    """Ergebnis H−2 | Ansatz H−1 | Ansatz H (and H+1 in a Doppelhaushalt) | Planung for three more years."""
    budgets = [year - 1, year, year + 1] if double else [year - 1, year]
    planned = range(budgets[-1] + 1, budgets[-1] + 4)
    return [("ergebnis", year - 2), *(("ansatz", y) for y in budgets), *(("planung", y) for y in planned)]


def problems(settings: Settings) -> list[str]:
    """Why the settings would not give a valid catalogue, in German; empty if they would."""
    found = []
    if not settings.kommune.strip() or "\n" in settings.kommune:
        found.append("Die Kommune braucht einen Namen in einer Zeile.")
    if settings.land not in lands():
        found.append(f"Land „{settings.land}“ gibt es nicht; erlaubt: {', '.join(lands())}.")
    if settings.scheme not in schemes():
        found.append(f"Produktrahmen „{settings.scheme}“ gibt es nicht; erlaubt: {', '.join(schemes())}.")
    if not 1902 <= settings.haushaltsjahr <= 2195:
        found.append(f"Haushaltsjahr {settings.haushaltsjahr} liegt nicht zwischen 1902 und 2195.")
    if settings.einwohner is not None and settings.einwohner <= 0:
        found.append("Die Einwohnerzahl muss größer als 0 sein.")
    return found


def settings_text(settings: Settings, first_line: str) -> str:
    """katalog.yaml: each field under its German title and explanation from the schema."""
    lines = [first_line, f"# Katalogeinstellungen: {settings.kommune}, angelegt mit katalog init.",
             "# Jedes Feld ist im Schema erklärt; im Editor erscheint die Erklärung beim Überfahren."]
    lines += _field("kommune", [f"kommune: {_quoted(settings.kommune)}"])
    if settings.art:
        lines += _field("art", [f"art: {_quoted(settings.art)}"])
    lines += _field("land", [f"land: {settings.land}"])
    lines += _field("produktrahmen", ["produktrahmen:",
                                      "  # Örtliche Produktgruppen kommen unter schema als produktgruppen hinzu,",
                                      '  # z. B. produktgruppen: {"0110": "Verwaltungsführung"}; katalog import tut',
                                      "  # das selbst.",
                                      f"  schema: {settings.scheme}"])
    lines += _field("haushaltsjahr", [f"haushaltsjahr: {settings.haushaltsjahr}"])
    shown = " | ".join(f"{art.capitalize()} {year}" for art, year in columns(settings.haushaltsjahr,
                                                                            settings.doppelhaushalt))
    lines += _field("spalten", [f"spalten:  # {shown}", *(f"  - {{art: {art}, jahr: {year}}}" for art, year in
                                                         columns(settings.haushaltsjahr, settings.doppelhaushalt))])
    if settings.einwohner is not None:
        lines += _field("einwohner", ["einwohner:  # Einwohnerzahlen weiterer Jahre hier ergänzen",
                                      f"  {settings.haushaltsjahr}: {settings.einwohner}"])
    lines += _field("waehrung", ["waehrung: EUR"])
    return "\n".join(lines) + "\n"


def _field(name: str, body: list[str]) -> list[str]:
    field = described("katalog", schema_set().schema("katalog")["properties"][name])
    return ["", f"# {field['title']}: {' '.join(str(field['description']).split())}", *body]


def _quoted(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def pre_commit_text(catalogue: str) -> str:
    return ("# Prüft den Katalog vor jedem Commit mit dem installierten katalog (pre-commit install).\n"
            "repos:\n  - repo: local\n    hooks:\n"
            "      - id: katalog-validate\n        name: katalog validate\n"
            f"        entry: katalog validate {catalogue}\n        language: system\n"
            "        pass_filenames: false\n        files: '\\.ya?ml$'\n"
            "      - id: katalog-fmt-check\n        name: katalog fmt --check\n"
            "        entry: katalog fmt --check\n        language: system\n        files: '\\.ya?ml$'\n")


def ci_text(kind: str, catalogue: str) -> str:
    if kind == "gitlab":
        return ("default:\n  image: python:3.12\n  before_script:\n    - pip install produktkatalog  # ERSETZEN, wenn "
                "Sie katalog aus einem eigenen Repository beziehen: pip install git+ADRESSE\n\n"
                "katalog-pruefen:\n  script:\n"
                f"    - katalog validate {catalogue} --format gitlab --output gl-code-quality-report.json\n"
                "  artifacts:\n    when: always\n    reports:\n      codequality: gl-code-quality-report.json\n\n"
                f"katalog-drucken:\n  script:\n    - katalog render {catalogue} --out ausgabe\n"
                "  artifacts:\n    paths:\n      - ausgabe/\n")
    return ("name: Produktkatalog\non:\n  pull_request:\n  push:\n    branches: [main]\n\n"
            "permissions:\n  contents: read\n\njobs:\n  pruefen:\n    runs-on: ubuntu-latest\n    steps:\n"
            "      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n"
            '          python-version: "3.12"\n      - run: pip install produktkatalog  # ERSETZEN, wenn Sie katalog '
            "aus einem eigenen Repository beziehen: pip install git+ADRESSE\n"
            f"      - run: katalog validate {catalogue} --format github\n"
            f"      - run: katalog render {catalogue} --out ausgabe\n"
            "      - uses: actions/upload-artifact@v4\n        with:\n          name: produktkatalog\n"
            "          path: ausgabe/\n")


@dataclass(frozen=True)
class Plan:
    """The files ``init`` writes, each with its text."""

    files: dict[Path, str]
    root: Path


def planned(folder: Path, settings: Settings, pre_commit: bool, ci: str | None) -> Plan:
    """Every file to write; raises ``CannotCreate`` if the settings are invalid or a file exists."""
    found = problems(settings)
    if found:
        raise CannotCreate(" ".join(found))
    target = folder / SETTINGS_FILE
    schemas = schemas_for(folder)
    files = {target: settings_text(settings, modeline(target, schemas, "katalog"))}
    home = schemas.parent  # the top of the repository, or the folder beside the catalogue
    shown = Path(_relative(folder, home)).as_posix()
    if pre_commit:
        files[home / ".pre-commit-config.yaml"] = pre_commit_text(shown)
    if ci is not None:
        files[home / _CI_FILES[ci]] = ci_text(ci, shown)
    taken = [path for path in files if path.exists() or path.is_symlink()]
    if taken:
        raise CannotCreate(f"{', '.join(str(p) for p in taken)} gibt es schon; katalog init überschreibt nichts.")
    return Plan(files, folder)


def schemas_for(folder: Path) -> Path:
    """``schemas/`` at the top of the git repository the new catalogue will be in, else beside it."""
    probe = folder.resolve()
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        top = top_folder(probe)
    except GitError:
        top = None
    return (top or folder.resolve().parent) / "schemas"


def write(plan: Plan) -> list[Path]:
    written = []
    for path, text in plan.files.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            create_text(path, text)
        except FileExistsError:
            raise CannotCreate(f"{path} gibt es schon; katalog init überschreibt nichts.") from None
        except OSError as error:
            raise CannotCreate(f"{path} ließ sich nicht anlegen: {reason(error)}.") from None
        written.append(path)
    return written


def _relative(folder: Path, home: Path) -> str:
    import os

    return os.path.relpath(folder.resolve(), home.resolve())
