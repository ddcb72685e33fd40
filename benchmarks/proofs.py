"""Proofs/s of the Data Integrity verification, per cryptosuite, and the RDF canonicalisation's cost
against PyLD's own ``normalize`` (what a user of PyLD would call, without our guards).

    .venv/bin/python benchmarks/proofs.py [--credentials 200] [--seed 7]

The credentials are varied and seeded: one to three subjects, one to twelve claims of several kinds
(strings in several scripts, numbers, dates, nested objects without ids, arrays), optional names,
descriptions and validity periods; each is signed with one of the four cryptosuites (Ed25519, P-256,
P-384 keys as did:key). Every proof must verify and both canonical forms must be equal, or the run
fails.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from pyld import jsonld  # type: ignore[import-untyped]  # noqa: E402

from wipo_bc_standard.identity import data_integrity as di  # noqa: E402
from wipo_bc_standard.identity.contexts import document_loader  # noqa: E402
from wipo_bc_standard.identity.did_key import encode_multikey  # noqa: E402
from wipo_bc_standard.identity.proofs import Status, verify_document_proofs  # noqa: E402
from wipo_bc_standard.identity.rdfc import canonical_nquads  # noqa: E402

WORDS = ("mark", "patent", "design", "licence", "agent", "右", "商标", "专利", "Marke", "Entwurf", "brevet")


def _claim(rng: random.Random) -> Any:
    kind = rng.randrange(5)
    if kind == 0:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6)))
    if kind == 1:
        return rng.randint(0, 10**6)
    if kind == 2:
        return f"20{rng.randint(10, 29)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if kind == 3:
        return {"label": rng.choice(WORDS), "count": rng.randint(1, 99)}
    return [rng.choice(WORDS) for _ in range(rng.randint(1, 4))]


def credentials(count: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    keys: list[tuple[str, Any]] = [(di.EDDSA_JCS, Ed25519PrivateKey.generate()),
                                   (di.EDDSA_RDFC, Ed25519PrivateKey.generate()),
                                   (di.ECDSA_JCS, ec.generate_private_key(ec.SECP256R1())),
                                   (di.ECDSA_JCS, ec.generate_private_key(ec.SECP384R1())),
                                   (di.ECDSA_RDFC, ec.generate_private_key(ec.SECP256R1())),
                                   (di.ECDSA_RDFC, ec.generate_private_key(ec.SECP384R1()))]
    out = []
    for i in range(count):
        suite, key = keys[i % len(keys)]
        did = "did:key:" + encode_multikey(key.public_key())
        subjects = [{"id": f"did:web:party{rng.randrange(10**6)}.example",
                     **{f"claim{n}": _claim(rng) for n in range(rng.randint(1, 12))}}
                    for _ in range(rng.randint(1, 3))]
        vc: dict[str, Any] = {
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/undefined-terms/v2"],
            "id": f"urn:uuid:{rng.getrandbits(128):032x}", "type": ["VerifiableCredential", "IpRightCredential"],
            "issuer": did, "credentialSubject": subjects if len(subjects) > 1 else subjects[0]}
        if rng.random() < 0.5:
            vc["name"] = {"@value": " ".join(rng.choice(WORDS) for _ in range(3)), "@language": "en"}
        if rng.random() < 0.5:
            vc["validFrom"] = f"20{rng.randint(10, 29)}-01-01T00:00:00Z"
        out.append(di.add_proof(vc, suite, key, f"{did}#{did[8:]}", "2024-01-01T00:00:00Z"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--credentials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    signed = credentials(args.credentials, args.seed)
    by_suite: dict[str, list[dict[str, Any]]] = {}
    for doc in signed:
        by_suite.setdefault(doc["proof"]["cryptosuite"], []).append(doc)
    for suite, docs in sorted(by_suite.items()):
        started = time.perf_counter()
        for doc in docs:
            outcomes = verify_document_proofs(doc, {})
            assert [o.status for o in outcomes] == [Status.VERIFIED], outcomes
        elapsed = time.perf_counter() - started
        print(f"{suite:16} {len(docs) / elapsed:8.0f} proofs/s verified ({len(docs)} credentials)")
    rdf = [{k: v for k, v in doc.items() if k != "proof"} for doc in signed if "rdfc" in doc["proof"]["cryptosuite"]]
    started = time.perf_counter()
    ours = [canonical_nquads(doc) for doc in rdf]
    guarded = time.perf_counter() - started
    started = time.perf_counter()
    plain = [jsonld.normalize(doc, {"algorithm": "URDNA2015", "format": "application/n-quads",
                                    "documentLoader": document_loader}) for doc in rdf]
    baseline = time.perf_counter() - started
    assert ours == plain, "the guarded canonical form differs from PyLD's"
    print(f"RDFC-1.0 canonical form: {len(rdf) / guarded:.0f} documents/s here (guards, loss detection), "
          f"{len(rdf) / baseline:.0f} with PyLD's normalize alone: ratio {guarded / baseline:.2f}")


if __name__ == "__main__":
    main()
