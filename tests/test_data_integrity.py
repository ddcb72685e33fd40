"""Data Integrity proofs: the W3C test vectors of the EdDSA and ECDSA cryptosuites, tampering, proof
sets and chains, hostile input, and the bundled W3C contexts.

The vectors are read from ``../shared/testdata/vc-di`` (skipped, saying why, when it is absent).
"""

from __future__ import annotations

import copy
import hashlib
import json
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from wipo_bc_standard.api import validate
from wipo_bc_standard.cli import main
from wipo_bc_standard.identity import contexts, rdfc
from wipo_bc_standard.identity import data_integrity as di
from wipo_bc_standard.identity.did_key import decode_multikey, encode_multikey
from wipo_bc_standard.identity.proofs import Status, sign_record_data_integrity, verify_document_proofs, verify_record
from wipo_bc_standard.rules.examples import example_record

from .conftest import ROOT, SHARED_TESTDATA

VC_DI = SHARED_TESTDATA / "vc-di"
KEYS = Path(__file__).resolve().parent / "keys"

#: (folder, file-name suffix, suite, key pair file, canonicalisable offline)
VECTORS = [
    ("eddsa/TestVectors/eddsa-jcs-2022", "JCS", di.EDDSA_JCS, "eddsa/TestVectors/keyPair.json", True),
    ("eddsa/TestVectors/eddsa-rdfc-2022", "DataInt", di.EDDSA_RDFC, "eddsa/TestVectors/keyPair.json", True),
    ("eddsa/TestVectors/eddsa-rdfc-2022/employ", "DataInt", di.EDDSA_RDFC, "eddsa/TestVectors/keyPair.json", False),
    ("ecdsa/TestVectors/ecdsa-jcs-2019-p256", "JCSECDSAP256", di.ECDSA_JCS, "ecdsa/TestVectors/p256KeyPair.json", True),
    ("ecdsa/TestVectors/ecdsa-jcs-2019-p384", "JCSECDSAP384", di.ECDSA_JCS, "ecdsa/TestVectors/p384KeyPair.json", True),
    ("ecdsa/TestVectors/ecdsa-rdfc-2019-p256", "ECDSAP256", di.ECDSA_RDFC, "ecdsa/TestVectors/p256KeyPair.json", True),
    ("ecdsa/TestVectors/ecdsa-rdfc-2019-p256/employ", "ECDSAP256", di.ECDSA_RDFC,
     "ecdsa/TestVectors/p256KeyPair.json", False),
    ("ecdsa/TestVectors/ecdsa-rdfc-2019-p384", "ECDSAP384", di.ECDSA_RDFC, "ecdsa/TestVectors/p384KeyPair.json", True),
    ("ecdsa/TestVectors/ecdsa-rdfc-2019-p384/employ", "ECDSAP384", di.ECDSA_RDFC,
     "ecdsa/TestVectors/p384KeyPair.json", False),
]
OFFLINE = [v for v in VECTORS if v[4]]
#: Signed vectors not verified here, and why (each is a SIG-07 warning naming it).
NOT_VERIFIED = {
    "eddsa/TestVectors/eddsa-rdfc-2022/employ/signedDataInt.json": "https://w3id.org/citizenship/v4rc1",
    "ecdsa/TestVectors/ecdsa-rdfc-2019-p256/employ/signedECDSAP256.json": "https://w3id.org/citizenship/v4rc1",
    "ecdsa/TestVectors/ecdsa-rdfc-2019-p384/employ/signedECDSAP384.json": "https://w3id.org/citizenship/v4rc1",
    "eddsa/TestVectors/Ed25519Signature2020/signedEdSig.json": "Ed25519Signature2020",
}


def _vc_di(*parts: str) -> Path:
    path = VC_DI.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"the W3C Data Integrity test vectors are absent (a user's clone has no ../shared): {path}")
    return path


def _text(folder: str, name: str) -> str:
    return _vc_di(folder, name).read_text(encoding="utf-8")


def _signed(folder: str, suffix: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(_text(folder, f"signed{suffix}.json"))
    return doc


def _rules(report: Any) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for item in report.items:
        for finding in item.findings:
            found.setdefault(finding.rule, []).append(finding)
    return found


# --- the intermediate values of every vector ------------------------------------------------------------
@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v[0].split("TestVectors/")[1])
def test_vector_key_signature_and_hashes(vector: tuple[str, str, str, str, bool]) -> None:
    folder, suffix, suite, key_file, _ = vector
    signed = _signed(folder, suffix)
    proof = signed["proof"]
    key_pair = json.loads(_vc_di(key_file).read_text())
    assert proof["verificationMethod"].split("#")[1] == key_pair["publicKeyMultibase"]
    key = decode_multikey(key_pair["publicKeyMultibase"])
    assert proof["proofValue"] == _text(folder, f"sigBTC58{suffix}.txt").strip()
    signature = di.decode_proof_value(proof["proofValue"])
    assert signature.hex() == _text(folder, f"sigHex{suffix}.txt").strip()
    assert di.proof_options(proof) == {k: v for k, v in json.loads(_text(folder, f"proofConfig{suffix}.json")).items()
                                       if k != "@context" or "@context" in proof}
    # The hashes of the published canonical forms, and the signature over them.
    digest = di.hash_algorithm(suite, key)
    doc_hash = digest(_text(folder, f"canonDoc{suffix}.txt").encode())
    proof_hash = digest(_text(folder, f"proofCanon{suffix}.txt").encode())
    assert doc_hash.hex() == _text(folder, f"docHash{suffix}.txt").strip()
    assert proof_hash.hex() == _text(folder, f"proofHash{suffix}.txt").strip()
    assert (proof_hash + doc_hash).hex() == _text(folder, f"combinedHash{suffix}.txt").strip()
    di.verify_signature(suite, key, signature, proof_hash + doc_hash)


@pytest.mark.parametrize("vector", OFFLINE, ids=lambda v: v[0].split("TestVectors/")[1])
def test_vector_canonical_forms_are_reproduced(vector: tuple[str, str, str, str, bool]) -> None:
    folder, suffix, suite, key_file, _ = vector
    signed = _signed(folder, suffix)
    key = decode_multikey(json.loads(_vc_di(key_file).read_text())["publicKeyMultibase"])
    unsecured = {k: v for k, v in signed.items() if k != "proof"}
    data = di.hash_data(suite, unsecured, di.proof_options(signed["proof"]), key)
    assert data.canonical_document.decode() == _text(folder, f"canonDoc{suffix}.txt")
    assert data.canonical_proof_config.decode() == _text(folder, f"proofCanon{suffix}.txt")
    assert data.document_hash.hex() == _text(folder, f"docHash{suffix}.txt").strip()
    assert data.proof_config_hash.hex() == _text(folder, f"proofHash{suffix}.txt").strip()
    assert data.hash_data.hex() == _text(folder, f"combinedHash{suffix}.txt").strip()
    assert di.verify_proof(suite, unsecured, signed["proof"], key) == data


def test_every_signed_vector_verifies_or_says_why_not() -> None:
    paths = sorted(_vc_di().rglob("signed*.json"))
    assert len(paths) >= 14
    for path in paths:
        name = path.relative_to(VC_DI).as_posix()
        found = _rules(validate(path, target="vc", profile="strict"))
        assert "SIG-06" not in found, (name, [f.message for f in found["SIG-06"]])
        if name in NOT_VERIFIED:
            assert [NOT_VERIFIED[name] in f.message for f in found.get("SIG-07", [])] == [True], name
        else:
            assert "SIG-07" not in found, (name, [f.message for f in found["SIG-07"]])
            doc = json.loads(path.read_text())
            outcomes = verify_document_proofs(doc, {})
            assert outcomes and all(o.status is Status.VERIFIED for o in outcomes), name


# --- any change fails, and says what did not match ---------------------------------------------------------
def _changed_subject(doc: dict[str, Any]) -> None:
    subject = doc["credentialSubject"]
    key = next(k for k in subject if k != "id")
    subject[key] = "changed" if subject[key] != "changed" else "changed again"


def _changed_proof_value(doc: dict[str, Any]) -> None:
    value = doc["proof"]["proofValue"]
    doc["proof"]["proofValue"] = value[:-1] + ("2" if value[-1] != "2" else "3")


def _changed_created(doc: dict[str, Any]) -> None:
    doc["proof"]["created"] = "2023-02-24T23:36:39Z"


CHANGES = {"credential-subject": _changed_subject, "proof-value": _changed_proof_value, "created": _changed_created}


def _tampered(vector: tuple[str, str, str, str, bool], change: str) -> dict[str, Any]:
    doc = copy.deepcopy(_signed(vector[0], vector[1]))
    CHANGES[change](doc)
    return doc


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("vector", OFFLINE, ids=lambda v: v[0].split("TestVectors/")[1])
def test_a_changed_vector_fails_through_the_api(vector: tuple[str, str, str, str, bool], change: str) -> None:
    report = validate(_tampered(vector, change), target="vc")
    (finding,) = _rules(report)["SIG-06"]
    assert not report.conformant
    assert finding.path == "/proof/proofValue"
    assert f"the {vector[2]} signature in proofValue does not match" in finding.message
    assert "hash of the canonical" in finding.message


@pytest.mark.parametrize("vector", OFFLINE, ids=lambda v: v[0].split("TestVectors/")[1])
def test_a_changed_vector_exits_1_from_the_cli(vector: tuple[str, str, str, str, bool], tmp_path: Path) -> None:
    paths = []
    for change in CHANGES:
        path = tmp_path / f"{change}.json"
        path.write_text(json.dumps(_tampered(vector, change)))
        paths.append(str(path))
    result = CliRunner().invoke(main, ["validate", "--target", "vc", "--format", "json", *paths])
    assert result.exit_code == 1, result.output
    items = json.loads(result.output)["items"]
    assert [[f["rule"] for f in item["findings"]] for item in items] == [["SIG-06"]] * 3


def test_the_untouched_vector_exits_0_from_the_cli() -> None:
    path = _vc_di("eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json")
    result = CliRunner().invoke(main, ["validate", "--target", "vc", "--profile", "strict", str(path)])
    assert result.exit_code == 0, result.output


def test_a_bad_proof_value_or_created_is_named() -> None:
    doc = _signed("ecdsa/TestVectors/ecdsa-rdfc-2019-p384", "ECDSAP384")
    short = copy.deepcopy(doc)
    short["proof"]["proofValue"] = short["proof"]["proofValue"][:40]
    (finding,) = _rules(validate(short, target="vc"))["SIG-06"]
    assert "a P-384 signature is 96 (r || s)" in finding.message
    not_a_date = copy.deepcopy(doc)
    not_a_date["proof"]["created"] = "yesterday"
    (finding,) = _rules(validate(not_a_date, target="vc"))["SIG-06"]
    assert finding.path == "/proof/created" and "XML Schema dateTime" in finding.message


# --- proof sets, chains, presentations, DID documents -------------------------------------------------------
def test_a_chain_without_the_proof_it_follows_fails() -> None:
    doc = json.loads(_vc_di("eddsa/TestVectors/proof-set-chain/signedProofChain2.json").read_text())
    doc["proof"] = doc["proof"][1:]
    found = _rules(validate(doc, target="vc"))["SIG-06"]
    assert [f.path for f in found] == ["/proof/1/previousProof"]
    assert "urn:uuid:26329423-bec9-4b2e-88cb-a7c7d9dc4544" in found[0].message


def test_a_proof_set_member_changed_fails_alone() -> None:
    doc = json.loads(_vc_di("eddsa/TestVectors/proof-set-chain/signedProofSet2.json").read_text())
    doc["proof"][1]["created"] = "2024-01-01T00:00:00Z"
    assert [f.path for f in _rules(validate(doc, target="vc"))["SIG-06"]] == ["/proof/1/proofValue"]



def test_a_proof_set_canonicalises_its_document_once(monkeypatch: pytest.MonkeyPatch) -> None:
    key = _holder_key()
    did = "did:key:" + encode_multikey(key.public_key())
    vc = {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "issuer": did,
          "credentialSubject": {"id": did, "claims": list(range(100))}}
    proofs = [di.add_proof(vc, di.EDDSA_JCS, key, f"{did}#{did[8:]}", f"2024-01-0{day}T00:00:00Z")["proof"]
              for day in (1, 2, 3)]
    proofs[1] = {**proofs[1], "created": "2024-02-02T00:00:00Z"}
    canonicalised: list[Any] = []
    canonical = di._canonical
    monkeypatch.setattr(di, "_canonical", lambda suite, doc: canonicalised.append(doc) or canonical(suite, doc))
    outcomes = verify_document_proofs({**vc, "proof": proofs}, {})
    assert [o.status for o in outcomes] == [Status.VERIFIED, Status.INVALID, Status.VERIFIED]
    assert sum("credentialSubject" in doc for doc in canonicalised) == 1

def test_a_changed_credential_inside_a_presentation_is_found() -> None:
    vc = _signed("eddsa/TestVectors/eddsa-jcs-2022", "JCS")
    _changed_subject(vc)
    presentation = {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
                    "verifiableCredential": [vc]}
    (finding,) = _rules(validate(presentation, target="vc"))["SIG-06"]
    assert finding.path == "/verifiableCredential/0/proof/proofValue"


def _holder_key() -> Any:
    return serialization.load_pem_private_key((KEYS / "holder-ed25519.pem").read_bytes(), None)


def test_a_did_document_proof_is_verified() -> None:
    key = _holder_key()
    did = "did:key:" + encode_multikey(key.public_key())
    vm = f"{did}#{did[8:]}"
    doc = json.loads((ROOT / "examples/identity/office-did.json").read_text())
    signed = di.add_proof(doc, di.EDDSA_JCS, key, vm, "2024-01-01T00:00:00Z")
    assert "SIG-06" not in _rules(validate(signed, target="did", profile="strict"))
    signed["service"] = [{"id": "#changed", "type": "LinkedDomains", "serviceEndpoint": "https://evil.example"}]
    assert "SIG-06" in _rules(validate(signed, target="did"))


@pytest.mark.parametrize(("suite", "curve"), [
    (di.EDDSA_JCS, None), (di.EDDSA_RDFC, None), (di.ECDSA_JCS, ec.SECP256R1()), (di.ECDSA_JCS, ec.SECP384R1()),
    (di.ECDSA_RDFC, ec.SECP256R1()), (di.ECDSA_RDFC, ec.SECP384R1())], ids=lambda v: getattr(v, "name", v))
def test_what_is_signed_here_verifies_here(suite: str, curve: Any) -> None:
    key = _holder_key() if curve is None else ec.generate_private_key(curve)
    did = "did:key:" + encode_multikey(key.public_key())
    vc = {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "issuer": did,
          "credentialSubject": {"id": "did:web:agent.example", "name": "Agent"}}
    signed = di.add_proof(vc, suite, key, f"{did}#{did[8:]}", "2024-01-01T00:00:00Z")
    assert [o.status for o in verify_document_proofs(signed, {})] == [Status.VERIFIED]
    signed["credentialSubject"]["name"] = "Someone else"
    assert [o.status for o in verify_document_proofs(signed, {})] == [Status.INVALID]


def test_a_key_not_listed_for_the_proof_purpose_fails() -> None:
    key = _holder_key()
    did = "did:key:" + encode_multikey(key.public_key())
    vc = {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "issuer": did,
          "credentialSubject": {"id": "did:web:agent.example"}}
    signed = di.add_proof(vc, di.EDDSA_JCS, key, f"{did}#{did[8:]}", "2024-01-01T00:00:00Z", purpose="keyAgreement")
    (finding,) = _rules(validate(signed, target="vc"))["SIG-06"]
    assert "not listed under keyAgreement" in finding.message


# --- what cannot be verified is a warning naming it, never a silent pass --------------------------------------
@pytest.mark.parametrize(("change", "named"), [
    ({"cryptosuite": "bbs-2023"}, "bbs-2023"),
    ({"cryptosuite": "ecdsa-sd-2023"}, "ecdsa-sd-2023"),
    ({"verificationMethod": "did:web:issuer.example#key-1"}, "--did-document"),
])
def test_what_cannot_be_verified_is_sig_07(change: dict[str, str], named: str) -> None:
    doc = _signed("eddsa/TestVectors/eddsa-jcs-2022", "JCS")
    doc["proof"].update(change)
    report = validate(doc, target="vc", profile="strict")
    (finding,) = _rules(report)["SIG-07"]
    assert named in finding.message and finding.level.label == "warning"


def test_a_context_that_is_not_bundled_is_never_fetched() -> None:
    doc = _signed("eddsa/TestVectors/eddsa-rdfc-2022", "DataInt")
    doc["@context"] = [*doc["@context"], "https://schema.example/context.jsonld"]
    (finding,) = _rules(validate(doc, target="vc"))["SIG-07"]
    assert "https://schema.example/context.jsonld" in finding.message  # the conftest refuses any socket


# --- records: the record's own suites, P-384 too ----------------------------------------------------------------
def test_a_record_signed_with_p384_verifies_and_rdfc_is_not_claimed() -> None:
    key = ec.generate_private_key(ec.SECP384R1())
    did = "did:key:" + encode_multikey(key.public_key())
    record = sign_record_data_integrity(example_record(issuer=did), key, f"{did}#{did[8:]}", "2021-06-01T09:59:00Z")
    assert verify_record(record, {}).status is Status.VERIFIED
    changed = {**record, "recordId": "urn:uuid:00000000-0000-4000-8000-000000000000"}
    assert verify_record(changed, {}).status is Status.INVALID
    rdfc_record = {**record, "proof": {**record["proof"], "cryptosuite": di.EDDSA_RDFC}}
    outcome = verify_record(rdfc_record, {})
    assert outcome.status is Status.UNRESOLVED and di.EDDSA_RDFC in outcome.reason


# --- hostile input stays linear -----------------------------------------------------------------------------------
def test_huge_proof_values_and_keys_are_refused_before_decoding() -> None:
    doc = _signed("eddsa/TestVectors/eddsa-jcs-2022", "JCS")
    doc["proof"]["proofValue"] = "z" + "2" * 1_000_000
    started = time.perf_counter()
    (finding,) = _rules(validate(doc, target="vc"))["SIG-06"]
    assert "more than any signature" in finding.message
    doc = _signed("eddsa/TestVectors/eddsa-jcs-2022", "JCS")
    doc["proof"]["verificationMethod"] = "did:key:z" + "6" * 1_000_000 + "#k"
    # A did:key that is no valid encoding (not merely an unsupported key type): no signature can be valid.
    (finding,) = _rules(validate(doc, target="vc"))["SIG-06"]
    assert "not a valid did:key" in finding.message
    assert time.perf_counter() - started < 5


def test_a_poison_dataset_is_abandoned_quickly() -> None:
    nodes = [{"@id": f"_:b{i}", "http://example.org/p": [{"@id": f"_:b{j}"} for j in range(12) if j != i]}
             for i in range(12)]
    started = time.perf_counter()
    with pytest.raises(rdfc.RdfCanonicalizationError, match="poison"):
        rdfc.canonical_nquads({"@graph": nodes})
    big = {"@context": {"@vocab": "http://example.org/"}, "p": [list(range(200)) for _ in range(25)]}
    with pytest.raises(rdfc.RdfCanonicalizationError, match="JSON values"):
        rdfc.canonical_nquads(big)
    assert time.perf_counter() - started < 5


def test_control_characters_are_not_canonicalised_inexactly() -> None:
    with pytest.raises(rdfc.RdfCanonicalizationError, match="control character"):
        rdfc.canonical_nquads({"@context": {"@vocab": "http://example.org/"}, "p": "bell\x07"})
    assert rdfc.canonical_nquads({"@context": {"@vocab": "http://example.org/"}, "p": "two\nlines"}).count(
        "\\n") == 1



def test_malformed_json_ld_is_a_finding_and_a_fault_of_ours_is_not_dressed_as_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    v2 = "https://www.w3.org/ns/credentials/v2"
    # What PyLD raises on these is a bare ValueError and TypeError, not its JsonLdError.
    for doc in ({"@context": [v2, "relative"], "type": "VerifiableCredential"},
                {"@context": [v2], "type": ["VerifiableCredential"],
                 "proof": {"type": "DataIntegrityProof", "proofPurpose": "assertionMethod", "@set": "urn:a"}}):
        with pytest.raises(rdfc.RdfCanonicalizationError, match="not usable JSON-LD"):
            rdfc.canonical_nquads(doc)
    from pyld import jsonld  # type: ignore[import-untyped]

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("a bug")
    monkeypatch.setattr(jsonld, "to_rdf", broken)
    with pytest.raises(KeyError):
        rdfc.canonical_nquads({"@context": {"@vocab": "http://example.org/"}, "p": 1})


def test_json_ld_warnings_neither_refuse_the_document_nor_depend_on_the_warnings_filter() -> None:
    # A reserved "@" term is ignored (JSON-LD 1.1, Create Term Definition); PyLD warns, and under
    # pytest's filterwarnings=error a warning that escaped would refuse the document.
    doc = {"@context": {"@vocab": "http://example.org/", "@reserved": "http://example.org/x"}, "p": 1}
    assert rdfc.canonical_nquads(doc) == '_:c14n0 <http://example.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'


def test_a_member_mapped_to_null_is_named_as_such() -> None:
    with pytest.raises(rdfc.RdfCanonicalizationError, match="mapped to null") as caught:
        rdfc.canonical_nquads({"@context": {"a": "http://example.org/a", "b": None}, "a": 1, "b": 2})
    assert caught.value.data_loss and "None" not in caught.value.reason

# --- the bundled W3C contexts -----------------------------------------------------------------------------------
def test_every_bundled_context_is_listed_in_its_notice_and_parses() -> None:
    folder = Path(contexts.__file__).parent / "w3c_contexts"
    notice = (folder / "NOTICE.md").read_text()
    assert "W3C Software and Document License" in notice
    assert sorted(p.name for p in folder.glob("*.jsonld")) == sorted(contexts.BUNDLED.values())
    for url, name in contexts.BUNDLED.items():
        assert f"| {name} | {url} |" in notice
        assert "@context" in contexts.bundled_document(url)


def test_the_bundled_contexts_are_the_published_ones() -> None:
    shared = SHARED_TESTDATA.parent / "contexts"
    if not shared.is_dir():
        pytest.skip("../shared/contexts is absent (a user's clone has no ../shared)")
    for name in contexts.BUNDLED.values():
        bundled = Path(contexts.__file__).parent / "w3c_contexts" / name
        assert hashlib.sha256(bundled.read_bytes()).digest() == hashlib.sha256((shared / name).read_bytes()).digest()


def test_the_loader_answers_only_from_the_bundle() -> None:
    assert contexts.document_loader("https://www.w3.org/ns/credentials/v2")["document"]["@context"]
    with pytest.raises(contexts.UnknownContext):
        contexts.document_loader("https://www.w3.org/ns/credentials/v3")


# --- nothing is dropped silently (W3C VC Data Integrity 1.0, 2.4.3) ---------------------------------------------
def test_a_term_no_context_defines_is_an_error_not_an_unsigned_claim() -> None:
    doc = json.loads((ROOT / "examples/valid/vc/mandate-signed-eddsa-rdfc-2022.json").read_text())
    doc["@context"] = [c for c in doc["@context"] if "undefined-terms" not in c]
    (finding,) = _rules(validate(doc, target="vc"))["SIG-06"]
    assert "DATA_LOSS_DETECTION_ERROR" in finding.message and "'actsFor'" in finding.message


def test_a_relative_type_is_an_error_not_an_unsigned_claim() -> None:
    with pytest.raises(rdfc.RdfCanonicalizationError, match="DATA_LOSS") as caught:
        rdfc.canonical_nquads({"@context": ["https://www.w3.org/ns/credentials/v2"],
                               "type": ["VerifiableCredential", "LocalType"], "issuer": "did:example:1"})
    assert caught.value.data_loss


# --- credentials as published, read from .jsonld ------------------------------------------------------------------
def test_a_jsonld_credential_is_read_as_published_and_other_contexts_are_findings(tmp_path: Path) -> None:
    doc = json.loads((ROOT / "examples/valid/vc/mandate-signed-eddsa-rdfc-2022.json").read_text())
    path = tmp_path / "mandate.jsonld"
    path.write_text(json.dumps(doc))
    report = validate(path, profile="strict")
    assert report.conformant and _rules(report) == {}
    doc["@context"].append("https://schema.example/context.jsonld")
    path.write_text(json.dumps(doc))
    found = _rules(validate(path, profile="strict"))
    assert [f.level.label for f in found["jsonld.remote-context"]] == ["warning"]
    assert "https://schema.example/context.jsonld" in found["SIG-07"][0].message


def test_the_rdf_canonicalised_proofs_of_one_document_are_bounded() -> None:
    doc = _signed("eddsa/TestVectors/eddsa-rdfc-2022", "DataInt")
    doc["proof"] = [doc["proof"]] * (di.MAX_RDFC_PROOFS + 1)
    statuses = [o.status for o in verify_document_proofs(doc, {})]
    assert statuses == [Status.VERIFIED] * di.MAX_RDFC_PROOFS + [Status.UNRESOLVED]
    with pytest.raises(rdfc.RdfCanonicalizationError, match="array of 300 items"):
        rdfc.canonical_nquads({"@context": {"@vocab": "http://example.org/"}, "p": list(range(300))})


def test_the_signed_examples_of_the_vc_2_0_recommendation_verify() -> None:
    """The VC Data Model 2.0 Recommendation's examples secured with ecdsa-rdfc-2019 (a bare did:key as
    verificationMethod) verify; its eddsa-rdfc-2022 example, whose key is an https URL (and whose
    proofValue the text shortens), is a SIG-07 warning, never a silent pass."""
    path = SHARED_TESTDATA / "vc" / "spec-examples" / "vc-data-model-2.0-rec-examples.json"
    if not path.exists():
        pytest.skip(f"third-party test data absent: {path}")
    examples = [e for e in json.loads(path.read_text())["examples"] if e.get("proof") in (di.ECDSA_RDFC, di.EDDSA_RDFC)]
    assert len(examples) >= 10
    for example in examples:
        found = _rules(validate(example["json"], target="vc", profile="strict"))
        if example["proof"] == di.ECDSA_RDFC:
            assert "SIG-06" not in found and "SIG-07" not in found, example["example"]
        else:
            assert "https://university.example/issuers/14#key-1" in found["SIG-07"][0].message


def test_an_enveloped_credential_is_said_to_be_unverified() -> None:
    path = SHARED_TESTDATA / "vc" / "v2.0-test-suite" / "input" / "presentation-enveloped-vc-ok.json"
    if not path.exists():
        pytest.skip(f"third-party test data absent: {path}")
    (finding,) = _rules(validate(path, target="vc", profile="strict"))["SIG-07"]
    assert finding.path == "/verifiableCredential/0" and "EnvelopedVerifiableCredential" in finding.message
