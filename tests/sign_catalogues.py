"""Write one catalogue's plans in another sign convention: the demos demo-ertrag-negativ and demo-ohne-vorzeichen
are demo-aufwand-negativ written this way, and the property test converts catalogues back and forth.

The conversion of amounts is katalog's own (``model.conventions.converted`` with the factors of the plan's row
template); this module only reads and writes the files.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

from produktkatalog.load import load_document
from produktkatalog.model.conventions import converted, factors
from produktkatalog.model.template_choice import row_templates

TEMPLATES = {"teilergebnisplan.yaml": "nrw_ergebnisplan", "teilfinanzplan.yaml": "nrw_finanzplan"}
HEADER = "# yaml-language-server: $schema=../../../../../schemas/plan.schema.json\n"


def read(path: Path) -> dict[str, Any]:
    document = load_document(path.read_bytes(), path.name)
    assert document.data is not None, document.findings
    return document.data


def plan_text(data: dict[str, Any], comments: str = "") -> str:
    """A plan file as katalog's demos write it: one line per Wertart, amounts as written."""
    lines = [HEADER + comments]
    if "vorzeichen" in data:
        lines.append(f"vorzeichen: {{eingabe: {data['vorzeichen']['eingabe']}}}\n")
    lines.append("zeilen:\n")
    for number, values in data["zeilen"].items():
        lines.append(f'  "{number}":\n')
        for wertart, by_year in values.items():
            cells = ", ".join(f"{year}: {_cell(value)}" for year, value in by_year.items())
            lines.append(f"    {wertart}: {{{cells}}}\n")
    return "".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return "~"
    return str(value) if isinstance(value, (int, Decimal)) else f"{{wert: {_cell(value['wert'])}}}"


def in_convention(rows: dict[str, Any], plan_file: str, convention: str) -> dict[str, Any]:
    """Canonical rows (aufwand_negativ) as ``convention`` enters them; the same step turns them back."""
    return converted(rows, factors(row_templates()[TEMPLATES[plan_file]], convention))


def convert(source: Path, target: Path, settings: dict[str, str], plans: dict[str, str] | None = None) -> None:
    """``source`` (entered aufwand_negativ) copied to ``target`` with katalog.yaml's ``vorzeichen`` set to
    ``settings`` and each plan entered in its convention: ``plans`` (plan file relative to the catalogue →
    convention, stated in the plan) or the catalogue's ``eingabe``."""
    shutil.copytree(source, target)
    katalog = target / "katalog.yaml"
    text = katalog.read_text("utf-8")
    start = text.index("vorzeichen:\n")
    end = text.index("\n", text.index("anzeige:", start)) + 1
    shown = "".join(f"  {key}: {value}\n" for key, value in settings.items())
    katalog.write_text(text[:start] + "vorzeichen:\n" + shown + text[end:], "utf-8")
    for path in sorted(target.rglob("*.yaml")):
        if path.name not in TEMPLATES:
            continue
        relative = path.relative_to(target).as_posix()
        convention = (plans or {}).get(relative) or settings["eingabe"]
        data = read(path)
        written = {**({"vorzeichen": {"eingabe": convention}} if relative in (plans or {}) else {}),
                   "zeilen": in_convention(data["zeilen"], path.name, convention)}
        comments = "".join(line + "\n" for line in path.read_text("utf-8").splitlines()[1:]
                           if line.startswith("#"))
        path.write_text(plan_text(written, comments), "utf-8")
