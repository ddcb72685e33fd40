"""Reading IP records from ledgers: EVM JSON-RPC responses, Hyperledger Fabric blocks, MultiChain streams.

Each reader turns export files into :class:`~wipo_bc_standard.sources.Item` s whose ``doc`` is an IP
record with its ``ledger`` envelope filled from the ledger and whose ``position`` is that envelope.
Every ledger entry read is accounted for in :class:`ReadStats`: a record, an item with a finding, or
skipped with its reason. The on-chain encodings are specified in ``docs/encodings.md``.

>>> from wipo_bc_standard.ledgers import open_reader
>>> reader = open_reader("evm")
>>> # for item in reader.read(["blocks.json"]): ...; print(reader.stats.summary())
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..constants import LEDGER_KINDS
from .anchors import OffChainStore
from .base import LedgerReader, ReaderError, ReadStats


def open_reader(kind: str, *, chain: str | None = None, stream: str | None = None,
                records: str | Path | None = None) -> LedgerReader:
    """A reader for one kind of ledger export.

    ``chain`` names the network where the export does not (MultiChain chain name; overrides the EVM
    chain id and the Fabric network name); ``stream`` is the MultiChain stream the items were listed
    from; ``records`` is the off-chain store (records and documents) that anchors are checked against.
    """
    store = OffChainStore.load(Path(records)) if records is not None else None
    options: dict[str, Any] = {"chain": chain, "store": store}
    if kind == "evm":
        from .evm import EvmReader
        return EvmReader(**options)
    if kind == "fabric":
        from .fabric import FabricReader
        return FabricReader(**options)
    if kind == "multichain":
        from .multichain import MultiChainReader
        return MultiChainReader(stream=stream, **options)
    raise ValueError(f"unknown ledger kind {kind!r}; choose one of {', '.join(LEDGER_KINDS)}")


__all__ = ["LedgerReader", "OffChainStore", "ReadStats", "ReaderError", "open_reader"]
