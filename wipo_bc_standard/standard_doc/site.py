"""The draft standard on the documentation site: generated documents the pages link to.

The mkdocs hook (``docs_site.on_files``) adds them as in-memory files under ``standard/``, so
nothing is written into ``docs/`` and ``mkdocs serve`` does not rebuild in a loop.
"""

from __future__ import annotations

import importlib.util

from .content import DOCUMENT_LANGUAGES, build_document
from .writers import render

FOLDER = "standard"


def documents() -> dict[str, str | bytes]:
    """``standard/draft-standard-<lang>.<html|docx>`` -> content (docx only with python-docx)."""
    formats = ["html"] + (["docx"] if importlib.util.find_spec("docx") is not None else [])
    out: dict[str, str | bytes] = {}
    for lang in DOCUMENT_LANGUAGES:
        doc = build_document(lang)
        for fmt in formats:
            out[f"{FOLDER}/draft-standard-{lang}.{fmt}"] = render(doc, fmt)
    return out
