"""W3C Data Integrity proofs (``DataIntegrityProof``), verified offline.

The cryptosuites verified, each as its specification's section 3 says (Create / Verify Proof,
Transformation, Hashing, Proof Configuration, Proof Verification):

- ``eddsa-jcs-2022`` and ``eddsa-rdfc-2022``: W3C VC Data Integrity EdDSA Cryptosuites v1.0, 3.3 and 3.2
  (Ed25519, SHA-256);
- ``ecdsa-jcs-2019`` and ``ecdsa-rdfc-2019``: W3C VC Data Integrity ECDSA Cryptosuites v1.0, 3.3 and 3.2
  (P-256 with SHA-256, P-384 with SHA-384; the signature is ``r || s``).

The ``*-jcs-*`` suites canonicalise with RFC 8785 (JCS); the ``*-rdfc-*`` suites with RDF Dataset
Canonicalization (RDFC-1.0, :mod:`.rdfc`), reading contexts only from the bundled W3C documents. The
signed bytes are ``hash(canonical proof configuration) || hash(canonical document)``.

Proof sets and chains (several proofs in ``proof``; ``previousProof``) are verified as W3C VC Data
Integrity 1.0, 4.5 says: each proof over the document without ``proof``, plus the proofs its
``previousProof`` names. Anything this module cannot verify (another cryptosuite, a context that is not
bundled, a key that cannot be resolved offline) is reported as unverified, never as verified.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from ..jcs import canonicalize
from .did_key import KeyDecodeError, PublicKey, b58decode
from .rdfc import RdfCanonicalizationError, canonical_nquads
from .uri import is_datetime

DATA_INTEGRITY_PROOF = "DataIntegrityProof"
EDDSA_JCS = "eddsa-jcs-2022"
EDDSA_RDFC = "eddsa-rdfc-2022"
ECDSA_JCS = "ecdsa-jcs-2019"
ECDSA_RDFC = "ecdsa-rdfc-2019"
#: cryptosuite -> (canonicalisation, signature family)
SUITES: dict[str, tuple[str, str]] = {
    EDDSA_JCS: ("jcs", "eddsa"), EDDSA_RDFC: ("rdfc", "eddsa"),
    ECDSA_JCS: ("jcs", "ecdsa"), ECDSA_RDFC: ("rdfc", "ecdsa"),
}
#: Longest proofValue decoded: an Ed25519 or P-384 signature is at most 132 base58 characters, and
#: base58 decoding is quadratic in the length, so longer values are refused before decoding.
MAX_PROOF_VALUE_CHARS = 256
#: Proofs verified in one document (proof sets, chains, a presentation's credentials), and of them
#: RDF-canonicalised ones (each canonicalises a document of up to :data:`.rdfc.MAX_VALUES` values).
MAX_PROOFS = 64
MAX_RDFC_PROOFS = 8
_CURVES = {"secp256r1": ("P-256", 32, hashes.SHA256), "secp384r1": ("P-384", 48, hashes.SHA384)}


class Status(enum.Enum):
    ABSENT = "absent"            # no proof, or nothing to verify
    VERIFIED = "verified"
    INVALID = "invalid"          # the signature does not verify, or the proof is malformed
    UNRESOLVED = "unresolved"    # key, suite or context not available offline: not verified


@dataclass(frozen=True, slots=True)
class ProofOutcome:
    """What checking one proof found; ``method_problem`` is for DID-02; ``suite`` names the suite."""

    status: Status
    reason: str = ""
    path: str = "/proof/jws"
    method_problem: str = ""
    suite: str = ""


@dataclass(frozen=True, slots=True)
class HashData:
    """The intermediate values of one proof, as the test vectors of the suites give them."""

    canonical_document: bytes
    canonical_proof_config: bytes
    document_hash: bytes
    proof_config_hash: bytes

    @property
    def hash_data(self) -> bytes:
        return self.proof_config_hash + self.document_hash


class ProofError(Exception):
    """A proof that cannot be checked as it is; ``status`` says whether it is invalid or unverifiable."""

    def __init__(self, status: Status, reason: str, member: str = "") -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.member = member


def _sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _sha384(data: bytes) -> bytes:
    return hashlib.sha384(data).digest()


def hash_algorithm(suite: str, key: PublicKey | None) -> Callable[[bytes], bytes]:
    """SHA-256, or SHA-384 for ECDSA on P-384 (ECDSA Cryptosuites v1.0, 3.2.4 and 3.3.4)."""
    if SUITES[suite][1] == "ecdsa" and isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name == "secp384r1":
        return _sha384
    return _sha256


def _canonical(suite: str, doc: Mapping[str, Any]) -> bytes:
    if SUITES[suite][0] == "jcs":
        return canonicalize(doc)
    try:
        return canonical_nquads(doc).encode("utf-8")
    except RdfCanonicalizationError as exc:
        if exc.data_loss:
            raise ProofError(Status.INVALID, f"{exc.reason} (W3C VC Data Integrity 1.0, 2.4.3)") from None
        raise ProofError(Status.UNRESOLVED, f"the document cannot be canonicalised (RDFC-1.0): {exc.reason}") from None


def proof_options(proof: Mapping[str, Any]) -> dict[str, Any]:
    """The proof without its ``proofValue`` (the proof options every suite signs)."""
    return {k: v for k, v in proof.items() if k != "proofValue"}


#: Canonical documents and their hashes already computed while verifying one document's proofs.
DocumentHashes = dict[tuple[Any, ...], tuple[bytes, bytes]]


def _members_key(document: Mapping[str, Any]) -> tuple[Any, ...]:
    """The document by the identity of its member values (and of the proofs a chain adds), its
    ``@context`` (which a proof's may replace) by content: equal keys are equal documents while the
    values live and none is changed, as during one verification."""
    return tuple((name, canonicalize(value) if name == "@context" else
                  tuple(map(id, value)) if name == "proof" and isinstance(value, list) else id(value))
                 for name, value in document.items())


def hash_data(suite: str, unsecured: Mapping[str, Any], options: Mapping[str, Any],
              key: PublicKey | None = None, done: DocumentHashes | None = None) -> HashData:
    """Transformation, Proof Configuration and Hashing of ``suite`` (section 3.x.3 to 3.x.5).

    ``done``: the documents already canonicalised and hashed for the other proofs of the same document
    (a proof set signs one document many times: it is canonicalised once, not once per proof)."""
    if options.get("type") != DATA_INTEGRITY_PROOF or options.get("cryptosuite") != suite:
        raise ProofError(Status.INVALID, f"the proof options are not type {DATA_INTEGRITY_PROOF} with cryptosuite "
                                         f"{suite}", "type")
    created = options.get("created")
    if "created" in options and not is_datetime(created, timezone_required=False):
        raise ProofError(Status.INVALID, f"created {created!r} is not an XML Schema dateTime", "created")
    document = dict(unsecured)
    config = dict(options)
    if SUITES[suite][0] == "jcs":
        if "@context" in config:
            proof_context = _as_list(config["@context"])
            if _as_list(document.get("@context"))[:len(proof_context)] != proof_context:
                raise ProofError(Status.INVALID, "the document's @context does not begin with the proof's "
                                                 "@context", "@context")
            document["@context"] = config["@context"]
    else:
        config["@context"] = document.get("@context")
    digest = hash_algorithm(suite, key)
    memo = (SUITES[suite][0], digest, _members_key(document)) if done is not None else ()
    if done is not None and memo in done:
        canonical_document, document_hash = done[memo]
    else:
        canonical_document = _canonical(suite, document)
        document_hash = digest(canonical_document)
        if done is not None:
            done[memo] = canonical_document, document_hash
    canonical_config = _canonical(suite, config)
    return HashData(canonical_document, canonical_config, document_hash, digest(canonical_config))


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def decode_proof_value(value: Any) -> bytes:
    """The signature bytes of a multibase base58-btc ``proofValue``, bounded before decoding."""
    if not isinstance(value, str) or not value.startswith("z"):
        raise ProofError(Status.INVALID, "proofValue is not multibase base58-btc (z...)", "proofValue")
    if len(value) > MAX_PROOF_VALUE_CHARS:
        raise ProofError(Status.INVALID, f"proofValue has {len(value)} characters, more than any signature of the "
                                         f"supported suites ({MAX_PROOF_VALUE_CHARS})", "proofValue")
    try:
        return b58decode(value[1:])
    except KeyDecodeError:
        raise ProofError(Status.INVALID, "proofValue is not valid base58-btc", "proofValue") from None


def der_signature(signature: bytes, size: int) -> bytes:
    """An ECDSA signature as JOSE and Data Integrity write it (``r || s``, ``size`` bytes each) in DER."""
    return encode_dss_signature(int.from_bytes(signature[:size], "big"), int.from_bytes(signature[size:], "big"))


def p1363_signature(der: bytes, size: int) -> bytes:
    """A DER ECDSA signature as ``r || s``, ``size`` bytes each."""
    r, s = decode_dss_signature(der)
    return r.to_bytes(size, "big") + s.to_bytes(size, "big")


def verify_signature(suite: str, key: PublicKey, signature: bytes, signed: bytes) -> None:
    """Proof Verification (section 3.x.7): raises :class:`ProofError` when the signature does not verify."""
    family = SUITES[suite][1]
    if family == "ecdsa":
        if not isinstance(key, ec.EllipticCurvePublicKey) or key.curve.name not in _CURVES:
            raise ProofError(Status.INVALID, f"{suite} needs a P-256 or P-384 key", "verificationMethod")
        name, size, digest = _CURVES[key.curve.name]
        if len(signature) != 2 * size:
            raise ProofError(Status.INVALID, f"proofValue decodes to {len(signature)} bytes; a {name} signature is "
                                             f"{2 * size} (r || s)", "proofValue")
        try:
            key.verify(der_signature(signature, size), signed, ec.ECDSA(digest()))
            return
        except InvalidSignature:
            pass
    else:
        if not isinstance(key, Ed25519PublicKey):
            raise ProofError(Status.INVALID, f"{suite} needs an Ed25519 key", "verificationMethod")
        if len(signature) != 64:
            raise ProofError(Status.INVALID, f"proofValue decodes to {len(signature)} bytes; an Ed25519 signature "
                                             "is 64", "proofValue")
        try:
            key.verify(signature, signed)
            return
        except InvalidSignature:
            pass
    raise ProofError(Status.INVALID, "the signature in proofValue does not match", "proofValue")


def verify_proof(suite: str, unsecured: Mapping[str, Any], proof: Mapping[str, Any], key: PublicKey,
                 done: DocumentHashes | None = None) -> HashData:
    """Verify one Data Integrity proof of ``suite`` over ``unsecured`` (raises :class:`ProofError`);
    ``done`` as :func:`hash_data` takes it."""
    signature = decode_proof_value(proof.get("proofValue"))
    data = hash_data(suite, unsecured, proof_options(proof), key, done)
    try:
        verify_signature(suite, key, signature, data.hash_data)
    except ProofError as exc:
        if exc.member != "proofValue" or "does not match" not in exc.reason:
            raise
        kind = "N-Quads" if SUITES[suite][0] == "rdfc" else "JCS"
        raise ProofError(Status.INVALID, (
            f"the {suite} signature in proofValue does not match the document and proof options as they are "
            f"now (hash of the canonical {kind} document {data.document_hash.hex()}, of the proof options "
            f"{data.proof_config_hash.hex()}): the document or a proof option (created, verificationMethod, "
            "proofPurpose, ...) was changed after signing, the proofValue was changed, or another key made it"),
            "proofValue") from None
    return data


# --- Where proofs are in a document -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FoundProof:
    """One proof of a document: where it is, the document it secures (without ``proof``), its set."""

    path: str
    proof: Mapping[str, Any]
    secured: Mapping[str, Any]
    all_proofs: tuple[Any, ...]


def proofs_in(doc: Any, path: str = "") -> Iterator[FoundProof]:
    """Every proof of a document and of the credentials a presentation embeds (depth first)."""
    if not isinstance(doc, Mapping):
        return
    proof = doc.get("proof")
    if isinstance(proof, Mapping):
        yield FoundProof(f"{path}/proof", proof, doc, (proof,))
    elif isinstance(proof, list):
        for i, entry in enumerate(proof):
            if isinstance(entry, Mapping):
                yield FoundProof(f"{path}/proof/{i}", entry, doc, tuple(proof))
    credentials = doc.get("verifiableCredential")
    if isinstance(credentials, list):
        for i, vc in enumerate(credentials):
            yield from proofs_in(vc, f"{path}/verifiableCredential/{i}")
    elif isinstance(credentials, Mapping):
        yield from proofs_in(credentials, f"{path}/verifiableCredential")


_ENVELOPED = ("EnvelopedVerifiableCredential", "EnvelopedVerifiablePresentation")


def enveloped_in(doc: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(path, what) of every credential or presentation secured by an envelope rather than an embedded
    proof: an enveloped one (VC Data Model 2.0, 4.13.1: a ``data:`` URL) or a VC 1.1 JWT string."""
    if isinstance(doc, str):
        yield path, "a JWT-encoded credential"
        return
    if not isinstance(doc, Mapping):
        return
    kinds = doc.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    enveloped = next((k for k in kinds if isinstance(k, str) and k in _ENVELOPED), None)
    if enveloped is not None:
        yield path, f"an {enveloped}"
        return
    credentials = doc.get("verifiableCredential")
    if isinstance(credentials, list):
        for i, vc in enumerate(credentials):
            yield from enveloped_in(vc, f"{path}/verifiableCredential/{i}")
    elif credentials is not None:
        yield from enveloped_in(credentials, f"{path}/verifiableCredential")


def unsecured_document(found: FoundProof) -> dict[str, Any]:
    """The document a proof secures: without ``proof``, plus the proofs its ``previousProof`` names
    (W3C VC Data Integrity 1.0, 4.5); raises :class:`ProofError` for a name no proof has."""
    document = {k: v for k, v in found.secured.items() if k != "proof"}
    previous = found.proof.get("previousProof")
    if previous is None:
        return document
    names = previous if isinstance(previous, list) else [previous]
    matching = []
    for name in names:
        match = next((p for p in found.all_proofs if isinstance(p, Mapping) and p.get("id") == name), None)
        if not isinstance(name, str) or match is None:
            raise ProofError(Status.INVALID, f"previousProof names {name!r}, which no proof of the document has "
                                             "as its id", "previousProof")
        matching.append(match)
    document["proof"] = matching
    return document


def add_proof(doc: Mapping[str, Any], suite: str, private_key: Any, verification_method: str, created: str,
              purpose: str = "assertionMethod") -> dict[str, Any]:
    """A copy of ``doc`` with a ``suite`` proof made with ``private_key`` (Ed25519, or ECDSA on P-256 or
    P-384), as Create Proof (section 3.x.1) says; for writers and tests."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from .did_key import b58encode

    options: dict[str, Any] = {"type": DATA_INTEGRITY_PROOF, "cryptosuite": suite, "created": created,
                               "verificationMethod": verification_method, "proofPurpose": purpose}
    if SUITES[suite][0] == "jcs" and "@context" in doc:
        options["@context"] = doc["@context"]
    unsecured = {k: v for k, v in doc.items() if k != "proof"}
    data = hash_data(suite, unsecured, options, private_key.public_key())
    if isinstance(private_key, Ed25519PrivateKey):
        signature = private_key.sign(data.hash_data)
    else:
        _, size, digest = _CURVES[private_key.curve.name]
        signature = p1363_signature(private_key.sign(data.hash_data, ec.ECDSA(digest())), size)
    return {**unsecured, "proof": {**options, "proofValue": "z" + b58encode(signature)}}
