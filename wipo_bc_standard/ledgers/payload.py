"""The inline encoding: a record's UTF-8 JSON as an entry's payload, and the anchor object.

A payload is IP data when it is a JSON object with a ``recordId`` (a record) or an ``anchorOf``
(an anchor). Anything else (contract calls, other applications' data) is not IP data and is
skipped. A payload that starts like a record but is not acceptable JSON is an error, not a skip.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .. import jsontext, limits
from ..findings import Finding
from ..jsontext import ParseError

#: Bytes that make a payload that fails to parse an attempted record rather than foreign data.
_MARKERS = (b'"recordId"', b'"anchorOf"', b'"standardVersion"')
NOT_IP = "not IP data"


@dataclass(frozen=True, slots=True)
class Decoded:
    kind: str  # record | anchor | not-ip | malformed
    doc: Any = None
    reason: str = ""
    error: ParseError | None = None


def decode(data: bytes | Mapping[str, Any]) -> Decoded:
    """What one payload holds: raw bytes (checked as strict JSON) or an already parsed object."""
    if isinstance(data, Mapping):
        exceeded = limits.walk_exceeds(data)
        if exceeded is not None:
            return Decoded("malformed", error=ParseError.of(exceeded[0], **exceeded[1]))
        return _classify(data)
    if len(data) > limits.LIMITS.item_bytes:
        return Decoded("malformed", error=ParseError.of("limit.item-bytes", limit=limits.LIMITS.item_bytes,
                                                        size=len(data)))
    text = data.lstrip()
    if not text:
        return Decoded("not-ip", reason=f"{NOT_IP} (no payload)")
    if not text.startswith(b"{"):
        return Decoded("not-ip", reason=f"{NOT_IP} (payload is not a JSON object)")
    doc = jsontext.parse(data)
    if isinstance(doc, ParseError):
        if any(marker in data for marker in _MARKERS):
            return Decoded("malformed", error=doc)
        return Decoded("not-ip", reason=f"{NOT_IP} (payload is not JSON)")
    return _classify(doc)


def _classify(doc: Any) -> Decoded:
    if isinstance(doc, Mapping):
        if "anchorOf" in doc:
            return Decoded("anchor", doc=dict(doc))
        if "recordId" in doc:
            return Decoded("record", doc=dict(doc))
    return Decoded("not-ip", reason=f"{NOT_IP} (JSON without recordId or anchorOf)")


def claimed_ledger(doc: Mapping[str, Any]) -> Iterator[Finding]:
    """ENC-01 when the payload claims a ledger position of its own (the reader's replaces it)."""
    if "ledger" in doc:
        from ..rules.ledger_reader_rules import evidence_findings
        yield from evidence_findings("ENC-01", {"check": "payload-ledger", "ledger": doc["ledger"]})
