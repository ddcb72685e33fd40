"""The example ledgers of ``examples/ledger/``: built here, committed as data, compared by a test.

Run ``python -m tests.ledger_factory`` from the project root to write them again after a change.
Every hash is real: each record's ``previousRecordHash`` is computed from the final content of the
previous record of the same right (``jcs.record_hash``), so a change here re-links the chain.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from wipo_bc_standard.jcs import record_hash

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "ledger"
_NAMESPACE = uuid.UUID("6f1c9a52-3b7e-4d2a-9c41-0e8f7a6b5d30")

_RIGHTS: dict[str, dict[str, Any]] = {
    "tm": {"kind": "trademark", "office": "EM", "applicationNumber": "018123456", "filingDate": "2021-04-17"},
    "pat": {"kind": "patent", "office": "EP", "applicationNumber": "21123456.7", "filingDate": "2021-03-02",
            "title": "Method for anchoring register entries"},
    "des": {"kind": "industrial-design", "office": "RU", "applicationNumber": "2021500123",
            "filingDate": "2021-01-20", "title": "Bottle"},
}
_STANDARD = {"trademark": "ST.61", "patent": "ST.27", "industrial-design": "ST.87"}
_ISSUER = {"EM": "did:web:euipo.example", "EP": "did:web:epo.example", "RU": "did:web:rospatent.example"}
_HOLDER = {"tm": "did:web:holder.example", "pat": "did:web:applicant-gmbh.example", "des": "did:web:designer-llc.example"}
_REGISTRATION = {"tm": ("018123456", "2021-09-01"), "pat": ("EP4012345", "2023-02-15"), "des": ("128765", "2021-09-14")}

#: (right, record type, event code and national code or None, date) in ledger order: 20 records.
_HISTORY: list[tuple[str, str, tuple[str, str] | None, str]] = [
    ("des", "application", None, "2021-01-20"),
    ("pat", "application", None, "2021-03-02"),
    ("tm", "application", None, "2021-04-17"),
    ("tm", "legal-status-event", ("B10", "PUB"), "2021-05-20"),
    ("des", "registration", ("F10", "REG"), "2021-09-14"),
    ("tm", "registration", ("F10", "REG"), "2021-09-01"),
    ("pat", "legal-status-event", ("B10", "A1"), "2022-09-07"),
    ("des", "assignment", None, "2022-03-01"),
    ("tm", "licence", None, "2022-04-11"),
    ("pat", "legal-status-event", ("D10", "EXAM"), "2022-10-03"),
    ("tm", "change-of-particulars", None, "2022-06-30"),
    ("des", "change-of-particulars", None, "2022-11-02"),
    ("pat", "registration", ("F10", "B1"), "2023-02-15"),
    ("tm", "assignment", None, "2023-03-08"),
    ("pat", "licence", None, "2023-05-22"),
    ("des", "renewal", None, "2023-09-14"),
    ("tm", "evidence-of-use", None, "2023-10-02"),
    ("pat", "renewal", None, "2024-03-31"),
    ("tm", "legal-status-event", ("H10", "OPP"), "2024-01-15"),
    ("pat", "change-of-particulars", None, "2024-06-03"),
]


def _parties(right: str, record_type: str) -> list[dict[str, Any]]:
    holder = {"role": "right-holder", "id": _HOLDER[right]}
    if record_type == "assignment":
        return [{"role": "assignor", "id": _HOLDER[right]}, {"role": "assignee", "id": f"did:web:buyer-{right}.example"}]
    if record_type == "licence":
        return [{"role": "licensor", "id": _HOLDER[right]}, {"role": "licensee", "id": f"did:web:licensee-{right}.example"}]
    if record_type == "application":
        return [{"role": "applicant", "id": _HOLDER[right]}]
    return [holder]


def record_content(n: int, right: str, record_type: str, event: tuple[str, str] | None, date: str,
                   registered: bool) -> dict[str, Any]:
    """Record number ``n`` (1-based) of the valid chain, without its link."""
    ip_right = dict(_RIGHTS[right])
    if registered:
        ip_right["registrationNumber"], ip_right["registrationDate"] = _REGISTRATION[right]
    record: dict[str, Any] = {
        "standardVersion": "0.1",
        "recordId": f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'chain-20/{n}')}",
        "recordType": record_type,
        "ipRight": ip_right,
    }
    if event is not None:
        code, national = event
        record["event"] = {"standard": _STANDARD[ip_right["kind"]], "code": code, "nationalCode": national,
                           "date": date}
    record["parties"] = _parties(right, record_type)
    record["ledger"] = {"platform": "multichain", "network": "ip-register", "channel": "rights",
                        "transactionId": uuid.uuid5(_NAMESPACE, f"tx/{n}").hex * 2,
                        "blockNumber": 4000 + 10 * n, "timestamp": f"2024-07-01T09:{n:02d}:00Z"}
    record["issuer"] = _ISSUER[ip_right["office"]]
    return record


def chain_20() -> list[dict[str, Any]]:
    """20 records of 3 rights, linked right by right, in ledger order (the valid example)."""
    records, registered = [], set()
    for n, (right, record_type, event, date) in enumerate(_HISTORY, start=1):
        if record_type == "registration":
            registered.add(right)
        records.append(record_content(n, right, record_type, event, date, right in registered))
    return link(records)


def _right(record: dict[str, Any]) -> tuple[str, str, str]:
    r = record["ipRight"]
    return r["office"], r["kind"], r["applicationNumber"]


def link(records: list[dict[str, Any]], alg: str = "sha-256") -> list[dict[str, Any]]:
    """The records with each one's previousRecordHash set from its right's previous record (as now)."""
    last: dict[tuple[str, str, str], dict[str, Any]] = {}
    out = []
    for record in records:
        record = {k: v for k, v in record.items() if k != "previousRecordHash"}
        previous = last.get(_right(record))
        if previous is not None:
            # Keep the member order of a written record: the link goes before the ledger envelope.
            ledger = record.pop("ledger", None)
            issuer = record.pop("issuer", None)
            record["previousRecordHash"] = {"alg": alg, "value": record_hash(previous, alg)}
            for key, value in (("ledger", ledger), ("issuer", issuer)):
                if value is not None:
                    record[key] = value
        last[_right(record)] = record
        out.append(record)
    return out


def _tampered() -> list[dict[str, Any]]:
    # The office's national code of record 4 is altered after record 6 (same right) was linked to it.
    records = chain_20()
    records[3]["event"]["nationalCode"] = "PUB2"
    return records


def _duplicate_id() -> list[dict[str, Any]]:
    # Record 8 (a new record of another right) reuses the id of record 3; links are computed after.
    records = chain_20()[:10]
    records[7]["recordId"] = records[2]["recordId"]
    return link(records)


def _fork() -> list[dict[str, Any]]:
    # Record 10 of the patent links to record 2, as record 7 already did: two histories.
    records = chain_20()[:10]
    records[9]["previousRecordHash"] = copy.deepcopy(records[6]["previousRecordHash"])
    return records


def _block_backwards() -> list[dict[str, Any]]:
    # Records 5 and 6 (different rights) swap their ledger positions: block and time go back at 6.
    records = chain_20()[:8]
    records[4]["ledger"], records[5]["ledger"] = records[5]["ledger"], records[4]["ledger"]
    return records


def _first_links_unknown() -> list[dict[str, Any]]:
    # An export missing record 3 (the trade mark's first): record 4 links to a record not in it.
    records = chain_20()[:8]
    del records[2]
    return records


EXAMPLE_LEDGERS: dict[str, Callable[[], list[dict[str, Any]]]] = {
    "valid/chain-20.ndjson": chain_20,
    "invalid/CH-01--tampered-record.ndjson": _tampered,
    "invalid/ID-04--duplicate-record-id.ndjson": _duplicate_id,
    "invalid/CH-02--fork.ndjson": _fork,
    "invalid/DT-05--block-order-backwards.ndjson": _block_backwards,
    "invalid/CH-00--first-record-links-unknown.ndjson": _first_links_unknown,
}


def ndjson(records: list[dict[str, Any]]) -> bytes:
    return b"".join(orjson.dumps(r) + b"\n" for r in records)


def main() -> None:
    for name, build in EXAMPLE_LEDGERS.items():
        path = EXAMPLES / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(ndjson(build()))
        print(path)


if __name__ == "__main__":
    main()
