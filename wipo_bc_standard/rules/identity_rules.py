"""Rules on identity: DIDs, DID documents, verifiable credentials, record signatures.

The checks themselves live in :mod:`wipo_bc_standard.identity`; these rules publish them with their
metadata. Signature rules never use the network: keys come from did:key or from DID documents
supplied alongside (``RuleContext.did_documents``, ``--did-document``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

from ..findings import Level
from ..identity.credentials import credential_problems, validity_inversions
from ..identity.did import DID_PATTERN, KEY_REFERENCE_PATTERN, is_did, parse_did_url
from ..identity.documents import did_syntax_problems, private_key_problems, structure_problems
from ..identity.proofs import ProofOutcome, Status, proof_algorithm, verify_document_proofs, verify_record
from .access import listed
from .catalogue import Hit, RuleContext, rule
from .examples import example_record
from .guards import all_of, at, string_matching

_HOLDER = "did:key:z6MkhXjFF4E9MZkXEHR6pjBzphqV1sgzo3BUBpCyLUUt4HRM"
#: A record signed with the test key of ``_HOLDER`` (tests/keys/holder-ed25519.pem), verifiable offline.
_SIGNED = example_record(issuer=_HOLDER, proof={
    "type": "JsonWebSignature2020", "created": "2021-06-01T09:59:00Z", "proofPurpose": "assertionMethod",
    "verificationMethod": f"{_HOLDER}#{_HOLDER[8:]}",
    "jws": "eyJhbGciOiJFZERTQSIsImtpZCI6ImRpZDprZXk6ejZNa2hYakZGNEU5TVprWEVIUjZwakJ6cGhxVjFzZ3pvM0JVQnBDeUxVVXQ0S"
           "FJNI3o2TWtoWGpGRjRFOU1aa1hFSFI2cGpCenBocVYxc2d6bzNCVUJwQ3lMVVV0NEhSTSIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYj"
           "Y0Il19..lHDtGPDTHVgpKarjTG9GwsXWYjueTipqOT0pB_wxyHEfS_CNMG7kzJ9QdlGPLnE2yOwgbw0uHT2eppfAzyYnAw"})


def _signed(**changes: Any) -> dict[str, Any]:
    record = example_record(**{"issuer": _SIGNED["issuer"], "proof": _SIGNED["proof"]})
    for key, value in changes.items():
        record["proof" if key.startswith("proof__") else key] = (
            {**record["proof"], key[7:]: value} if key.startswith("proof__") else value)
    return record


_DID_DOC: dict[str, Any] = {
    "@context": ["https://www.w3.org/ns/did/v1"],
    "id": "did:web:office.example",
    "verificationMethod": [{"id": "did:web:office.example#key-1", "type": "JsonWebKey2020",
                            "controller": "did:web:office.example",
                            "publicKeyJwk": {"kty": "OKP", "crv": "Ed25519",
                                             "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}}],
    "assertionMethod": ["#key-1"],
}


def _doc(**changes: Any) -> dict[str, Any]:
    doc = {**_DID_DOC, **changes}
    return {k: v for k, v in doc.items() if v is not None}


_VC: dict[str, Any] = {
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    "type": ["VerifiableCredential"],
    "issuer": "did:web:office.example",
    "validFrom": "2024-01-01T00:00:00Z",
    "credentialSubject": {"id": "did:web:agent.example", "role": "representative"},
}


def _vc(**changes: Any) -> dict[str, Any]:
    doc = {**_VC, **changes}
    return {k: v for k, v in doc.items() if v is not None}


_HOLDER_KEY = f"{_HOLDER}#{_HOLDER[8:]}"
#: A credential signed (eddsa-jcs-2022) with the test key of ``_HOLDER``, verifiable offline.
_SIGNED_VC: dict[str, Any] = _vc(issuer=_HOLDER, proof={
    "type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022", "created": "2024-01-01T00:00:00Z",
    "verificationMethod": _HOLDER_KEY, "proofPurpose": "assertionMethod",
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    "proofValue": "z4gkVStmyN3Hf4BdZkPpwHHThc61WBoGYLNvXH4Zt4yHNzd24utCLyv8ykaVkFQQpivgWPomYsEYQmwdDd28o65Ae"})


# --- one verification per document: SIG-01, SIG-02 and DID-02 share a record's, SIG-06 and SIG-07 a
# credential's or DID document's ----------------------------------------------------------------------
_T = TypeVar("_T")


def _once_per_document(verify: Callable[[Any, RuleContext], _T]) -> Callable[[Any, RuleContext], _T]:
    """``verify`` run once for the document the rules are at (the last one asked about)."""
    last: tuple[Any, RuleContext, _T] | None = None

    def shared(doc: Any, ctx: RuleContext) -> _T:
        nonlocal last
        known = last  # read once: another thread (in-process conformance runs) may replace it meanwhile
        if known is not None and known[0] is doc and known[1] is ctx:
            return known[2]
        result = verify(doc, ctx)
        last = (doc, ctx, result)
        return result
    return shared


@_once_per_document
def _document_outcomes(doc: Any, ctx: RuleContext) -> list[ProofOutcome]:
    """The outcome of every proof of a credential or DID document (SIG-06 and SIG-07 share them)."""
    return verify_document_proofs(doc, ctx.did_documents) if isinstance(doc, dict) else []


@_once_per_document
def _outcome(doc: Any, ctx: RuleContext) -> ProofOutcome:
    """The outcome of a record's proof (SIG-01, SIG-02 and DID-02 share it)."""
    return verify_record(doc, ctx.did_documents) if isinstance(doc, dict) else ProofOutcome(Status.ABSENT)


def _record_dids(doc: Any) -> Iterator[tuple[str, Any, bool]]:
    """(path, value, is_url) of every identifier of a record that claims to be a DID or DID URL."""
    issuer = doc.get("issuer")
    if isinstance(issuer, str):
        yield "/issuer", issuer, False
    parties = doc.get("parties")
    for i, party in enumerate(parties) if isinstance(parties, list) else ():
        ident = party.get("id") if isinstance(party, dict) else None
        if isinstance(ident, str) and ident.startswith("did:"):
            yield f"/parties/{i}/id", ident, False
    proof = doc.get("proof")
    vm = proof.get("verificationMethod") if isinstance(proof, dict) else None
    if isinstance(vm, str):
        yield "/proof/verificationMethod", vm, True


#: Ordinary for DID-01 on records: a record (so its DIDs are what is checked) whose issuer and
#: did: party ids are DIDs, and whose proof names its key by a DID URL with a fragment (a tenth of
#: records are signed: they would otherwise run every guarded rule).
_RECORD_DIDS_GUARD = all_of(
    {"anyOf": [{"required": ["recordId"]}, {"required": ["recordType"]}]},
    at("issuer", string_matching(f"^{DID_PATTERN}$")),
    at("parties/*/id", {"anyOf": [{"not": {"type": "string"}}, {"not": {"pattern": "^did:"}},
                                  {"pattern": f"^{DID_PATTERN}$"}]}),
    at("proof/verificationMethod", string_matching(f"^{KEY_REFERENCE_PATTERN}$")))


@rule(id="DID-01", guards={"record": _RECORD_DIDS_GUARD}, title="DIDs and DID URLs follow the DID syntax", level=Level.ERROR,
      targets=("record", "did"), clause="W3C DID Core 1.0, 3.1 DID Syntax and 3.2 DID URL Syntax",
      rationale="A DID that breaks the syntax cannot be resolved by any conforming resolver, so the party, "
                "issuer or key it names cannot be identified.",
      message="{value!r} is not a valid {what}",
      message_zh="{value!r} 不是有效的 {what}",
      valid=example_record(issuer="did:web:office.example"),
      invalid=example_record(issuer="did:Web:office.example"))
def did_syntax(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    if not isinstance(doc, dict):
        return
    if "recordId" in doc or "recordType" in doc:
        for path, value, is_url in _record_dids(doc):
            parsed = parse_did_url(value) if is_url else None
            if is_url and (parsed is None or parsed.fragment is None):
                yield path, {"value": value, "what": "DID URL with a #fragment naming a key"}
            elif not is_url and not is_did(value):
                yield path, {"value": value, "what": "DID"}
    else:
        for path, value, what in did_syntax_problems(doc):
            yield path, {"value": value, "what": what}


_NETWORK = {"identity": {"didMethods": ["web", "key"]}, "signatureAlgorithms": ["EdDSA", "ES256"]}


@rule(id="DID-06", title="DIDs use a method the network accepts", level=Level.WARNING,
      targets=("record", "did"), needs_network=True,
      clause="W3C DID Core 1.0, 8 Methods; network profile identity.didMethods",
      rationale="Participants resolve only the DID methods their network accepts (its allow-list); a DID "
                "of another method names a party, issuer or key no one on the network can resolve.",
      message="{value} uses the DID method {method}, which the network does not accept ({accepted})",
      message_zh="{value} 使用的 DID 方法 {method} 不在网络接受的方法之列（{accepted}）",
      valid={"network": _NETWORK, "document": _signed()},
      invalid={"network": _NETWORK, "document": _signed(issuer="did:ebsi:zbM8cCuoBMFNLeQyLiVFyxw")})
def did_method_accepted(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    accepted = listed(ctx.network, "identity", "didMethods")
    if not accepted or not isinstance(doc, dict):
        return
    if "recordId" in doc or "recordType" in doc:
        found: Iterator[tuple[str, Any, bool]] = _record_dids(doc)
    else:
        found = iter([("/id", doc.get("id"), False)])
    for path, value, _ in found:
        parsed = parse_did_url(value) if isinstance(value, str) else None
        if parsed is not None and parsed.method not in accepted:
            yield path, {"value": value, "method": parsed.method,
                         "accepted": ", ".join(str(m) for m in accepted)}


@rule(id="SIG-05", title="Records are signed with an algorithm the network approves", level=Level.WARNING,
      targets="record", needs_network=True, reads=("proof",),
      clause="RFC 7518 and RFC 8037 (JOSE algorithm names); network profile signatureAlgorithms",
      rationale="Every participant must be able to verify a record's signature, and the network's approved "
                "algorithms are the ones its members support and its security policy accepts.",
      message="the proof is made with {alg}, which is not among the network's signature algorithms ({approved})",
      message_zh="签名使用的算法 {alg} 不在网络批准的签名算法之列（{approved}）",
      valid={"network": _NETWORK, "document": _signed()},
      invalid={"network": {**_NETWORK, "signatureAlgorithms": ["ES256"]}, "document": _signed()})
def signature_algorithm_approved(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    approved = listed(ctx.network, "signatureAlgorithms")
    alg = proof_algorithm(doc.get("proof"), ctx.did_documents) if isinstance(doc, dict) and approved else None
    if alg is not None and approved is not None and alg not in approved:
        yield "/proof", {"alg": alg, "approved": ", ".join(str(a) for a in approved)}


@rule(id="DID-02", reads=('proof',), title="The signing key is in the signer's DID document and may make assertions",
      level=Level.ERROR, targets="record",
      clause="W3C DID Core 1.0, 5.2 Verification Methods and 5.3.2 Assertion",
      rationale="Only a verification method listed under assertionMethod is authorised by the DID's controller "
                "to sign statements such as records; a key meant for logging in (authentication) is not.",
      message="{problem}", message_zh="签名密钥不可用于断言：{problem}",
      valid=_signed(),
      invalid=_signed(proof__verificationMethod=f"{_HOLDER}#other-key"))
def method_authorised(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    outcome = _outcome(doc, ctx)
    if outcome.method_problem:
        yield "/proof/verificationMethod", {"problem": outcome.method_problem}


#: DID methods whose DID documents (and their history) are written to a public blockchain.
LEDGER_DID_METHODS = frozenset({"btcr", "ethr", "ion", "sov", "indy", "polygon", "tz", "cheqd", "elem",
                                "hedera", "kilt", "algo", "iota", "orb"})
_NATURAL_PERSON_ROLES = frozenset({"inventor", "creator"})


@rule(id="DID-03", guards={"record": at("parties/*", {"anyOf": [
          {"not": {"type": "object"}}, {"properties": {"role": {"not": {"enum": sorted(_NATURAL_PERSON_ROLES)}}}},
          at("id", {"not": {"type": "string", "pattern": f"^did:(?:{'|'.join(sorted(LEDGER_DID_METHODS))}):"}})]})}, title="Natural persons are not identified by DIDs written to a public ledger",
      level=Level.INFO, targets="record",
      clause="W3C DID Core 1.0, 10.1 Keep Personal Data Private; EDPB Guidelines 02/2025 on blockchain",
      rationale="A DID whose document is written to a public blockchain cannot be erased; for an inventor or "
                "creator (always a natural person) it is personal data kept for ever. A DID that is not anchored "
                "on a ledger (did:web, did:key, did:peer) or an office's party identifier avoids that. Legal "
                "persons in the same roles are not concerned, hence information only.",
      message="the {role} is identified by a did:{method}, whose documents are written to a public ledger",
      message_zh="{role} 使用 did:{method} 标识，该方法将 DID 文档写入公共账本",
      valid=example_record(parties=[{"role": "inventor", "id": "did:web:inventors.office.example:12345"}]),
      invalid=example_record(parties=[{"role": "inventor", "id": "did:ethr:0xb9c5714089478a327f09197987f16f9e5d936e8a"}]))
def natural_persons_off_ledger(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    parties = doc.get("parties") if isinstance(doc, dict) else None
    for i, party in enumerate(parties) if isinstance(parties, list) else ():
        if not isinstance(party, dict) or not isinstance(party.get("role"), str) or party["role"] not in _NATURAL_PERSON_ROLES:
            continue
        ident = party.get("id")
        parsed = parse_did_url(ident) if isinstance(ident, str) else None
        if parsed is not None and parsed.method in LEDGER_DID_METHODS:
            yield f"/parties/{i}/id", {"role": party["role"], "method": parsed.method}


@rule(id="DID-04", title="DID document follows the DID Core data model", level=Level.ERROR, targets="did",
      clause="W3C DID Core 1.0, 5 Core Properties (5.1 identifiers, 5.2 verification methods, "
             "5.3 verification relationships, 5.4 services)",
      rationale="Resolvers and verifiers read keys and services by these properties; a method without a type "
                "or controller, or a reference to a method the document does not hold, leaves a verifier "
                "without the key it needs.",
      message="{problem}", message_zh="DID 文档不符合 DID Core 数据模型：{problem}",
      valid=_doc(), invalid=_doc(assertionMethod=["#key-9"]))
def did_document_structure(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    if isinstance(doc, dict):
        for path, problem in structure_problems(doc):
            yield path, {"problem": problem}


@rule(id="DID-05", title="No private key material in a DID document", level=Level.ERROR, targets="did",
      clause="W3C DID Core 1.0, 5.2.1 Verification Material (publicKeyJwk: the map \"MUST NOT contain \"d\", or "
             "any other members of the private information class\"); RFC 7517, 8.1.1 (Parameter Information "
             "Class); RFC 7518, 6 and RFC 8037, 2 (the private members)",
      rationale="A DID document is public; a private key in it lets anyone sign as the DID's controller.",
      message="{problem}: remove it and replace the key", message_zh="{problem}：请删除并更换该密钥",
      valid=_doc(),
      invalid=_doc(verificationMethod=[{**_DID_DOC["verificationMethod"][0], "publicKeyJwk": {
          **_DID_DOC["verificationMethod"][0]["publicKeyJwk"], "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}}]))
def no_private_keys(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    if isinstance(doc, dict):
        for path, problem in private_key_problems(doc):
            yield path, {"problem": problem}


@rule(id="VC-01", title="Credential or presentation follows the VC Data Model", level=Level.ERROR, targets="vc",
      clause="W3C Verifiable Credentials Data Model 1.1, 4 Basic Concepts; "
             "W3C Verifiable Credentials Data Model 2.0, 4 Basic Concepts",
      rationale="Verifiers of every implementation read a credential by these properties; a credential "
                "without an issuer URL, a subject or the base context cannot be verified or understood alike "
                "everywhere.",
      message="{problem}", message_zh="不符合可验证凭证数据模型：{problem}",
      valid=_vc(), invalid=_vc(credentialSubject=None))
def vc_data_model(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for path, problem in credential_problems(doc):
        yield path, {"problem": problem}


@rule(id="VC-02", title="A credential's validity period is not inverted", level=Level.ERROR, targets="vc",
      clause="W3C VC Data Model 2.0, 4.9 Validity Period; VC Data Model 1.1, 4.6 and 4.8",
      rationale="A credential that stops being valid before it starts was never valid: a data error.",
      message="{problem}", message_zh="有效期颠倒：{problem}",
      valid=_vc(validUntil="2026-01-01T00:00:00Z"), invalid=_vc(validUntil="2023-01-01T00:00:00Z"))
def vc_validity_period(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for path, problem in validity_inversions(doc):
        yield path, {"problem": problem}


@rule(id="SIG-01", reads=('proof',), title="The record's signature verifies", level=Level.ERROR, targets="record",
      clause="RFC 7515 (JWS), 5.2 and appendix F; RFC 7797; RFC 8037 (EdDSA); RFC 7518, 3.4 (ES256); "
             "RFC 8785 (signed bytes)",
      rationale="The signature binds the record to the office or party that wrote it; a signature that does not "
                "verify means the record was altered after signing or was not signed by that key.",
      message="the signature does not verify: {reason}", message_zh="签名验证失败：{reason}",
      valid=_signed(), invalid=_signed(recordId="urn:uuid:00000000-0000-4000-8000-000000000000"))
def signature_verifies(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    outcome = _outcome(doc, ctx)
    if outcome.status is Status.INVALID:
        yield outcome.path, {"reason": outcome.reason}


@rule(id="SIG-02", reads=('proof',), title="The record's signing key can be resolved offline", level=Level.WARNING,
      targets="record", clause="W3C DID Core 1.0, 7.1 DID Resolution; RFC 7515, 4.1.1 (alg)",
      rationale="Validation never uses the network, so a signature can be verified only with a did:key or a DID "
                "document supplied with --did-document; an unverified signature is not evidence.",
      message="the signature was not verified: {reason}", message_zh="签名未被验证：{reason}",
      valid=_signed(), invalid=_signed(proof__verificationMethod="did:web:office.example#key-1"))
def key_resolvable(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    outcome = _outcome(doc, ctx)
    if outcome.status is Status.UNRESOLVED:
        yield outcome.path, {"reason": outcome.reason}


@rule(id="SIG-03", reads=('proof',), title="The record is signed by its issuer", level=Level.WARNING, targets="record",
      clause="W3C DID Core 1.0, 5.1.2 DID Controller and 5.3.2 Assertion",
      rationale="A record stating what an office did should carry the office's signature; a key of another DID "
                "proves only that someone else signed it.",
      message="signed by {signer}, but the record's issuer is {issuer}",
      message_zh="签名者为 {signer}，但记录的签发者为 {issuer}",
      valid=_signed(), invalid=_signed(issuer="did:web:office.example"))
def signed_by_issuer(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    if not isinstance(doc, dict) or not isinstance(doc.get("proof"), Mapping):
        return
    issuer, vm = doc.get("issuer"), doc["proof"].get("verificationMethod")
    parsed = parse_did_url(vm) if isinstance(vm, str) else None
    if isinstance(issuer, str) and parsed is not None and parsed.did != issuer:
        yield "/proof/verificationMethod", {"signer": parsed.did, "issuer": issuer}


@rule(id="SIG-04", reads=('proof',), title="The proof states an assertion made before the record was written", level=Level.WARNING,
      targets="record", clause="W3C VC Data Integrity 1.0, 2.1 Proofs (proofPurpose, created); W3C DID Core 1.0, 5.3.2",
      rationale="A record's proof is an assertion (proofPurpose assertionMethod), and a signature dated after "
                "the block that holds the record cannot be the one the writer submitted.",
      message="{problem}", message_zh="{problem}",
      valid=_signed(ledger={"platform": "multichain", "network": "ipnet", "transactionId": "ab12",
                            "blockNumber": 7, "timestamp": "2021-06-01T10:00:00Z"}),
      invalid=_signed(ledger={"platform": "multichain", "network": "ipnet", "transactionId": "ab12",
                              "blockNumber": 7, "timestamp": "2021-06-01T09:00:00Z"}))
def proof_purpose_and_time(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    from ..identity.uri import to_instant
    proof = doc.get("proof") if isinstance(doc, dict) else None
    if not isinstance(proof, dict):
        return
    purpose = proof.get("proofPurpose")
    if isinstance(purpose, str) and purpose != "assertionMethod":
        yield "/proof/proofPurpose", {"problem": f"proofPurpose is {purpose!r}; a record's proof is an assertionMethod"}
    ledger = doc.get("ledger")
    created, written = proof.get("created"), ledger.get("timestamp") if isinstance(ledger, dict) else None
    if isinstance(created, str) and isinstance(written, str):
        signed_at, block_at = to_instant(created), to_instant(written)
        if signed_at and block_at and signed_at > block_at:
            yield "/proof/created", {"problem": f"the proof was created ({created}) after the block that holds "
                                                f"the record ({written})"}


_DI_CLAUSE = ("W3C VC Data Integrity 1.0, 4.4 Verify Proof and 4.5 Verify Proof Sets and Chains; "
              "W3C VC Data Integrity EdDSA Cryptosuites v1.0, 3.2 (eddsa-rdfc-2022) and 3.3 (eddsa-jcs-2022); "
              "W3C VC Data Integrity ECDSA Cryptosuites v1.0, 3.2 (ecdsa-rdfc-2019) and 3.3 (ecdsa-jcs-2019); "
              "RDFC-1.0; RFC 8785")


@rule(id="SIG-06", reads=("proof", "verifiableCredential", "type"), title="Every Data Integrity proof of a credential or DID document verifies",
      level=Level.ERROR, targets=("vc", "did"), clause=_DI_CLAUSE,
      rationale="A proof binds the credential (or DID document) to the key that made it; a proof that does not "
                "verify means the document or the proof was changed after signing, or another key made it, so "
                "nothing in the document can be relied on.",
      message="{reason}", message_zh="数据完整性证明验证失败：{reason}",
      valid=_SIGNED_VC,
      invalid={**_SIGNED_VC, "credentialSubject": {"id": "did:web:agent.example", "role": "right holder"}})
def document_proofs_verify(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for outcome in _document_outcomes(doc, ctx):
        if outcome.status is Status.INVALID:
            yield outcome.path, {"reason": outcome.reason, "suite": outcome.suite}


@rule(id="SIG-07", reads=("proof", "verifiableCredential", "type"), title="Every proof of a credential or DID document can be verified offline",
      level=Level.WARNING, targets=("vc", "did"), clause=_DI_CLAUSE + "; W3C DID Core 1.0, 7.1 DID Resolution",
      rationale="Validation never uses the network: a proof made with another cryptosuite, a key that is neither "
                "a did:key nor in a DID document supplied with --did-document, or a JSON-LD context that is not "
                "bundled cannot be verified here, and an unverified proof is not evidence.",
      message="{suite} proof not verified: {reason}", message_zh="{suite} 证明未被验证：{reason}",
      valid=_SIGNED_VC,
      invalid={**_SIGNED_VC, "proof": {**_SIGNED_VC["proof"], "cryptosuite": "bbs-2023"}})
def document_proofs_verifiable(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for outcome in _document_outcomes(doc, ctx):
        if outcome.status is Status.UNRESOLVED:
            yield outcome.path, {"reason": outcome.reason, "suite": outcome.suite or "the"}
