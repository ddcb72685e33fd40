"""Stateful checks across the records of a ledger (hash links, order, duplicates, forks)."""

from __future__ import annotations

from typing import Any

from ..findings import Finding


class LedgerChain:
    """Fed the records of a ledger in ledger order; returns the findings on each record."""

    def feed(self, doc: Any) -> list[Finding]:
        return []
