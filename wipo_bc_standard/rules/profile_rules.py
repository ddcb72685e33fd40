"""Rules on network profiles (high-level configuration): the choices a profile declares must fit together.

The JSON Schema fixes which members exist and their code lists; these rules check what one choice
implies for another (fault model and node count, finality and confirmations, placement and store).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import codelists as cl
from .. import patterns
from ..codelists import st27
from ..constants import STANDARD_VERSION
from ..findings import Level
from ..limits import LIMITS
from .access import member as _get
from .access import objects_in
from .catalogue import Hit, RuleContext, rule
from .examples import apply_changes


def example_profile(**changes: Any) -> dict[str, Any]:
    """A small conformant network profile, changed as told (``a__b=value``; None deletes)."""
    profile: dict[str, Any] = {
        "standardVersion": STANDARD_VERSION,
        "profileId": "did:web:ipregister.example",
        "name": "Example IP register network",
        "networkType": "consortium",
        "permissionModel": {"read": "permissioned", "write": "permissioned", "validate": "permissioned"},
        "platform": {"name": "hyperledger-besu", "version": "24.1.0"},
        "consensus": {"family": "byzantine-fault-tolerant", "algorithm": "QBFT", "faultModel": "byzantine",
                      "nodes": 4, "faultTolerance": 1},
        "finality": {"type": "deterministic"},
        "hashAlgorithms": ["sha-256"],
        "signatureAlgorithms": ["EdDSA", "ES256"],
        "signatureEnvelope": "jws",
        "identity": {"didMethods": ["web", "key"]},
        "dataPlacement": "minimal-on-chain",
        "offChainStore": "office databases",
        "personalDataOnChain": False,
        "canonicalization": {"json": "rfc8785"},
        "timeSource": {"utcSync": "NTP", "maxSkewSeconds": 5},
        "encoding": {"charset": "UTF-8", "normalization": "NFC"},
        "supportedVersions": [STANDARD_VERSION],
    }
    return apply_changes(profile, changes)



def _count(value: Any) -> int | None:
    """An int that is not a bool (JSON true is not a node count)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def publicly_readable(profile: Any) -> bool:
    """Whether anyone can read the network's ledger: a public network or permissionless reading."""
    return _get(profile, "networkType") == "public" or _get(profile, "permissionModel", "read") == "permissionless"


@rule(id="CFG-01", title="Off-chain data placement names its store", level=Level.WARNING,
      targets="profile", clause="ISO 23257 (on-ledger and off-ledger data); EDPB Guidelines 02/2025",
      rationale="When records or personal data are kept off chain, the ledger only proves something if "
                "participants know where the data it commits to is kept.",
      message="dataPlacement {placement} keeps data off chain but no offChainStore is declared",
      message_zh="dataPlacement 为 {placement}，数据存于链下，但未声明 offChainStore",
      valid=example_profile(),
      invalid=example_profile(offChainStore=None))
def off_chain_store_declared(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    placement = _get(doc, "dataPlacement")
    if placement in ("minimal-on-chain", "hash-anchored-off-chain") and not _get(doc, "offChainStore"):
        yield "/offChainStore", {"placement": placement}


_MIN_NODES = {"byzantine": (3, "3f+1"), "crash": (2, "2f+1")}


@rule(id="CFG-02", title="The node count fits the fault model", level=Level.WARNING,
      targets="profile",
      clause="Lamport, Shostak, Pease, The Byzantine Generals Problem (1982); Castro, Liskov, PBFT (1999); "
             "Ongaro, Ousterhout, Raft (2014)",
      rationale="Tolerating f Byzantine faults needs n >= 3f+1 nodes, f crash faults n >= 2f+1; a network "
                "sized below that does not have the fault tolerance it declares.",
      message="{model} fault tolerance f={f} needs n >= {formula} = {minimum} nodes, not {n}",
      message_zh="{model} 容错 f={f} 需要 n >= {formula} = {minimum} 个节点，而不是 {n}",
      valid=example_profile(),
      invalid=example_profile(consensus__nodes=3))
def node_count_fits_faults(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    consensus = _get(doc, "consensus")
    if not isinstance(consensus, dict):
        return
    n, f = _count(consensus.get("nodes")), _count(consensus.get("faultTolerance"))
    model = consensus.get("faultModel")
    factor = _MIN_NODES.get(model) if isinstance(model, str) else None
    if n is None or f is None or factor is None:
        return
    minimum = factor[0] * f + 1
    if n < minimum:
        yield "/consensus/nodes", {"model": model, "f": f, "formula": factor[1], "minimum": minimum, "n": n}


@rule(id="CFG-03", title="Probabilistic finality declares its confirmations", level=Level.WARNING,
      targets="profile", clause="ISO 22739:2024 (finality); Nakamoto, Bitcoin (2008), section 11",
      rationale="Under probabilistic finality a record is only as final as the blocks on top of it; without "
                "a declared depth no one can tell when a record counts as evidence.",
      message="probabilistic finality needs confirmations >= 1",
      message_zh="概率最终性需要声明 confirmations >= 1",
      valid=example_profile(finality={"type": "probabilistic", "confirmations": 12}),
      invalid=example_profile(finality={"type": "probabilistic"}))
def probabilistic_finality_depth(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    finality = _get(doc, "finality")
    if isinstance(finality, dict) and finality.get("type") == "probabilistic":
        confirmations = _count(finality.get("confirmations"))
        if confirmations is None or confirmations < 1:
            yield "/finality/confirmations", {}


_CRASH_FAMILIES = frozenset(c.value for c in cl.CONSENSUS_FAMILIES.codes if c.fact("faultModel") == "crash")


@rule(id="CFG-04", title="A crash-fault-tolerant consensus does not claim Byzantine tolerance",
      level=Level.WARNING, targets="profile", clause="ISO 23257 (consensus); Ongaro, Ousterhout, Raft (2014)",
      rationale="Raft and Kafka ordering survive nodes that stop, not nodes that lie; declaring a Byzantine "
                "fault model for them promises protection against dishonest operators that does not exist.",
      message="{family} tolerates crashes only, not {model} faults",
      message_zh="{family} 只容忍崩溃故障，不能容忍 {model} 故障",
      valid=example_profile(consensus={"family": "crash-fault-tolerant", "algorithm": "Raft",
                                       "faultModel": "crash", "nodes": 3, "faultTolerance": 1}),
      invalid=example_profile(consensus={"family": "crash-fault-tolerant", "algorithm": "Raft",
                                         "faultModel": "byzantine", "nodes": 4, "faultTolerance": 1}))
def crash_family_not_byzantine(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    family, model = _get(doc, "consensus", "family"), _get(doc, "consensus", "faultModel")
    if isinstance(family, str) and family in _CRASH_FAMILIES and model == "byzantine":
        yield "/consensus/faultModel", {"family": family, "model": model}


_OPEN_VALIDATION_FAMILIES = frozenset({"proof-of-work", "proof-of-stake"})


@rule(id="CFG-05", title="Permissionless validation needs Sybil-resistant consensus", level=Level.WARNING,
      targets="profile", clause="ISO 22739 (permissionless DLT system); Douceur, The Sybil Attack (2002)",
      rationale="When anyone may validate, only work or stake stops one party from posing as many; "
                "authority, BFT and CFT mechanisms count known validators and cannot admit unknown ones.",
      message="validation is permissionless but {family} needs a known set of validators",
      message_zh="验证为非许可型，但 {family} 需要已知的验证者集合",
      valid=example_profile(),
      invalid=example_profile(permissionModel={"read": "permissionless", "write": "permissionless",
                                               "validate": "permissionless"}, networkType="public"))
def open_validation_consensus(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    family = _get(doc, "consensus", "family")
    if (_get(doc, "permissionModel", "validate") == "permissionless" and isinstance(family, str)
            and family not in _OPEN_VALIDATION_FAMILIES):
        yield "/consensus/family", {"family": family}


@rule(id="CFG-06", title="Private and consortium networks validate with permission", level=Level.WARNING,
      targets="profile", clause="ISO 22739 (private DLT system, permissioned DLT system)",
      rationale="A private or consortium network is by definition run by a defined set of organisations; "
                "if anyone may validate, the network type misstates who controls the ledger.",
      message="a {type} network cannot have permissionless validation",
      message_zh="{type} 网络不能采用非许可型验证",
      valid=example_profile(),
      invalid=example_profile(permissionModel={"read": "permissioned", "write": "permissioned",
                                               "validate": "permissionless"},
                              consensus={"family": "proof-of-stake", "algorithm": "Casper FFG",
                                         "faultModel": "byzantine"}))
def closed_network_validation(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    network_type = _get(doc, "networkType")
    if network_type in ("private", "consortium") and _get(doc, "permissionModel", "validate") == "permissionless":
        yield "/permissionModel/validate", {"type": network_type}


@rule(id="CFG-07", title="The profile declares UTF-8 text in NFC", level=Level.WARNING,
      targets="profile", clause="Unicode Standard Annex #15 (NFC); RFC 8785 (UTF-8); W3C Character Model",
      rationale="Records are hashed byte for byte; participants must agree on one encoding and one "
                "normalisation form before they write text, or the same name hashes differently.",
      message="encoding.normalization NFC is not declared",
      message_zh="未声明 encoding.normalization 为 NFC",
      valid=example_profile(),
      invalid=example_profile(encoding=None))
def encoding_declared(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    if isinstance(doc, dict) and _get(doc, "encoding", "normalization") != "NFC":
        yield "/encoding/normalization", {}


@rule(id="CFG-08", title="The profile declares the tolerated clock skew", level=Level.WARNING,
      targets="profile", clause="RFC 5905 (NTP); ISO 22739 (timestamp)",
      rationale="Block timestamps from different nodes drift; without a declared maximum skew, readers "
                "cannot tell a harmless drift from records written out of order.",
      message="timeSource.maxSkewSeconds is not declared",
      message_zh="未声明 timeSource.maxSkewSeconds",
      valid=example_profile(),
      invalid=example_profile(timeSource={"utcSync": "NTP"}))
def clock_skew_declared(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    if isinstance(doc, dict) and _count(_get(doc, "timeSource", "maxSkewSeconds")) is None:
        yield "/timeSource/maxSkewSeconds", {}


_DID_METHOD_NAME = patterns.compile(r"[a-z0-9]+", "DID method name")


@rule(id="CFG-09", title="DID methods are bare method names", level=Level.ERROR,
      targets="profile", clause="W3C DID Core 1.0, section 3.1 (DID syntax: method-name)",
      rationale="The allow-list is matched against the method name of each DID (did:<method>:...); an entry "
                "such as 'did:web' or 'Web' matches no DID, and the list silently rejects every participant.",
      message="{method!r} is not a DID method name (lower-case letters and digits, without 'did:')",
      message_zh="{method!r} 不是 DID 方法名（应为小写字母和数字，不带 'did:'）",
      valid=example_profile(),
      invalid=example_profile(identity={"didMethods": ["did:web", "key"]}))
def did_method_names(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    methods = _get(doc, "identity", "didMethods")
    if isinstance(methods, list):
        for i, method in enumerate(methods):
            if isinstance(method, str) and not _DID_METHOD_NAME.fullmatch(method):
                yield f"/identity/didMethods/{i}", {"method": method}


@rule(id="CFG-10", title="The profile may list the versions of the standard it accepts", level=Level.INFO,
      targets="profile", clause="this standard (versioning); ISO 23257 (interoperability)",
      rationale="Networks that interoperate must read each other's records; a declared list of supported "
                "versions lets a peer (and `wipo-bc compat`) see an upgrade coming.",
      message="supportedVersions is not declared",
      message_zh="未声明 supportedVersions",
      valid=example_profile(),
      invalid=example_profile(supportedVersions=None))
def supported_versions_declared(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    if isinstance(doc, dict) and not doc.get("supportedVersions"):
        yield "/supportedVersions", {}


@rule(id="CFG-11", title="Application-number patterns can be matched in linear time", level=Level.WARNING,
      targets="profile", clause="WIPO ST.13 (numbering of applications); network profile applicationNumberPatterns",
      rationale="Every participant applies the declared patterns to records it did not write; a pattern that "
                "needs backtracking (back-references, look-around) or is very long can take exponential time, "
                "so it is never applied, and ID-02 cannot check that office's numbers until it is rewritten.",
      message="the {office} application-number pattern cannot be applied: {reason}",
      message_zh="{office} 的申请号格式无法应用：{reason}",
      valid=example_profile(applicationNumberPatterns=[{"office": "EM", "pattern": "0[0-9]+"}]),
      invalid=example_profile(applicationNumberPatterns=[{"office": "EM", "pattern": "(0)[0-9]+\\1"}]))
def application_number_patterns_usable(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    declared = _get(doc, "applicationNumberPatterns")
    if not isinstance(declared, list):
        return
    for i, entry in enumerate(declared):
        pattern = entry.get("pattern") if isinstance(entry, dict) else None
        if isinstance(pattern, str):
            compiled = patterns.compile_untrusted(pattern, LIMITS.pattern_chars)
            if isinstance(compiled, patterns.PatternError):
                yield f"/applicationNumberPatterns/{i}/pattern", {"office": entry.get("office"), "reason": compiled}


_FORBIDDEN_HASHES = frozenset(c.value for c in cl.HASH_ALGORITHMS.codes if c.fact("status") == "forbidden")


@rule(id="HASH-06", title="A network approves no forbidden hash algorithm", level=Level.ERROR,
      targets=("profile", "governance"), clause="RFC 6151 (MD5); RFC 6194 (SHA-1)",
      rationale="An algorithm on the approved list will be used; MD5 and SHA-1 collisions can be forged, so "
                "approving them lets a forged document match a recorded digest.",
      message="{alg} is approved but forbidden: its collisions can be forged",
      message_zh="{alg} 被批准使用，但已被禁止：其碰撞可以被伪造",
      valid=example_profile(),
      invalid=example_profile(hashAlgorithms=["sha-256", "sha-1"]))
def no_forbidden_hash_approved(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for path, algs in (("/hashAlgorithms", _get(doc, "hashAlgorithms")),
                       ("/cryptoPolicy/hashAlgs", _get(doc, "cryptoPolicy", "hashAlgs"))):
        if isinstance(algs, list):
            for i, alg in enumerate(algs):
                if isinstance(alg, str) and alg in _FORBIDDEN_HASHES:
                    yield f"{path}/{i}", {"alg": alg}


@rule(id="PD-05", title="No clear-text personal data on a publicly readable ledger", level=Level.ERROR,
      targets="profile", clause="EDPB Guidelines 02/2025 on processing of personal data through blockchain "
                                "technologies; GDPR Art. 5(1)(c) and Art. 25",
      rationale="What a public or permissionlessly readable ledger holds is copied to every reader and "
                "cannot be erased; the EDPB asks that personal data stay off chain there.",
      message="personalDataOnChain is true on a publicly readable network ({type}, read {read})",
      message_zh="可公开读取的网络（{type}，读取权限 {read}）上 personalDataOnChain 为 true",
      valid=example_profile(),
      invalid=example_profile(personalDataOnChain=True, permissionModel__read="permissionless"))
def no_personal_data_on_public_ledger(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    if _get(doc, "personalDataOnChain") is True and publicly_readable(doc):
        yield "/personalDataOnChain", {"type": _get(doc, "networkType"), "read": _get(doc, "permissionModel", "read")}


@rule(id="LS-11", reads=("legalStatusMappings",), title="An office's mapping table maps each national event to one standard event", level=Level.ERROR,
      targets="profile", clause="WIPO ST.27 (December 2020), Annex IV (model template for the mapping table)",
      rationale="Readers turn an office's event into the standard event by its mapping table: a national "
                "event mapped twice to different events has no single meaning.",
      message="{office} {standard} {national} is mapped to {mapped} here and to {earlier} in row {row}",
      message_zh="{office} {standard} {national} 在此映射为 {mapped}，而在第 {row} 行映射为 {earlier}",
      valid=example_profile(legalStatusMappings=[
          {"office": "EP", "standard": "ST.27", "nationalCode": "NAT-EVENT-1", "keyEvent": "A00"}]),
      invalid=example_profile(legalStatusMappings=[
          {"office": "EP", "standard": "ST.27", "nationalCode": "NAT-EVENT-1", "keyEvent": "A00"},
          {"office": "EP", "standard": "ST.27", "nationalCode": "NAT-EVENT-1", "keyEvent": "H00"}]))
def mapping_table_consistent(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    seen: dict[tuple[str, str, str], tuple[int, Any, Any]] = {}
    for i, row in _mapping_rows(doc):
        office, standard, national = row.get("office"), row.get("standard"), row.get("nationalCode")
        if not (isinstance(office, str) and isinstance(standard, str) and isinstance(national, str)):
            continue
        key, detailed = row.get("keyEvent"), row.get("detailedEvent")
        first, earlier_key, earlier_detailed = seen.setdefault((office, standard, national), (i, key, detailed))
        if (earlier_key, earlier_detailed) != (key, detailed):
            yield f"/legalStatusMappings/{i}", {
                "office": office, "standard": standard, "national": national, "row": first,
                "mapped": _event_text(key, detailed), "earlier": _event_text(earlier_key, earlier_detailed)}


def _mapping_rows(doc: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    return objects_in(_get(doc, "legalStatusMappings"))


def _event_text(key: Any, detailed: Any) -> str:
    return f"{key}" if detailed is None else f"{key}/{detailed}"


@rule(id="LS-13", reads=("legalStatusMappings",), title="A mapping to an unmapped key event (X00) has no detailed event",
      level=Level.ERROR, targets="profile",
      clause="WIPO ST.27 (key event and detailed event codes); WIPO ST.96 V4.0 Annex IV, KeyEventCodeType",
      rationale="As in a record (LS-04): X00 says that no key event of category X fits the office's event, so "
                "a detailed event cannot refine it; every record coded through the row would carry the error.",
      message="{office} {national} maps to {code}, no key event of category {category}, so no detailed event "
              "({detailed}) can follow",
      message_zh="{office} {national} 映射为 {code}，即 {category} 类无关键事件，不能再带详细事件（{detailed}）",
      valid=example_profile(legalStatusMappings=[
          {"office": "EP", "standard": "ST.27", "nationalCode": "NAT-EVENT-1", "keyEvent": "A00"}]),
      invalid=example_profile(legalStatusMappings=[
          {"office": "EP", "standard": "ST.27", "nationalCode": "NAT-EVENT-1", "keyEvent": "A00",
           "detailedEvent": "1"}]))
def mapping_unmapped_without_detail(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for i, row in _mapping_rows(doc):
        key, detailed = row.get("keyEvent"), row.get("detailedEvent")
        if isinstance(key, str) and st27.unmapped(key) and detailed is not None:
            yield f"/legalStatusMappings/{i}/detailedEvent", {
                "office": row.get("office"), "national": row.get("nationalCode"), "code": key,
                "category": key[0], "detailed": detailed}


@rule(id="LS-12", reads=('legalStatusMappings',), title="An office's mapping table maps to events of the standard",
      level=Level.WARNING, targets="profile",
      clause="WIPO ST.27 (December 2020), Annex I (event list) and Annex IV (mapping table); WIPO ST.96 V4.0 "
             "Annex IV, KeyEventCodeType",
      rationale="Every record of the office is coded through its mapping table, so a key event of a category "
                "the standard does not have spreads to all of them. As for records (LS-07), the check knows "
                "the ST.27 categories that public WIPO text names and goes no further.",
      message="{office} {national} maps to {code}: category {category} is not among the {standard} categories "
              "verified in public WIPO text ({known})",
      message_zh="{office} {national} 映射为 {code}：类别 {category} 不在公开的 WIPO 文本所证实的 {standard} 类别之列（{known}）",
      valid=example_profile(legalStatusMappings=[
          {"office": "EP", "standard": "ST.27", "nationalCode": "NAT-EVENT-1", "keyEvent": "A00"}]),
      invalid=example_profile(legalStatusMappings=[
          {"office": "EP", "standard": "ST.27", "nationalCode": "NAT-EVENT-1", "keyEvent": "Q99"}]))
def mapping_table_categories_known(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for i, row in _mapping_rows(doc):
        standard, key = row.get("standard"), row.get("keyEvent")
        known = st27.EVENT_LISTS.get(standard) if isinstance(standard, str) else None
        if known is not None and known.categories and st27.key_event_form_ok(key) and key[0] not in known.categories:
            yield f"/legalStatusMappings/{i}/keyEvent", {
                "office": row.get("office"), "national": row.get("nationalCode"), "code": key,
                "category": key[0], "standard": standard, "known": known.categories_text}
