"""Find catalogues and classify their files by kind, from the folder layout alone.

Symbolic links are never followed: a linked file or folder could bring any file of
the machine into the findings. They are listed (``SourceFile.linked``,
``CatalogueFiles.linked_folders``) so that the loader names them instead of reading them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

SETTINGS_FILE = "katalog.yaml"
PLAN_FILES = ("teilergebnisplan.yaml", "teilfinanzplan.yaml")
LEVEL_FILES = {"produktbereich.yaml": "produktbereich", "produktgruppe.yaml": "produktgruppe"}
OWNER_FILES = ("produkt.yaml", *LEVEL_FILES, "teilhaushalt.yaml")  # the file that makes a folder an owner
TEILHAUSHALTE = "teilhaushalte"
_SKIPPED_DIRS = {"templates", "__pycache__", "node_modules"}
_YAML_SUFFIXES = (".yaml", ".yml")
_TOP_FOLDERS = {"programme": "programm", "kennzahlen": "kennzahl", "zeilenvorlagen": "zeilenvorlage"}


class SourceFile(NamedTuple):  # a tuple: a Großstadt catalogue creates ten thousand of them per run
    path: str
    shown: str
    kind: str | None  # schema kind; None: the file has no place in the layout
    product_dir: str | None = None  # shown path of the owner folder (product, level, Teilhaushalt) of its files
    linked: bool = False  # a symbolic link: named in a finding, never read


@dataclass(frozen=True, slots=True)
class CatalogueFiles:
    root: Path
    shown: str
    files: tuple[SourceFile, ...]
    nested: tuple[Path, ...]  # catalogues inside this one: checked on their own
    linked_folders: tuple[str, ...] = ()  # shown paths of folders that are symbolic links: never entered

    def by_product(self) -> dict[str, list[str]]:
        """Shown paths of the placed files per product folder; "" for the catalogue-wide ones."""
        grouped: dict[str, list[str]] = {}
        for source in self.files:
            if source.kind is not None:
                grouped.setdefault(source.product_dir or "", []).append(source.shown)
        return grouped


def find_catalogues(path: Path) -> list[Path]:
    """The outermost catalogues at or below ``path``; ``catalogue_files`` reports those nested in them."""
    found = []
    for folder, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED_DIRS)
        if SETTINGS_FILE in files:
            found.append(Path(folder))
            dirs[:] = []
    return found


def catalogue_files(root: Path, shown: str | None = None) -> CatalogueFiles:
    """The files of one catalogue; ``shown`` names the root in messages (default: relative to the working dir)."""
    shown = shown or shown_path(root)
    top = str(root)
    files: list[SourceFile] = []
    nested = []
    linked_folders = []
    for folder, dirs, names, links in _walk(top):
        dirs[:] = sorted(d for d in dirs if _visible(d))
        if folder != top and SETTINGS_FILE in names:
            nested.append(Path(folder))
            dirs[:] = []
            continue
        relative = tuple(folder[len(top) + 1:].split(os.sep)) if folder != top else ()
        linked_names = {name for name in links if name.endswith(_YAML_SUFFIXES) and not name.startswith(".")}
        linked_folders += [_shown(shown, (*relative, name)) for name in sorted(links)
                           if name not in linked_names and _visible(name) and os.path.isdir(os.path.join(folder, name))]
        yaml_names = sorted({n for n in names if n.endswith(_YAML_SUFFIXES) and not n.startswith(".")} | linked_names)
        files.extend(_folder_files(folder, relative, yaml_names, shown, linked_names))
    return CatalogueFiles(root, shown, tuple(files), tuple(nested), tuple(linked_folders))


def _visible(name: str) -> bool:
    return not name.startswith(".") and name not in _SKIPPED_DIRS


def _walk(top: str) -> Iterator[tuple[str, list[str], list[str], list[str]]]:
    """Like ``os.walk`` (top-down; prune by changing the folder list), with the symbolic links apart:
    (folder, subfolders, other names, links). The kind of each entry comes from the folder listing itself."""
    pending = [top]
    while pending:
        folder = pending.pop()
        dirs, names, links = [], [], []
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_symlink():
                        links.append(entry.name)
                    elif entry.is_dir():
                        dirs.append(entry.name)
                    else:
                        names.append(entry.name)
        except OSError:
            continue
        yield folder, dirs, names, links
        pending.extend(os.path.join(folder, name) for name in reversed(dirs))


def _folder_files(folder: str, relative: tuple[str, ...], names: list[str], root_shown: str,
                  links: set[str]) -> list[SourceFile]:
    """The YAML files of one folder, classified; the folder's shown path and product folder are built once."""
    prefix = "/".join((root_shown, *relative)) if root_shown != "." else "/".join(relative)
    base = f"{prefix}/" if prefix else ""
    directory = os.path.join(folder, "")
    products: dict[tuple[str, ...], str] = {}
    found = []
    for name in names:
        kind, product_parts = classify((*relative, name))
        product_dir = None
        if product_parts is not None:
            if product_parts not in products:
                products[product_parts] = _shown(root_shown, product_parts)
            product_dir = products[product_parts]
        found.append(SourceFile(directory + name, base + name, kind, product_dir, name in links))
    return found


def _classify(path: str, parts: tuple[str, ...], root_shown: str) -> SourceFile:
    kind, product_parts = classify(parts)
    product_dir = _shown(root_shown, product_parts) if product_parts is not None else None
    return SourceFile(path, _shown(root_shown, parts), kind, product_dir)


def _shown(root_shown: str, parts: tuple[str, ...]) -> str:
    return "/".join((root_shown, *parts)) if root_shown != "." else "/".join(parts)


def classify(parts: tuple[str, ...]) -> tuple[str | None, tuple[str, ...] | None]:
    """A file's schema kind from its path inside the catalogue, and the parts of its owner folder (a product's,
    a Produktbereich's or -gruppe's, a Teilhaushalt's)."""
    name = parts[-1]
    if parts == (SETTINGS_FILE,):
        return "katalog", None
    if len(parts) == 2 and parts[0] in _TOP_FOLDERS:
        return _TOP_FOLDERS[parts[0]], None
    if parts[0] == TEILHAUSHALTE:
        return _teilhaushalt_file(parts)
    if parts[0] != "produkte" or len(parts) < 3:
        return None, None
    if name == "produkt.yaml":
        return "produkt", parts[:-1]
    if name in LEVEL_FILES:
        return LEVEL_FILES[name], parts[:-1]
    if name in PLAN_FILES:
        return "plan", parts[:-1]
    if parts[-2] in ("leistungen", "kennzahlen") and len(parts) >= 4:
        return ("leistung" if parts[-2] == "leistungen" else "kennzahl"), parts[:-2]
    return None, None


def _teilhaushalt_file(parts: tuple[str, ...]) -> tuple[str | None, tuple[str, ...] | None]:
    """teilhaushalte/<nr>-<name>/: teilhaushalt.yaml, its plans and kennzahlen/*.yaml."""
    if len(parts) == 3 and parts[2] == "teilhaushalt.yaml":
        return "teilhaushalt", parts[:2]
    if len(parts) == 3 and parts[2] in PLAN_FILES:
        return "plan", parts[:2]
    if len(parts) == 4 and parts[2] == "kennzahlen":
        return "kennzahl", parts[:2]
    return None, None


def shown_below(root: Path, base: Path, shown_base: str | None) -> str | None:
    """How ``root`` (at or below ``base``) is named when ``base`` is shown as ``shown_base``."""
    if shown_base is None:
        return None
    relative = root.relative_to(base).as_posix()
    return shown_base if relative == "." else f"{shown_base.rstrip('/')}/{relative}"


def shown_path(path: Path) -> str:
    """The path as the user should see it: relative to the working directory where possible."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return resolved.as_posix()


def catalogue_of(path: Path) -> Path | None:
    """The catalogue a file or folder belongs to: the nearest folder at or above it holding katalog.yaml."""
    folder = path.resolve() if path.is_dir() else path.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / SETTINGS_FILE).is_file():
            return candidate
    return None


def source_file(path: Path) -> SourceFile | None:
    """A single YAML file classified as ``catalogue_files`` would; ``None`` outside every catalogue."""
    root = catalogue_of(path)
    if root is None or not path.name.endswith(_YAML_SUFFIXES):
        return None
    return _classify(str(path), path.resolve().relative_to(root).parts, shown_path(root))
