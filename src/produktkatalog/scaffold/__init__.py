"""``katalog new``: a new Produkt, Leistung or Kennzahl file, in its place, from the schema of its kind."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from produktkatalog.editor import modeline, schema_folder
from produktkatalog.load.discover import SETTINGS_FILE, find_catalogues
from produktkatalog.model import texts
from produktkatalog.model.index import Index
from produktkatalog.pipeline import load_catalogue, validate
from produktkatalog.result import Result
from produktkatalog.scaffold import document, place
from produktkatalog.scaffold.names import CannotCreate, check_values
from produktkatalog.system.atomic import create_text
from produktkatalog.system.oserror import reason

KINDS = ("produkt", "leistung", "kennzahl")

__all__ = ["KINDS", "CannotCreate", "Checked", "Created", "Request", "catalogue_root", "create", "create_checked",
           "create_product"]


@dataclass(frozen=True)
class Request:
    kind: str  # one of KINDS
    name: str  # the number of a Produkt or Leistung, the Kennung of a Kennzahl
    title: str  # the Bezeichnung
    catalogue: Path
    product: str | None = None  # --produkt: number or folder name
    leistung: str | None = None  # --leistung: number
    schemas: Path | None = None  # --schemas: the folder the modeline points to


@dataclass(frozen=True)
class Created:
    path: Path
    root: Path  # the catalogue folder
    schemas: Path


@dataclass(frozen=True)
class Checked:
    created: Created
    result: Result  # the catalogue's validation, with the findings of the new file only
    elsewhere: int  # findings in the catalogue's other files


def create_checked(request: Request, use_cache: bool = True) -> Checked:
    """Writes the new file, then validates the catalogue and keeps the findings about the new file."""
    created = create(request, use_cache)
    result = validate(created.root, use_cache=use_cache)
    own = [f for f in result.findings if Path(f.file).resolve() == created.path.resolve()]
    return Checked(created, Result(own, result.catalogues[:1], files=1), len(result.findings) - len(own))


def create(request: Request, use_cache: bool = True) -> Created:
    """Writes the new file; raises ``CannotCreate`` (German) for anything that keeps it from being valid."""
    _check_options(request)
    _checked(request.kind, _identity(request))  # before the catalogue is read: a typo is refused at once
    root = catalogue_root(request.catalogue)
    index = Index.of(load_catalogue(root, use_cache=use_cache))
    values, target = _planned(request, root, index)
    _confined(root, target)
    if target.exists() or target.is_symlink():
        raise CannotCreate(f"Die Datei {target} gibt es schon; katalog new überschreibt keine Datei.")
    schemas = request.schemas if request.schemas is not None else schema_folder(root)
    text = document.text(request.kind, values, modeline(target, schemas, request.kind),
                         _demanded(index, request.kind))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CannotCreate(f"Der Ordner {target.parent} ließ sich nicht anlegen: {reason(error)}.") from None
    _write(target, text)
    return Created(target, root, schemas)


def create_product(root: Path, index: Index, number: str, title: str, schemas: Path | None = None) -> Path:
    """Writes a new product file as ``katalog new produkt`` does, with an index the caller already holds (an
    import creating many products reads the catalogue once); raises ``CannotCreate``."""
    values = _checked("produkt", {"nummer": number, "bezeichnung": title})
    target = place.product_file(root, index, number, title)
    _confined(root, target)
    text = document.text("produkt", values, modeline(target, schemas or schema_folder(root), "produkt"),
                         _demanded(index, "produkt"))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CannotCreate(f"Der Ordner {target.parent} ließ sich nicht anlegen: {reason(error)}.") from None
    _write(target, text)
    return target


def _confined(root: Path, target: Path) -> None:
    """Refuses a target reached through a link: the file would land outside the catalogue, unchecked."""
    path = root
    for part in target.relative_to(root).parts:
        path = path / part
        if path.is_symlink():
            raise CannotCreate(f"{path} ist eine Verknüpfung; katalog new legt Dateien nur im Katalog selbst an.")


def _write(target: Path, text: str) -> None:
    try:
        create_text(target, text)
    except FileExistsError:
        raise CannotCreate(f"Die Datei {target} gibt es schon; katalog new überschreibt keine Datei.") from None
    except OSError as error:
        raise CannotCreate(f"Die Datei {target} ließ sich nicht anlegen: {reason(error)}.") from None


def catalogue_root(path: Path) -> Path:
    """The one catalogue at ``path``: the folder with katalog.yaml, or the only one below it."""
    if not path.is_dir():
        raise CannotCreate(f"{path} ist kein Ordner.")
    if (path / SETTINGS_FILE).is_file():
        return path
    found = find_catalogues(path)
    if len(found) == 1:
        return found[0]
    if not found:
        raise CannotCreate(f"Unter {path} liegt kein Katalog (keine Datei {SETTINGS_FILE}).")
    names = ", ".join(str(root) for root in found[:6]) + (" …" if len(found) > 6 else "")
    raise CannotCreate(f"Unter {path} liegen {len(found)} Kataloge ({names}). Wählen Sie einen mit --katalog PFAD.")


def _check_options(request: Request) -> None:
    if request.kind == "produkt" and (request.product or request.leistung):
        raise CannotCreate("--produkt und --leistung gelten nur für leistung und kennzahl.")
    if request.kind == "leistung" and request.leistung:
        raise CannotCreate("--leistung gilt nur für kennzahl; eine Leistung ordnen Sie mit --produkt NR zu.")


def _identity(request: Request) -> dict[str, str]:
    return {"id" if request.kind == "kennzahl" else "nummer": request.name, "bezeichnung": request.title}


def _planned(request: Request, root: Path, index: Index) -> tuple[dict[str, str], Path]:
    """The field values (checked against the schema) and the file they go to."""
    if request.kind == "produkt":
        values = _checked("produkt", _identity(request))
        return values, place.product_file(root, index, request.name, request.title)
    if request.kind == "leistung":
        values = _checked("leistung", _identity(request))
        product = place.product_of_leistung(index, request.name, request.product)
        return values, place.leistung_file(index, request.name, request.title, product)
    owners = _owners(index, request)
    given = _identity(request)
    if owners.leistung is not None:
        given["leistung"] = owners.leistung.number
    return _checked("kennzahl", given), place.kennzahl_file(root, index, request.name, owners)


def _checked(kind: str, given: dict[str, str]) -> dict[str, str]:
    values = document.field_values(kind, given)
    check_values(kind, values)
    return values


def _demanded(index: Index, kind: str) -> dict[str, str]:
    """Fields the catalogue's ``pflichtfelder`` rules require of this kind: field → rule Kennung."""
    settings = index.catalogue.settings
    demanded: dict[str, str] = {}
    for rule in settings.items("regeln") if settings else ():
        if not isinstance(rule, dict) or rule.get("art") != "pflichtfelder":
            continue
        if ("leistung" if rule.get("gilt_fuer") == "leistungen" else "produkt") == kind:
            demanded.update({field: str(rule.get("id")) for field in texts(rule.get("felder"))})
    return demanded


def _owners(index: Index, request: Request) -> place.Owners:
    leistung = place.find_leistung(index, request.leistung) if request.leistung else None
    product = place.find_product(index, request.product) if request.product else None
    if leistung is not None:
        own = index.products.get(leistung.product_folder)
        if own is None:
            raise CannotCreate(f"Die Leistung {leistung.number} liegt in keinem Produktordner ({leistung.file}).")
        if product is not None and product is not own:
            raise CannotCreate(f"Die Leistung {leistung.number} gehört nicht zum Produkt {request.product}.")
        product = own
    return place.Owners(product, leistung)
