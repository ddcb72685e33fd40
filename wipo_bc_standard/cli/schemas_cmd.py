"""``wipo-bc schemas export|check``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import schemas
from .common import fail


@click.group("schemas")
def command() -> None:
    """Generate the JSON Schemas from the model, or check the bundled ones against it."""


@command.command("export")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Folder to write to (default: the bundled schemas/).")
def export(out_dir: str | None) -> None:
    """Write the JSON Schemas generated from the model."""
    try:
        for path in schemas.export(Path(out_dir) if out_dir else None):
            click.echo(str(path))
    except OSError as exc:
        fail(f"cannot write schemas: {exc.strerror or exc}")


@command.command("check")
def check() -> None:
    """Exit 1 when a bundled schema differs from what the model generates."""
    stale = schemas.drift()
    for name in stale:
        click.echo(f"{name}: differs from the model; run `wipo-bc schemas export`", err=True)
    if not stale:
        click.echo(f"{len(schemas.MODELS)} schemas match the model")
    sys.exit(1 if stale else 0)


commands = [command]
