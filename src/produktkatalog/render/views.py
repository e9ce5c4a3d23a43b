"""The typed template context: what a template may read, already formatted for display.

Numbers are formatted once (German, rounded for display) while the context is
built; both the HTML and the Markdown template read the same strings. Every text
is the catalogue's own; the templates escape it for their format.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Link:
    text: str
    href: str  # relative to the page that shows the link; always generated, never taken from YAML


@dataclass(frozen=True)
class Nav:
    up: Link
    previous: Link | None = None
    next: Link | None = None


@dataclass(frozen=True)
class Level:
    label: str  # Hauptproduktbereich, Produktbereich, Produktgruppe, Produkt
    number: str
    name: str
    as_printed: str = ""  # the name as the source document prints it, if it differs


@dataclass(frozen=True)
class Person:
    name: str
    rolle: str = ""
    organisationseinheit: str = ""
    anschrift: str = ""
    telefon: str = ""
    email: str = ""
    webseite: str = ""


@dataclass(frozen=True)
class Column:
    wertart: str  # Ergebnis, Ansatz, Planung
    year: str
    title: str = ""  # the heading as printed where the catalogue gives one or marks the column vorläufig

    @property
    def label(self) -> str:
        return self.title or f"{self.wertart} {self.year}"


@dataclass(frozen=True)
class Cell:
    text: str  # "—" for kein Wert
    note: str = ""  # vorläufig, Bemerkung


@dataclass(frozen=True)
class Bar:
    x: str
    y: str
    width: str
    height: str
    label: str  # short, under the bar: "E24"
    column: str  # in full, for the chart's <title>: "Ergebnis 2024"
    value: str  # the value as printed
    planned: bool = False  # Ansatz, Planung, Ziel: drawn outlined, Ist filled
    missing: bool = False  # no value: the slot stays empty


@dataclass(frozen=True)
class Tick:
    y: str
    label: str


@dataclass(frozen=True)
class Chart:
    title: str
    description: str  # every value as text
    width: str
    height: str
    baseline: str
    bars: list[Bar]
    ticks: list[Tick] = field(default_factory=list)
    ident: str = ""
    axis: str = "0"  # x where the plot starts, right of the scale


@dataclass(frozen=True)
class Tile:
    """A rectangle of a treemap: a Produktbereich, -gruppe or Produkt with its amount."""

    x: str
    y: str
    width: str
    height: str
    name: str
    value: str
    depth: int  # 0 Produktbereich, 1 Produktgruppe, 2 Produkt
    shade: int  # colour index of the Produktbereich
    label: bool  # large enough for a label
    short: str  # the name, cut to the tile's width


@dataclass(frozen=True)
class Treemap:
    title: str
    description: str
    width: str
    height: str
    tiles: list[Tile]
    rows: list[tuple[str, str, str]]  # (Produktbereich, amount, share) as a table
    ident: str


@dataclass(frozen=True)
class Ranked:
    """One bar of a sorted bar chart."""

    name: str
    value: str
    x: str
    y: str
    width: str
    negative: bool


@dataclass(frozen=True)
class BarChart:
    title: str
    description: str
    width: str
    height: str
    zero: str
    label_width: str
    bars: list[Ranked]
    ident: str
    note: str = ""


@dataclass(frozen=True)
class Choice:
    label: str
    ident: str
    chosen: bool


@dataclass(frozen=True)
class FigureRow:
    ident: str
    name: str
    art: str
    unit: str
    cells: list[Cell]
    description: str = ""
    formula: str = ""
    direction: str = ""
    places: str = ""
    main: bool = False
    scale: list[tuple[str, str]] = field(default_factory=list)  # (Stufe, Bedeutung)
    scale_range: str = ""
    targets: list[tuple[str, str]] = field(default_factory=list)  # (Jahr, Zielwert)
    source: str = ""
    chart: Chart | None = None
    anchor: str = ""
    parts: list[FigurePart] = field(default_factory=list)  # sub-rows ("davon")
    shared: bool = False  # a Standardkennzahl: one definition for every sheet, explained once in the overview

    @property
    def explained(self) -> bool:
        """Whether the sheet has more to say about the row than its values (a Standardkennzahl is explained once,
        in the Kennzahlen overview)."""
        return not self.shared and bool(self.description or self.direction or self.scale or self.scale_range
                                        or self.targets)


@dataclass(frozen=True)
class FigurePart:
    name: str
    cells: list[Cell]


@dataclass(frozen=True)
class FigureGroup:
    title: str
    rows: list[FigureRow]


@dataclass(frozen=True)
class Achievement:
    figure: str
    column: str
    target: str
    actual: str
    degree: str
    light: str  # grün, gelb, rot, or "—"
    light_key: str  # gruen, gelb, rot, offen (CSS class)


@dataclass(frozen=True)
class ProgrammeRef:
    name: str
    ident: str
    href: str
    contribution: str
    areas: list[Link]


@dataclass(frozen=True)
class Goal:
    anchor: str
    ident: str
    number: str
    art: str
    title: str
    text: str
    field: str
    figures: list[tuple[str, str]]  # (Kennzahl as written, its name)
    direction: str
    tolerance: str
    targets: list[tuple[str, str]]  # (Jahr, Zielwert)
    achievements: list[Achievement]
    programmes: list[ProgrammeRef]


@dataclass(frozen=True)
class PlanRow:
    number: str
    name: str
    nature: str  # summe, darunter, or what the row holds: ertrag, aufwand, einzahlung, auszahlung
    cells: list[Cell]
    operator: str = ""  # +, −, = or +/− where amounts are shown without signs (model.conventions)

    @property
    def empty(self) -> bool:
        """A detail row the plan leaves blank in every column: the print leaves it out (kein Wert stays)."""
        return self.nature != "summe" and all(cell.text == "" for cell in self.cells)


@dataclass(frozen=True)
class PlanView:
    title: str
    template: str
    template_id: str
    columns: list[Column]
    rows: list[PlanRow]
    notes: str = ""
    source: str = ""
    signs: str = ""  # how the amounts are signed, where not as katalog computes (aufwand_negativ)
    footnotes: list[str] = field(default_factory=list)  # stated sums beside their recomputation, numbered ¹ ² …
    unit: str = "EUR"  # EUR, EUR je Einwohner, T€; "" for a roll-up of plans in different units

    @property
    def operators(self) -> bool:
        """Whether the table has the column +/−/= of an unsigned print."""
        return any(row.operator for row in self.rows)

    @property
    def blocks(self) -> list[list[PlanRow]]:
        """The rows in blocks that end with a sum row (Erträge and their sum, …): a page break falls between
        blocks, never inside one."""
        blocks: list[list[PlanRow]] = [[]]
        for row in self.rows:
            blocks[-1].append(row)
            if row.nature == "summe":
                blocks.append([])
        return [block for block in blocks if block]


@dataclass(frozen=True)
class Section:
    depth: int
    number: str
    title: str
    text: str


@dataclass(frozen=True)
class Partner:
    name: str
    art: str
    remark: str
    other_names: list[str]


@dataclass(frozen=True)
class Format:
    name: str
    levels: list[str]


@dataclass(frozen=True)
class Theme:
    number: str
    title: str
    text: str
    formats_text: str
    formats: list[Format]
    formats_end: str


@dataclass(frozen=True)
class Grant:
    number: str
    text: str
    limit: str
    responsible: str
    report_to: str


@dataclass(frozen=True)
class Strategy:
    title: str
    subtitle: str
    introduction: str
    partners: list[Partner]
    formats_introduction: str
    levels: list[tuple[str, str]]
    levels_end: str
    themes_introduction: str
    themes: list[Theme]
    themes_end: str
    potentials: list[Section]
    grants: list[Grant]


@dataclass(frozen=True)
class LeistungView:
    anchor: str
    number: str
    name: str
    art: str
    description: str
    basis: list[str]
    people: list[Person]
    goals: list[Goal]
    programmes: list[ProgrammeRef]
    figures: list[FigureGroup]
    source: str
    fields: list[ExtraField] = field(default_factory=list)


@dataclass(frozen=True)
class ExtraField:
    """A field the catalogue declares for its sheets (``felder``), with its label and the value as text."""

    label: str
    text: str
    items: list[str] = field(default_factory=list)  # a field of typ liste


@dataclass(frozen=True)
class Labels:
    """The labels of a Produktblatt's standard fields; a catalogue may rename them (``bezeichnungen``)."""

    unit: str = "Organisationseinheit"
    people: str = "Verantwortliche"
    obligation: str = "Aufgabenart"
    product_type: str = "Produktart"
    principal: str = "Auftraggeber"
    audiences: str = "Zielgruppe"
    basis: str = "Auftragsgrundlage"
    description: str = "Beschreibung"


@dataclass(frozen=True)
class LevelText:
    """What a Produktbereich's, Produktgruppe's or Teilhaushalt's own file says, shown on its Haushalt page."""

    label: str  # Produktbereich, Produktgruppe, Teilhaushalt
    number: str
    name: str
    unit: str
    people: list[Person]
    description: str
    basis: list[str]
    audiences: list[str]
    goals: list[Goal]
    programmes: list[ProgrammeRef]
    sections: list[Section]
    source: str
    checks: list[str]  # how each stated plan compares with the roll-up of what is below
