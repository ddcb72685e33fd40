"""EVM chains: JSON-RPC responses (blocks, transactions, receipts, logs) as users save them.

Accepted: single responses or arrays of them, with or without the ``{"jsonrpc", "id", "result"}``
envelope; results of ``eth_getBlockByNumber``/``ByHash`` (full transactions), ``eth_getTransactionByHash``,
``eth_getTransactionReceipt``, ``eth_getBlockReceipts`` and ``eth_getLogs``. Entries are transactions
(inline records: the input data is the record's UTF-8 JSON) and logs (anchors: the
``IPRecordAnchored`` event). Quantities are hex; the timestamp is the block's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from ..items import Item
from ..limits import LIMITS
from .anchors import ANCHOR_TOPIC, decode_abi_strings
from .base import LedgerReader, Malformed
from .units import Unit

#: Chain ids of public Ethereum (mainnet, Sepolia, Holesky, Hoodi): platform ``ethereum``; others ``evm``.
ETHEREUM_CHAIN_IDS = frozenset({1, 11155111, 17000, 560048})


#: Hex digits of the largest quantity read: block numbers, times, indexes and chain ids are 64-bit
#: (uint64 in the execution APIs), and the JSON output carries integers of 64 bits at most.
_QUANTITY_DIGITS = 16


def quantity(value: Any, place: str) -> int:
    """A JSON-RPC hex quantity (``0x1a``) of at most 64 bits."""
    if isinstance(value, str) and value.startswith("0x") and len(value) > 2 + _QUANTITY_DIGITS:
        raise Malformed(place, f"a quantity of {len(value) - 2} hex digits is beyond 64 bits")
    if isinstance(value, str) and value.startswith("0x") and len(value) > 2:
        try:
            return int(value, 16)
        except ValueError:
            pass
    raise Malformed(place, f"not a hex quantity: {value!r}")


def data_bytes(value: Any, place: str) -> bytes:
    """JSON-RPC unformatted data (``0x`` + an even number of hex digits), at most the ``item_bytes``
    limit once decoded (a payload is one item)."""
    if isinstance(value, str) and len(value) > 2 + 2 * LIMITS.item_bytes:
        raise Malformed(place, f"{(len(value) - 2) // 2} bytes of data, more than the limit of {LIMITS.item_bytes} "
                               "(item_bytes, docs/limits.md)")
    if isinstance(value, str) and value.startswith("0x"):
        try:
            return bytes.fromhex(value[2:])
        except ValueError:
            pass
    raise Malformed(place, "not 0x-prefixed hex data of whole bytes")


def _hash(value: Any, place: str) -> str:
    if isinstance(value, str) and value.startswith("0x") and len(value) == 66:
        try:
            int(value, 16)
            return value[2:].lower()
        except ValueError:
            pass
    raise Malformed(place, f"not a 32-byte hash: {value!r}")


def iso_time(seconds: Any, place: str) -> str:
    """RFC 3339 UTC time of a Unix time in seconds (a block's timestamp); Malformed when it is none."""
    if type(seconds) is not int:
        raise Malformed(place, f"not a Unix time in seconds: {seconds!r}")
    try:
        return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (ValueError, OverflowError, OSError):
        raise Malformed(place, f"Unix time {seconds} is out of range") from None


class EvmReader(LedgerReader):
    """Reads EVM JSON-RPC responses; see the module's documentation."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._chain_id: int | None = None
        #: Block hash -> timestamp of blocks seen, for transactions and logs read without their block.
        self._block_times: dict[str, int] = {}

    def _entries(self, unit: Unit, value: Any, place: str) -> Iterator[Item]:
        if value is None:
            self.skip("null result (not found)")
        elif isinstance(value, list):
            for index, element in enumerate(value):
                yield from self._entries(unit, element, f"{place}[{index}]")
        elif isinstance(value, dict):
            if "jsonrpc" in value or ("id" in value and ("result" in value or "error" in value)):
                if value.get("error") is not None:
                    self.skip("JSON-RPC error response")
                elif "result" not in value:
                    raise Malformed(place, "JSON-RPC response without result or error")
                else:
                    yield from self._entries(unit, value["result"], f"{place}.result")
            elif "transactions" in value and "number" in value:
                yield from self._block(unit, value, place)
            elif "topics" in value and "address" in value:
                yield from self._log(unit, value, place)
            elif "logs" in value and "transactionHash" in value:
                yield from self._receipt(unit, value, place)
            elif "hash" in value and ("input" in value or "data" in value) and "nonce" in value:
                yield from self._transaction(unit, value, place, None)
            else:
                raise Malformed(place, "not a JSON-RPC block, transaction, receipt or log")
        else:
            self.skip("other JSON-RPC result (not a block, transaction, receipt or log)")

    def _block(self, unit: Unit, block: dict[str, Any], place: str) -> Iterator[Item]:
        number = quantity(block.get("number"), f"{place}.number")
        block_hash = _hash(block.get("hash"), f"{place}.hash")
        seconds = quantity(block.get("timestamp"), f"{place}.timestamp")
        self._block_times[block_hash] = seconds
        transactions = block.get("transactions")
        if not isinstance(transactions, list):
            raise Malformed(f"{place}.transactions", "not an array")
        if not transactions:
            self.skip("block without transactions")
            return
        context = {"blockNumber": number, "blockHash": block_hash, "timestamp": iso_time(seconds, f"{place}.timestamp")}
        for index, tx in enumerate(transactions):
            if isinstance(tx, str):
                self.skip("transaction hash only (fetch the block with full transactions)")
            elif isinstance(tx, dict):
                yield from self._transaction(unit, tx, f"{place}.transactions[{index}]", context)
            else:
                raise Malformed(f"{place}.transactions[{index}]", "not a transaction object or hash")

    def _transaction(self, unit: Unit, tx: dict[str, Any], place: str,
                     context: dict[str, Any] | None) -> Iterator[Item]:
        tx_hash = _hash(tx.get("hash"), f"{place}.hash")
        if "chainId" in tx and tx["chainId"] is not None:
            self._chain_id = quantity(tx["chainId"], f"{place}.chainId")
        raw_input = tx.get("input", tx.get("data"))
        payload = data_bytes(raw_input, f"{place}.input")
        if tx.get("blockNumber") is None and context is None:
            self.skip("pending transaction (not in a block yet)")
            return
        if context is None:
            block_hash = _hash(tx.get("blockHash"), f"{place}.blockHash")
            seconds = (quantity(tx["blockTimestamp"], f"{place}.blockTimestamp") if tx.get("blockTimestamp")
                       else self._block_times.get(block_hash))
            context = {"blockNumber": quantity(tx.get("blockNumber"), f"{place}.blockNumber"),
                       "blockHash": block_hash,
                       "timestamp": iso_time(seconds, f"{place}.blockTimestamp") if seconds is not None else None}
        position = self._position(context, "0x" + tx_hash, None)
        yield from self.payload(unit, place, payload, position)

    def _receipt(self, unit: Unit, receipt: dict[str, Any], place: str) -> Iterator[Item]:
        logs = receipt.get("logs")
        if not isinstance(logs, list):
            raise Malformed(f"{place}.logs", "not an array")
        if not logs:
            self.skip("receipt without logs")
        for index, log in enumerate(logs):
            yield from self._log(unit, log, f"{place}.logs[{index}]")

    def _log(self, unit: Unit, log: Any, place: str) -> Iterator[Item]:
        if not isinstance(log, dict):
            raise Malformed(place, "not a log object")
        topics = log.get("topics")
        if not isinstance(topics, list):
            raise Malformed(f"{place}.topics", "not an array")
        if log.get("removed") is True:
            self.skip("removed log (chain reorganisation)")
            return
        if not topics or not isinstance(topics[0], str) or topics[0].lower() != ANCHOR_TOPIC:
            self.skip("not IP data (log of another event)")
            return
        if log.get("blockNumber") is None:
            self.skip("pending log (not in a block yet)")
            return
        if len(topics) != 2:
            raise Malformed(f"{place}.topics", "an IPRecordAnchored log has exactly 2 topics")
        digest = _hash(topics[1], f"{place}.topics[1]")
        try:
            record_id, locator = decode_abi_strings(str(log.get("data", "")), 2)
        except (ValueError, UnicodeDecodeError) as exc:
            raise Malformed(f"{place}.data", f"not ABI-encoded (string recordId, string locator): {exc}") from None
        block_hash = _hash(log.get("blockHash"), f"{place}.blockHash")
        seconds = (quantity(log["blockTimestamp"], f"{place}.blockTimestamp") if log.get("blockTimestamp")
                   else self._block_times.get(block_hash))
        context = {"blockNumber": quantity(log.get("blockNumber"), f"{place}.blockNumber"),
                   "blockHash": block_hash,
                   "timestamp": iso_time(seconds, f"{place}.blockTimestamp") if seconds is not None else None}
        tx_hash = _hash(log.get("transactionHash"), f"{place}.transactionHash")
        position = self._position(context, "0x" + tx_hash, quantity(log.get("logIndex"), f"{place}.logIndex"))
        anchor = {"anchorOf": record_id, "digest": {"alg": "sha-256", "value": digest}, "locator": locator}
        yield from self.anchor(unit, place, anchor, position)

    def _position(self, context: dict[str, Any], tx_hash: str, log_index: int | None) -> dict[str, Any]:
        chain_id = self._chain_id
        platform = "ethereum" if chain_id in ETHEREUM_CHAIN_IDS else "evm"
        network = self.chain or (f"eip155:{chain_id}" if chain_id is not None else None)
        return {"platform": platform, "network": network, "transactionId": tx_hash,
                "blockNumber": context["blockNumber"], "blockHash": context["blockHash"],
                "logIndex": log_index, "timestamp": context["timestamp"]}
