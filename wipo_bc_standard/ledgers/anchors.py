"""The anchored encoding: only a record's digest (and a locator) on chain, the record off chain.

An anchor is ``{"anchorOf": recordId, "digest": {"alg", "value"}, "locator": uri}`` (a Fabric
value, a MultiChain item's data) or an EVM log of :data:`ANCHOR_EVENT`. The digest is that of the
record's RFC 8785 (JCS) form without ``ledger`` and ``proof``. :class:`OffChainStore` holds the
off-chain records (and documents) that anchors are checked against: ANC-01 digest mismatch, ANC-02
anchor whose record is missing, ANC-03 record never anchored, DOC-01 document digest mismatch.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .. import jcs
from ..findings import Finding
from ..items import Item, SourceError
from ..rules.ledger_reader_rules import evidence_findings
from ..sources import expand, iter_items
from .base import ReaderError

#: Solidity signature of the anchor event; ``recordDigest`` (SHA-256 of the JCS form) is indexed.
ANCHOR_EVENT = "IPRecordAnchored(bytes32,string,string)"
#: keccak256 of :data:`ANCHOR_EVENT`: the topic0 of every anchor log.
ANCHOR_TOPIC = "0xc684dd5ddb3b6bd403abcb6070a9ad1b4e5ce8b88fedc5ef4aa7f8693d2b3e6f"

_RECORD_SUFFIXES = (".json", ".ndjson", ".jsonl")


def record_digest(record: Mapping[str, Any], alg: str = "sha-256") -> str | None:
    """Hex digest of the record's JCS form without ``ledger`` and ``proof``; None for an unusable alg."""
    try:
        return jcs.record_hash(dict(record), alg)
    except jcs.UnsupportedAlgorithm:
        return None


def bytes_digest(data: bytes, alg: str) -> str | None:
    try:
        return jcs.hash_bytes(data, alg)
    except jcs.UnsupportedAlgorithm:
        return None


def decode_abi_strings(data_hex: str, count: int) -> list[str]:
    """The ``count`` dynamic ``string`` values ABI-encoded in a log's data. Raises ValueError."""
    raw = bytes.fromhex(data_hex[2:] if data_hex.startswith("0x") else data_hex)
    values = []
    for slot in range(count):
        offset = int.from_bytes(raw[32 * slot:32 * slot + 32], "big")
        if offset + 32 > len(raw):
            raise ValueError(f"string {slot} points past the end of the data")
        length = int.from_bytes(raw[offset:offset + 32], "big")
        start = offset + 32
        if start + length > len(raw):
            raise ValueError(f"string {slot} runs past the end of the data")
        values.append(raw[start:start + length].decode("utf-8"))
    return values


def encode_abi_strings(*values: str) -> str:
    """The inverse of :func:`decode_abi_strings` (for writing anchors and fixtures)."""
    heads, tails = [], b""
    base = 32 * len(values)
    for value in values:
        raw = value.encode("utf-8")
        heads.append((base + len(tails)).to_bytes(32, "big"))
        tails += len(raw).to_bytes(32, "big") + raw + b"\x00" * ((-len(raw)) % 32)
    return "0x" + (b"".join(heads) + tails).hex()


class OffChainStore:
    """Off-chain records by recordId, and documents by file name, under one path (``--records``).

    PATH is a records file (JSON or NDJSON) or a directory: its ``.json``/``.ndjson`` files are
    records; files under its ``documents/`` folder are documents, matched to a record's
    ``documents[].uri`` by the uri's last path segment.
    """

    def __init__(self, records: dict[str, dict[str, Any]], sources: dict[str, tuple[str, int, int | None]],
                 documents: dict[str, Path]) -> None:
        self.records = records
        self.sources = sources
        self.documents = documents
        self.anchored: set[str] = set()
        self._digests: dict[str, str | None] = {}

    @classmethod
    def load(cls, path: Path) -> OffChainStore:
        if not path.exists():
            raise SourceError(f"--records {path}: no such file or directory")
        documents: dict[str, Path] = {}
        if path.is_dir():
            docs_dir = path / "documents"
            if docs_dir.is_dir():
                documents = {p.name: p for p in sorted(docs_dir.iterdir()) if p.is_file()}
            files = [p for p in expand([path]) if p.suffix.lower() in _RECORD_SUFFIXES
                     and docs_dir not in p.parents]
        else:
            files = [path]
        records: dict[str, dict[str, Any]] = {}
        sources: dict[str, tuple[str, int, int | None]] = {}
        for item in iter_items(files):
            doc = item.doc
            if item.error is not None or not isinstance(doc, dict) or not isinstance(doc.get("recordId"), str):
                where = f"{item.source} item {item.index}"
                raise SourceError(f"--records {where}: not a record (a JSON object with a recordId)")
            records.setdefault(doc["recordId"], doc)
            sources.setdefault(doc["recordId"], (item.source, item.index, item.line))
        return cls(records, sources, documents)

    def resolve(self, anchor: Mapping[str, Any], position: Mapping[str, Any]
                ) -> tuple[dict[str, Any], list[Finding], ReaderError | None]:
        """The off-chain record an anchor stands for, with ANC-01 when digests differ, or ANC-02."""
        record_id = anchor.get("anchorOf")
        given = anchor.get("digest")
        digest: Mapping[str, Any] = given if isinstance(given, Mapping) else {}
        record = self.records.get(record_id) if isinstance(record_id, str) else None
        if record is None or not isinstance(record_id, str):
            finding = next(evidence_findings("ANC-02", {"check": "anchor-record", "anchorOf": record_id,
                                                        "locator": anchor.get("locator")}))
            return {}, [], ReaderError("ANC-02", finding.message, finding.params, finding.clause)
        self.anchored.add(record_id)
        alg = digest.get("alg", "sha-256")
        computed = record_digest(record, alg) if isinstance(alg, str) else None
        findings = list(evidence_findings("ANC-01", {"check": "anchor-digest", "anchorOf": record_id, "alg": alg,
                                                     "onChain": digest.get("value"), "offChain": computed}))
        return record, findings, None

    def document_findings(self, record: Mapping[str, Any]) -> list[Finding]:
        """DOC-01 for each document of the record whose bytes are in the store and do not match."""
        documents = record.get("documents")
        if not self.documents or not isinstance(documents, list):
            return []
        found: list[Finding] = []
        for index, document in enumerate(documents):
            if not isinstance(document, Mapping) or not isinstance(document.get("uri"), str):
                continue
            path = self.documents.get(document["uri"].rstrip("/").rsplit("/", 1)[-1])
            digest = document.get("digest")
            if path is None or not isinstance(digest, Mapping) or not isinstance(digest.get("alg"), str):
                continue
            key = f"{path.name}\x00{digest['alg']}"
            if key not in self._digests:
                self._digests[key] = bytes_digest(path.read_bytes(), digest["alg"])
            found.extend(evidence_findings("DOC-01", {"check": "document-digest", "index": index,
                                                      "uri": document["uri"], "alg": digest["alg"],
                                                      "declared": digest.get("value"),
                                                      "computed": self._digests[key]}))
        return found

    def unanchored(self) -> Iterator[Item]:
        """ANC-03 for each off-chain record that no anchor read pointed at (after the ledger is read)."""
        for record_id, record in self.records.items():
            if record_id in self.anchored:
                continue
            source, index, line = self.sources[record_id]
            findings = list(evidence_findings("ANC-03", {"check": "record-anchor", "recordId": record_id}))
            yield Item(source, index, line, doc=record, findings=findings)
