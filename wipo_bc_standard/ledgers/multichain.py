"""MultiChain: ``liststreamitems`` / ``liststreamkeyitems`` / ``getstreamitem`` output.

Entries are stream items (txid, blocktime, keys, publishers, data). An item's data is the record
as ``{"json": record}``, ``{"text": "<json>"}`` or a hex string of its UTF-8 JSON. Stream items do
not carry their block's height: ``listblocks`` output read before them (same or earlier file)
gives it, from the block hash; a ``blockheight`` member, where a node adds one, is used as is.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..items import Item
from .base import LedgerReader, Malformed
from .evm import iso_time
from .units import Unit


class MultiChainReader(LedgerReader):
    """Reads MultiChain stream items; see the module's documentation."""

    platform = "multichain"

    def __init__(self, *, stream: str | None = None, **options: Any) -> None:
        super().__init__(**options)
        self.stream = stream
        self._heights: dict[str, int] = {}

    def _entries(self, unit: Unit, value: Any, place: str) -> Iterator[Item]:
        if isinstance(value, list):
            for index, element in enumerate(value):
                yield from self._entries(unit, element, f"{place}[{index}]")
        elif not isinstance(value, dict):
            raise Malformed(place, "not a stream item, a listblocks entry or an RPC response")
        elif "result" in value and ("error" in value or "id" in value):
            if value.get("error") is not None:
                self.skip("JSON-RPC error response")
            elif value["result"] is None:
                self.skip("null result (not found)")
            else:
                yield from self._entries(unit, value["result"], f"{place}.result")
        elif "txid" in value and "publishers" in value:
            yield from self._item(unit, value, place)
        elif "height" in value and "hash" in value:
            if isinstance(value["hash"], str) and isinstance(value["height"], int):
                self._heights[value["hash"]] = value["height"]
            self.skip("block listing (used for block heights)")
        else:
            raise Malformed(place, "not a stream item (txid, publishers, data) or a listblocks entry")

    def _item(self, unit: Unit, item: dict[str, Any], place: str) -> Iterator[Item]:
        if item.get("valid") is False:
            self.skip("invalid item (rejected by a stream filter)")
            return
        if not item.get("blockhash") or not isinstance(item.get("blocktime"), int):
            self.skip("unconfirmed item (not in a block yet)")
            return
        data = item.get("data")
        if item.get("offchain") and item.get("available") is False:
            self.skip("off-chain item whose data this node has not retrieved")
            return
        if isinstance(data, dict) and "json" in data:
            payload: Any = data["json"] if isinstance(data["json"], dict) else b"[]"
        elif isinstance(data, dict) and "text" in data:
            if not isinstance(data["text"], str):
                raise Malformed(f"{place}.data.text", "not a string")
            payload = data["text"].encode("utf-8")
        elif isinstance(data, dict) and "txid" in data and "vout" in data:
            self.skip("data not shown inline (larger than maxshowndata: fetch it with gettxoutdata)")
            return
        elif isinstance(data, str):
            try:
                payload = bytes.fromhex(data)
            except ValueError:
                raise Malformed(f"{place}.data", "not a hex string of whole bytes") from None
        elif data is None:
            self.skip("item without data")
            return
        else:
            raise Malformed(f"{place}.data", "not hex, {\"text\": ...} or {\"json\": ...}")
        height = item.get("blockheight")
        if not isinstance(height, int):
            height = self._heights.get(item["blockhash"])
        position = {"platform": self.platform, "network": self.chain, "channel": self.stream,
                    "transactionId": item.get("txid"), "blockNumber": height,
                    "blockHash": str(item["blockhash"]).lower(), "timestamp": iso_time(item["blocktime"], f"{place}.blocktime")}
        yield from self.payload(unit, place, payload, position)
