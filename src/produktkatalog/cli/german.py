"""German help and usage errors for the command line, whatever the user's locale.

typer prints its help headings and click's usage errors in English with no translation hook
that works regardless of the user's locale, so the CLI uses these command classes (typer's
``cls=`` extension point) and rewords errors (``messages``). The classes also give every
command ``-h`` next to ``--help``, a ``--version``, and command descriptions that are never cut off.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup, TyperOption

from produktkatalog import __version__
from produktkatalog.cli.messages import german

# click's UsageError, the base of every command-line mistake; typer exports only subclasses of it.
UsageError: type[Exception] = typer.BadParameter.__mro__[1]

HELP_OPTIONS = ["-h", "--help"]


def usage_error_text(error: Any) -> str:
    text = german(str(error.format_message()))
    command = error.ctx.command_path if getattr(error, "ctx", None) else "katalog"
    return f"Fehler: {text}\nHilfe: {command} --help"


def _german_marks(text: str) -> str:
    return text.replace("[required]", "[Pflichtangabe]").replace("[default: ", "[Vorgabe: ")


def _show_version(ctx: Any, _param: Any, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        typer.echo(f"katalog {__version__}")
        ctx.exit(0)


class _GermanHelp:
    def get_params(self, ctx: Any) -> list[Any]:
        """The command's own options, ``-h``/``--help`` and ``--version``: every command knows both."""
        params: list[Any] = super().get_params(ctx)  # type: ignore[misc]
        # one object per command: click orders eager callbacks by comparing option objects
        version = self.__dict__.get("_version_option")
        if version is None:
            version = TyperOption(param_decls=["--version"], is_flag=True, expose_value=False, is_eager=True,
                                  callback=_show_version, help="Die Version von katalog anzeigen und beenden.")
            self.__dict__["_version_option"] = version
        return [*params, version]

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
        for param in self.get_params(ctx):
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
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Bare ``katalog`` shows the help and ends with exit code 0: asking what there is is no mistake."""
        if not args:
            typer.echo(ctx.get_help(), color=ctx.color)
            ctx.exit(0)
        return list(super().parse_args(ctx, args))

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        rows = [(name, _first_paragraph(command.help or command.short_help or ""))
                for name in self.list_commands(ctx) if (command := self.get_command(ctx, name)) is not None]
        if rows:
            with formatter.section("Befehle"):
                formatter.write_dl(rows)


def _first_paragraph(text: str) -> str:
    """A command's description in the command list: its whole first paragraph, wrapped, never cut off."""
    return " ".join(text.strip().split("\n\n", 1)[0].split())
