"""Build the conformance suite from the project's own sources (``wipo-bc conformance build``).

Three kinds of cases, all checked under ``--profile strict``:

- ``rules/<RULE>/valid`` and ``rules/<RULE>/invalid``: the rule catalogue's own examples, written
  out as files (``conformance/cases/rules/``), so that every rule has a positive and a negative case;
- ``examples/...``: every bundled example, judged as ``examples/README.md`` says (with its network
  profile or DID document where it needs one);
- ``ledgers/...``: small MultiChain stream exports (with off-chain records and documents) for the
  rules only a ledger reader can apply (ENC-01, ANC-01..03, DOC-01).

The expected findings are those of the reference implementation (this package), and the build
refuses a suite where a rule's invalid example is not reported, its valid example is, or a rule has
no positive or no negative case. ``tests/test_conformance.py`` fails when the committed suite differs
from what this module builds.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import orjson

from ..constants import STANDARD_VERSION
from ..rules import CATALOGUE, PROFILES, Rule
from ..rules.examples import example_record
from ..sources import expand
from .reference import answer
from .suite import MANIFEST, MANIFEST_SCHEMA

SUITE_NAME = "wipo-bc-standard conformance suite"
#: Every case is checked with every rule: conformance is judged on errors, findings on all levels.
PROFILE = "strict"
_CASES = "conformance/cases"


class SuiteError(Exception):
    """The suite cannot be built as promised (a rule's examples do not behave)."""


def _json(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


def _ndjson(values: list[Any]) -> bytes:
    return b"".join(orjson.dumps(v, option=orjson.OPT_SORT_KEYS) + b"\n" for v in values)


def reader_rule(rule: Rule) -> bool:
    """A rule a ledger reader applies to evidence only it has (anchors, documents, payloads): its
    examples are lists of evidence objects (``{"check": ...}``), not documents."""
    example = rule.valid_example
    return isinstance(example, list) and bool(example) and all(isinstance(e, dict) and "check" in e for e in example)


def applies(rule: Rule, target: str, network: bool, ledger: Mapping[str, Any] | None) -> bool:
    """Whether ``rule`` runs on a case of ``target`` (with a network profile, read from a ledger export)."""
    if reader_rule(rule):
        # Reader rules see evidence only a ledger reader has; anchors and documents need the records.
        return ledger is not None and (rule.id == "ENC-01" or bool(ledger.get("records")))
    if rule.stateful:
        return target == "ledger"
    targets = ("record", "ledger") if target == "ledger" else (target,)
    return any(t in rule.targets for t in targets) and (network or not rule.needs_network) \
        and rule.level in PROFILES[PROFILE]


class _Builder:
    def __init__(self, root: Path, scratch: Path) -> None:
        self.root = root
        self.scratch = scratch
        #: Generated files by their path relative to the suite root.
        self.files: dict[str, bytes] = {}
        self.cases: list[dict[str, Any]] = []

    def add_file(self, relative: str, data: bytes) -> str:
        self.files[relative] = data
        path = self.scratch / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return relative

    def where(self, relative: str) -> Path:
        return self.scratch / relative if relative in self.files or relative.startswith(_CASES) else self.root / relative

    def add_case(self, case_id: str, description: str, input_path: str, target: str, *,
                 network: str | None = None, did_documents: tuple[str, ...] = (),
                 ledger: dict[str, Any] | None = None) -> dict[str, Any]:
        request = {"id": case_id, "input": str(self.where(input_path)), "target": target, "profile": PROFILE,
                   "network": str(self.where(network)) if network else None,
                   "didDocuments": [str(self.where(p)) for p in did_documents],
                   "ledger": None if ledger is None else
                   {**ledger, "records": str(self.where(ledger["records"])) if ledger.get("records") else None}}
        result = answer(request)
        expected_rules = {f["rule"] for f in result["findings"]}
        checks = {r.id for r in CATALOGUE.values() if applies(r, target, network is not None, ledger)}
        # Findings outside the catalogue (schema.*, json.*, xml.*, ...) are checked where they are expected.
        checks |= {rule for rule in expected_rules if rule not in CATALOGUE}
        case: dict[str, Any] = {"id": case_id, "description": description, "input": input_path, "target": target,
                                "profile": PROFILE}
        if network:
            case["network"] = network
        if did_documents:
            case["didDocuments"] = list(did_documents)
        if ledger is not None:
            case["ledger"] = ledger
        case["checks"] = sorted(checks)
        case["expected"] = {"conformant": result["conformant"], "findings": result["findings"]}
        self.cases.append(case)
        return case


def _rule_cases(builder: _Builder) -> None:
    for rule in sorted(CATALOGUE.values(), key=lambda r: r.id):
        if reader_rule(rule):
            continue  # their examples are a reader's evidence, not inputs: see _ledger_cases
        for kind, example in (("valid", rule.valid_example), ("invalid", rule.invalid_example)):
            folder = f"{_CASES}/rules/{rule.id}"
            network = None
            document = example
            if rule.needs_network:
                document = example["document"]
                network = builder.add_file(f"{folder}/{kind}-network.json",
                                           _json(_as_network_profile(example["network"], document)))
            if rule.stateful:
                target = "ledger"
                path = builder.add_file(f"{folder}/{kind}.ndjson", _ndjson(document))
            else:
                target = rule.targets[0]
                path = builder.add_file(f"{folder}/{kind}.json", _json(document))
            what = "conformant" if kind == "valid" else "violating"
            case = builder.add_case(f"rules/{rule.id}/{kind}", f"{rule.id} ({rule.level.keyword}) {rule.title}: "
                                    f"the catalogue's {what} example", path, target, network=network)
            reported = any(f["rule"] == rule.id for f in case["expected"]["findings"])
            if reported != (kind == "invalid"):
                raise SuiteError(f"{rule.id}: its {kind} example is {'' if reported else 'not '}reported")


def _as_network_profile(network: Mapping[str, Any], document: Any) -> dict[str, Any]:
    """A rule's example network (often only the members the rule reads) as a network profile that
    implementations accept as one: with a ``profileId`` where it has neither that nor ``networkType``
    (the network a governance example declares it governs, so that GOV-13 stays silent)."""
    if "profileId" in network or "networkType" in network:
        return dict(network)
    governed = document.get("network") if isinstance(document, dict) else None
    profile_id = governed.get("id") if isinstance(governed, dict) and isinstance(governed.get("id"), str) else None
    return {"profileId": profile_id or "did:web:conformance-network.example", **network}


def _example_target(parts: tuple[str, ...]) -> str:
    top = parts[0]
    if top in ("valid", "invalid", "advisory"):
        return parts[1]
    if top == "networks":
        return Path(parts[-1]).stem  # profile.json, governance.json
    if top == "ledger":
        return "ledger"
    if top == "identity":
        return "did" if parts[-1].endswith("-did.json") else "record"
    return "record"  # network/<net>/: records judged against a network


def _example_cases(builder: _Builder) -> None:
    examples = builder.root / "examples"
    for path in expand([examples]):
        parts = path.relative_to(examples).parts
        relative = path.relative_to(builder.root).as_posix()
        target = _example_target(parts)
        network = None
        did_documents: tuple[str, ...] = ()
        if parts[0] == "network":
            network = f"examples/networks/{parts[1]}/profile.json"
        elif parts[0] == "networks":
            network = f"examples/networks/{parts[1]}/profile.json"
        elif parts[0] == "identity" and target == "record":
            did_documents = ("examples/identity/office-did.json",)
        name = path.stem.split("--", 1)[-1].replace("-", " ")
        description = {"valid": "a conformant", "advisory": "a SHOULD or MAY rule broken in a",
                       "invalid": "one thing wrong in a"}.get(parts[0], "a")
        builder.add_case(relative.rsplit(".", 1)[0], f"{description} {target}: {name}", relative, target,
                         network=network, did_documents=did_documents)


# -- ledger exports for the reader rules ------------------------------------------------------------------

_CHAIN = "ip-register"
_STREAM_ITEM = {"publishers": ["1" * 34], "confirmations": 10, "valid": True, "vout": 0, "offchain": False,
                "available": True}


def _stream(entries: list[Mapping[str, Any]]) -> bytes:
    """A MultiChain ``liststreamitems`` response holding ``entries`` (records or anchors) as JSON data."""
    items = []
    for n, data in enumerate(entries, start=1):
        items.append({**_STREAM_ITEM, "keys": [str(data.get("recordId") or data.get("anchorOf"))],
                      "data": {"json": data}, "blockhash": f"{n:064x}", "blockheight": 100 + n, "blockindex": 1,
                      "blocktime": 1_719_824_400 + 60 * n, "txid": hashlib.sha256(b"tx%d" % n).hexdigest(),
                      "time": 1_719_824_400 + 60 * n})
    return _json({"result": items, "error": None, "id": "conformance"})


def _ledger_records() -> tuple[dict[str, Any], dict[str, Any], bytes]:
    """Two records of one right (the first with a certificate document), and the certificate's bytes."""
    from ..jcs import record_hash

    certificate = b"%PDF-1.4\n% registration certificate of EM 018123456 (conformance suite)\n%%EOF\n"
    first = example_record(recordId="urn:uuid:7d1b2c3a-0000-4000-8000-000000000001", recordType="application",
                           event=None, parties=[{"role": "applicant", "id": "did:web:holder.example"}],
                           documents=[{"uri": "https://office.example/documents/certificate-018123456.pdf",
                                       "mediaType": "application/pdf",
                                       "digest": {"alg": "sha-256", "value": hashlib.sha256(certificate).hexdigest()}}])
    second = example_record(recordId="urn:uuid:7d1b2c3a-0000-4000-8000-000000000002",
                            previousRecordHash={"alg": "sha-256", "value": record_hash(first, "sha-256")})
    return first, second, certificate


def _anchor(record: Mapping[str, Any], *, digest: str | None = None) -> dict[str, Any]:
    from .. import jcs
    return {"anchorOf": record["recordId"], "locator": f"https://office.example/records/{record['recordId'][-4:]}",
            "digest": {"alg": "sha-256", "value": digest or jcs.record_hash(dict(record), "sha-256")}}


def _ledger_cases(builder: _Builder) -> None:
    first, second, certificate = _ledger_records()

    def export(name: str, description: str, entries: list[Mapping[str, Any]],
               records: list[Mapping[str, Any]] | None = None, document: bytes | None = None) -> None:
        folder = f"{_CASES}/ledgers/{name}"
        path = builder.add_file(f"{folder}/liststreamitems.json", _stream(entries))
        ledger: dict[str, Any] = {"from": "multichain", "chain": _CHAIN}
        if records is not None:
            ledger["records"] = builder.add_file(f"{folder}/records/records.ndjson", _ndjson(records))
            ledger["records"] = f"{folder}/records"
            if document is not None:
                builder.add_file(f"{folder}/records/documents/certificate-018123456.pdf", document)
        builder.add_case(f"ledgers/{name}", description, path, "ledger", ledger=ledger)

    export("inline", "a MultiChain stream holding two linked records as JSON", [first, second])
    export("ENC-01--payload-claims-its-ledger-position", "a MultiChain stream item whose record carries a ledger member",
           [first, {**second, "ledger": {"platform": "multichain", "network": _CHAIN, "transactionId": "0" * 64}}])
    export("anchored", "a MultiChain stream of anchors, with the off-chain records and the certificate they declare",
           [_anchor(first), _anchor(second)], [first, second], certificate)
    export("ANC-01--anchor-digest-differs", "an anchor whose digest is not that of its off-chain record",
           [_anchor(first), _anchor(second, digest="ab" * 32)], [first, second], certificate)
    export("ANC-02--anchored-record-not-supplied", "an anchor of a record missing from the off-chain records",
           [_anchor(first), _anchor(second)], [first], certificate)
    export("ANC-03--off-chain-record-not-anchored", "an off-chain record that no anchor points at",
           [_anchor(first)], [first, second], certificate)
    export("DOC-01--certificate-changed", "a document whose bytes are not those its record's digest names",
           [_anchor(first), _anchor(second)], [first, second], certificate.replace(b"registration", b"revocation"))


def _rules_table() -> list[dict[str, Any]]:
    return [{"id": r.id, "title": r.title, "keyword": r.level.keyword, "targets": list(r.targets)}
            for r in sorted(CATALOGUE.values(), key=lambda r: r.id)]


def check_coverage(cases: Sequence[Mapping[str, Any]]) -> list[str]:
    """Rules without a positive or a negative case, as messages (empty when every rule has both)."""
    problems = []
    for rule_id in sorted(CATALOGUE):
        covering = [c for c in cases if rule_id in c["checks"]]
        negative = [c for c in covering if any(f["rule"] == rule_id for f in c["expected"]["findings"])]
        if not negative:
            problems.append(f"{rule_id}: no negative case (one the rule reports)")
        if len(negative) == len(covering):
            problems.append(f"{rule_id}: no positive case (one the rule checks and passes)")
    return problems


def manifest_schema() -> dict[str, Any]:
    """The JSON Schema of the manifest (written beside it)."""
    path = {"type": "string", "minLength": 1, "pattern": "^[^/\\\\][^\\\\]*$",
            "description": "A path relative to the suite root (the folder holding conformance/ and examples/)."}
    finding = {"type": "object", "required": ["rule", "path"], "additionalProperties": False,
               "properties": {"rule": {"type": "string", "minLength": 1},
                              "path": {"type": "string", "pattern": "^(/.*)?$",
                                       "description": "RFC 6901 JSON Pointer into the item; empty for the item."}}}
    case = {
        "type": "object", "additionalProperties": False,
        "required": ["id", "description", "input", "target", "profile", "checks", "expected"],
        "properties": {
            "id": {"type": "string", "pattern": "^[A-Za-z0-9._/-]+$"},
            "description": {"type": "string"},
            "input": path,
            "target": {"enum": ["record", "ledger", "profile", "governance", "did", "vc"]},
            "profile": {"enum": list(PROFILES)},
            "network": {**path, "description": "A network profile giving context to network-dependent rules."},
            "didDocuments": {"type": "array", "items": path,
                             "description": "DID documents to resolve signing keys from, offline."},
            "ledger": {"type": "object", "additionalProperties": False, "required": ["from"],
                       "description": "The input is a ledger export, read as this platform's.",
                       "properties": {"from": {"enum": ["evm", "fabric", "multichain"]},
                                      "chain": {"type": "string"}, "records": path}},
            "checks": {"type": "array", "items": {"type": "string"}, "uniqueItems": True,
                       "description": "Rules this case exercises: an implementation's findings of these rules "
                                      "must be exactly the expected ones; findings of other rules are ignored."},
            "expected": {"type": "object", "additionalProperties": False, "required": ["conformant", "findings"],
                         "properties": {"conformant": {"type": "boolean",
                                                       "description": "No finding of a MUST rule."},
                                        "findings": {"type": "array", "items": finding}}},
        },
    }
    rule = {"type": "object", "additionalProperties": False, "required": ["id", "title", "keyword", "targets"],
            "properties": {"id": {"type": "string"}, "title": {"type": "string"},
                           "keyword": {"enum": ["MUST", "SHOULD", "MAY"]},
                           "targets": {"type": "array", "items": {"type": "string"}}}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://wipo-bc-standard.org/schemas/conformance-manifest.schema.json",
        "title": "Conformance suite manifest",
        "description": "The test cases of the wipo-bc-standard conformance suite (a proposal of this project).",
        "type": "object", "additionalProperties": False,
        "required": ["name", "standardVersion", "rules", "cases"],
        "properties": {"$schema": {"type": "string"}, "name": {"type": "string"},
                       "standardVersion": {"type": "string"},
                       "rules": {"type": "array", "items": rule}, "cases": {"type": "array", "items": case}},
    }


def build(root: Path) -> dict[str, bytes]:
    """Every file of the suite (manifest, schema, generated inputs) by path relative to ``root``."""
    with tempfile.TemporaryDirectory(prefix="wipo-bc-suite-") as scratch:
        builder = _Builder(root, Path(scratch))
        _rule_cases(builder)
        _example_cases(builder)
        _ledger_cases(builder)
    problems = check_coverage(builder.cases)
    if problems:
        raise SuiteError("; ".join(problems))
    manifest = {"$schema": f"./{MANIFEST_SCHEMA}", "name": SUITE_NAME, "standardVersion": STANDARD_VERSION,
                "rules": _rules_table(), "cases": builder.cases}
    files = dict(builder.files)
    files[f"conformance/{MANIFEST}"] = _json(manifest)
    files[f"conformance/{MANIFEST_SCHEMA}"] = _json(manifest_schema())
    return files


def committed(root: Path) -> Iterator[str]:
    """The suite's files in the checkout (relative paths), for the drift test and for rewriting."""
    folder = root / "conformance"
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                yield path.relative_to(root).as_posix()


def write(root: Path) -> list[str]:
    """Rewrite the suite under ``root/conformance`` (stale files removed); the paths written."""
    files = build(root)
    for stale in set(committed(root)) - set(files):
        (root / stale).unlink()
    for relative, data in sorted(files.items()):
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
    return sorted(files)
