"""Regenerate the signed example records and the office's DID document from the test keys here.

Test-only key material: these private keys sign the project's examples and nothing else.
Run from the project root: ``.venv/bin/python tests/keys/make_signed_examples.py``.
"""

from __future__ import annotations

import base64
import copy
import json
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from wipo_bc_standard.identity import data_integrity as di
from wipo_bc_standard.identity.did_key import encode_multikey
from wipo_bc_standard.identity.proofs import (
    Status,
    sign_record,
    sign_record_data_integrity,
    verify_document_proofs,
    verify_record,
)
from wipo_bc_standard.rules.examples import example_record

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OFFICE = "did:web:office.example"
CREATED = "2021-06-01T09:59:00Z"


def load_or_make(name: str, make):  # type: ignore[no-untyped-def]
    path = HERE / name
    if not path.exists():
        key = make()
        path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return serialization.load_pem_private_key(path.read_bytes(), password=None)


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def write(path: Path, doc: object) -> None:
    """Write ``doc``, except over an ES256 example that still verifies (ECDSA signatures are randomised,
    so re-signing would change committed files for nothing)."""
    if path.exists() and isinstance(doc, dict) and "proof" in doc:
        old = json.loads(path.read_text(encoding="utf-8"))
        if {k: v for k, v in old.items() if k != "proof"} == {k: v for k, v in doc.items() if k != "proof"} \
                and verify_record(old, {OFFICE: json.loads((ROOT / "examples/identity/office-did.json").read_text())}
                                  ).status is Status.VERIFIED:
            return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_credential(path: Path, doc: dict) -> None:  # type: ignore[type-arg]
    """Write a signed credential, except over one with the same content whose proofs still verify."""
    if path.exists():
        old = json.loads(path.read_text(encoding="utf-8"))
        unchanged = {k: v for k, v in old.items() if k != "proof"} == {k: v for k, v in doc.items() if k != "proof"}
        if unchanged and all(o.status is Status.VERIFIED for o in verify_document_proofs(old, {})):
            return
    write(path, doc)


def main() -> None:
    office_ed = load_or_make("office-ed25519.pem", Ed25519PrivateKey.generate)
    office_p256 = load_or_make("office-p256.pem", lambda: ec.generate_private_key(ec.SECP256R1()))
    office_auth = load_or_make("office-auth-ed25519.pem", Ed25519PrivateKey.generate)
    holder_ed = load_or_make("holder-ed25519.pem", Ed25519PrivateKey.generate)
    agent_p256 = load_or_make("agent-p256.pem", lambda: ec.generate_private_key(ec.SECP256R1()))

    raw_ed = office_ed.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    office_doc = {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/jws/v1",
                     "https://w3id.org/security/multikey/v1"],
        "id": OFFICE,
        "controller": OFFICE,
        "verificationMethod": [
            {"id": f"{OFFICE}#key-1", "type": "JsonWebKey2020", "controller": OFFICE,
             "publicKeyJwk": {"kty": "OKP", "crv": "Ed25519", "x": b64(raw_ed)}},
            {"id": f"{OFFICE}#key-2", "type": "Multikey", "controller": OFFICE,
             "publicKeyMultibase": encode_multikey(office_p256.public_key())},
            {"id": f"{OFFICE}#auth-1", "type": "Multikey", "controller": OFFICE,
             "publicKeyMultibase": encode_multikey(office_auth.public_key())},
        ],
        "authentication": [f"{OFFICE}#auth-1"],
        "assertionMethod": [f"{OFFICE}#key-1", "#key-2"],
        "service": [{"id": f"{OFFICE}#register", "type": "LinkedDomains",
                     "serviceEndpoint": "https://office.example/"}],
    }
    write(ROOT / "examples/identity/office-did.json", office_doc)

    base = example_record(issuer=OFFICE)
    write(ROOT / "examples/identity/signed-ed25519.json", sign_record(base, office_ed, f"{OFFICE}#key-1", CREATED))
    write(ROOT / "examples/identity/signed-es256.json", sign_record(base, office_p256, f"{OFFICE}#key-2", CREATED))

    holder = "did:key:" + encode_multikey(holder_ed.public_key())
    by_holder = example_record(issuer=holder, recordType="legal-status-event")
    write(ROOT / "examples/valid/record/signed-ed25519-did-key.json",
          sign_record(by_holder, holder_ed, f"{holder}#{holder[8:]}", CREATED))
    agent = "did:key:" + encode_multikey(agent_p256.public_key())
    by_agent = example_record(issuer=agent)
    write(ROOT / "examples/valid/record/signed-es256-did-key.json",
          sign_record(by_agent, agent_p256, f"{agent}#{agent[8:]}", CREATED, unencoded_payload=False))

    write(ROOT / "examples/valid/record/signed-eddsa-jcs-2022-did-key.json",
          sign_record_data_integrity(by_holder, holder_ed, f"{holder}#{holder[8:]}", CREATED))
    tampered_di = copy.deepcopy(sign_record_data_integrity(by_holder, holder_ed, f"{holder}#{holder[8:]}", CREATED))
    tampered_di["event"]["code"] = "A11"  # changed after signing
    write(ROOT / "examples/invalid/record/SIG-01--tampered-data-integrity-proof.json", tampered_di)

    tampered = sign_record(by_holder, holder_ed, f"{holder}#{holder[8:]}", CREATED)
    tampered["ipRight"]["applicationNumber"] = "018123457"  # changed after signing
    write(ROOT / "examples/invalid/record/SIG-01--tampered-signature.json", tampered)
    # Offline, the document of a did:key is known, so a method it does not have is a DID-02 finding.
    write(ROOT / "examples/invalid/record/DID-02--unknown-verification-method.json",
          sign_record(by_holder, holder_ed, f"{holder}#key-2", CREATED))

    # Credentials with Data Integrity proofs (did:key issuers, so that they verify offline).
    mandate = json.loads((ROOT / "examples/valid/vc/representative-mandate-v2.json").read_text())
    # Its own terms (RepresentativeMandate, role, actsFor) are issuer-dependent: the W3C context for them
    # maps them to URLs, so the RDF-canonicalised proof protects them (W3C VC Data Integrity 1.0, 2.4.3).
    assert "https://www.w3.org/ns/credentials/undefined-terms/v2" in mandate["@context"]
    by_holder_vc = {**mandate, "issuer": {**mandate["issuer"], "id": holder}}
    rdfc_signed = di.add_proof(by_holder_vc, di.EDDSA_RDFC, holder_ed, f"{holder}#{holder[8:]}", "2024-01-01T09:00:00Z")
    write_credential(ROOT / "examples/valid/vc/mandate-signed-eddsa-rdfc-2022.json", rdfc_signed)
    by_agent_vc = {**mandate, "issuer": {**mandate["issuer"], "id": agent}}
    write_credential(ROOT / "examples/valid/vc/mandate-signed-ecdsa-jcs-2019.json",
                     di.add_proof(by_agent_vc, di.ECDSA_JCS, agent_p256, f"{agent}#{agent[8:]}", "2024-01-01T09:00:00Z"))
    changed_vc = copy.deepcopy(rdfc_signed)
    changed_vc["credentialSubject"]["actsFor"] = "did:web:someone-else.example"  # changed after signing
    write(ROOT / "examples/invalid/vc/SIG-06--credential-subject-changed.json", changed_vc)
    unverifiable = copy.deepcopy(rdfc_signed)
    unverifiable["proof"]["cryptosuite"] = "bbs-2023"  # a suite this library does not verify
    write(ROOT / "examples/advisory/vc/SIG-07--cryptosuite-not-verifiable.json", unverifiable)


if __name__ == "__main__":
    main()
