"""``katalog import``: plans and Kennzahlen from finance exports and open data into the catalogue."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from produktkatalog.cli.app import NoCacheOption, finish, stop


class Level(StrEnum):
    produkt = "produkt"
    produktgruppe = "produktgruppe"
    produktbereich = "produktbereich"
    teilhaushalt = "teilhaushalt"


class SourceSigns(StrEnum):
    aufwand_negativ = "aufwand_negativ"
    ertrag_negativ = "ertrag_negativ"
    aufwand_positiv = "aufwand_positiv"


class ImportFormat(StrEnum):
    text = "text"
    json = "json"


def import_(
    quelle: Annotated[Path, typer.Argument(help="CSV-, XLSX- oder ODS-Datei.", metavar="QUELLE", show_default=False)],
    katalog: Annotated[Path, typer.Option("--katalog", "-k", help="Der Katalog (Ordner mit katalog.yaml) oder ein "
                                          "Ordner mit genau einem Katalog (Vorgabe: katalog).", metavar="PFAD",
                                          show_default=False)] = Path("katalog"),
    profil: Annotated[str | None, typer.Option("--profil", "-p", help="Mitgelieferte Zuordnung: teilplan-breit, "
                                               "lang, konten oder kennzahlen.", metavar="NAME")] = None,
    zuordnung: Annotated[Path | None, typer.Option("--zuordnung", "-z", help="Eigene Zuordnung (YAML, Schema "
                                                   "zuordnung.schema.json).", metavar="DATEI")] = None,
    ebene: Annotated[Level | None, typer.Option("--ebene", help="Ebene der Nummern, abweichend von der Zuordnung.",
                                                show_default=False)] = None,
    vorzeichen: Annotated[SourceSigns | None, typer.Option(
        "--vorzeichen", help="Vorzeichen der Quelle, abweichend von der Zuordnung: aufwand_negativ, ertrag_negativ "
        "(z. B. SAP-Auszüge) oder aufwand_positiv. katalog schreibt die Beträge so, wie der Katalog sie eingibt "
        "(vorzeichen.eingabe).", show_default=False)] = None,
    probe: Annotated[bool, typer.Option("--probe", help="Nichts schreiben; zeigen, was sich ändern würde.")] = False,
    ueberschreiben: Annotated[bool, typer.Option("--ueberschreiben", help="Abweichende Werte des Katalogs durch die "
                                                 "der Quelle ersetzen.")] = False,
    format: Annotated[ImportFormat, typer.Option("--format", "-f", help="Befunde als text (Vorgabe) oder json.",
                                                 show_default=False)] = ImportFormat.text,
    no_cache: NoCacheOption = False,
) -> None:
    """Übernimmt Pläne oder Kennzahlwerte aus einer Tabelle in den Katalog.

    Ohne --profil und --zuordnung erkennt katalog import nur den eigenen Export (katalog export --format csv).
    Jede Zahl ist bis zur Zeile der Quelle nachvollziehbar; enthält die Quelle Fehler, wird nichts geschrieben.
    Werte, die im Katalog schon anders stehen, bleiben (ohne --ueberschreiben) und werden gemeldet.
    """
    from produktkatalog.imports.run import Request, run_import
    from produktkatalog.scaffold import CannotCreate

    if profil is not None and zuordnung is not None:
        stop("Nennen Sie entweder --profil oder --zuordnung.")
    request = Request(quelle, katalog, profil, zuordnung, ebene.value if ebene else None, probe, ueberschreiben,
                      use_cache=not no_cache, signs=vorzeichen.value if vorzeichen else None)
    try:
        outcome = run_import(request)
    except CannotCreate as exc:
        stop(str(exc))
    if format is ImportFormat.json:
        _json(outcome)
    else:
        _text(outcome, quelle)
    finish(1 if outcome.errors else 0)


def _text(outcome: object, source: Path) -> None:
    from produktkatalog.imports.run import Outcome
    from produktkatalog.report.text_report import finding_line, summary

    assert isinstance(outcome, Outcome)
    for finding in outcome.findings:
        typer.echo(finding_line(finding))
    counts = outcome.counts
    errors = sum(1 for f in outcome.findings if f.is_error)
    if errors:
        typer.echo(f"{source}: {errors} Fehler; nichts geschrieben.")
        return
    typer.echo(f"{source} ({outcome.mapping}): {counts.new} Werte neu, {counts.same} unverändert, {counts.kept} "
               f"abweichend und behalten, {counts.replaced} überschrieben.")
    if outcome.diff:
        typer.echo(outcome.diff.rstrip("\n"))
        typer.echo(f"Nichts geschrieben (--probe); {len(outcome.written)} Dateien würden geschrieben.")
    else:
        typer.echo(f"Geschrieben: {len(outcome.written)} Dateien, angelegt: {len(outcome.created)} Produkte.")
        for path in [*outcome.created, *outcome.written]:
            typer.echo(f"    {path}")
    if outcome.result is not None:
        for finding in outcome.result.findings:
            typer.echo(finding_line(finding))
        typer.echo(summary(outcome.result))


def _json(outcome: object) -> None:
    import json

    from produktkatalog.imports.run import Outcome
    from produktkatalog.report.json_report import record

    assert isinstance(outcome, Outcome)
    counts = outcome.counts
    document = {
        "zuordnung": outcome.mapping, "neu": counts.new, "unveraendert": counts.same, "behalten": counts.kept,
        "ueberschrieben": counts.replaced, "geschrieben": outcome.written, "angelegt": outcome.created,
        "probe": bool(outcome.diff), "findings": [record(f) for f in outcome.findings],
        "katalog_findings": [record(f) for f in outcome.result.findings] if outcome.result else [],
    }
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
