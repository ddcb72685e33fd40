"""Checked items as table rows, for the engines' dataframes: one row per finding, one per item."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

#: (column, pandas dtype) of the findings table: where the item is, the finding, and the item's conformance.
FINDING_COLUMNS = (("source", "object"), ("line", "Int64"), ("index", "int64"), ("target", "object"),
                   ("rule", "object"), ("level", "object"), ("path", "object"), ("message", "object"),
                   ("conformant", "bool"))
#: (column, pandas dtype) of the items table: every item, with its conformance and number of findings.
ITEM_COLUMNS = (("source", "object"), ("line", "Int64"), ("index", "int64"), ("target", "object"),
                ("conformant", "bool"), ("findings", "int64"))


def finding_rows(checked: Iterable[Any]) -> list[tuple[Any, ...]]:
    return [(r.source, r.line, r.index, r.target, f.rule, f.level.label, f.path, f.message, r.conformant)
            for _position, r, _chain in checked for f in r.findings]


def item_rows(checked: Iterable[Any]) -> list[tuple[Any, ...]]:
    return [(r.source, r.line, r.index, r.target, r.conformant, len(r.findings)) for _position, r, _chain in checked]
