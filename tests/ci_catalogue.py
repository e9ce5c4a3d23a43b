"""A catalogue inside a git repository, with errors and a warning, for the CI report tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from conftest import BASE, PRODUCT
from produktkatalog.pipeline import Result, validate

# A file name with every character a workflow command property must escape.
ODD_NAME = "notiz, alt:100%.yaml"
PRODUCT_FILE = f"katalog/{PRODUCT}/produkt.yaml"
LEISTUNG_FILE = f"katalog/{PRODUCT}/leistungen/01010101-meldewesen.yaml"


def catalogue_in_repository(tmp_path: Path) -> Path:
    """``repo/katalog``: the base catalogue, its product with two identical K207 errors and an S101,
    a Leistung with an unknown field „rabatt%“, and a file with no place (K201 warning)."""
    repository = tmp_path / "repo"
    root = repository / "katalog"
    shutil.copytree(BASE, root)
    subprocess.run(["git", "init", "-q", str(repository)], check=True)
    product = root / PRODUCT / "produkt.yaml"
    product.write_text(product.read_text("utf-8") + "".join(
        f'  - programm: fehlt\n    beitrag: "{text}"\n    massnahmenbereiche: [gebaeude]\n' for text in ("a", "b")
    ) + "bezeichnug: x\n", "utf-8")
    leistung = repository / LEISTUNG_FILE
    leistung.write_text(leistung.read_text("utf-8") + "rabatt%: 5\n", "utf-8")
    (root / "produkte" / ODD_NAME).write_text("text: x\n", "utf-8")
    return root


def checked(root: Path) -> Result:
    return validate(root, use_cache=False, workers=1)
