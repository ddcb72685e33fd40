"""The draft standard as a document (``wipo-bc docs standard``), laid out as a WIPO standard:
numbered paragraphs; introduction; definitions and terminology; scope; requirements; annexes.

:mod:`.content` assembles it from the sources the checks use, :mod:`.blocks` is its layout-neutral
form, :mod:`.writers` writes Markdown, HTML or Word.

>>> from wipo_bc_standard.rules import CATALOGUE
>>> len(build_document("en").requirements) == len(CATALOGUE)
True
"""

from __future__ import annotations

from .content import DOCUMENT_LANGUAGES, build_document
from .writers import DOCUMENT_FORMATS, MissingDependency, render

__all__ = ["DOCUMENT_FORMATS", "DOCUMENT_LANGUAGES", "MissingDependency", "build_document", "render"]
