"""Items: one document to check and where it came from, as every reader hands it on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .findings import Finding
from .jsontext import ParseError


class SourceError(Exception):
    """A source that cannot be read at all (missing path, unreadable file): the run cannot be done."""


@dataclass(slots=True)
class Item:
    """One document to check and where it came from."""

    source: str
    index: int
    line: int | None
    doc: Any = None
    error: ParseError | None = None
    #: Position on a ledger, for items read from a ledger export.
    position: Mapping[str, Any] | None = None
    #: Findings the reader already made (XSD errors of an XML record, a refused remote context...).
    findings: list[Finding] = field(default_factory=list)
