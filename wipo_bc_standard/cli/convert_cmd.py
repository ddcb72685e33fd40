"""``wipo-bc convert``."""

from __future__ import annotations

import sys

import click

from ..constants import CONVERT_FORMS
from .common import fail


@click.command("convert")
@click.argument("path", metavar="FILE")
@click.option("--to", "form", type=click.Choice(CONVERT_FORMS), required=True,
              help="Form to write.")
@click.option("-o", "--output", "out_path", metavar="FILE", help="Write to FILE instead of stdout.")
def convert(path: str, form: str, out_path: str | None) -> None:
    """Convert a record, network profile or governance declaration between its forms, losslessly.

    FILE may be JSON, XML (records), JSON-LD or Turtle; it must be schema-valid (checked first).
    """
    from ..formats.convert import convert as run
    from ..formats.errors import ConversionError

    try:
        data = run(path, form)
    except ConversionError as exc:
        fail(str(exc))
    if out_path is None or out_path == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        with open(out_path, "wb") as stream:
            stream.write(data)
    except OSError as exc:
        fail(f"cannot write {out_path}: {exc.strerror or exc}")


commands: list[click.Command] = [convert]
