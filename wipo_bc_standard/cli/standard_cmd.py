"""``wipo-bc docs standard``: the draft standard as a document (Markdown, HTML or Word)."""

from __future__ import annotations

from typing import Any, cast

import click

from ..constants import DOCUMENT_FORMATS, DOCUMENT_LANGUAGES
from .common import fail, output


@click.command("standard")
@click.option("--lang", type=click.Choice(DOCUMENT_LANGUAGES), default="en", show_default=True,
              help="Language of the document's frame, headings and terms.")
@click.option("--format", "fmt", type=click.Choice(DOCUMENT_FORMATS), default="md", show_default=True,
              help="Markdown, self-contained HTML, or Word (needs python-docx: the `standard` extra).")
@click.option("-o", "--output", "out_path", metavar="FILE", help="Write to FILE (required for docx) instead of stdout.")
def command(lang: str, fmt: str, out_path: str | None) -> None:
    """Write the draft standard laid out as a WIPO standard: numbered paragraphs, introduction,
    definitions and terminology (from the vocabulary), scope, the requirements (one per rule of the
    catalogue, with its key word and clause) and annexes (data model, code lists, on-chain encodings,
    XML schema, examples)."""
    from ..standard_doc import MissingDependency, build_document, render

    if fmt == "docx" and (out_path is None or out_path == "-"):
        fail("--format docx writes a binary file: name it with -o FILE")
    try:
        content = render(build_document(lang), fmt)
    except MissingDependency as exc:
        fail(str(exc))
    with output(out_path) as stream:
        if isinstance(content, bytes):
            cast(Any, stream).buffer.write(content)  # a text stream over a binary file: write the bytes
        else:
            stream.write(content)
