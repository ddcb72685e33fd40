"""``wipo-bc schemas export|check``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import schemas
from ..formats import artifacts
from .common import fail


@click.group("schemas")
def command() -> None:
    """Generate the schemas from the model, or check the bundled ones against it.

    The model (pydantic) gives the JSON Schemas; the JSON Schemas give the XSD, the SHACL shapes
    and the JSON-LD context.
    """


@command.command("export")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Directory to write to (default, in a source checkout only: its schemas/ and vocab/).")
def export(out_dir: str | None) -> None:
    """Write the JSON Schemas, XSD, SHACL shapes and JSON-LD context generated from the model."""
    from ..resources import source_root
    if out_dir is None and source_root() is None:
        # Installed from a wheel, the default would be the package's own data: never write there.
        fail("name the directory to write to with --out (the bundled schemas/ belong to the installed package)")
    try:
        target = Path(out_dir) if out_dir else None
        for path in schemas.export(target):
            click.echo(str(path))
        for path in artifacts.export(schema_dir=target, vocab_dir=target):
            click.echo(str(path))
    except OSError as exc:
        fail(f"cannot write schemas: {exc.strerror or exc}")


@command.command("check")
def check() -> None:
    """Exit 1 when a bundled schema differs from what the model generates."""
    stale = schemas.drift() + artifacts.drift()
    for name in stale:
        click.echo(f"{name}: differs from the model; run `wipo-bc schemas export`", err=True)
    if not stale:
        click.echo("the JSON Schemas, XSD, SHACL shapes and JSON-LD context match the model")
    sys.exit(1 if stale else 0)


commands = [command]
