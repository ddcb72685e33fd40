"""Rules that need the network's profile as context (``--network PROFILE.json``).

They read ``ctx.network``, a dict shaped like ``schemas/profile.schema.json`` (and possibly invalid:
every member is type-checked before use). Their examples are ``{"network": ..., "document": ...}``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .. import patterns
from ..findings import Level
from ..limits import LIMITS
from .access import digests, listed
from .access import member as _get
from .access import objects_in as _dicts
from .catalogue import Hit, RuleContext, rule
from .examples import EXAMPLE_LEDGER, example_record
from .governance_rules import example_governance
from .profile_rules import example_profile, publicly_readable


def _on(network: Mapping[str, Any], document: Any) -> dict[str, Any]:
    return {"network": network, "document": document}


PUBLIC_NETWORK = example_profile(networkType="public", permissionModel__read="permissionless")


@rule(id="HASH-02", title="Digests use an algorithm the network approves", level=Level.WARNING,
      targets="record", needs_network=True,
      clause="ISO 23257 (cryptographic services); NIST SP 800-131A (transitioning cryptographic algorithms)",
      rationale="Every participant must be able to recompute a digest; an algorithm outside the network's "
                "approved list may be unsupported by other nodes or below their security policy.",
      message="{alg} is not on the network's approved hash algorithms ({approved})",
      message_zh="{alg} 不在网络批准的杂凑算法之列（{approved}）",
      valid=_on(example_profile(), example_record(previousRecordHash={"alg": "sha-256", "value": "0" * 64})),
      invalid=_on(example_profile(), example_record(previousRecordHash={"alg": "sha3-256", "value": "0" * 64})))
def hash_approved_by_network(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    approved = listed(ctx.network, "hashAlgorithms")
    if approved is None:
        return
    for path, digest in digests(doc):
        alg = digest.get("alg")
        if isinstance(alg, str) and alg not in approved:
            yield path + "/alg", {"alg": alg, "approved": ", ".join(str(a) for a in approved)}


def _full_match(pattern: str) -> Any | None:
    """The office's pattern, compiled once a run for linear-time matching (None when it cannot be:
    not a valid expression, one that needs backtracking, or past the ``pattern_chars`` limit)."""
    compiled = patterns.compile_untrusted(pattern, LIMITS.pattern_chars)
    return None if isinstance(compiled, patterns.PatternError) else compiled


def _application_numbers(doc: Any) -> Iterator[tuple[str, str, str]]:
    """(path, office, number) of the application numbers of a record and of its priority claims."""
    right = _get(doc, "ipRight")
    if not isinstance(right, dict):
        return
    office, number = right.get("office"), right.get("applicationNumber")
    if isinstance(office, str) and isinstance(number, str):
        yield "/ipRight/applicationNumber", office, number
    for i, claim in _dicts(right.get("priorityClaims")):
        office, number = claim.get("office"), claim.get("applicationNumber")
        if isinstance(office, str) and isinstance(number, str):
            yield f"/ipRight/priorityClaims/{i}/applicationNumber", office, number


_EM_NUMBERS = [{"office": "EM", "pattern": "0[0-9]+"}]


@rule(id="ID-02", title="Application numbers have the form their office declares", level=Level.WARNING,
      targets="record", needs_network=True,
      clause="WIPO ST.13 (numbering of applications); network profile applicationNumberPatterns",
      rationale="Offices write the same application number in different forms (with or without year, "
                "check digit, separators); the form the network declares for each office lets every "
                "participant find the right and tell two rights apart.",
      message="application number {number!r} does not have the form {office} declares ({pattern})",
      message_zh="申请号 {number!r} 不符合 {office} 声明的格式（{pattern}）",
      valid=_on(example_profile(applicationNumberPatterns=_EM_NUMBERS), example_record()),
      invalid=_on(example_profile(applicationNumberPatterns=_EM_NUMBERS),
                  example_record(ipRight__applicationNumber="EM-018123456")))
def application_number_form(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    declared = _get(ctx.network, "applicationNumberPatterns")
    if not isinstance(declared, list) or not declared:
        return
    # An office that is not a string (a profile need not be valid) names no record's office.
    by_office = {p["office"]: p.get("pattern") for _, p in _dicts(declared) if isinstance(p.get("office"), str)}
    for path, office, number in _application_numbers(doc):
        pattern = by_office.get(office)
        compiled = _full_match(pattern) if isinstance(pattern, str) else None
        if compiled is not None and compiled.fullmatch(number) is None:
            yield path, {"number": number, "office": office, "pattern": pattern}


_EMAIL = patterns.compile(r"[^@\s:/]+@[^@\s]+\.[A-Za-z]{2,}", "personal-data e-mail (PRIV rules)", how="search")


def personal_data(doc: Any) -> Iterator[tuple[str, str]]:
    """Clear-text personal data in a record's on-chain fields: party names, e-mail addresses."""
    if not isinstance(doc, dict):
        return
    for i, party in _dicts(doc.get("parties")):
        if isinstance(party.get("name"), str):
            yield f"/parties/{i}/name", "a party name"
        ident = party.get("id")
        if isinstance(ident, str) and _EMAIL.search(ident):
            yield f"/parties/{i}/id", "an e-mail address"
    for path, text in (("/ipRight/title", _get(doc, "ipRight", "title")),
                       ("/event/description", _get(doc, "event", "description"))):
        if isinstance(text, str) and "@" in text and _EMAIL.search(text):
            yield path, "an e-mail address"
    for i, document in _dicts(doc.get("documents")):
        title = document.get("title")
        if isinstance(title, str) and "@" in title and _EMAIL.search(title):
            yield f"/documents/{i}/title", "an e-mail address"


@rule(id="PD-01", title="No clear-text personal data on a publicly readable ledger", level=Level.ERROR,
      targets="record", needs_network=True,
      clause="EDPB Guidelines 02/2025 on processing of personal data through blockchain technologies; "
             "GDPR Art. 5(1)(c), Art. 17 and Art. 25",
      rationale="A public or permissionlessly readable ledger copies every record to anyone and cannot erase "
                "it; parties are referenced by identifiers and their particulars kept off chain.",
      message="{what} on a publicly readable network",
      message_zh="可公开读取的网络上出现了{what}",
      valid=_on(PUBLIC_NETWORK, example_record()),
      invalid=_on(PUBLIC_NETWORK, example_record(parties__0__name="Jeanne Martin")))
def no_personal_data_public(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    if not publicly_readable(ctx.network):
        return
    for path, what in personal_data(doc):
        yield path, {"what": what}


@rule(id="PD-02", title="Records honour the network's no-personal-data declaration", level=Level.ERROR,
      targets="record", needs_network=True,
      clause="EDPB Guidelines 02/2025; GDPR Art. 5(2) (accountability)",
      rationale="A network that declares personalDataOnChain=false is trusted for it by members and data "
                "subjects; a record carrying a party name or an e-mail address breaks the declaration. "
                "(Publicly readable networks are covered by PD-01.)",
      message="{what} on a network that declares no personal data on chain",
      message_zh="网络声明链上无个人数据，但出现了{what}",
      valid=_on(example_profile(), example_record()),
      invalid=_on(example_profile(), example_record(parties__0__id="mailto:jeanne.martin@mail.example")))
def personal_data_declaration_kept(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    network = ctx.network
    if _get(network, "personalDataOnChain") is not False or publicly_readable(network):
        return
    for path, what in personal_data(doc):
        yield path, {"what": what}


@rule(id="GOV-02", title="The declared validators are the consensus nodes", level=Level.WARNING,
      targets="governance", needs_network=True,
      clause="ISO/TS 23635 (accountability); ISO 22739 (validator)",
      rationale="The governance declaration names who validates; if the network runs a different number of "
                "consensus nodes, some validator is unaccounted for or a declared one does not exist.",
      message="{validators} validator operators are declared but the network has {nodes} consensus nodes",
      message_zh="声明了 {validators} 个验证者运营者，但网络有 {nodes} 个共识节点",
      valid=_on(example_profile(), example_governance()),
      invalid=_on(example_profile(consensus__nodes=7, consensus__faultTolerance=2), example_governance()))
def validators_match_consensus(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    nodes = _get(ctx.network, "consensus", "nodes")
    operators = _get(doc, "nodeOperators")
    if (not isinstance(nodes, int) or isinstance(nodes, bool) or not isinstance(operators, list)
            or _get(ctx.network, "permissionModel", "validate") != "permissioned"):
        return  # on permissionless validation the consensus nodes are not the declared operators
    validators = sum(1 for o in operators if isinstance(o, dict) and o.get("role") == "validator")
    if validators != nodes:
        yield "/nodeOperators", {"validators": validators, "nodes": nodes}


@rule(id="GOV-13", title="The declaration governs the network it is checked for", level=Level.WARNING,
      targets="governance", needs_network=True, clause="ISO/TS 23635 (identifiers of the entities involved)",
      rationale="A governance declaration binds one network; checked against another network's profile, "
                "its commitments (validators, algorithms, personal data) are compared with the wrong "
                "configuration, and agreement or disagreement means nothing.",
      message="the declaration governs {governed}, but the network profile is {profile}",
      message_zh="该声明治理的网络是 {governed}，而网络配置为 {profile}",
      valid=_on(example_profile(), example_governance()),
      invalid=_on(example_profile(profileId="did:web:other-network.example"), example_governance()))
def governs_the_network(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    governed, profile = _get(doc, "network", "id"), _get(ctx.network, "profileId")
    if isinstance(governed, str) and isinstance(profile, str) and governed != profile:
        yield "/network/id", {"governed": governed, "profile": profile}


@rule(id="GOV-07", title="A permissioned network declares who validates", level=Level.WARNING,
      targets="governance", needs_network=True, clause="ISO 22739 (validator); ISO/TS 23635 (accountability)",
      rationale="On a network where validation needs permission, someone was given it; if no declared "
                "operator is a validator, the declaration does not say who confirms the blocks. (Networks "
                "that anchor in a public chain validate there, and may declare observers only.)",
      message="validation is permissioned but no node operator has the role validator",
      message_zh="验证为许可型，但没有节点运营者担任验证者（validator）",
      valid=_on(example_profile(), example_governance()),
      invalid=_on(example_profile(), example_governance(
          nodeOperators__0__role="observer", nodeOperators__1__role="observer",
          nodeOperators__2__role="archive", nodeOperators__3__role="archive")))
def permissioned_validators_declared(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    operators = _get(doc, "nodeOperators")
    if (_get(ctx.network, "permissionModel", "validate") == "permissioned" and isinstance(operators, list)
            and operators and not any(isinstance(o, dict) and o.get("role") == "validator" for o in operators)):
        yield "/nodeOperators", {}


@rule(id="GOV-12", title="The crypto policy covers the network's algorithms", level=Level.WARNING,
      targets="governance", needs_network=True,
      clause="ISO/TS 23635 (security); NIST SP 800-131A (algorithm transitions)",
      rationale="The governance crypto policy is where algorithms are approved and retired; an algorithm "
                "the network uses but the policy does not list is outside any deprecation schedule.",
      message="{alg} is used by the network but not listed in cryptoPolicy.hashAlgs",
      message_zh="网络使用了 {alg}，但 cryptoPolicy.hashAlgs 中未列出",
      valid=_on(example_profile(), example_governance()),
      invalid=_on(example_profile(hashAlgorithms=["sha-256", "sha-384"]), example_governance()))
def crypto_policy_covers_network(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    used = listed(ctx.network, "hashAlgorithms")
    policy = _get(doc, "cryptoPolicy", "hashAlgs")
    if used is None or not isinstance(policy, list):
        return
    for alg in used:
        if isinstance(alg, str) and alg not in policy:
            yield "/cryptoPolicy/hashAlgs", {"alg": alg}


@rule(id="REC-08", title="A record's ledger platform is the network's", level=Level.WARNING,
      targets="record", needs_network=True, clause="ISO 23257 (DLT platform); this standard, ledger envelope",
      rationale="A record said to sit on another platform than the network's was read from elsewhere or "
                "mislabelled; either way its ledger position cannot be checked on this network.",
      message="the record sits on {platform}, the network runs {expected}",
      message_zh="该记录位于 {platform}，而网络运行的是 {expected}",
      valid=_on(example_profile(), example_record(ledger=EXAMPLE_LEDGER)),
      invalid=_on(example_profile(), example_record(ledger=dict(EXAMPLE_LEDGER, platform="multichain"))))
def ledger_platform_matches(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    expected = _get(ctx.network, "platform", "name")
    platform = _get(doc, "ledger", "platform")
    if isinstance(expected, str) and isinstance(platform, str) and platform != expected:
        yield "/ledger/platform", {"platform": platform, "expected": expected}


@rule(id="REC-09", title="The network carries the record's type", level=Level.WARNING,
      targets="record", needs_network=True, clause="this standard, record types; network profile recordTypes",
      rationale="A network that declares the record types it carries has agreed their semantics and "
                "processing; a record of another type has no agreed meaning there.",
      message="recordType {type} is not among the network's record types ({declared})",
      message_zh="recordType {type} 不在网络声明的记录类型之列（{declared}）",
      valid=_on(example_profile(recordTypes=["legal-status-event", "assignment"]), example_record()),
      invalid=_on(example_profile(recordTypes=["assignment"]), example_record()))
def record_type_carried(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    declared = listed(ctx.network, "recordTypes")
    record_type = _get(doc, "recordType")
    if declared is not None and isinstance(record_type, str) and record_type not in declared:
        yield "/recordType", {"type": record_type, "declared": ", ".join(str(t) for t in declared)}


@rule(id="LS-06", title="The network uses the record's legal-status standard", level=Level.WARNING,
      targets="record", needs_network=True, clause="WIPO ST.27, ST.61, ST.87; network profile legalStatusStandards",
      rationale="Participants map and read legal-status codes by the standards the network declares; an "
                "event coded in another standard is not read by them.",
      message="{standard} is not among the network's legal-status standards ({declared})",
      message_zh="{standard} 不在网络声明的法律状态标准之列（{declared}）",
      valid=_on(example_profile(legalStatusStandards=["ST.61", "ST.87"]), example_record()),
      invalid=_on(example_profile(legalStatusStandards=["ST.27"]), example_record()))
def legal_status_standard_used(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    declared = listed(ctx.network, "legalStatusStandards")
    standard = _get(doc, "event", "standard")
    if declared is not None and isinstance(standard, str) and standard not in declared:
        yield "/event/standard", {"standard": standard, "declared": ", ".join(str(s) for s in declared)}


# --- legal status: the offices' mapping tables (ST.27 Annex IV model template) ------------------

_CLAUSE_MAPPING = ("WIPO ST.27 (December 2020), national/regional event code and Annex IV (model template for "
                   "the mapping table); ST.61 and ST.87 likewise; network profile legalStatusMappings")

#: The last table indexed, with its index: a run checks many records against one network profile.
_MAPPING_INDEX: list[Any] = [None, None]


def _mapping_index(network: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """The declared mapping rows by (office, standard): national code -> (key, detailed), and the key
    events each detailed event is mapped under. Built once per network profile."""
    rows = listed(network, "legalStatusMappings")
    if rows is None:
        return {}
    if _MAPPING_INDEX[0] is rows:
        return _MAPPING_INDEX[1]  # type: ignore[no-any-return]
    index: dict[tuple[str, str], dict[str, Any]] = {}
    for _, row in _dicts(rows):
        office, standard, national, key = (row.get(k) for k in ("office", "standard", "nationalCode", "keyEvent"))
        detailed = row.get("detailedEvent")
        if not (isinstance(office, str) and isinstance(standard, str) and isinstance(national, str)
                and isinstance(key, str)):
            continue
        table = index.setdefault((office, standard), {"national": {}, "detailed": {}})
        table["national"].setdefault(national, (key, detailed if isinstance(detailed, str) else None))
        if isinstance(detailed, str):
            table["detailed"].setdefault(detailed, set()).add(key)
    _MAPPING_INDEX[:] = [rows, index]
    return index


def _event_table(doc: Any, network: Any) -> tuple[dict[str, Any], str, str] | None:
    """The mapping table the network declares for the record's office and standard, with both, or None."""
    office, standard = _get(doc, "ipRight", "office"), _get(doc, "event", "standard")
    if not isinstance(office, str) or not isinstance(standard, str):
        return None
    table = _mapping_index(network).get((office, standard))
    return (table, office, standard) if table is not None else None


_MAPPED_NETWORK = example_profile(legalStatusMappings=[
    {"office": "EM", "standard": "ST.61", "nationalCode": "FIL", "keyEvent": "A10", "title": "Application filed"},
    {"office": "EM", "standard": "ST.61", "nationalCode": "OPP", "keyEvent": "C10", "detailedEvent": "2"},
])


@rule(id="LS-08", title="The national event code is in the office's mapping table", level=Level.WARNING,
      targets="record", needs_network=True, clause=_CLAUSE_MAPPING,
      rationale="Where the network declares an office's mapping table, the national event code of a record "
                "of that office is how a reader finds the standard event it was mapped to; a code outside "
                "the table cannot be checked, and may be a typing error or an event mapped nowhere.",
      message="nationalCode {national} is not in the mapping table the network declares for {office} ({standard})",
      message_zh="nationalCode {national} 不在网络为 {office} 声明的映射表中（{standard}）",
      valid=_on(_MAPPED_NETWORK, example_record()),
      invalid=_on(_MAPPED_NETWORK, example_record(event__nationalCode="FILX")))
def national_code_in_mapping(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    found = _event_table(doc, ctx.network)
    national = _get(doc, "event", "nationalCode")
    if found is not None and isinstance(national, str) and national not in found[0]["national"]:
        yield "/event/nationalCode", {"national": national, "office": found[1], "standard": found[2]}


@rule(id="LS-09", title="The key event is the one the office's mapping table gives", level=Level.ERROR,
      targets="record", needs_network=True, clause=_CLAUSE_MAPPING,
      rationale="The mapping table is the office's published statement of which standard event each of its "
                "events is; a record that codes the same national event otherwise contradicts it, and "
                "readers of the two disagree on the right's status.",
      message="the mapping table of {office} maps {national} to {mapped}, not {code}",
      message_zh="{office} 的映射表将 {national} 映射为 {mapped}，而不是 {code}",
      valid=_on(_MAPPED_NETWORK, example_record()),
      invalid=_on(_MAPPED_NETWORK, example_record(event__code="B10")))
def key_event_as_mapped(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    found = _event_table(doc, ctx.network)
    national, code = _get(doc, "event", "nationalCode"), _get(doc, "event", "code")
    if found is None or not isinstance(national, str) or not isinstance(code, str):
        return
    mapped = found[0]["national"].get(national)
    if mapped is not None and mapped[0] != code:
        yield "/event/code", {"office": found[1], "national": national, "mapped": mapped[0], "code": code}


@rule(id="LS-10", title="The detailed event belongs to the record's key event", level=Level.ERROR,
      targets="record", needs_network=True, clause=_CLAUSE_MAPPING,
      rationale="A detailed event refines one key event; the office's mapping table says which. A record that "
                "puts a detailed event under another key event codes an event that does not exist.",
      message="detailed event {detailed} is not one of key event {code} in the mapping table of {office}: "
              "the table has it under {declared}",
      message_zh="在 {office} 的映射表中，详细事件 {detailed} 不属于关键事件 {code}：映射表将其列于 {declared} 之下",
      valid=_on(_MAPPED_NETWORK, example_record(event__nationalCode="OPP", event__code="C10", event__detailedCode="2")),
      invalid=_on(_MAPPED_NETWORK, example_record(event__nationalCode="OPP", event__code="C11", event__detailedCode="2")))
def detailed_event_within_key(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    found = _event_table(doc, ctx.network)
    code, detailed = _get(doc, "event", "code"), _get(doc, "event", "detailedCode")
    if found is None or not isinstance(code, str) or not isinstance(detailed, str):
        return
    table, office, _ = found
    under = table["detailed"].get(detailed)
    if under is not None and code not in under:
        yield "/event/detailedCode", {"detailed": detailed, "code": code, "office": office,
                                      "declared": ", ".join(sorted(under))}
