"""The rules' examples: a small conformant record and the ways to change it.

Every rule shows a valid and an invalid example (``wipo-bc rules show``, the rule pages, the tests);
most are this record with one thing changed.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from ..constants import STANDARD_VERSION


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
        "standardVersion": STANDARD_VERSION,
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
