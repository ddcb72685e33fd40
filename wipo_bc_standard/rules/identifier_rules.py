"""Rules on a record's identifiers: WIPO ST.3 codes, offices, publication and party identifiers, recordId.

Each check adds meaning beyond the JSON Schema and must cope with schema-invalid documents: it
checks types before use and never raises. Look-up tables are built once, at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .. import patterns
from ..codelists import st3
from ..findings import Level
from .access import member as _get
from .access import objects_in as _dicts
from .catalogue import Hit, RuleContext, rule
from .examples import example_record
from .guards import CLEAN_ASCII, absent, all_of, at, not_in, string_in, string_matching


def st3_fields(doc: Any) -> Iterator[tuple[str, str]]:
    """Every ST.3 code of a record or a governance declaration, with its JSON Pointer."""
    if not isinstance(doc, dict):
        return
    right = doc.get("ipRight")
    if isinstance(right, dict):
        office = right.get("office")
        if isinstance(office, str):
            yield "/ipRight/office", office
        for i, claim in _dicts(right.get("priorityClaims")):
            if isinstance(claim.get("office"), str):
                yield f"/ipRight/priorityClaims/{i}/office", claim["office"]
    for i, party in _dicts(doc.get("parties")):
        if isinstance(party.get("country"), str):
            yield f"/parties/{i}/country", party["country"]
    seat = _get(doc, "governingBody", "seat")
    if isinstance(seat, str):
        yield "/governingBody/seat", seat
    for i, operator in _dicts(doc.get("nodeOperators")):
        for member in ("st3Code", "country"):
            if isinstance(operator.get(member), str):
                yield f"/nodeOperators/{i}/{member}", operator[member]


#: Ordinary for ID-01, ID-06 and ID-09: every ST.3 code of the record is a current code, not XX.
_ST3_ORDINARY = string_in(st3.CURRENT - {"XX"} - set(st3.FORMER))
_ST3_GUARD = all_of(at("ipRight/office", _ST3_ORDINARY), at("ipRight/priorityClaims/*/office", _ST3_ORDINARY),
                    at("parties/*/country", _ST3_ORDINARY), absent("governingBody", "nodeOperators"))


@rule(id="ID-01", guards={"record": _ST3_GUARD}, title="Office and country codes are WIPO ST.3 codes", level=Level.ERROR,
      targets=("record", "governance"), clause="WIPO ST.3",
      rationale="Offices, states and organisations are identified by their ST.3 code everywhere in WIPO "
                "data; a code outside ST.3 names no office, so no one can tell whose register the record "
                "belongs to. Former codes are accepted (see ID-06).",
      message="{code} is not a WIPO ST.3 code",
      message_zh="{code} 不是 WIPO ST.3 代码",
      valid=example_record(ipRight__office="EM", parties__0__country="CH"),
      invalid=example_record(ipRight__office="EU"))
def st3_code_known(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for path, code in st3_fields(doc):
        # Only two capital letters: anything else already fails the schema's pattern.
        if (len(code) == 2 and code.isascii() and code.isupper() and code not in st3.CURRENT
                and code not in st3.FORMER):
            yield path, {"code": code}


@rule(id="ID-06", guards={"record": _ST3_GUARD}, title="Former ST.3 codes are flagged", level=Level.WARNING,
      targets=("record", "governance"), clause="WIPO ST.3; ISO 3166-3 (formerly used codes)",
      rationale="A former code (DD, SU, CS, YU...) is right for rights granted under it, but a new record "
                "with it is usually a mapping error; the successor codes are named so that a reader can check.",
      message="{code} ({name}) is a former ST.3 code, now {successors}",
      message_zh="{code}（{name}）是已停用的 ST.3 代码，现为 {successors}",
      valid=example_record(ipRight__office="DE"),
      invalid=example_record(ipRight__office="DD", ipRight__kind="patent", event__standard="ST.27"))
def st3_code_current(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for path, code in st3_fields(doc):
        former = st3.FORMER.get(code)
        if former:
            yield path, {"code": code, "name": former[0], "successors": former[1]}


@rule(id="ID-09", guards={"record": _ST3_GUARD}, title="XX marks an unknown state or organisation", level=Level.INFO,
      targets=("record", "governance"), clause="WIPO ST.3 (code XX)",
      rationale="ST.3 reserves XX for states, other entities or organisations that are unknown; the data is "
                "conformant, but a reader cannot tell which office or country is meant.",
      message="{code} stands for an unknown state, entity or organisation",
      message_zh="{code} 表示未知的国家、实体或组织",
      valid=example_record(),
      invalid=example_record(ipRight__priorityClaims=[{"office": "XX", "applicationNumber": "123",
                                                        "date": "2020-11-02"}]))
def st3_code_unknown_entity(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for path, code in st3_fields(doc):
        if code == "XX":
            yield path, {"code": code}


#: What the regional and international offices register (the treaty each runs under). National
#: offices register every kind and are not listed.
_OFFICE_KINDS: dict[str, frozenset[str]] = {
    "EP": frozenset({"patent"}),  # European Patent Convention
    "EM": frozenset({"trademark", "industrial-design", "geographical-indication"}),  # EUTMR, CDR, Reg. (EU) 2023/2411
    "BX": frozenset({"trademark", "industrial-design"}),  # Benelux Convention on IP
    "EA": frozenset({"patent", "industrial-design"}),  # Eurasian Patent Convention and its 2019 designs protocol
    "GC": frozenset({"patent"}),  # GCC patent regulation
    "AP": frozenset({"patent", "utility-model", "industrial-design", "trademark"}),  # Harare and Banjul Protocols
    "QZ": frozenset({"plant-variety"}),  # Council Regulation (EC) No 2100/94
    "WO": frozenset({"patent", "utility-model", "trademark", "industrial-design", "geographical-indication"}),
    "IB": frozenset({"patent", "utility-model", "trademark", "industrial-design", "geographical-indication"}),
    "XN": frozenset(),  # PCT authority only: grants nothing
    "XV": frozenset(),  # PCT authority only: grants nothing
    "XU": frozenset(),  # UPOV: members grant breeders' rights, UPOV does not
}


#: Ordinary for ID-08: the office is not a regional one, or registers the kind.
_OFFICE_KIND_GUARD = at("ipRight", {"anyOf": [at("office", not_in(_OFFICE_KINDS)), *(
    {"properties": {"office": {"const": office}, "kind": string_in(kinds)}} for office, kinds in _OFFICE_KINDS.items())]})


@rule(id="ID-08", guards={"record": _OFFICE_KIND_GUARD}, title="A regional office registers the kind of right", level=Level.WARNING,
      targets="record", clause="WIPO ST.3; EPC; EU trade mark and design regulations; Harare and Banjul "
                               "Protocols; Eurasian Patent Convention; PCT, Madrid, Hague and Lisbon systems",
      rationale="Regional and international offices register only the kinds of right their treaty gives "
                "them (the EPO grants no trade marks, the EUIPO no patents); such a pair almost always "
                "means a wrong office code.",
      message="{office} ({office_name}) does not register {kind} rights",
      message_zh="{office}（{office_name}）不登记 {kind} 类权利",
      valid=example_record(),
      invalid=example_record(ipRight__office="EP"))
def office_registers_kind(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    office, kind = _get(doc, "ipRight", "office"), _get(doc, "ipRight", "kind")
    kinds = _OFFICE_KINDS.get(office) if isinstance(office, str) else None
    if kinds is not None and isinstance(kind, str) and kind not in kinds:
        yield "/ipRight/office", {"office": office, "office_name": st3.NAMES.get(office, office), "kind": kind}


@rule(id="ID-03", guards={"record": at("ipRight", {"anyOf": [{"not": {"required": ["publicationNumber"]}},
                                                         {"properties": {"kindCode": {"type": "string", "minLength": 1}},
                                                          "required": ["kindCode"]}]})}, title="A publication number comes with its ST.16 kind code", level=Level.WARNING,
      targets="record", clause="WIPO ST.16; WIPO ST.1 (minimum data elements identifying a document)",
      rationale="A publication number identifies a document only together with its kind code "
                "(A1 and B1 of the same number are different documents).",
      message="publicationNumber {number} has no kindCode",
      message_zh="公布号 {number} 缺少文献种类代码（kindCode）",
      valid=example_record(ipRight__kind="patent", ipRight__office="EP", event__standard="ST.27",
                           ipRight__publicationNumber="3456789", ipRight__kindCode="A1"),
      invalid=example_record(ipRight__kind="patent", ipRight__office="EP", event__standard="ST.27",
                             ipRight__publicationNumber="3456789"))
def publication_has_kind_code(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    right = _get(doc, "ipRight")
    if isinstance(right, dict) and isinstance(right.get("publicationNumber"), str) and not right.get("kindCode"):
        yield "/ipRight/kindCode", {"number": right["publicationNumber"]}


_WHITESPACE = re.compile(r"\s")


#: Ordinary for ID-05: each party's id has no blank and either there is no name, or the id has a
#: colon (a DID, a URN) and the name none, so that no case folding can make them equal.
_PARTY_ID_GUARD = at("parties/*", {"anyOf": [
    {"not": {"type": "object"}},
    {**at("id", string_matching("^[!-~]*$")), **absent("name")},
    {"properties": {"id": {"type": "string", "pattern": "^[!-~]*:[!-~]*$"}, "name": string_matching("^[^:]*$")}}]})


@rule(id="ID-05", guards={"record": _PARTY_ID_GUARD}, title="Parties are referenced by identifier, not by name", level=Level.WARNING,
      targets="record", clause="W3C DID Core 1.0; ISO/TS 23635 (identifiers of the entities involved)",
      rationale="Names are neither unique nor stable (they change, are transliterated, are shared); a "
                "party is known by a DID or the office's party identifier, and a name is at most a label.",
      message="party id {id!r} looks like a name, not an identifier",
      message_zh="当事人标识 {id!r} 看起来是名称，而不是标识符",
      valid=example_record(parties__0__name="Holder SA"),
      invalid=example_record(parties__0__id="Holder SA"))
def party_by_identifier(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    if not isinstance(doc, dict):
        return
    for i, party in _dicts(doc.get("parties")):
        ident, name = party.get("id"), party.get("name")
        if not isinstance(ident, str) or not ident:
            continue
        if _WHITESPACE.search(ident) or (isinstance(name, str) and ident.casefold() == name.casefold()):
            yield f"/parties/{i}/id", {"id": ident}


def _identifiers(doc: Any) -> Iterator[tuple[str, str]]:
    right = _get(doc, "ipRight")
    if isinstance(right, dict):
        for member in ("applicationNumber", "registrationNumber", "publicationNumber"):
            if isinstance(right.get(member), str):
                yield f"/ipRight/{member}", right[member]
        for i, claim in _dicts(right.get("priorityClaims")):
            if isinstance(claim.get("applicationNumber"), str):
                yield f"/ipRight/priorityClaims/{i}/applicationNumber", claim["applicationNumber"]
    national = _get(doc, "event", "nationalCode")
    if isinstance(national, str):
        yield "/event/nationalCode", national


_IDENTIFIERS_CLEAN = all_of(*(at(path, string_matching(CLEAN_ASCII)) for path in (
    "ipRight/applicationNumber", "ipRight/registrationNumber", "ipRight/publicationNumber",
    "ipRight/priorityClaims/*/applicationNumber", "event/nationalCode")))


@rule(id="ID-07", guards={"record": _IDENTIFIERS_CLEAN}, title="Identifiers carry no surrounding blanks or control characters", level=Level.ERROR,
      targets="record", clause="WIPO ST.13 (application numbers); RFC 8785 (exact strings are hashed)",
      rationale="Records of one right are linked and deduplicated by exact identifier strings; a trailing "
                "blank or a control character makes the same right look like two.",
      message="{value!r} has blanks around it or control characters in it",
      message_zh="{value!r} 首尾含空白或含控制字符",
      valid=example_record(),
      invalid=example_record(ipRight__applicationNumber="018123456 "))
def identifiers_clean(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for path, value in _identifiers(doc):
        if value != value.strip() or not value.isprintable():
            yield path, {"value": value}


_URN_UUID = patterns.compile(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "urn:uuid (REC-05)")


@rule(id="REC-05", guards={"record": at("recordId", string_matching(f"^{_URN_UUID.pattern}$"))}, title="recordId is a lower-case urn:uuid", level=Level.WARNING,
      targets="record", clause="RFC 9562 (UUIDs, urn:uuid namespace)",
      rationale="A UUID needs no registry to be globally unique, and one spelling (lower case) keeps two "
                "spellings of the same id from passing a duplicate check.",
      message="recordId {id!r} is not a lower-case urn:uuid",
      message_zh="recordId {id!r} 不是小写的 urn:uuid",
      valid=example_record(),
      invalid=example_record(recordId="https://office.example/records/42"))
def record_id_is_urn_uuid(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    record_id = _get(doc, "recordId")
    if isinstance(record_id, str) and not _URN_UUID.fullmatch(record_id):
        yield "/recordId", {"id": record_id}
