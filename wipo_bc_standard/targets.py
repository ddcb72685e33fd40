"""Conformance targets, and telling a document's target from its content (``--target auto``)."""

from __future__ import annotations

from typing import Any

#: Every target ``validate`` knows; ``ledger`` is a sequence of records.
TARGETS = ("record", "ledger", "profile", "governance", "did", "vc")
#: Targets whose items are checked against a JSON Schema of their own (a ledger's items are records).
SCHEMA_TARGETS = tuple(t for t in TARGETS if t != "ledger")


def detect(doc: Any) -> str | None:
    """The target a document declares by its members, or None when it declares none.

    Each target has members no other target has, so the test is unambiguous: ``recordId`` or
    ``recordType`` (record), ``profileId`` or ``networkType`` (profile), ``declarationId`` or
    ``governingBody`` (governance), a ``type`` naming a VerifiableCredential or
    VerifiablePresentation (vc), and an ``id`` that is a DID (did).
    """
    if not isinstance(doc, dict):
        return None
    if "recordId" in doc or "recordType" in doc:
        return "record"
    if "profileId" in doc or "networkType" in doc:
        return "profile"
    if "declarationId" in doc or "governingBody" in doc:
        return "governance"
    types = doc.get("type")
    if isinstance(types, str):
        types = [types]
    if isinstance(types, list) and any(t in ("VerifiableCredential", "VerifiablePresentation") for t in types):
        return "vc"
    ident = doc.get("id")
    if isinstance(ident, str) and ident.startswith("did:"):
        return "did"
    return None
