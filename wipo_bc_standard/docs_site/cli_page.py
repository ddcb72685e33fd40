"""The CLI reference: every command with its usage, help and options, walked from the click group."""

from __future__ import annotations

import html
import inspect
from collections.abc import Iterator

import click

from .markdown import GENERATED, Page, banner, cell, code, table


def cli_page(root: click.Command, prog: str = "wipo-bc") -> Page:
    """Every command of the CLI with its usage, help and options, walked from its click group ``root``."""
    parts = [banner(), "# Command-line reference\n",
             "Generated from the click commands of `wipo-bc`; `wipo-bc COMMAND --help` prints the same.\n"]
    for path, command, ctx in _walk(root, prog):
        depth = min(len(path.split()), 4)
        parts.append(f"{'#' * (depth + 1)} `{path}`\n")
        parts.append("```text\n" + command.get_usage(ctx) + "\n```\n")
        if command.help:
            parts.append(_help_markdown(command.help) + "\n")
        options = [record for p in command.get_params(ctx)
                   if isinstance(p, click.Option) and (record := p.get_help_record(ctx))]
        arguments = [p for p in command.params if isinstance(p, click.Argument)]
        if arguments:
            argument_rows = [(code(a.human_readable_name), "yes" if a.required else "no") for a in arguments]
            parts.append(table(("Argument", "Required"), argument_rows) + "\n")
        if options:
            parts.append(table(("Option", "Description"), [(code(o), cell(h)) for o, h in options]) + "\n")
    return Page(f"{GENERATED}/cli.md", "CLI reference", "\n".join(parts))


def _walk(command: click.Command, path: str,
          parent: click.Context | None = None) -> Iterator[tuple[str, click.Command, click.Context]]:
    ctx = click.Context(command, info_name=path.split()[-1], parent=parent)
    yield path, command, ctx
    if isinstance(command, click.Group):
        for name in sorted(command.list_commands(ctx)):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                yield from _walk(sub, f"{path} {name}", ctx)


def _help_markdown(text: str) -> str:
    """Click help (paragraphs, ``\\b`` blocks kept verbatim) as Markdown."""
    out = []
    for para in inspect.cleandoc(text).split("\n\n"):
        if para.startswith("\b"):
            out.append("```text\n" + para.lstrip("\b\n") + "\n```")
        else:
            out.append(html.escape(" ".join(para.split()), quote=False).replace("*", "\\*"))
    return "\n\n".join(out)
