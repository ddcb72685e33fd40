"""Hyperledger Fabric: blocks as ``configtxlator proto_decode --type common.Block`` prints them.

The JSON form (protolator): snake_case names, bytes as base64, uint64 as strings, the header
``type`` a number (1 = CONFIG, 3 = ENDORSER_TRANSACTION) or its name. Entries are the writes of
each namespace of each valid endorser transaction; records are written under the composite keys
of the ``wipo-bc.record`` and ``wipo-bc.anchor`` object types (docs/encodings.md).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterator
from typing import Any

from ..items import Item
from .base import LedgerReader, Malformed
from .units import Unit

#: Composite-key prefixes (``\\x00objectType\\x00``) of the two object types of the standard.
RECORD_KEY_PREFIX = "\x00wipo-bc.record\x00"
ANCHOR_KEY_PREFIX = "\x00wipo-bc.anchor\x00"
_HEADER_TYPES = {"MESSAGE": 0, "CONFIG": 1, "CONFIG_UPDATE": 2, "ENDORSER_TRANSACTION": 3,
                 "ORDERER_TRANSACTION": 4, "DELIVER_SEEK_INFO": 5, "CHAINCODE_PACKAGE": 6}
#: Index of the TRANSACTIONS_FILTER entry of block metadata (one validation code byte per transaction).
_TRANSACTIONS_FILTER = 2


def _b64(value: Any, place: str) -> bytes:
    if value is None:
        return b""
    if isinstance(value, str):
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            pass
    raise Malformed(place, "not base64 bytes")


def _der_length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def block_hash(number: int, previous_hash: bytes, data_hash: bytes) -> str:
    """Fabric's block hash: SHA-256 of the ASN.1 DER of (number, previous_hash, data_hash)."""
    integer = number.to_bytes(number.bit_length() // 8 + 1, "big")  # minimal two's complement, positive
    body = (b"\x02" + _der_length(len(integer)) + integer
            + b"\x04" + _der_length(len(previous_hash)) + previous_hash
            + b"\x04" + _der_length(len(data_hash)) + data_hash)
    return hashlib.sha256(b"\x30" + _der_length(len(body)) + body).hexdigest()


def _get(node: Any, place: str, *keys: str) -> Any:
    for key in keys:
        if not isinstance(node, dict):
            raise Malformed(place, f"not an object where {key} was expected")
        node = node.get(key)
        place = f"{place}.{key}"
    return node


class FabricReader(LedgerReader):
    """Reads decoded Fabric blocks; see the module's documentation."""

    platform = "hyperledger-fabric"

    def _entries(self, unit: Unit, value: Any, place: str) -> Iterator[Item]:
        if isinstance(value, list):
            for index, element in enumerate(value):
                yield from self._entries(unit, element, f"{place}[{index}]")
            return
        if not isinstance(value, dict) or not isinstance(value.get("header"), dict) or "data" not in value:
            raise Malformed(place, "not a Fabric block (header, data, metadata)")
        yield from self._block(unit, value, place)

    def _block(self, unit: Unit, block: dict[str, Any], place: str) -> Iterator[Item]:
        header = block["header"]
        raw = header.get("number", "0")
        # configtxlator prints uint64 as a decimal string; a plain JSON integer is accepted too.
        number = (int(raw) if type(raw) is str and raw.isascii() and raw.isdigit() and len(raw) <= 20
                  else raw if type(raw) is int else -1)
        if not 0 <= number < 2**64:
            raise Malformed(f"{place}.header.number", "not a uint64")
        digest = block_hash(number, _b64(header.get("previous_hash"), f"{place}.header.previous_hash"),
                            _b64(header.get("data_hash"), f"{place}.header.data_hash"))
        envelopes = _get(block, place, "data", "data")
        if not isinstance(envelopes, list):
            raise Malformed(f"{place}.data.data", "not an array")
        if not envelopes:
            self.skip("block without transactions")
        flags = self._validation_flags(block, place)
        for index, envelope in enumerate(envelopes):
            where = f"{place}.data.data[{index}]"
            channel_header = _get(envelope, where, "payload", "header", "channel_header")
            if not isinstance(channel_header, dict):
                raise Malformed(f"{where}.payload.header.channel_header", "missing")
            kind = channel_header.get("type")
            kind = _HEADER_TYPES.get(kind, kind) if isinstance(kind, str) else kind
            if kind in (1, 2):
                self.skip("config transaction (config block)")
                continue
            if kind != 3:
                self.skip(f"header type {kind} (not an endorser transaction)")
                continue
            code = flags[index] if index < len(flags) else 0
            if code != 0:
                self.skip(f"invalid transaction (validation code {code}): its writes were not applied")
                continue
            position = {"platform": self.platform, "network": self.chain or channel_header.get("channel_id"),
                        "channel": channel_header.get("channel_id"), "transactionId": channel_header.get("tx_id"),
                        "blockNumber": number, "blockHash": digest, "timestamp": channel_header.get("timestamp")}
            yield from self._transaction(unit, envelope, where, position)

    def _validation_flags(self, block: dict[str, Any], place: str) -> bytes:
        metadata = block.get("metadata")
        entries = metadata.get("metadata") if isinstance(metadata, dict) else None
        if not isinstance(entries, list) or len(entries) <= _TRANSACTIONS_FILTER:
            return b""
        flags = entries[_TRANSACTIONS_FILTER]
        return _b64(flags, f"{place}.metadata.metadata[{_TRANSACTIONS_FILTER}]") if isinstance(flags, str) else b""

    def _transaction(self, unit: Unit, envelope: dict[str, Any], place: str,
                     position: dict[str, Any]) -> Iterator[Item]:
        actions = _get(envelope, place, "payload", "data", "actions")
        if not isinstance(actions, list):
            raise Malformed(f"{place}.payload.data.actions", "not an array")
        writes = 0
        for a, action in enumerate(actions):
            where = f"{place}.payload.data.actions[{a}].payload.action.proposal_response_payload.extension.results"
            results = _get(action, f"{place}.payload.data.actions[{a}]", "payload", "action",
                           "proposal_response_payload", "extension", "results")
            namespaces = results.get("ns_rwset") if isinstance(results, dict) else None
            if not isinstance(namespaces, list):
                raise Malformed(f"{where}.ns_rwset", "not an array")
            for n, namespace in enumerate(namespaces):
                rwset = namespace.get("rwset") if isinstance(namespace, dict) else None
                entries = rwset.get("writes") if isinstance(rwset, dict) else None
                if entries is None:
                    continue
                if not isinstance(entries, list):
                    raise Malformed(f"{where}.ns_rwset[{n}].rwset.writes", "not an array")
                for w, write in enumerate(entries):
                    writes += 1
                    yield from self._write(unit, write, f"{where}.ns_rwset[{n}].rwset.writes[{w}]", position)
        if not writes:
            self.skip("transaction without writes")

    def _write(self, unit: Unit, write: Any, place: str, position: dict[str, Any]) -> Iterator[Item]:
        if not isinstance(write, dict) or not isinstance(write.get("key"), str):
            raise Malformed(place, "not a KV write (key, value, is_delete)")
        key = write["key"]
        if not key.startswith((RECORD_KEY_PREFIX, ANCHOR_KEY_PREFIX)):
            self.skip("not IP data (key outside the wipo-bc object types)")
            return
        if write.get("is_delete"):
            self.skip("deletion of a wipo-bc key")
            return
        # The value decides record or anchor; the object type only says it is IP data.
        yield from self.payload(unit, place, _b64(write.get("value"), f"{place}.value"), position)
