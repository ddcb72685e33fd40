"""The mkdocs hook named in ``mkdocs.yml``: generates the pages when mkdocs starts, so that
``mkdocs build --strict`` and ``wipo-bc docs build`` give the same site.

Absolute imports: mkdocs loads this file by path, outside the package.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wipo_bc_standard.cli import main
from wipo_bc_standard.docs_site import Sources, expand_nav, generate


def on_config(config: Any) -> Any:
    """mkdocs hook: generate the pages from the checkout mkdocs.yml sits in, and list them in the nav."""
    root = Path(config.config_file_path).resolve().parent
    docs_dir = Path(config.docs_dir)
    made = generate(docs_dir, Sources(root), main)
    if config.nav:
        config.nav = expand_nav(config.nav, made)
    return config


def on_files(files: Any, config: Any) -> Any:
    """mkdocs hook: the draft standard's documents (``standard/``), generated in memory for the pages to link."""
    from mkdocs.structure.files import File

    from wipo_bc_standard.standard_doc.site import documents
    for path, content in documents().items():
        files.append(File.generated(config, path, content=content))
    return files
