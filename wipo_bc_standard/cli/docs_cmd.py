"""``wipo-bc docs build|generate``: the documentation site, generated from the project's sources."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import click

from ..resources import source_root
from .common import fail

_DOCS_EXTRA = "pip install 'wipo-bc-standard[docs]'"


def find_config(given: str | None) -> Path:
    """``mkdocs.yml``: the one named, else the current directory's, else the source checkout's."""
    candidates = [Path(given)] if given else [Path("mkdocs.yml")]
    root = source_root()
    if not given and root is not None:
        candidates.append(root / "mkdocs.yml")
    for path in candidates:
        if path.is_file():
            return path.resolve()
    fail(f"{candidates[0]}: no such file; the docs are built from a source checkout of wipo-bc-standard")


@click.group("docs")
def group() -> None:
    """The documentation site (mkdocs + material), with pages generated from the rule catalogue,
    code lists, schemas, vocabulary and these commands."""


@group.command("build")
@click.option("--site-dir", metavar="DIR", help="Write the site to DIR (default: site/ beside mkdocs.yml).")
@click.option("--serve", is_flag=True, help="Serve the site on localhost with live reload instead of writing it.")
@click.option("-f", "--config-file", metavar="FILE", help="The mkdocs configuration (default: mkdocs.yml).")
def build(site_dir: str | None, serve: bool, config_file: str | None) -> None:
    """Generate the pages into docs/generated/ and build the site with mkdocs --strict.

    Needs the docs extra (mkdocs, mkdocs-material, mkdocstrings). Exit code 2 when the build fails.
    """
    config = find_config(config_file)
    missing = [name for name in ("mkdocs", "material", "mkdocstrings") if importlib.util.find_spec(name) is None]
    if missing:
        fail(f"{', '.join(missing)} not installed: {_DOCS_EXTRA}")
    command = [sys.executable, "-m", "mkdocs", "serve" if serve else "build", "--strict", "-f", str(config)]
    if site_dir and not serve:
        command += ["--site-dir", str(Path(site_dir).resolve())]
    try:
        # NO_MKDOCS_2_WARNING: mkdocs-material's banner about its successor, noise in every build log.
        code = subprocess.call(command, cwd=config.parent, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    except KeyboardInterrupt:
        code = 0 if serve else 130
    if code != 0:
        fail(f"mkdocs {'serve' if serve else 'build'} failed (exit code {code}); see its messages above")


@group.command("generate")
@click.option("-f", "--config-file", metavar="FILE", help="The mkdocs configuration (default: mkdocs.yml).")
def generate(config_file: str | None) -> None:
    """Write the generated pages into docs/generated/ only (no mkdocs needed), and list them."""
    from ..docs_site import Sources
    from ..docs_site import generate as write_pages

    config = find_config(config_file)
    for page in write_pages(config.parent / "docs", Sources(config.parent), click.get_current_context().find_root().command):
        click.echo(page.path)


commands = [group]

from .standard_cmd import command as _standard  # noqa: E402  (the draft standard as a document)

group.add_command(_standard)
