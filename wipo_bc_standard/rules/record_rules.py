"""Rules on single records: identifiers, dates, legal status, hashes."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from .. import codelists as cl
from ..findings import Level
from .catalogue import Hit, RuleContext, rule


def example_record(**changes: Any) -> dict[str, Any]:
    """A small conformant record, changed as told: the base of the rules' examples."""
    record: dict[str, Any] = {
        "standardVersion": "0.1",
        "recordId": "urn:uuid:5f0c6c3e-1b7a-4d0e-9a57-0b1f3c2d4e5f",
        "recordType": "legal-status-event",
        "ipRight": {"kind": "trademark", "office": "EM", "applicationNumber": "018123456",
                    "filingDate": "2021-04-17"},
        "event": {"standard": "ST.61", "code": "A10", "nationalCode": "FIL", "date": "2021-06-01"},
        "parties": [{"role": "right-holder", "id": "did:web:holder.example", "country": "FR"}],
    }
    for dotted, value in changes.items():
        target = record
        *parents, last = dotted.split("__")
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if value is None:
            del target[last]
        else:
            target[last] = copy.deepcopy(value)
    return record


def _get(doc: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(doc, dict):
            return None
        doc = doc.get(key)
    return doc


@rule(id="LS-01", title="Legal-status standard matches the kind of right", level=Level.ERROR,
      targets="record", clause="WIPO ST.27, ST.61, ST.87 (scope of each standard)",
      rationale="Patent events are coded in ST.27, trade mark events in ST.61 and design events in ST.87; "
                "a code read under the wrong standard means something else.",
      message="a {kind} event must be coded in {expected}, not {actual}",
      message_zh="{kind} 的法律状态事件必须使用 {expected} 编码，而不是 {actual}",
      valid=example_record(),
      invalid=example_record(event__standard="ST.27"))
def legal_status_standard_matches_kind(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    kind = _get(doc, "ipRight", "kind")
    actual = _get(doc, "event", "standard")
    code = cl.IP_RIGHT_KINDS.get(kind) if isinstance(kind, str) else None
    expected = code.fact("legalStatusStandard") if code else None
    if expected and isinstance(actual, str) and actual != expected:
        yield "/event/standard", {"kind": kind, "expected": expected, "actual": actual}


@rule(id="HASH-01", title="No forbidden hash algorithm", level=Level.ERROR,
      targets=("record", "ledger"), clause="RFC 6151 (MD5); RFC 6194 (SHA-1)",
      rationale="MD5 and SHA-1 collisions can be made at will, so a digest made with them proves nothing.",
      message="{alg} is forbidden: its collisions can be forged",
      message_zh="{alg} 已被禁止使用：其碰撞可以被伪造",
      valid=example_record(previousRecordHash={"alg": "sha-256", "value": "0" * 64}),
      invalid=example_record(previousRecordHash={"alg": "sha-1", "value": "0" * 40}))
def no_forbidden_hash(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for path, digest in _digests(doc):
        alg = digest.get("alg")
        code = cl.HASH_ALGORITHMS.get(alg) if isinstance(alg, str) else None
        if code and code.fact("status") == "forbidden":
            yield path + "/alg", {"alg": alg}


@rule(id="HASH-05", title="Digest length fits its algorithm", level=Level.ERROR,
      targets=("record", "ledger"), clause="FIPS 180-4; FIPS 202 (digest sizes)",
      rationale="A digest of the wrong length cannot have been made by the algorithm it names.",
      message="a {alg} digest has {expected} hex digits, this one has {actual}",
      message_zh="{alg} 摘要应有 {expected} 位十六进制数字，此处为 {actual} 位",
      valid=example_record(previousRecordHash={"alg": "sha-256", "value": "a" * 64}),
      invalid=example_record(previousRecordHash={"alg": "sha-256", "value": "a" * 63}))
def digest_length(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for path, digest in _digests(doc):
        alg, value = digest.get("alg"), digest.get("value")
        code = cl.HASH_ALGORITHMS.get(alg) if isinstance(alg, str) else None
        expected = code.fact("hexLength") if code else None
        if expected and isinstance(value, str) and len(value) != int(expected):
            yield path + "/value", {"alg": alg, "expected": expected, "actual": len(value)}


def _digests(doc: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    if not isinstance(doc, dict):
        return
    prev = doc.get("previousRecordHash")
    if isinstance(prev, dict):
        yield "/previousRecordHash", prev
    documents = doc.get("documents")
    if isinstance(documents, list):
        for i, d in enumerate(documents):
            digest = d.get("digest") if isinstance(d, dict) else None
            if isinstance(digest, dict):
                yield f"/documents/{i}/digest", digest


@rule(id="DT-03", title="Dates of a right are in order", level=Level.ERROR,
      targets="record", clause="Paris Convention, Art. 4; WIPO ST.2 (dates)",
      rationale="A priority date after the filing date, or a registration before it, is a data error "
                "that would mislead every office relying on the record.",
      message="{later} ({later_date}) is before {earlier} ({earlier_date})",
      message_zh="{later}（{later_date}）早于 {earlier}（{earlier_date}）",
      valid=example_record(ipRight__registrationDate="2021-09-01"),
      invalid=example_record(ipRight__registrationDate="2020-01-01"))
def dates_in_order(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    right = _get(doc, "ipRight")
    if not isinstance(right, dict):
        return
    filing = right.get("filingDate")
    if not isinstance(filing, str):
        return
    claims = right.get("priorityClaims")
    if isinstance(claims, list):
        for i, claim in enumerate(claims):
            date = claim.get("date") if isinstance(claim, dict) else None
            if isinstance(date, str) and date > filing:
                yield (f"/ipRight/priorityClaims/{i}/date",
                       {"later": "filingDate", "later_date": filing, "earlier": "priority date", "earlier_date": date})
    registered = right.get("registrationDate")
    if isinstance(registered, str) and registered < filing:
        yield ("/ipRight/registrationDate",
               {"later": "registrationDate", "later_date": registered, "earlier": "filingDate", "earlier_date": filing})
