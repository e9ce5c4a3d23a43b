"""German help and usage errors for the command line.

typer prints its help headings and click's usage errors in English with no
translation hook that works regardless of the user's locale, so the CLI uses
these command classes (typer's ``cls=`` extension point) and rewords errors.
"""

from __future__ import annotations

import re
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

# click's UsageError, the base of every command-line mistake; typer exports only subclasses of it.
UsageError: type[Exception] = typer.BadParameter.__mro__[1]

_ERRORS = (
    (r"Invalid value for (.+?): '(.*)' is not one of (.+)\.", r"Ungültiger Wert für \1: „\2“; erlaubt sind \3."),
    (r"Invalid value for (.+?): (.+)", r"Ungültiger Wert für \1: \2"),
    (r"No such option: (\S+)", r"Unbekannte Option \1."),
    (r"No such command '(.+)'\.", r"Unbekannter Befehl „\1“."),
    (r"Missing argument '(.+)'\.", r"Das Argument \1 fehlt."),
    (r"Missing option '(.+)'\.", r"Die Option \1 fehlt."),
    (r"Option '(.+)' requires an argument\.", r"Die Option \1 braucht einen Wert."),
    (r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)", r"Unerwartete zusätzliche Angabe: \1."),
    (r"Option '(.+)' does not take a value\.", r"Die Option \1 nimmt keinen Wert an."),
    (r"Did you mean (.+)\?", r"Meinten Sie \1?"),
    (r"\(Possible options: (.+)\)", r"(Mögliche Optionen: \1)"),
)


def usage_error_text(error: Any) -> str:
    text = str(error.format_message())
    for pattern, german in _ERRORS:
        text = re.sub(pattern, german, text)
    command = error.ctx.command_path if getattr(error, "ctx", None) else "katalog"
    return f"Fehler: {text}\nHilfe: {command} --help"


def _german_marks(text: str) -> str:
    return text.replace("[required]", "[Pflichtangabe]").replace("[default: ", "[Vorgabe: ")


class _GermanHelp:
    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = "Diese Hilfe anzeigen und beenden."
        return option

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="Aufruf: ")

    def format_options(self, ctx: Any, formatter: Any) -> None:
        sections: dict[str, list[tuple[str, str]]] = {"argument": [], "option": []}
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx)
            if record is not None and param.param_type_name in sections:
                sections[param.param_type_name].append((record[0], _german_marks(record[1])))
        for title, rows in (("Argumente", sections["argument"]), ("Optionen", sections["option"])):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


class GermanCommand(_GermanHelp, TyperCommand):
    pass


class GermanGroup(_GermanHelp, TyperGroup):
    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        rows = [(name, command.get_short_help_str(formatter.width))
                for name in self.list_commands(ctx) if (command := self.get_command(ctx, name)) is not None]
        if rows:
            with formatter.section("Befehle"):
                formatter.write_dl(rows)
