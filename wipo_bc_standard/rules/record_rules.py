"""Rules on a record as a whole: digests, the ledger position, Unicode text, what a record type carries.

Each check adds meaning beyond the JSON Schema and must cope with schema-invalid documents: it
checks types before use and never raises. Look-up tables are built once, at import.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

import orjson

from .. import codelists as cl
from ..findings import Level, json_pointer
from .access import digests
from .access import member as _get
from .access import objects_in as _dicts
from .catalogue import Hit, RuleContext, rule
from .examples import EXAMPLE_LEDGER, example_record
from .guards import all_of, at, not_in

# Look-up tables, built once.
_HASH_STATUS = {c.value: c.fact("status") for c in cl.HASH_ALGORITHMS.codes}
_HASH_HEX_LENGTH = {c.value: int(c.fact("hexLength") or 0) for c in cl.HASH_ALGORITHMS.codes}


# Guards (see rules/guards.py): what an ordinary record looks like to each rule.
_FORBIDDEN_HASHES = [alg for alg, status in _HASH_STATUS.items() if status == "forbidden"]
_DIGEST_NOT_FORBIDDEN = at("alg", not_in(_FORBIDDEN_HASHES))
_DIGEST_LENGTH_FITS = all_of(*({"if": {"properties": {"alg": {"const": alg}}, "required": ["alg"]},
                                "then": at("value", {"anyOf": [{"not": {"type": "string"}},
                                                                {"minLength": n, "maxLength": n}]})}
                               for alg, n in _HASH_HEX_LENGTH.items() if n))


@rule(id="HASH-01", guards={"record": all_of(at("previousRecordHash", _DIGEST_NOT_FORBIDDEN), at("documents/*/digest", _DIGEST_NOT_FORBIDDEN))}, reads=('previousRecordHash', 'documents'), title="No forbidden hash algorithm", level=Level.ERROR,
      targets=("record", "ledger"), clause="RFC 6151 (MD5); RFC 6194 (SHA-1)",
      rationale="MD5 and SHA-1 collisions can be made at will, so a digest made with them proves nothing.",
      message="{alg} is forbidden: its collisions can be forged",
      message_zh="{alg} 已被禁止使用：其碰撞可以被伪造",
      valid=example_record(previousRecordHash={"alg": "sha-256", "value": "0" * 64}),
      invalid=example_record(previousRecordHash={"alg": "sha-1", "value": "0" * 40}))
def no_forbidden_hash(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for path, digest in digests(doc):
        alg = digest.get("alg")
        if isinstance(alg, str) and _HASH_STATUS.get(alg) == "forbidden":
            yield path + "/alg", {"alg": alg}


@rule(id="HASH-05", guards={"record": all_of(at("previousRecordHash", _DIGEST_LENGTH_FITS), at("documents/*/digest", _DIGEST_LENGTH_FITS))}, reads=('previousRecordHash', 'documents'), title="Digest length fits its algorithm", level=Level.ERROR,
      targets=("record", "ledger"), clause="FIPS 180-4; FIPS 202 (digest sizes)",
      rationale="A digest of the wrong length cannot have been made by the algorithm it names.",
      message="a {alg} digest has {expected} hex digits, this one has {actual}",
      message_zh="{alg} 摘要应有 {expected} 位十六进制数字，此处为 {actual} 位",
      valid=example_record(previousRecordHash={"alg": "sha-256", "value": "a" * 64}),
      invalid=example_record(previousRecordHash={"alg": "sha-256", "value": "a" * 63}))
def digest_length(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for path, digest in digests(doc):
        alg, value = digest.get("alg"), digest.get("value")
        expected = _HASH_HEX_LENGTH.get(alg) if isinstance(alg, str) else None
        if expected and isinstance(value, str) and len(value) != expected:
            yield path + "/value", {"alg": alg, "expected": expected, "actual": len(value)}


@rule(id="CH-04", title="A ledger's records carry their ledger position", level=Level.WARNING,
      targets="ledger", clause="this standard (proposal): the ledger envelope; ISO 22739 (ledger record, transaction)",
      rationale="A record read from a ledger is evidence only together with where it sits there (network, "
                "transaction, block, time); without it, order and finality cannot be checked, nor can the "
                "record be found again on the ledger.",
      message="the record has no ledger position (ledger.transactionId, blockNumber, timestamp)",
      message_zh="记录缺少账本位置（ledger.transactionId、blockNumber、timestamp）",
      valid=example_record(ledger=EXAMPLE_LEDGER),
      invalid=example_record())
def ledger_position_present(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    if isinstance(doc, dict) and "ledger" not in doc:
        yield "/ledger", {}


# --- the record as a whole ---------------------------------------------------------------------

def _strings(doc: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every non-ASCII string value (and member name) of a document, iteratively (no recursion limit).

    Paths are built only for containers and hits: most members are ASCII scalars and cost one test.
    """
    if not isinstance(doc, (dict, list)):
        if isinstance(doc, str) and not doc.isascii():
            yield (), doc
        return
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), doc)]
    while stack:
        path, container = stack.pop()
        members = container.items() if isinstance(container, dict) else enumerate(container)
        for key, member in members:
            if isinstance(key, str) and not key.isascii():
                yield path + (key,), key
            if isinstance(member, str):
                if not member.isascii():
                    yield path + (key,), member
            elif isinstance(member, (dict, list)):
                stack.append((path + (key,), member))


@rule(id="REC-04", title="Text is in Unicode Normalization Form C", level=Level.WARNING,
      targets="record", clause="Unicode Standard Annex #15 (NFC); W3C Character Model: String Matching; RFC 8785",
      rationale="The same text in two normal forms has different bytes, so different hashes and signatures, "
                "and names stop matching across offices; NFC is the form the W3C and WIPO XML data use.",
      message="text {text!r} is not in NFC",
      message_zh="文本 {text!r} 不是 NFC 规范化形式",
      valid=example_record(ipRight__title="Caf\u00e9"),
      invalid=example_record(ipRight__title="Cafe\u0301"))
def text_is_nfc(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    # Pure-ASCII text is always NFC; orjson writes non-ASCII characters as they are, so one
    # serialisation in C tells whether any string or member name needs the walk at all. And when
    # the whole serialisation is NFC, so is every string in it: strings are delimited by quotes,
    # which combine with nothing, so normalisation never reaches across them.
    try:
        written = orjson.dumps(doc)
        if written.isascii() or unicodedata.is_normalized("NFC", written.decode()):
            return
    except TypeError:
        pass
    for path, text in _strings(doc):
        if not unicodedata.is_normalized("NFC", text):
            yield json_pointer(path), {"text": text if len(text) <= 40 else text[:40] + "..."}


#: What each record type is about, and where it says so: (JSON Pointer, what, test).
def _has_roles(*roles: str) -> Any:
    def test(doc: dict[str, Any]) -> bool:
        present = {p["role"] for _, p in _dicts(doc.get("parties")) if isinstance(p.get("role"), str)}
        return all(r in present for r in roles)
    return test


#: record type -> (where, what is missing in English, in Chinese, the test that it is there).
_TYPE_NEEDS: dict[str, tuple[str, str, str, Any]] = {
    "registration": ("/ipRight/registrationDate", "a registrationDate", "注册日期（registrationDate）",
                     lambda d: bool(_get(d, "ipRight", "registrationDate"))),
    "priority-claim": ("/ipRight/priorityClaims", "priorityClaims", "优先权要求（priorityClaims）",
                       lambda d: bool(_get(d, "ipRight", "priorityClaims"))),
    "assignment": ("/parties", "an assignor and an assignee", "转让人和受让人", _has_roles("assignor", "assignee")),
    "licence": ("/parties", "a licensor and a licensee", "许可人和被许可人", _has_roles("licensor", "licensee")),
    "security-interest": ("/parties", "a financier", "融资方（financier）", _has_roles("financier")),
    "document-exchange": ("/documents", "the documents exchanged", "所交换的文件", lambda d: bool(d.get("documents"))),
    "evidence-of-existence": ("/documents", "the digest of the evidenced document", "所证明文件的摘要值",
                              lambda d: bool(d.get("documents"))),
}


def _roles_present(*roles: str) -> dict[str, Any]:
    return {"properties": {"parties": {"type": "array", "allOf": [
        {"contains": {"type": "object", "properties": {"role": {"const": r}}, "required": ["role"]}} for r in roles]}},
        "required": ["parties"]}


_NON_EMPTY_DOCUMENTS = {"properties": {"documents": {"type": "array", "minItems": 1}}, "required": ["documents"]}
#: Ordinary for REC-06, type by type: what ``_TYPE_NEEDS`` tests, said as a schema.
_TYPE_CONTENT_GUARD = all_of(*({"if": {"properties": {"recordType": {"const": record_type}},
                                       "required": ["recordType"]}, "then": then} for record_type, then in {
    "registration": {"required": ["ipRight"], "properties": {"ipRight": {
        "type": "object", "required": ["registrationDate"],
        "properties": {"registrationDate": {"type": "string", "minLength": 1}}}}},
    "priority-claim": {"required": ["ipRight"], "properties": {"ipRight": {
        "type": "object", "required": ["priorityClaims"],
        "properties": {"priorityClaims": {"type": "array", "minItems": 1}}}}},
    "assignment": _roles_present("assignor", "assignee"),
    "licence": _roles_present("licensor", "licensee"),
    "security-interest": _roles_present("financier"),
    "document-exchange": _NON_EMPTY_DOCUMENTS,
    "evidence-of-existence": _NON_EMPTY_DOCUMENTS,
}.items()))


@rule(id="REC-06", guards={"record": _TYPE_CONTENT_GUARD}, title="A record carries what its type is about", level=Level.WARNING,
      targets="record", clause="WIPO ST.96 (bibliographic and recordal data); this standard, record types",
      rationale="A registration without its date, an assignment without assignor and assignee or a document "
                "exchange without documents says that something happened without saying what.",
      message="a {type} record should carry {what}",
      message_zh="{type} 类记录应包含{what}",
      valid=example_record(recordType="assignment", event=None,
                           parties=[{"role": "assignor", "id": "did:web:old-holder.example"},
                                    {"role": "assignee", "id": "did:web:holder.example"}]),
      invalid=example_record(recordType="assignment", event=None))
def record_type_content(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    record_type = _get(doc, "recordType")
    need = _TYPE_NEEDS.get(record_type) if isinstance(record_type, str) else None
    if need is not None and not need[3](doc):
        # What is missing is said in the run's language (the type is a code, the same in both).
        yield need[0], {"type": record_type, "what": need[2] if ctx.lang == "zh" else need[1]}
