"""Verifying the signature in a record's ``proof``, offline.

The signing input (this library's decision, as DESIGN.md asks; stated once, here):

1. The payload is the RFC 8785 (JCS) canonical UTF-8 bytes of the record **without** its top-level
   ``ledger`` and ``proof`` members (the same bytes ``previousRecordHash`` digests).
2. ``proof.jws`` is a detached compact JWS (RFC 7515 appendix F): ``BASE64URL(header) ".." BASE64URL(signature)``.
   The protected header is a JSON object with ``alg`` = ``EdDSA`` (Ed25519, RFC 8037) or ``ES256``
   (P-256 and SHA-256, RFC 7518 section 3.4); ``kid``, when present, must equal ``proof.verificationMethod``.
3. With ``"b64": false`` and ``"crit": ["b64"]`` in the header (RFC 7797, the form recommended here) the
   signing input is ``ASCII(BASE64URL(header)) || "." || payload``; without ``b64`` it is the plain JWS
   input ``ASCII(BASE64URL(header)) || "." || ASCII(BASE64URL(payload))``.
4. The signature is the 64 raw bytes of Ed25519, or ``R || S`` (32 bytes each) for ES256.
5. A W3C Data Integrity proof (``"type": "DataIntegrityProof"``, ``"cryptosuite": "eddsa-jcs-2022"``,
   W3C VC Data Integrity EdDSA Cryptosuites v1.0, section 3.3; or ``"ecdsa-jcs-2019"`` with a P-256
   key, W3C VC Data Integrity ECDSA Cryptosuites v1.0, section 3.3) is verified instead of a JWS when
   the proof has a ``proofValue``: the signature (multibase base58-btc, ``z...``; Ed25519, or P-256
   ``r || s`` over SHA-256) covers
   ``SHA-256(JCS(proof without proofValue)) || SHA-256(payload)``, where the payload is the bytes of 1.
   (The cryptosuite's "unsecured document" is the record without ``proof``; a record also leaves
   out ``ledger``, which the ledger's reader adds after the record was signed.)
6. The key is found from ``proof.verificationMethod`` (a DID URL): in the document the did:key itself
   resolves to, or in a DID document supplied alongside (``--did-document``), never over the network.
   The method must be listed under ``assertionMethod`` (DID Core 5.3.2).
"""

from __future__ import annotations

import base64
import enum
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from ..jcs import canonicalize, record_bytes
from ..limits import LIMITS
from .did import parse_did_url
from .did_key import KeyDecodeError, MalformedKey, PublicKey, b58decode, b58encode, did_key_document
from .documents import find_method, is_authorised
from .keys import b64url_decode, key_from_verification_method

SUPPORTED_ALGS = ("EdDSA", "ES256")
#: The Data Integrity cryptosuite verified here (W3C VC Data Integrity EdDSA Cryptosuites v1.0).
EDDSA_JCS = "eddsa-jcs-2022"
#: The same for ECDSA on P-256 (W3C VC Data Integrity ECDSA Cryptosuites v1.0, ecdsa-jcs-2019).
ECDSA_JCS = "ecdsa-jcs-2019"
DATA_INTEGRITY_SUITES = (EDDSA_JCS, ECDSA_JCS)


def signed_payload(record: Mapping[str, Any]) -> bytes:
    """The bytes a record's signature covers: the bytes its hash covers (canonical form without
    ``ledger`` and ``proof``), from :func:`wipo_bc_standard.jcs.record_bytes`."""
    return record_bytes(dict(record))


class Status(enum.Enum):
    ABSENT = "absent"            # no proof, or no jws: nothing to verify
    VERIFIED = "verified"
    INVALID = "invalid"          # SIG-01: the signature does not verify, or the JWS is malformed
    UNRESOLVED = "unresolved"    # SIG-02: key or algorithm not available offline


@dataclass(frozen=True, slots=True)
class ProofOutcome:
    """What checking a record's proof found; ``method_problem`` is for DID-02."""

    status: Status
    reason: str = ""
    path: str = "/proof/jws"
    method_problem: str = ""


def resolve_document(did: str, did_documents: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The DID document of ``did`` known offline: supplied alongside, or the did:key's own."""
    doc = did_documents.get(did)
    if isinstance(doc, Mapping):
        return doc
    if did.startswith("did:key:"):
        try:
            return did_key_document(did)
        except KeyDecodeError:
            return None
    return None


def verify_record(record: Mapping[str, Any], did_documents: Mapping[str, Any]) -> ProofOutcome:
    """Check the proof of a record (see the module's docstring for what is signed)."""
    proof = record.get("proof")
    if not isinstance(proof, Mapping):
        return ProofOutcome(Status.ABSENT)
    jws, vm, proof_value = proof.get("jws"), proof.get("verificationMethod"), proof.get("proofValue")
    if not isinstance(vm, str) or (parsed := parse_did_url(vm)) is None:
        return ProofOutcome(Status.ABSENT)  # DID-01 reports the bad DID URL
    data_integrity = not isinstance(jws, str) and isinstance(proof_value, str)
    if data_integrity and proof.get("cryptosuite") not in DATA_INTEGRITY_SUITES:
        return ProofOutcome(Status.UNRESOLVED, f"cryptosuite {proof.get('cryptosuite')!r} cannot be verified here "
                            f"({', '.join(DATA_INTEGRITY_SUITES)} and detached JWS can)", "/proof/cryptosuite")
    if not isinstance(jws, str) and not data_integrity:
        return ProofOutcome(Status.UNRESOLVED, "the proof has neither a jws nor a proofValue to verify", "/proof")
    document = resolve_document(parsed.did, did_documents)
    if document is None and parsed.method == "key" and parsed.did not in did_documents:
        try:
            did_key_document(parsed.did)
        except MalformedKey as exc:  # not an unsupported key type: no valid signature can name it
            return ProofOutcome(Status.INVALID, f"{parsed.did} is not a valid did:key: {exc}",
                                "/proof/verificationMethod")
        except KeyDecodeError:
            pass
    if document is None:
        how = ("its key type is not supported (Ed25519, P-256)" if parsed.method == "key"
               else "no DID document for it was supplied (--did-document)")
        return ProofOutcome(Status.UNRESOLVED, f"{parsed.did} cannot be resolved offline: {how}",
                            "/proof/verificationMethod")
    method = find_method(document, vm)
    if method is None:
        return ProofOutcome(Status.ABSENT, method_problem=f"{parsed.did}'s DID document has no verification method {vm}")
    method_problem = ("" if is_authorised(document, vm, "assertionMethod")
                      else f"{vm} is not listed under assertionMethod in {parsed.did}'s DID document")
    try:
        key = key_from_verification_method(method)
    except MalformedKey as exc:
        return ProofOutcome(Status.INVALID, f"the key of {vm} is malformed: {exc}", "/proof/verificationMethod",
                            method_problem)
    except KeyDecodeError as exc:
        return ProofOutcome(Status.UNRESOLVED, f"the key of {vm} cannot be used: {exc}",
                            "/proof/verificationMethod", method_problem)
    if isinstance(jws, str):
        outcome = verify_detached_jws(jws, signed_payload(record), key, vm)
    else:
        outcome = verify_data_integrity(proof, signed_payload(record), key)
    return ProofOutcome(outcome.status, outcome.reason, outcome.path, method_problem)


def proof_algorithm(proof: Any) -> str | None:
    """The JOSE name of the algorithm a proof was made with: the JWS header's ``alg``, or that of the
    Data Integrity cryptosuites verified here (None when the proof does not say)."""
    if not isinstance(proof, Mapping):
        return None
    jws = proof.get("jws")
    if isinstance(jws, str):
        try:
            header = json.loads(b64url_decode(jws.split(".", 1)[0]))
        except (KeyDecodeError, ValueError):
            return None
        alg = header.get("alg") if isinstance(header, dict) else None
        return alg if isinstance(alg, str) else None
    suite = proof.get("cryptosuite")
    return {EDDSA_JCS: "EdDSA", ECDSA_JCS: "ES256"}.get(suite) if isinstance(suite, str) else None


def _der(signature: bytes) -> bytes:
    """A P-256 signature as JOSE and Data Integrity write it (``r || s``, 32 bytes each) in DER."""
    return encode_dss_signature(int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big"))


def _p1363(der: bytes) -> bytes:
    """A DER ECDSA P-256 signature as ``r || s``, 32 bytes each."""
    r, s = decode_dss_signature(der)
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def _data_integrity_input(proof: Mapping[str, Any], payload: bytes) -> bytes:
    config = {k: v for k, v in proof.items() if k != "proofValue"}
    return hashlib.sha256(canonicalize(config)).digest() + hashlib.sha256(payload).digest()


def verify_data_integrity(proof: Mapping[str, Any], payload: bytes, key: PublicKey) -> ProofOutcome:
    """Verify an ``eddsa-jcs-2022`` or ``ecdsa-jcs-2019`` (P-256) Data Integrity proof over ``payload``
    (see the module's docstring)."""
    value = proof.get("proofValue")
    if not isinstance(value, str) or not value.startswith("z"):
        return ProofOutcome(Status.INVALID, "proofValue is not multibase base58-btc (z...)", "/proof/proofValue")
    try:
        signature = b58decode(value[1:], LIMITS.signature_chars)
    except KeyDecodeError:
        return ProofOutcome(Status.INVALID, "proofValue is not valid base58-btc", "/proof/proofValue")
    signed = _data_integrity_input(proof, payload)
    try:
        if proof.get("cryptosuite") == ECDSA_JCS:
            if not isinstance(key, ec.EllipticCurvePublicKey):
                return ProofOutcome(Status.INVALID, f"{ECDSA_JCS} needs an ECDSA key", "/proof/verificationMethod")
            if not isinstance(key.curve, ec.SECP256R1):
                return ProofOutcome(Status.UNRESOLVED, f"{ECDSA_JCS} on {key.curve.name} cannot be verified here "
                                    "(P-256 can)", "/proof/verificationMethod")
            if len(signature) != 64:
                return ProofOutcome(Status.INVALID, "a P-256 signature is 64 bytes (r || s)", "/proof/proofValue")
            key.verify(_der(signature), signed, ec.ECDSA(hashes.SHA256()))
        else:
            if not isinstance(key, Ed25519PublicKey):
                return ProofOutcome(Status.INVALID, f"{EDDSA_JCS} needs an Ed25519 key", "/proof/verificationMethod")
            key.verify(signature, signed)
    except InvalidSignature:
        return ProofOutcome(Status.INVALID, "the signature does not match the record: the record or the proof "
                                            "was changed, or another key made it", "/proof/proofValue")
    return ProofOutcome(Status.VERIFIED, path="/proof/proofValue")


def sign_record_data_integrity(record: Mapping[str, Any],
                               private_key: Ed25519PrivateKey | ec.EllipticCurvePrivateKey,
                               verification_method: str, created: str) -> dict[str, Any]:
    """A copy of ``record`` with an ``eddsa-jcs-2022`` (Ed25519 key) or ``ecdsa-jcs-2019`` (P-256 key)
    Data Integrity proof (for writers and tests)."""
    suite = EDDSA_JCS if isinstance(private_key, Ed25519PrivateKey) else ECDSA_JCS
    proof: dict[str, Any] = {"type": "DataIntegrityProof", "cryptosuite": suite, "created": created,
                             "proofPurpose": "assertionMethod", "verificationMethod": verification_method}
    signed = _data_integrity_input(proof, signed_payload(record))
    if isinstance(private_key, Ed25519PrivateKey):
        signature = private_key.sign(signed)
    else:
        signature = _p1363(private_key.sign(signed, ec.ECDSA(hashes.SHA256())))
    return {**record, "proof": {**proof, "proofValue": "z" + b58encode(signature)}}


def verify_detached_jws(jws: str, payload: bytes, key: PublicKey, kid: str | None = None) -> ProofOutcome:
    """Verify a detached compact JWS over ``payload`` with ``key`` (RFC 7515 appendix F, RFC 7797)."""
    if len(jws) > LIMITS.signature_chars:
        return ProofOutcome(Status.INVALID, f"the jws has {len(jws)} characters, more than the limit of "
                                            f"{LIMITS.signature_chars} (docs/limits.md)")
    parts = jws.split(".")
    if len(parts) != 3 or parts[1]:
        return ProofOutcome(Status.INVALID, "jws is not a detached compact JWS (header..signature)")
    try:
        header = json.loads(b64url_decode(parts[0]))
        signature = b64url_decode(parts[2])
    except (KeyDecodeError, ValueError):
        return ProofOutcome(Status.INVALID, "the JWS header or signature is not valid base64url JSON")
    if not isinstance(header, dict):
        return ProofOutcome(Status.INVALID, "the JWS header is not a JSON object")
    alg = header.get("alg")
    b64 = header.get("b64", True)
    if b64 is False and "b64" not in (header.get("crit") or []):
        return ProofOutcome(Status.INVALID, 'a JWS with "b64": false must list "b64" in "crit" (RFC 7797, 6)')
    unknown = [c for c in header.get("crit") or [] if c != "b64"]
    if unknown or not isinstance(b64, bool):
        return ProofOutcome(Status.INVALID, f"the JWS header has critical parameters this verifier does not know: {unknown}")
    if kid is not None and "kid" in header and header["kid"] != kid:
        return ProofOutcome(Status.INVALID, f"the JWS kid {header['kid']!r} is not the proof's verificationMethod")
    if alg not in SUPPORTED_ALGS:
        status = Status.INVALID if alg in (None, "none") else Status.UNRESOLVED
        return ProofOutcome(status, f"JWS alg {alg!r} cannot be verified here (EdDSA, ES256)")
    signing_input = parts[0].encode("ascii") + b"." + (
        payload if b64 is False else base64.urlsafe_b64encode(payload).rstrip(b"="))
    try:
        if alg == "EdDSA":
            if not isinstance(key, Ed25519PublicKey):
                return ProofOutcome(Status.INVALID, "JWS alg EdDSA needs an Ed25519 key")
            key.verify(signature, signing_input)
        else:
            if not isinstance(key, ec.EllipticCurvePublicKey) or not isinstance(key.curve, ec.SECP256R1):
                return ProofOutcome(Status.INVALID, "JWS alg ES256 needs a P-256 key")
            if len(signature) != 64:
                return ProofOutcome(Status.INVALID, "an ES256 signature is 64 bytes (R || S)")
            key.verify(_der(signature), signing_input, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return ProofOutcome(Status.INVALID, "the signature does not match the record: the record or the signature "
                                            "was changed, or another key made it")
    return ProofOutcome(Status.VERIFIED)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def sign_record(record: Mapping[str, Any], private_key: Ed25519PrivateKey | ec.EllipticCurvePrivateKey,
                verification_method: str, created: str, *, unencoded_payload: bool = True) -> dict[str, Any]:
    """A copy of ``record`` with a ``proof`` signed as this module describes (for writers and tests)."""
    alg = "EdDSA" if isinstance(private_key, Ed25519PrivateKey) else "ES256"
    header: dict[str, Any] = {"alg": alg, "kid": verification_method}
    if unencoded_payload:
        header.update({"b64": False, "crit": ["b64"]})
    encoded_header = _b64(json.dumps(header, separators=(",", ":")).encode())
    payload = signed_payload(record)
    signing_input = encoded_header.encode("ascii") + b"." + (payload if unencoded_payload else _b64(payload).encode())
    if isinstance(private_key, Ed25519PrivateKey):
        signature = private_key.sign(signing_input)
    else:
        signature = _p1363(private_key.sign(signing_input, ec.ECDSA(hashes.SHA256())))
    signed = dict(record)
    signed["proof"] = {"type": "JsonWebSignature2020", "created": created, "proofPurpose": "assertionMethod",
                       "verificationMethod": verification_method, "jws": f"{encoded_header}..{_b64(signature)}"}
    return signed
