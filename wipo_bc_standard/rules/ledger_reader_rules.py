"""Rules the ledger readers apply: anchors against off-chain records, documents, payload envelopes.

These rules look at evidence only a reader has (an anchor's on-chain digest next to the off-chain
record, a document's bytes), so their checks take *evidence* objects, ``{"check": ..., ...}``,
which the readers build; given anything else (a record) they find nothing. They are stateful
``ledger`` rules: their examples are lists of evidence, and they apply when a ledger is read with
``--from`` (and ``--records`` for the anchor and document rules). Specified in docs/encodings.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..findings import Finding, Level
from .catalogue import CATALOGUE, Hit, RuleContext, rule

_CLAUSE = "docs/encodings.md, anchored encoding"
_CONTEXT = RuleContext()


def _evidence(docs: Any, check: str) -> Iterator[Mapping[str, Any]]:
    items: Iterable[Any] = docs if isinstance(docs, list) else [docs]
    for doc in items:
        if isinstance(doc, Mapping) and doc.get("check") == check:
            yield doc


def evidence_findings(rule_id: str, evidence: Mapping[str, Any]) -> Iterator[Finding]:
    """The findings of one of these rules on one piece of evidence (how the readers use them)."""
    return CATALOGUE[rule_id].findings([evidence], _CONTEXT)


_H = "0" * 64


@rule(id="ANC-01", title="Anchor digest matches the off-chain record", level=Level.ERROR, targets="ledger",
      clause=_CLAUSE, stateful=True,
      rationale="An anchor proves a record only if its digest is that of the record's JCS form without "
                "ledger and proof; a different digest means the off-chain record was changed after anchoring, "
                "or the anchor is for another record.",
      message="the anchor of {recordId} holds {alg} {onChain}, but the off-chain record's digest is {offChain}",
      message_zh="{recordId} 的锚定摘要为 {alg} {onChain}，但链下记录的摘要为 {offChain}",
      valid=[{"check": "anchor-digest", "anchorOf": "urn:x:1", "alg": "sha-256", "onChain": _H, "offChain": _H}],
      invalid=[{"check": "anchor-digest", "anchorOf": "urn:x:1", "alg": "sha-256", "onChain": _H,
                "offChain": "1" * 64}])
def anchor_digest_matches(docs: Any, ctx: RuleContext) -> Iterator[Hit]:
    for ev in _evidence(docs, "anchor-digest"):
        on_chain = ev.get("onChain")
        if not isinstance(on_chain, str) or on_chain.lower() != ev.get("offChain"):
            yield "", {"recordId": ev.get("anchorOf"), "alg": ev.get("alg"), "onChain": on_chain,
                       "offChain": ev.get("offChain") or "(cannot be computed with this algorithm)"}


@rule(id="ANC-02", title="Every anchor has its off-chain record", level=Level.WARNING, targets="ledger",
      clause=_CLAUSE, stateful=True,
      rationale="An anchor whose record cannot be produced proves nothing to anyone relying on the register; "
                "the record was lost, or never supplied.",
      message="anchor of {recordId} (locator {locator}): no such record among the off-chain records",
      message_zh="{recordId} 的锚定（定位符 {locator}）：链下记录中没有该记录",
      valid=[{"check": "anchor-record", "anchorOf": "urn:x:1", "found": True}],
      invalid=[{"check": "anchor-record", "anchorOf": "urn:x:1", "locator": "https://office.example/r/1"}])
def anchor_has_record(docs: Any, ctx: RuleContext) -> Iterator[Hit]:
    for ev in _evidence(docs, "anchor-record"):
        if not ev.get("found"):
            yield "", {"recordId": ev.get("anchorOf"), "locator": ev.get("locator") or "none"}


@rule(id="ANC-03", title="Every off-chain record is anchored", level=Level.WARNING, targets="ledger",
      clause=_CLAUSE, stateful=True,
      rationale="A record kept off chain is part of the register only through its anchor; without one nothing "
                "shows it existed at the time it claims, or at all.",
      message="off-chain record {recordId} has no anchor on the ledger read",
      message_zh="链下记录 {recordId} 在所读账本上没有锚定",
      valid=[{"check": "record-anchor", "recordId": "urn:x:1", "anchored": True}],
      invalid=[{"check": "record-anchor", "recordId": "urn:x:1"}])
def record_is_anchored(docs: Any, ctx: RuleContext) -> Iterator[Hit]:
    for ev in _evidence(docs, "record-anchor"):
        if not ev.get("anchored"):
            yield "", {"recordId": ev.get("recordId")}


@rule(id="DOC-01", title="Document digest matches the document", level=Level.ERROR, targets="ledger",
      clause="docs/encodings.md, documents; RFC 6920 (digest algorithm names)", stateful=True,
      rationale="A record binds a document by its digest; when the bytes supplied do not hash to it, the "
                "document was altered or the record points at another one.",
      message="document {uri}: declared {alg} {declared}, its bytes hash to {computed}",
      message_zh="文档 {uri}：声明的 {alg} 摘要为 {declared}，其内容的摘要为 {computed}",
      valid=[{"check": "document-digest", "index": 0, "uri": "https://o.example/1.pdf", "alg": "sha-256",
              "declared": _H, "computed": _H}],
      invalid=[{"check": "document-digest", "index": 0, "uri": "https://o.example/1.pdf", "alg": "sha-256",
                "declared": _H, "computed": "2" * 64}])
def document_digest_matches(docs: Any, ctx: RuleContext) -> Iterator[Hit]:
    for ev in _evidence(docs, "document-digest"):
        declared, computed = ev.get("declared"), ev.get("computed")
        if computed is not None and (not isinstance(declared, str) or declared.lower() != computed):
            yield f"/documents/{ev.get('index')}/digest/value", {
                "uri": ev.get("uri"), "alg": ev.get("alg"), "declared": declared, "computed": computed}


@rule(id="ENC-01", title="An on-chain payload does not claim its own ledger position", level=Level.WARNING,
      targets="ledger", clause="docs/encodings.md, inline encoding", stateful=True,
      rationale="The ledger position is a fact of the ledger, filled by the reader; a payload that states one "
                "can state a false one, and the two would disagree.",
      message="the payload carries a ledger member; the reader replaced it with the position read from the ledger",
      message_zh="载荷中含有 ledger 成员；读取器已用从账本读取的位置替换它",
      valid=[{"check": "payload-ledger-absent"}],
      invalid=[{"check": "payload-ledger", "ledger": {"platform": "evm"}}])
def payload_without_ledger(docs: Any, ctx: RuleContext) -> Iterator[Hit]:
    for _ev in _evidence(docs, "payload-ledger"):
        yield "/ledger", {}
