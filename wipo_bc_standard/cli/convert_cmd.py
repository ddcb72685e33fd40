"""``wipo-bc convert``."""

from __future__ import annotations

import click

from ..constants import CONVERT_FORMS
from .common import fail, output


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
    with output(out_path, [path], binary=True) as stream:
        stream.write(data)


commands: list[click.Command] = [convert]
