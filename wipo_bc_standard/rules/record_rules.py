"""Rules on single records: identifiers, dates, legal status, hashes, text.

Each check adds meaning beyond the JSON Schema (which already fixes types, patterns, formats and
code lists) and must cope with schema-invalid documents: it checks types before use and never raises.
Look-up tables are built once, at import.
"""

from __future__ import annotations

import calendar
import copy
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

import orjson

from .. import codelists as cl
from .. import patterns
from ..codelists import st3
from ..findings import Level, json_pointer
from .access import member as _get
from .access import objects_in as _dicts
from .catalogue import Hit, RuleContext, rule
from .guards import CLEAN_ASCII, absent, all_of, at, not_in, string_in, string_matching


def apply_changes(document: dict[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """Change a document in place: ``a__b__0__c=value`` sets a nested member (None deletes it)."""
    for dotted, value in changes.items():
        target: Any = document
        *parents, last = dotted.split("__")
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if value is None:
            del target[int(last) if isinstance(target, list) else last]
        elif isinstance(target, list):
            target[int(last)] = copy.deepcopy(value)
        else:
            target[last] = copy.deepcopy(value)
    return document


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
    return apply_changes(record, changes)


#: A ledger position for examples that need one.
EXAMPLE_LEDGER: dict[str, Any] = {
    "platform": "hyperledger-besu", "network": "ip-register", "transactionId": "0x" + "ab" * 32,
    "blockNumber": 1204, "timestamp": "2021-06-01T10:00:00Z",
}




# Look-up tables, built once.
_LEGAL_STATUS_STANDARD = {c.value: c.fact("legalStatusStandard") for c in cl.IP_RIGHT_KINDS.codes}
_KINDS_WITHOUT_LS_STANDARD = frozenset(k for k, s in _LEGAL_STATUS_STANDARD.items() if not s)
_HASH_STATUS = {c.value: c.fact("status") for c in cl.HASH_ALGORITHMS.codes}
_HASH_HEX_LENGTH = {c.value: int(c.fact("hexLength") or 0) for c in cl.HASH_ALGORITHMS.codes}

# Guards (see rules/guards.py): what an ordinary record looks like to each rule.
_FORBIDDEN_HASHES = [alg for alg, status in _HASH_STATUS.items() if status == "forbidden"]
_DIGEST_NOT_FORBIDDEN = at("alg", not_in(_FORBIDDEN_HASHES))
_DIGEST_LENGTH_FITS = all_of(*({"if": {"properties": {"alg": {"const": alg}}, "required": ["alg"]},
                                "then": at("value", {"anyOf": [{"not": {"type": "string"}},
                                                                {"minLength": n, "maxLength": n}]})}
                               for alg, n in _HASH_HEX_LENGTH.items() if n))


#: Ordinary for LS-01: the event is coded in the standard of the right's kind.
_STANDARD_OF_KIND_GUARD = all_of(*(
    {"if": {"properties": {"ipRight": {"properties": {"kind": {"const": kind}}, "required": ["kind"]}},
            "required": ["ipRight"]},
     "then": at("event/standard", string_in([standard]))}
    for kind, standard in sorted(_LEGAL_STATUS_STANDARD.items()) if standard))


@rule(id="LS-01", guards={"record": _STANDARD_OF_KIND_GUARD}, reads=('event',), title="Legal-status standard matches the kind of right", level=Level.ERROR,
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
    expected = _LEGAL_STATUS_STANDARD.get(kind) if isinstance(kind, str) else None
    if expected and isinstance(actual, str) and actual != expected:
        yield "/event/standard", {"kind": kind, "expected": expected, "actual": actual}


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


def digests(doc: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every digest of a record, with its JSON Pointer."""
    if not isinstance(doc, dict):
        return
    prev = doc.get("previousRecordHash")
    if isinstance(prev, dict):
        yield "/previousRecordHash", prev
    for i, d in _dicts(doc.get("documents")):
        digest = d.get("digest")
        if isinstance(digest, dict):
            yield f"/documents/{i}/digest", digest


@rule(id="DT-03", title="Dates of a right are in order", level=Level.ERROR,
      targets="record", clause="Paris Convention, Art. 4; WIPO ST.2 (dates)",
      rationale="A priority date after the filing date, a registration before it, or a legal-status event "
                "before the application existed is a data error that would mislead every office relying "
                "on the record.",
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
    for i, claim in _dicts(right.get("priorityClaims")):
        date = claim.get("date")
        if isinstance(date, str) and date > filing:
            yield (f"/ipRight/priorityClaims/{i}/date",
                   {"later": "filingDate", "later_date": filing, "earlier": "priority date", "earlier_date": date})
    registered = right.get("registrationDate")
    if isinstance(registered, str) and registered < filing:
        yield ("/ipRight/registrationDate",
               {"later": "registrationDate", "later_date": registered, "earlier": "filingDate", "earlier_date": filing})
    event_date = _get(doc, "event", "date")
    if isinstance(event_date, str) and event_date < filing:
        yield ("/event/date",
               {"later": "event date", "later_date": event_date, "earlier": "filingDate", "earlier_date": filing})


# --- identifiers -------------------------------------------------------------------------------

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


@rule(id="ID-05", guards={"record": at("parties/*", {"anyOf": [{"not": {"type": "object"}},
                                                     {**at("id", string_matching("^[!-~]*$")), **absent("name")}]})}, title="Parties are referenced by identifier, not by name", level=Level.ERROR,
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


# --- dates and times ---------------------------------------------------------------------------

def _plus_days(date_text: str, days: int) -> str | None:
    try:
        return (dt.date.fromisoformat(date_text[:10]) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return None


@rule(id="DT-01", title="Legal dates are office calendar dates, not later than the ledger allows",
      level=Level.ERROR, targets="record",
      clause="WIPO ST.2 (calendar dates); Paris Convention, Art. 4C(2) (periods run from the filing date)",
      rationale="Legal dates are calendar dates in the office's own time zone; one more than a day after the "
                "time the record was written (the most any time zone is ahead of UTC) cannot have happened "
                "yet and usually comes from a UTC or time-zone conversion.",
      message="{member} {date} is after the ledger time {timestamp}",
      message_zh="{member} {date} 晚于账本时间 {timestamp}",
      valid=example_record(ledger=EXAMPLE_LEDGER),
      invalid=example_record(ledger=EXAMPLE_LEDGER, ipRight__filingDate="2021-06-03"))
def legal_dates_not_after_ledger(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    timestamp = _get(doc, "ledger", "timestamp")
    right = _get(doc, "ipRight")
    if not isinstance(timestamp, str) or not isinstance(right, dict):
        return
    latest = _plus_days(timestamp, 1)
    if latest is None:
        return
    for member in ("filingDate", "registrationDate"):
        date = right.get(member)
        if isinstance(date, str) and date > latest:
            yield f"/ipRight/{member}", {"member": member, "date": date, "timestamp": timestamp}
    for i, claim in _dicts(right.get("priorityClaims")):
        date = claim.get("date")
        if isinstance(date, str) and date > latest:
            yield f"/ipRight/priorityClaims/{i}/date", {"member": "priority date", "date": date, "timestamp": timestamp}


def _timestamps(doc: Any) -> Iterator[tuple[str, str]]:
    for path, value in (("/ledger/timestamp", _get(doc, "ledger", "timestamp")),
                        ("/proof/created", _get(doc, "proof", "created"))):
        if isinstance(value, str):
            yield path, value


def _timestamps_guard(schema: dict[str, Any]) -> dict[str, Any]:
    return all_of(at("ledger/timestamp", schema), at("proof/created", schema))


@rule(id="DT-02", guards={"record": _timestamps_guard({"not": {"type": "string", "pattern": "-00:00$"}})}, title="Timestamps state a known offset", level=Level.ERROR,
      targets="record", clause="RFC 3339, section 4.3 (unknown local offset convention)",
      rationale="RFC 3339 and JSON Schema accept -00:00, but it means the offset to local time is unknown; "
                "system timestamps must say exactly which instant they are.",
      message="{value} uses -00:00, the unknown-offset convention",
      message_zh="{value} 使用了表示偏移未知的 -00:00",
      valid=example_record(ledger=EXAMPLE_LEDGER),
      invalid=example_record(ledger=dict(EXAMPLE_LEDGER, timestamp="2021-06-01T10:00:00-00:00")))
def timestamp_offset_known(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for path, value in _timestamps(doc):
        if value.endswith("-00:00"):
            yield path, {"value": value}


@rule(id="DT-06", guards={"record": _timestamps_guard(string_matching("(?:Z|z|\\+00:00|-00:00)$"))}, title="Timestamps are given in UTC", level=Level.WARNING,
      targets="record", clause="RFC 3339, section 5.6; DESIGN (preferably Z)",
      rationale="Ledger and signature times from many nodes are compared and ordered; writing them in UTC "
                "(Z) avoids offset arithmetic and keeps them apart from the office-local legal dates.",
      message="{value} is not in UTC (Z)",
      message_zh="{value} 未使用 UTC（Z）",
      valid=example_record(ledger=EXAMPLE_LEDGER),
      invalid=example_record(ledger=dict(EXAMPLE_LEDGER, timestamp="2021-06-01T12:00:00+02:00")))
def timestamp_in_utc(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for path, value in _timestamps(doc):
        if not value.endswith(("Z", "z", "+00:00", "-00:00")):
            yield path, {"value": value}


#: Paris Convention, Art. 4C(1): twelve months for patents and utility models, six for designs and marks.
_PRIORITY_MONTHS = {"patent": 12, "utility-model": 12, "industrial-design": 6, "trademark": 6}


def _plus_months(date_text: str, months: int) -> str | None:
    try:
        start = dt.date.fromisoformat(date_text)
    except ValueError:
        return None
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day).isoformat()


@rule(id="DT-04", title="Priority is claimed within the Paris Convention period", level=Level.WARNING,
      targets="record", clause="Paris Convention, Art. 4C(1)",
      rationale="Priority runs twelve months for patents and utility models and six for designs and trade "
                "marks; a longer interval is usually a wrong date. Only a warning: the period is extended "
                "past office holidays (Art. 4C(3)) and priority can be restored (PCT Rule 26bis.3, PLT Art. 13).",
      message="priority date {priority} is more than {months} months before filingDate {filing}",
      message_zh="优先权日 {priority} 早于申请日 {filing} 超过 {months} 个月",
      valid=example_record(ipRight__priorityClaims=[{"office": "FR", "applicationNumber": "4712345",
                                                      "date": "2020-11-02"}]),
      invalid=example_record(ipRight__priorityClaims=[{"office": "FR", "applicationNumber": "4712345",
                                                        "date": "2020-09-02"}]))
def priority_interval(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    right = _get(doc, "ipRight")
    if not isinstance(right, dict):
        return
    kind = right.get("kind")
    months = _PRIORITY_MONTHS.get(kind) if isinstance(kind, str) else None
    filing = right.get("filingDate")
    if months is None or not isinstance(filing, str):
        return
    for i, claim in _dicts(right.get("priorityClaims")):
        date = claim.get("date")
        last_day = _plus_months(date, months) if isinstance(date, str) else None
        if last_day is not None and filing > last_day:
            yield f"/ipRight/priorityClaims/{i}/date", {"priority": date, "months": months, "filing": filing}


# --- legal status ------------------------------------------------------------------------------

#: Ordinary for LS-02: the key event code has the standard's form and the national code, in plain
#: ASCII, holds nothing of that form (so the two cannot be the same code, whatever the case or blanks).
_NATIONAL_CODE_GUARD = all_of(
    at("event/code", string_matching(r"^[A-Z][0-9]{2}(-[0-9A-Z]{1,3})?$")),
    at("event/nationalCode", {"anyOf": [{"not": {"type": "string"}},
                                        {"pattern": "^[ -~]*$", "not": {"pattern": "[A-Za-z][0-9]{2}"}}]}))


@rule(id="LS-02", guards={"record": _NATIONAL_CODE_GUARD}, reads=('event',), title="The national event code is the office's own code", level=Level.WARNING,
      targets="record", clause="WIPO ST.27, ST.61, ST.87 (national/regional event code; mapping tables)",
      rationale="The standards exchange both the office's own event code and the mapped standard code, so "
                "that the mapping can be checked against the office's published mapping table; a copy of "
                "the standard code hides the office's event.",
      message="nationalCode {code} repeats the standard code instead of the office's event code",
      message_zh="nationalCode {code} 重复了标准代码，而不是局的本国事件代码",
      valid=example_record(),
      invalid=example_record(event__nationalCode="A10"))
def national_code_distinct(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    code, national = _get(doc, "event", "code"), _get(doc, "event", "nationalCode")
    if isinstance(code, str) and isinstance(national, str) and national.strip().upper() == code.upper():
        yield "/event/nationalCode", {"code": national}


@rule(id="LS-04", guards={"record": at("event/code", {"not": {"type": "string", "pattern": "^[\\s\\S]00-"}})}, reads=('event',), title="An unmapped key event (X00) has no detailed event", level=Level.ERROR,
      targets="record", clause="WIPO ST.27 (key event and detailed event codes); WIPO ST.96 KeyEventCodeType",
      rationale="A key-event code ending in 00 (A00, F00...) says no standard key event of the category fits "
                "the office's event; a detailed event refines a key event, so it cannot follow one that "
                "does not exist.",
      message="{code}: no key event is mapped ({category}00), so no detailed event can follow",
      message_zh="{code}：未映射关键事件（{category}00），不能再带详细事件",
      valid=example_record(event__code="A00"),
      invalid=example_record(event__code="A00-1"))
def unmapped_key_event(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    code = _get(doc, "event", "code")
    if isinstance(code, str) and len(code) > 3 and code[1:3] == "00" and code[3] == "-":
        yield "/event/code", {"code": code, "category": code[:1]}


@rule(id="LS-05", guards={"record": {"anyOf": [at("ipRight/kind", not_in(_KINDS_WITHOUT_LS_STANDARD)),
                                                       at("event/standard", {"not": {"type": "string"}})]}}, reads=('event',), title="Kinds of right without a WIPO legal-status standard", level=Level.INFO,
      targets="record", clause="WIPO ST.27, ST.61, ST.87 (scope of each standard)",
      rationale="ST.27, ST.61 and ST.87 cover patents, trade marks and designs; events of other kinds "
                "(plant varieties, geographical indications, layout-designs, copyright) borrow one of them, "
                "and readers should know the mapping is the office's own choice.",
      message="no WIPO legal-status standard covers {kind}; the event is read as {standard}",
      message_zh="没有 WIPO 法律状态标准涵盖 {kind}；该事件按 {standard} 解读",
      valid=example_record(),
      invalid=example_record(ipRight__kind="plant-variety", ipRight__office="QZ", event__standard="ST.27"))
def kind_without_legal_status_standard(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    kind, standard = _get(doc, "ipRight", "kind"), _get(doc, "event", "standard")
    if isinstance(kind, str) and kind in _KINDS_WITHOUT_LS_STANDARD and isinstance(standard, str):
        yield "/event/standard", {"kind": kind, "standard": standard}


@rule(id="CH-04", title="A ledger's records carry their ledger position", level=Level.WARNING,
      targets="ledger", clause="DESIGN (the ledger envelope); ISO 22739 (ledger record, transaction)",
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


@rule(id="REC-04", title="Text is in Unicode Normalization Form C", level=Level.ERROR,
      targets="record", clause="Unicode Standard Annex #15 (NFC); W3C Character Model: String Matching; RFC 8785",
      rationale="The same text in two normal forms has different bytes, so different hashes and signatures, "
                "and names stop matching across offices; NFC is the form the W3C and WIPO XML data use.",
      message="text {text!r} is not in NFC",
      message_zh="文本 {text!r} 不是 NFC 规范化形式",
      valid=example_record(ipRight__title="Caf\u00e9"),
      invalid=example_record(ipRight__title="Cafe\u0301"))
def text_is_nfc(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    # Pure-ASCII text is always NFC; orjson writes non-ASCII characters as they are, so one
    # serialisation in C tells whether any string or member name needs the walk at all.
    try:
        if orjson.dumps(doc).isascii():
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


_TYPE_NEEDS: dict[str, tuple[str, str, Any]] = {
    "registration": ("/ipRight/registrationDate", "a registrationDate",
                     lambda d: bool(_get(d, "ipRight", "registrationDate"))),
    "priority-claim": ("/ipRight/priorityClaims", "priorityClaims",
                       lambda d: bool(_get(d, "ipRight", "priorityClaims"))),
    "assignment": ("/parties", "an assignor and an assignee", _has_roles("assignor", "assignee")),
    "licence": ("/parties", "a licensor and a licensee", _has_roles("licensor", "licensee")),
    "security-interest": ("/parties", "a financier", _has_roles("financier")),
    "document-exchange": ("/documents", "the documents exchanged", lambda d: bool(d.get("documents"))),
    "evidence-of-existence": ("/documents", "the digest of the evidenced document",
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
      message_zh="{type} 类记录应包含 {what}",
      valid=example_record(recordType="assignment", event=None,
                           parties=[{"role": "assignor", "id": "did:web:old-holder.example"},
                                    {"role": "assignee", "id": "did:web:holder.example"}]),
      invalid=example_record(recordType="assignment", event=None))
def record_type_content(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    record_type = _get(doc, "recordType")
    need = _TYPE_NEEDS.get(record_type) if isinstance(record_type, str) else None
    if need is not None and not need[2](doc):
        yield need[0], {"type": record_type, "what": need[1]}
