"""Rules across the records of a ledger: hash links, duplicates, forks, order."""

from __future__ import annotations
