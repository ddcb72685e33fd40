"""The site: every generated page, written under docs/generated/ and listed in the nav."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import click

from .cli_page import cli_page
from .codelist_pages import codelist_pages
from .compat_page import compat_page
from .data_model import data_model_pages
from .front_matter_pages import front_matter_pages
from .glossary import glossary_pages
from .markdown import GENERATED, Page, Sources
from .reference_model import reference_model_page
from .rule_pages import rule_pages


def pages(sources: Sources, cli: click.Command) -> list[Page]:
    """Every generated page, in nav order within each section; ``cli`` is the click group of ``wipo-bc``."""
    return [*front_matter_pages(), *rule_pages(), *codelist_pages(), *glossary_pages(),
            *data_model_pages(sources.schemas, sources.examples), reference_model_page(),
            compat_page(sources.examples), cli_page(cli)]


def generate(docs_dir: Path, sources: Sources, cli: click.Command) -> list[Page]:
    """Write the generated pages under ``docs_dir/generated`` (changed files only) and drop stale ones."""
    out = docs_dir / GENERATED
    made = pages(sources, cli)
    wanted = {docs_dir / p.path for p in made}
    for page in made:
        path = docs_dir / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != page.text:
            path.write_text(page.text, encoding="utf-8", newline="\n")
    if out.is_dir():
        for stale in [p for p in out.rglob("*") if p.is_file() and p not in wanted]:
            stale.unlink()
        for folder in sorted((p for p in out.rglob("*") if p.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                shutil.rmtree(folder)
    return made


def expand_nav(nav: list[Any], made: list[Page]) -> list[Any]:
    """Replace each nav entry naming a generated section's ``index.md`` by the section's pages in order."""
    sections: dict[str, list[Page]] = {}
    for page in made:
        folder = page.path.rsplit("/", 1)[0]
        if page.path.endswith("/index.md"):
            sections.setdefault(page.path, [])
        elif f"{folder}/index.md" in sections:
            sections[f"{folder}/index.md"].append(page)

    def walk(entries: list[Any]) -> list[Any]:
        result = []
        for entry in entries:
            if isinstance(entry, dict):
                (title, value), = entry.items()
                if isinstance(value, list):
                    result.append({title: walk(value)})
                elif isinstance(value, str) and value in sections:
                    result.append({title: [value, *_grouped(sections[value])]})
                else:
                    result.append(entry)
            else:
                result.append(entry)
        return result

    return walk(nav)


def _grouped(section: list[Page]) -> list[Any]:
    """Nav entries of a section's pages, nested under their group where they have one."""
    entries: list[Any] = []
    groups: dict[str, list[Any]] = {}
    for page in section:
        if page.group:
            if page.group not in groups:
                groups[page.group] = []
                entries.append({page.group: groups[page.group]})
            groups[page.group].append({page.title: page.path})
        else:
            entries.append({page.title: page.path})
    return entries
