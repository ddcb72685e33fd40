"""Realistic, varied records for the benchmarks: seeded, so every run measures the same data.

    .venv/bin/python benchmarks/datagen.py --records 1000 --out records.ndjson [--ledger] [--seed 7]

What varies, as in an office's register: every record type and every kind of IP right, a dozen
offices, optional members present or not (filing and registration data, titles in several
scripts, priority claims, parties with or without country and name, documents, ledger positions of
several platforms, issuers), about a tenth signed (eddsa-jcs-2022 with a did:key, verifiable
offline), and a set fraction of faults of many kinds: JSON-level (syntax, duplicate keys, numbers
beyond I-JSON, NaN), schema-level (missing, misspelt, mistyped, ill-formatted members, unknown codes)
and rule-level (legal-status standard of another kind, dates out of order, weak or short digests,
text not in NFC, tampered signatures). With ``--ledger`` the records form one ledger in ledger
order: each right's records chained by ``previousRecordHash`` (RFC 8785 digests), with chain faults
(a tampered record, a fork, a reused record id, blocks going backwards) in the faulty fraction.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from wipo_bc_standard import codelists as cl  # noqa: E402
from wipo_bc_standard.jcs import record_hash  # noqa: E402
from wipo_bc_standard.rules.identifier_rules import _OFFICE_KINDS  # noqa: E402

OFFICES = ("EM", "EP", "US", "CN", "JP", "KR", "RU", "DE", "FR", "GB", "BR", "IN", "AU", "WO")
KINDS = tuple(c.value for c in cl.IP_RIGHT_KINDS.codes)
RECORD_TYPES = tuple(c.value for c in cl.RECORD_TYPES.codes)
ROLES = tuple(c.value for c in cl.PARTY_ROLES.codes)
PLATFORMS = ("multichain", "hyperledger-fabric", "hyperledger-besu", "ethereum", "corda")
STANDARD = {c.value: c.fact("legalStatusStandard") for c in cl.IP_RIGHT_KINDS.codes}
EVENTS = {"ST.27": [("A10", "FIL"), ("B10", "A1"), ("D10", "EXAM"), ("F10", "B1"), ("H10", "OPP")],
          "ST.61": [("A10", "FIL"), ("B10", "PUB"), ("F10", "REG"), ("H10", "OPP"), ("N10", "EXP")],
          "ST.87": [("A10", "FIL"), ("B10", "PUB"), ("F10", "REG"), ("N10", "EXP")]}
TITLES = ("Bottle", "Method for anchoring register entries", "Bouteille à bouchon", "Sistema de frenado",
          "用于区块链登记的方法", "ブロックチェーン登録", "Устройство для хранения", "ACME", "Lämpöpumppu", None)
COUNTRIES = ("FR", "DE", "US", "CN", "JP", "GB", "IT", "ES", "SE", "BR", None)
NAMES = ("ACME Ltd", "Müller GmbH", "北京科技有限公司", "Société Générale d'Études", None, None)
MEDIA = ("application/pdf", "image/png", "image/jpeg", "application/xml")

#: Fault kinds planted in the faulty fraction; each is applied to a record's JSON text or content.
TEXT_FAULTS = ("syntax", "duplicate-key", "big-number", "nan")
DOC_FAULTS = ("missing-id", "misspelt-member", "mistyped-block", "bad-date", "timestamp-offset", "unknown-type",
              "office-pattern", "ls-standard", "registration-before-filing", "sha1-digest", "short-digest",
              "not-nfc", "tampered-signature", "event-missing")
LEDGER_FAULTS = ("tampered", "fork", "duplicate-id", "block-backwards")


class _Signer:
    """An Ed25519 key made from the seed and its did:key: signatures that verify offline."""

    def __init__(self, seed: int) -> None:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        from wipo_bc_standard.identity.did_key import encode_multikey
        self.key = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(f"bench-key-{seed}".encode()).digest())
        multikey = encode_multikey(self.key.public_key())
        self.did = f"did:key:{multikey}"
        self.method = f"{self.did}#{multikey}"

    def sign(self, record: dict[str, Any], created: str) -> dict[str, Any]:
        from wipo_bc_standard.identity.proofs import sign_record_data_integrity
        record = {**record, "issuer": self.did}
        return sign_record_data_integrity(record, self.key, self.method, created)


class Generator:
    def __init__(self, seed: int = 7, fault_rate: float = 0.05, signed_rate: float = 0.1) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.fault_rate = fault_rate
        self.signed_rate = signed_rate
        self.signer = _Signer(seed)
        self.faults: dict[str, int] = {}

    # --- content ------------------------------------------------------------------------------------

    def _date(self, year_from: int = 2005, year_to: int = 2025) -> str:
        r = self.rng
        return f"{r.randint(year_from, year_to)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"

    def right(self, n: int, registered: bool = False) -> dict[str, Any]:
        r = self.rng
        office = r.choice(OFFICES)
        kind = r.choice(sorted(_OFFICE_KINDS.get(office, KINDS)))  # what that office registers
        right: dict[str, Any] = {"kind": kind, "office": office,
                                 "applicationNumber": f"{office}{r.randint(2005, 2025)}{n:07d}"}
        if registered or r.random() < 0.8:
            right["filingDate"] = self._date(2005, 2015)
        if registered or ("filingDate" in right and r.random() < 0.4):
            right["registrationNumber"] = str(r.randint(100000, 99999999))
            right["registrationDate"] = self._date(2016, 2024)
        if r.random() < 0.3:
            right["publicationNumber"] = f"{office}{r.randint(1000000, 9999999)}"
            right["kindCode"] = r.choice(("A1", "B1", "U", "S"))
        title = r.choice(TITLES)
        if title is not None:
            right["title"] = title
        if "filingDate" in right and r.random() < 0.15:
            # Within the shortest Paris Convention period (six months) before filing.
            year, month, day = right["filingDate"].split("-")
            date = f"{year}-{max(1, int(month) - 3):02d}-{day}"
            right["priorityClaims"] = [{"office": r.choice(OFFICES), "applicationNumber": str(r.randint(10**6, 10**9)),
                                        "date": date} for _ in range(r.randint(1, 3))]
        return right

    def parties(self, record_type: str) -> list[dict[str, Any]]:
        r = self.rng
        roles = {"assignment": ("assignor", "assignee"), "licence": ("licensor", "licensee"),
                 "security-interest": ("right-holder", "financier"), "application": ("applicant",)}.get(
            record_type, ("right-holder",))
        roles += tuple(r.choice(ROLES[:6]) for _ in range(r.randint(0, 2)))
        out = []
        for role in roles:
            party: dict[str, Any] = {"role": role, "id": f"did:web:party-{r.randint(1, 50000)}.example"}
            country = r.choice(COUNTRIES)
            if country:
                party["country"] = country
            name = r.choice(NAMES)
            if name:
                party["name"] = name
            out.append(party)
        return out

    def record(self, n: int, right: dict[str, Any] | None = None, record_type: str | None = None) -> dict[str, Any]:
        r = self.rng
        record_type = record_type or r.choice(RECORD_TYPES)
        right = dict(right) if right is not None else self.right(n, registered=record_type == "registration")
        if record_type == "priority-claim" and "priorityClaims" not in right:
            right["priorityClaims"] = [{"office": r.choice(OFFICES), "applicationNumber": str(r.randint(10**6, 10**9)),
                                        "date": "2004-12-01"}]
            right["filingDate"] = "2005-03-01"
        if record_type == "registration" and "registrationDate" not in right:
            right.update(filingDate="2010-01-04", registrationNumber=str(n), registrationDate="2012-05-06")
        record: dict[str, Any] = {"standardVersion": "0.1",
                                  "recordId": f"urn:uuid:{uuid.UUID(int=r.getrandbits(128), version=4)}",
                                  "recordType": record_type, "ipRight": right}
        standard = STANDARD[right["kind"]]
        if record_type == "legal-status-event" or (standard and r.random() < 0.3):
            standard = standard or "ST.27"
            if not STANDARD[right["kind"]]:  # kinds without a legal-status standard get one that has
                kinds = sorted(frozenset(_OFFICE_KINDS.get(right["office"], KINDS)) & {"patent", "trademark", "industrial-design"})
                record["ipRight"] = right = {**right, "kind": r.choice(kinds or ["patent"])}
                if not kinds:
                    right["office"] = "DE"
                standard = STANDARD[right["kind"]]
            code, national = r.choice(EVENTS[standard])
            event: dict[str, Any] = {"standard": standard, "code": code, "nationalCode": national,
                                     "date": self._date(2016, 2024)}
            if r.random() < 0.3:
                event["description"] = r.choice(("Application filed", "Demande publiée", "申请公布", "Eintragung"))
            record["event"] = event
        if r.random() < 0.85 or record_type in ("assignment", "licence", "security-interest"):
            record["parties"] = self.parties(record_type)
        if r.random() < 0.25 or record_type in ("document-exchange", "evidence-of-existence"):
            record["documents"] = [{"uri": f"https://register.example/{right['office']}/{n}/{d}.pdf",
                                    "mediaType": r.choice(MEDIA),
                                    "digest": {"alg": r.choice(("sha-256", "sha-256", "sha-384", "sha3-256")),
                                               "value": ""}} for d in range(r.randint(1, 3))]
            for doc in record["documents"]:
                alg = doc["digest"]["alg"]
                doc["digest"]["value"] = hashlib.new(alg.replace("-", "").replace("sha3256", "sha3_256"),
                                                     f"{n}/{doc['uri']}".encode()).hexdigest()
                if r.random() < 0.5:
                    doc["title"] = r.choice(("Certificate", "Représentation", "证书"))
        if r.random() < 0.4:
            record["previousRecordHash"] = {"alg": "sha-256", "value": hashlib.sha256(str(n).encode()).hexdigest()}
        if r.random() < 0.7:
            record["ledger"] = self.position(n)
        if r.random() < 0.6:
            record["issuer"] = f"did:web:office-{right['office'].lower()}.example"
        return record

    def position(self, n: int, block: int | None = None) -> dict[str, Any]:
        r = self.rng
        platform = r.choice(PLATFORMS)
        position: dict[str, Any] = {"platform": platform, "network": r.choice(("ip-register", "ipchain", "1", "137")),
                                    "transactionId": "0x" + f"{r.getrandbits(256):064x}",
                                    "blockNumber": block if block is not None else r.randint(0, 20_000_000),
                                    "timestamp": f"{self._date(2025, 2025)}T{r.randint(0, 23):02d}:"
                                                 f"{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z"}
        if platform in ("hyperledger-fabric", "multichain") and r.random() < 0.7:
            position["channel"] = r.choice(("rights", "designs", "marks"))
        if platform in ("ethereum", "hyperledger-besu"):
            position["blockHash"] = f"{r.getrandbits(256):064x}"
            position["logIndex"] = r.randint(0, 40)
        return position

    def maybe_sign(self, record: dict[str, Any]) -> dict[str, Any]:
        if self.rng.random() < self.signed_rate:
            return self.signer.sign(record, "2024-12-31T00:00:00Z")
        return record

    # --- faults -------------------------------------------------------------------------------------

    def _count(self, kind: str) -> None:
        self.faults[kind] = self.faults.get(kind, 0) + 1

    def fault_doc(self, record: dict[str, Any]) -> dict[str, Any]:
        r = self.rng
        kind = r.choice(DOC_FAULTS)
        self._count(kind)
        right = record["ipRight"]
        if kind == "missing-id":
            del record["recordId"]
        elif kind == "misspelt-member":
            record["ipRigth"] = record.pop("ipRight")
        elif kind == "mistyped-block":
            record["ledger"] = {**self.position(0), "blockNumber": "12"}
        elif kind == "bad-date":
            right["filingDate"] = "2021-02-30"
        elif kind == "timestamp-offset":
            record["ledger"] = {**self.position(0), "timestamp": "2024-01-01T10:00:00"}
        elif kind == "unknown-type":
            record["recordType"] = "transfer"
        elif kind == "office-pattern":
            right["office"] = "eu"
        elif kind == "ls-standard":
            record["ipRight"] = {**right, "kind": "trademark"}
            record["event"] = {"standard": "ST.27", "code": "A10", "nationalCode": "FIL", "date": "2021-06-01"}
        elif kind == "registration-before-filing":
            right.update(filingDate="2021-05-01", registrationNumber="123", registrationDate="2020-01-01")
        elif kind == "sha1-digest":
            record["documents"] = [{"uri": "https://register.example/d.pdf", "mediaType": "application/pdf",
                                    "digest": {"alg": "sha-1", "value": "a" * 40}}]
        elif kind == "short-digest":
            record["previousRecordHash"] = {"alg": "sha-256", "value": "ab" * 16}
        elif kind == "not-nfc":
            record["event"] = {"standard": "ST.61", "code": "B10", "nationalCode": "PUB", "date": "2021-06-01",
                               "description": "Marque publie\u0301e"}
            record["ipRight"] = {**right, "kind": "trademark"}
        elif kind == "tampered-signature":
            record = self.signer.sign(record, "2024-12-31T00:00:00Z")
            record["recordType"] = "correction" if record["recordType"] != "correction" else "renewal"
        elif kind == "event-missing":
            record["recordType"] = "legal-status-event"
            record.pop("event", None)
        return record

    def fault_text(self, text: bytes) -> bytes:
        kind = self.rng.choice(TEXT_FAULTS)
        self._count(kind)
        if kind == "syntax":
            return text[: len(text) // 2]
        if kind == "duplicate-key":
            return text.replace(b'"recordType":', b'"recordType":"renewal","recordType":', 1)
        if kind == "big-number":
            return text[:-1] + b',"ledger":{"platform":"evm","network":"1","transactionId":"0x1",' \
                               b'"blockNumber":123456789012345678901,"timestamp":"2024-01-01T00:00:00Z"}}' \
                if b'"ledger"' not in text else text.replace(b'"blockNumber":', b'"blockNumber":9007199254740993', 1)
        return text.replace(b'"standardVersion":"0.1"', b'"standardVersion":NaN', 1)

    # --- streams ------------------------------------------------------------------------------------

    def lines(self, count: int) -> Iterator[bytes]:
        """``count`` independent records as compact JSON texts, ~fault_rate of them faulty."""
        r = self.rng
        for n in range(count):
            record = self.record(n)
            faulty = r.random() < self.fault_rate
            if faulty and r.random() < 0.75:
                record = self.fault_doc(record)
                yield orjson.dumps(record)
                continue
            record = self.maybe_sign(record)
            text = orjson.dumps(record)
            yield self.fault_text(text) if faulty else text

    def valid_records(self, count: int) -> Iterator[dict[str, Any]]:
        """Schema-valid records without planted faults (for the XML and RDF forms, which only carry those)."""
        for n in range(count):
            yield self.record(n)

    def ledger(self, count: int, rights: int | None = None) -> Iterator[bytes]:
        """``count`` records in ledger order, each right's records chained; ~fault_rate chain or record faults."""
        r = self.rng
        rights = rights or max(1, count // 8)
        pool = [self.right(i) for i in range(rights)]
        last: dict[int, dict[str, Any]] = {}
        previous_link: dict[int, dict[str, Any]] = {}
        ids: list[str] = []
        block = 1000
        for n in range(count):
            which = r.randrange(rights)
            block += r.randint(0, 2)
            record = self.record(n, pool[which], "application" if which not in last else None)
            record.pop("previousRecordHash", None)
            record.pop("ledger", None)
            if which in last:
                record["previousRecordHash"] = {"alg": "sha-256", "value": record_hash(last[which])}
            record["ledger"] = {**self.position(n, block), "timestamp": _timestamp(block)}
            kind = r.choice(LEDGER_FAULTS) if r.random() < self.fault_rate else None
            if kind == "fork" and which in previous_link:
                record["previousRecordHash"] = previous_link[which]
            elif kind == "duplicate-id" and ids:
                record["recordId"] = r.choice(ids[-1000:])
            elif kind == "block-backwards":
                record["ledger"]["blockNumber"] = max(0, block - 50)
            elif kind is not None and kind != "tampered":
                kind = None
            if kind is not None:
                self._count(kind)
            previous_link[which] = record.get("previousRecordHash")  # type: ignore[assignment]
            ids.append(record["recordId"])
            if len(ids) > 2000:
                del ids[:1000]
            # The next record links to this one as written; a tampered one is changed after that.
            last[which] = record
            if kind == "tampered":
                linked = orjson.loads(orjson.dumps(record))
                last[which] = linked
                record["recordType"] = "correction"
            yield orjson.dumps(record)


def _timestamp(block: int) -> str:
    seconds = 1_700_000_000 + block * 12
    import datetime as dt
    return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--fault-rate", type=float, default=0.05)
    parser.add_argument("--ledger", action="store_true", help="one ledger in ledger order, chained by right")
    parser.add_argument("--out", type=Path, required=True, help="an .ndjson file")
    args = parser.parse_args()
    gen = Generator(args.seed, args.fault_rate)
    lines = gen.ledger(args.records) if args.ledger else gen.lines(args.records)
    with args.out.open("wb") as out:
        for line in lines:
            out.write(line + b"\n")
    print(f"{args.records} records to {args.out}; faults planted: {dict(sorted(gen.faults.items()))}")


if __name__ == "__main__":
    main()
