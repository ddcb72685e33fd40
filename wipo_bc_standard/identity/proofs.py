"""Verifying signatures offline: a record's ``proof``, and the proofs of credentials and DID documents.

The signing input (this library's decision, a proposal of this standard; stated once, here):

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
   W3C VC Data Integrity EdDSA Cryptosuites v1.0, section 3.3; or ``"ecdsa-jcs-2019"`` with a P-256 or
   P-384 key, W3C VC Data Integrity ECDSA Cryptosuites v1.0, section 3.3) is verified instead of a JWS
   when the proof has a ``proofValue``: the signature (multibase base58-btc, ``z...``; Ed25519, or ECDSA
   ``r || s``) covers ``H(JCS(proof without proofValue)) || H(payload)``, where the payload is the bytes
   of 1 and H is SHA-256 (SHA-384 for P-384). (The cryptosuite's "unsecured document" is the record
   without ``proof``; a record also leaves out ``ledger``, which the ledger's reader adds after the
   record was signed.) The RDF-canonicalised suites need a JSON-LD document and so do not apply to
   records; credentials, presentations and DID documents are verified by
   :func:`verify_document_proofs` with every suite of :mod:`.data_integrity`.
6. The key is found from ``proof.verificationMethod`` (a DID URL): in the document the did:key itself
   resolves to, or in a DID document supplied alongside (``--did-document``), never over the network.
   The method must be listed under ``assertionMethod`` (DID Core 5.3.2).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..jcs import record_bytes
from ..limits import LIMITS
from . import data_integrity as di
from .data_integrity import ECDSA_JCS, EDDSA_JCS, ProofError, ProofOutcome, Status
from .did import parse_did_url
from .did_key import KeyDecodeError, MalformedKey, PublicKey, b58encode, did_key_document
from .documents import find_method, is_authorised
from .keys import b64url_decode, key_from_verification_method

__all__ = ["ECDSA_JCS", "EDDSA_JCS", "ProofOutcome", "Status", "proof_algorithm",
           "resolve_document", "sign_record", "sign_record_data_integrity", "verify_document_proofs",
           "verify_record"]

SUPPORTED_ALGS = ("EdDSA", "ES256")
#: The Data Integrity cryptosuites a record's proof may use (a record has no @context, so the
#: RDF-canonicalised suites do not apply to it).
RECORD_SUITES = (EDDSA_JCS, ECDSA_JCS)


def signed_payload(record: Mapping[str, Any]) -> bytes:
    """The bytes a record's signature covers: the bytes its hash covers (canonical form without
    ``ledger`` and ``proof``), from :func:`wipo_bc_standard.jcs.record_bytes`."""
    return record_bytes(dict(record))


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


def _resolve_key(vm: Any, purpose: str, did_documents: Mapping[str, Any],
                 member: str) -> tuple[PublicKey | None, ProofOutcome | None, str]:
    """(key, outcome when there is no usable key, problem with the method's relationship)."""
    parsed = parse_did_url(vm) if isinstance(vm, str) else None
    if parsed is None:
        return None, ProofOutcome(Status.ABSENT), ""  # DID-01 / VC-01 report a bad DID URL
    document = resolve_document(parsed.did, did_documents)
    if document is None and parsed.method == "key" and parsed.did not in did_documents:
        try:
            did_key_document(parsed.did)
        except MalformedKey as exc:  # not an unsupported key type: no valid signature can name it
            return None, ProofOutcome(Status.INVALID, f"{parsed.did} is not a valid did:key: {exc}", member), ""
        except KeyDecodeError:
            pass
    if document is None:
        how = ("its key type is not supported (Ed25519, P-256, P-384)" if parsed.method == "key"
               else "no DID document for it was supplied (--did-document)")
        return None, ProofOutcome(Status.UNRESOLVED, f"{parsed.did} cannot be resolved offline: {how}", member), ""
    if parsed.method == "key" and parsed.is_bare_did:
        vm = f"{vm}#{parsed.method_specific_id}"  # a bare did:key names its one key (see verify_document_proofs)
    method = find_method(document, vm)
    if method is None:
        problem = f"{parsed.did}'s DID document has no verification method {vm}"
        return None, ProofOutcome(Status.ABSENT, method_problem=problem), problem
    problem = ("" if is_authorised(document, vm, purpose)
               else f"{vm} is not listed under {purpose} in {parsed.did}'s DID document")
    try:
        return key_from_verification_method(method), None, problem
    except MalformedKey as exc:
        return None, ProofOutcome(Status.INVALID, f"the key of {vm} is malformed: {exc}", member, problem), problem
    except KeyDecodeError as exc:
        return None, ProofOutcome(Status.UNRESOLVED, f"the key of {vm} cannot be used: {exc}", member, problem), problem


def verify_record(record: Mapping[str, Any], did_documents: Mapping[str, Any]) -> ProofOutcome:
    """Check the proof of a record (see the module's docstring for what is signed)."""
    proof = record.get("proof")
    if not isinstance(proof, Mapping):
        return ProofOutcome(Status.ABSENT)
    jws, vm, proof_value = proof.get("jws"), proof.get("verificationMethod"), proof.get("proofValue")
    if not isinstance(vm, str) or parse_did_url(vm) is None:
        return ProofOutcome(Status.ABSENT)  # DID-01 reports the bad DID URL
    data_integrity = not isinstance(jws, str) and isinstance(proof_value, str)
    suite = proof.get("cryptosuite")
    if data_integrity and suite not in RECORD_SUITES:
        why = ("an RDF-canonicalised suite needs a JSON-LD document with @context, which a record is not"
               if isinstance(suite, str) and suite in di.SUITES else "it is not a suite this library knows")
        return ProofOutcome(Status.UNRESOLVED, f"cryptosuite {suite!r} cannot be verified on a record: {why} "
                            f"({', '.join(RECORD_SUITES)} and detached JWS can)", "/proof/cryptosuite",
                            suite=str(suite))
    if not isinstance(jws, str) and not data_integrity:
        return ProofOutcome(Status.UNRESOLVED, "the proof has neither a jws nor a proofValue to verify", "/proof")
    key, failed, method_problem = _resolve_key(vm, "assertionMethod", did_documents, "/proof/verificationMethod")
    if failed is not None:
        return failed
    assert key is not None
    if isinstance(jws, str):
        outcome = verify_detached_jws(jws, signed_payload(record), key, vm)
    else:
        outcome = verify_data_integrity(proof, signed_payload(record), key)
    return ProofOutcome(outcome.status, outcome.reason, outcome.path, method_problem, outcome.suite)


def verify_document_proofs(doc: Any, did_documents: Mapping[str, Any]) -> list[ProofOutcome]:
    """Check every proof of a credential, presentation or DID document (and of the credentials a
    presentation embeds): one outcome per proof, at its JSON Pointer.

    A ``verificationMethod`` that is a bare did:key (no fragment) is read as the one verification
    method its DID document has, as the signed examples of the W3C VC Data Model 2.0 Recommendation
    write it (this library's reading: a DID names a document, not a key, but a did:key's document has
    exactly one key). A verificationMethod that is not a DID URL cannot be resolved offline (SIG-07)."""
    outcomes: list[ProofOutcome] = []
    rdfc_proofs = 0
    done: di.DocumentHashes = {}  # the proofs of a set sign one document: canonicalise it once
    for count, found in enumerate(di.proofs_in(doc)):
        if count >= di.MAX_PROOFS:
            outcomes.append(ProofOutcome(Status.UNRESOLVED, f"more than {di.MAX_PROOFS} proofs in one document: "
                                         "the others were not verified", found.path))
            break
        suite = found.proof.get("cryptosuite")
        if isinstance(suite, str) and di.SUITES.get(suite, ("",))[0] == "rdfc":
            rdfc_proofs += 1
            if rdfc_proofs > di.MAX_RDFC_PROOFS:
                outcomes.append(ProofOutcome(Status.UNRESOLVED, f"more than {di.MAX_RDFC_PROOFS} RDF-canonicalised "
                                             "proofs in one document: this one was not verified", found.path,
                                             suite=suite))
                continue
        outcomes.append(_verify_found(found, did_documents, done))
    for where, what in di.enveloped_in(doc):
        outcomes.append(ProofOutcome(Status.UNRESOLVED, f"{what} is secured by its envelope (W3C VC JOSE COSE), "
                                     "which is not verified here", where, suite="enveloping"))
    return outcomes


def _verify_found(found: di.FoundProof, did_documents: Mapping[str, Any],
                  done: di.DocumentHashes) -> ProofOutcome:
    proof, path = found.proof, found.path
    kind, suite = proof.get("type"), proof.get("cryptosuite")
    if kind != di.DATA_INTEGRITY_PROOF:
        if kind is None or not any(k in proof for k in ("proofValue", "jws", "signatureValue")):
            return ProofOutcome(Status.ABSENT)  # VC-01 reports a proof without type
        return ProofOutcome(Status.UNRESOLVED, f"proof type {kind!r} cannot be verified here (DataIntegrityProof "
                            f"with {', '.join(di.SUITES)} can)", f"{path}/type", suite=str(kind))
    if not isinstance(suite, str) or suite not in di.SUITES:
        return ProofOutcome(Status.UNRESOLVED, f"cryptosuite {suite!r} cannot be verified here "
                            f"({', '.join(di.SUITES)} can)", f"{path}/cryptosuite", suite=str(suite))
    purpose = proof.get("proofPurpose")
    if not isinstance(purpose, str) or not isinstance(proof.get("verificationMethod"), str):
        return ProofOutcome(Status.INVALID, "a Data Integrity proof names its verificationMethod and proofPurpose "
                            "(W3C VC Data Integrity 1.0, 4.4)", path, suite=suite)
    if parse_did_url(proof["verificationMethod"]) is None:
        return ProofOutcome(Status.UNRESOLVED, f"{suite}: the verificationMethod {proof['verificationMethod']!r} is "
                            "not a DID URL, and nothing else is resolved offline", f"{path}/verificationMethod",
                            suite=suite)
    key, failed, method_problem = _resolve_key(proof["verificationMethod"], purpose, did_documents,
                                               f"{path}/verificationMethod")
    if failed is not None:
        if failed.status is Status.ABSENT and failed.method_problem:
            return ProofOutcome(Status.INVALID, failed.method_problem, f"{path}/verificationMethod", suite=suite)
        return ProofOutcome(failed.status, failed.reason and f"{suite}: {failed.reason}", failed.path, suite=suite)
    assert key is not None
    try:
        di.verify_proof(suite, di.unsecured_document(found), proof, key, done)
    except ProofError as exc:
        where = f"{path}/{exc.member}" if exc.member else path
        return ProofOutcome(exc.status, exc.reason, where, suite=suite)
    if method_problem:
        return ProofOutcome(Status.INVALID, f"the signature verifies but {method_problem}, so the key may not make "
                            f"{purpose} proofs (W3C DID Core 1.0, 5.3)", f"{path}/verificationMethod", suite=suite)
    return ProofOutcome(Status.VERIFIED, path=path, suite=suite)


def proof_algorithm(proof: Any, did_documents: Mapping[str, Any] | None = None) -> str | None:
    """The JOSE name of the algorithm a proof was made with: the JWS header's ``alg``, or that of the
    Data Integrity cryptosuites verified here (``ecdsa-jcs-2019`` is ES256 on P-256 and ES384 on P-384,
    told from the key: None when the key cannot be resolved offline, or the proof does not say)."""
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
    if suite == EDDSA_JCS:
        return "EdDSA"
    if suite != ECDSA_JCS:
        return None
    key, _, _ = _resolve_key(proof.get("verificationMethod"), "assertionMethod", did_documents or {}, "")
    curve = key.curve.name if isinstance(key, ec.EllipticCurvePublicKey) else None
    return {"secp256r1": "ES256", "secp384r1": "ES384"}.get(curve) if curve else None


def verify_data_integrity(proof: Mapping[str, Any], payload: bytes, key: PublicKey) -> ProofOutcome:
    """Verify a record's ``eddsa-jcs-2022`` or ``ecdsa-jcs-2019`` (P-256, P-384) proof over ``payload``
    (see the module's docstring)."""
    suite = str(proof.get("cryptosuite"))
    try:
        signature = di.decode_proof_value(proof.get("proofValue"))
        digest = di.hash_algorithm(suite, key)
        options = di.proof_options(proof)
        signed = digest(di.canonicalize(options)) + digest(payload)
        di.verify_signature(suite, key, signature, signed)
    except ProofError as exc:
        reason = exc.reason
        if "does not match" in reason:
            reason = ("the signature does not match the record: the record or the proof was changed, or another "
                      "key made it")
        return ProofOutcome(exc.status, reason, f"/proof/{exc.member or 'proofValue'}", suite=suite)
    return ProofOutcome(Status.VERIFIED, path="/proof/proofValue", suite=suite)


def sign_record_data_integrity(record: Mapping[str, Any],
                               private_key: Ed25519PrivateKey | ec.EllipticCurvePrivateKey,
                               verification_method: str, created: str) -> dict[str, Any]:
    """A copy of ``record`` with an ``eddsa-jcs-2022`` (Ed25519 key) or ``ecdsa-jcs-2019`` (P-256 or
    P-384 key) Data Integrity proof (for writers and tests)."""
    suite = EDDSA_JCS if isinstance(private_key, Ed25519PrivateKey) else ECDSA_JCS
    proof: dict[str, Any] = {"type": "DataIntegrityProof", "cryptosuite": suite, "created": created,
                             "proofPurpose": "assertionMethod", "verificationMethod": verification_method}
    digest = di.hash_algorithm(suite, private_key.public_key())
    signed = digest(di.canonicalize(proof)) + digest(signed_payload(record))
    if isinstance(private_key, Ed25519PrivateKey):
        signature = private_key.sign(signed)
    else:
        size = (private_key.curve.key_size + 7) // 8
        hash_type = hashes.SHA384() if size == 48 else hashes.SHA256()
        signature = di.p1363_signature(private_key.sign(signed, ec.ECDSA(hash_type)), size)
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
    crit = header.get("crit", [])
    if "crit" in header and not (isinstance(crit, list) and crit and all(isinstance(c, str) for c in crit)):
        return ProofOutcome(Status.INVALID, 'the JWS header\'s "crit" is not a non-empty array of header parameter '
                                            "names (RFC 7515, 4.1.11)")
    if b64 is False and "b64" not in crit:
        return ProofOutcome(Status.INVALID, 'a JWS with "b64": false must list "b64" in "crit" (RFC 7797, 6)')
    unknown = [c for c in crit if c != "b64"]
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
            key.verify(di.der_signature(signature, 32), signing_input, ec.ECDSA(hashes.SHA256()))
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
        signature = di.p1363_signature(private_key.sign(signing_input, ec.ECDSA(hashes.SHA256())), 32)
    signed = dict(record)
    signed["proof"] = {"type": "JsonWebSignature2020", "created": created, "proofPurpose": "assertionMethod",
                       "verificationMethod": verification_method, "jws": f"{encoded_header}..{_b64(signature)}"}
    return signed
