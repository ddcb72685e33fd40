"""Rules on governance declarations (ISO/TS 23635, EDPB Guidelines 02/2025).

The JSON Schema fixes which sections are required; these rules check that what is declared can be
acted on: erasure when personal data is processed, a validator set, disputes that can be started.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..constants import STANDARD_VERSION
from ..findings import Level
from .access import member as _get
from .access import objects_in as _dicts
from .catalogue import Hit, RuleContext, rule
from .examples import apply_changes


def _operator(letter: str, st3: str, country: str) -> dict[str, Any]:
    return {"did": f"did:web:office-{letter}.example", "organisation": f"Office {letter.upper()}",
            "st3Code": st3, "country": country, "role": "validator", "since": "2024-01-15"}


def example_governance(**changes: Any) -> dict[str, Any]:
    """A small conformant governance declaration, changed as told (``a__b=value``; None deletes)."""
    declaration: dict[str, Any] = {
        "standardVersion": STANDARD_VERSION,
        "declarationId": "urn:uuid:0d6f1f9e-3c1a-4f7e-8d2b-6a1c9e5b7f30",
        "version": "1.0.0",
        "effectiveDate": "2025-01-01",
        "network": {"id": "did:web:ipregister.example", "name": "Example IP register network"},
        "governingBody": {"name": "Example IP Register Consortium", "seat": "BE",
                          "members": ["Office A", "Office B", "Office C", "Office D"]},
        "nodeOperators": [_operator("a", "EM", "ES"), _operator("b", "MT", "MT"),
                          _operator("c", "LT", "LT"), _operator("d", "EE", "EE")],
        "decisionMaking": {"bodies": ["Steering committee"], "votingRule": "qualified-majority", "quorum": 0.75},
        "changeManagement": {"protocolUpgradeProcess": "Proposal, vote of the steering committee, staged rollout",
                             "noticePeriodDays": 30, "emergencyProcedure": "Security fixes within 48 hours",
                             "forkPolicy": "The chain with the validators' signatures is canonical"},
        "dataGovernance": {"personalDataOnChain": False, "categories": ["names and addresses of applicants"],
                           "legalBasis": "GDPR Art. 6(1)(e), public register", "controllers": ["Office A"],
                           "erasureMechanism": "off-chain-delete", "retention": "Term of the right plus 5 years",
                           "dpiaRef": "https://ipregister.example/dpia.pdf"},
        "jurisdiction": {"applicableLaw": "Belgian law", "competentCourts": ["Courts of Brussels"]},
        "disputeResolution": {"mechanism": "mediation", "institution": "WIPO Arbitration and Mediation Center",
                              "seat": "Geneva"},
        "security": {"keyCustody": "hsm", "keyRotationDays": 365, "incidentContact": "security@ipregister.example"},
        "cryptoPolicy": {"hashAlgs": ["sha-256"], "sigAlgs": ["EdDSA", "ES256"]},
        "interoperability": {"ipDataStandards": ["ST.3", "ST.61", "ST.96"]},
        "sustainability": {"consensusEnergyClass": "low", "nodeCount": 4},
        "accountableContact": "governance@ipregister.example",
    }
    return apply_changes(declaration, changes)




def processes_personal_data(data_governance: Any) -> bool:
    """Personal data is processed when it is on chain or categories of it are declared."""
    return isinstance(data_governance, dict) and (data_governance.get("personalDataOnChain") is True
                                                  or bool(data_governance.get("categories")))


@rule(id="PD-03", title="Processing personal data comes with a way to erase it", level=Level.ERROR,
      targets="governance", clause="GDPR Art. 17 (right to erasure); EDPB Guidelines 02/2025",
      rationale="Data subjects keep their right to erasure on a ledger; a network that processes personal "
                "data must be able to honour it (off-chain deletion, key destruction, redactable pointers).",
      message="personal data is processed but erasureMechanism is none",
      message_zh="处理了个人数据，但 erasureMechanism 为 none",
      valid=example_governance(),
      invalid=example_governance(dataGovernance__erasureMechanism="none"))
def erasure_declared(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    data = _get(doc, "dataGovernance")
    if processes_personal_data(data) and data.get("erasureMechanism") == "none":
        yield "/dataGovernance/erasureMechanism", {}


@rule(id="PD-04", title="Processing personal data refers to a DPIA", level=Level.WARNING,
      targets="governance", clause="GDPR Art. 35 (data protection impact assessment); EDPB Guidelines 02/2025",
      rationale="The EDPB expects a data protection impact assessment before personal data is processed "
                "with blockchain technology; referring to it lets members and authorities check it.",
      message="personal data is processed but no dpiaRef is given",
      message_zh="处理了个人数据，但未提供 dpiaRef",
      valid=example_governance(),
      invalid=example_governance(dataGovernance__dpiaRef=None))
def dpia_referenced(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    data = _get(doc, "dataGovernance")
    if processes_personal_data(data) and not data.get("dpiaRef"):
        yield "/dataGovernance/dpiaRef", {}


@rule(id="PD-06", title="Processing personal data names its legal basis and controllers", level=Level.WARNING,
      targets="governance", clause="GDPR Art. 6 (lawfulness), Art. 26 (joint controllers); "
                                   "EDPB Guidelines 02/2025 (roles settled at design time)",
      rationale="On a shared ledger several organisations decide on the processing; who is controller and on "
                "what legal basis must be settled before data is written, not after a complaint.",
      message="personal data is processed but {missing} is not declared",
      message_zh="处理了个人数据，但未声明 {missing}",
      valid=example_governance(),
      invalid=example_governance(dataGovernance__controllers=None))
def processing_roles_declared(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    data = _get(doc, "dataGovernance")
    if processes_personal_data(data):
        for member in ("legalBasis", "controllers"):
            if not data.get(member):
                yield f"/dataGovernance/{member}", {"missing": member}


@rule(id="GOV-04", title="Disputes can be started: forum and institution are named", level=Level.WARNING,
      targets="governance", clause="ISO/TS 23635 (accountability); WIPO Arbitration and Mediation Rules; "
                                   "New York Convention (1958)",
      rationale="A dispute clause is only useful if a party can act on it: court proceedings need the "
                "competent courts (or the seat of the court), arbitration, mediation and expert "
                "determination need an institution or a seat.",
      message="disputeResolution {mechanism} needs {missing}",
      message_zh="争议解决方式 {mechanism} 需要声明 {missing}",
      valid=example_governance(),
      invalid=example_governance(disputeResolution={"mechanism": "arbitration"}))
def dispute_forum_named(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    resolution = _get(doc, "disputeResolution")
    mechanism = _get(resolution, "mechanism")
    if not isinstance(mechanism, str):
        return
    if mechanism == "court":
        if not (_get(doc, "jurisdiction", "competentCourts") or resolution.get("seat")):
            yield ("/jurisdiction/competentCourts",
                   {"mechanism": mechanism, "missing": "jurisdiction.competentCourts or a seat"})
    elif not (resolution.get("institution") or resolution.get("seat")):
        yield "/disputeResolution/institution", {"mechanism": mechanism, "missing": "an institution or a seat"}


@rule(id="GOV-05", title="Sustainability metrics are declared", level=Level.WARNING,
      targets="governance", clause="WIPO Blockchain Whitepaper CWS/9/8 (sustainability); "
                                   "ISO/TS 23635 (performance)",
      rationale="Energy use differs by orders of magnitude between consensus families; offices choosing a "
                "network, and the public, need the figures.",
      message="no sustainability metric is declared",
      message_zh="未声明任何可持续性指标",
      valid=example_governance(),
      invalid=example_governance(sustainability=None))
def sustainability_declared(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    if isinstance(doc, dict):
        metrics = doc.get("sustainability")
        if not isinstance(metrics, dict) or not any(v is not None for v in metrics.values()):
            yield "/sustainability", {}


@rule(id="GOV-06", title="Each node operator is declared once", level=Level.WARNING,
      targets="governance", clause="ISO/TS 23635 (identifiers of the entities involved; accountability)",
      rationale="Node operators are accountable by their DID; the same DID twice makes the validator count "
                "and the accountability of each operator ambiguous.",
      message="node operator {did} is declared more than once",
      message_zh="节点运营者 {did} 被重复声明",
      valid=example_governance(),
      invalid=example_governance(nodeOperators__1__did="did:web:office-a.example"))
def node_operators_unique(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    seen: set[str] = set()
    for i, operator in _dicts(_get(doc, "nodeOperators")):
        did = operator.get("did")
        if isinstance(did, str):
            if did in seen:
                yield f"/nodeOperators/{i}/did", {"did": did}
            seen.add(did)


_CONTRACT = {"id": "0x" + "1f" * 20, "codeHash": {"alg": "sha-256", "value": "c" * 64}, "version": "1.2.0"}


@rule(id="GOV-08", title="Smart contracts declare their audit and upgrade authority", level=Level.WARNING,
      targets="governance", clause="ISO/TR 23455 (smart contract lifecycle)",
      rationale="A contract that moves rights must have been audited, and who may change it must be known "
                "before it is trusted with register data.",
      message="smart contract {id} does not declare {missing}",
      message_zh="智能合约 {id} 未声明 {missing}",
      valid=example_governance(smartContracts=[dict(_CONTRACT, auditRef="https://ipregister.example/audit.pdf",
                                                    upgradeAuthority="Steering committee")]),
      invalid=example_governance(smartContracts=[_CONTRACT]))
def contract_lifecycle_declared(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for i, contract in _dicts(_get(doc, "smartContracts")):
        for member in ("auditRef", "upgradeAuthority"):
            if not contract.get(member):
                yield f"/smartContracts/{i}/{member}", {"id": contract.get("id", i), "missing": member}


@rule(id="GOV-09", title="Change management covers emergencies and forks", level=Level.WARNING,
      targets="governance", clause="ISO/TS 23635 (risk-based decisions); ISO 22739 (fork)",
      rationale="The moments a network most needs rules are a security emergency and a fork; deciding how "
                "to handle them during the event is too late.",
      message="changeManagement does not declare {missing}",
      message_zh="changeManagement 未声明 {missing}",
      valid=example_governance(),
      invalid=example_governance(changeManagement__forkPolicy=None))
def change_management_complete(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    change = _get(doc, "changeManagement")
    if isinstance(change, dict):
        for member in ("emergencyProcedure", "forkPolicy"):
            if not change.get(member):
                yield f"/changeManagement/{member}", {"missing": member}


@rule(id="GOV-11", title="The declared node count covers the node operators", level=Level.WARNING,
      targets="governance", clause="ISO/TS 23635 (transparency)",
      rationale="Each operator runs at least one node; a node count below the number of operators means "
                "one of the two figures is wrong.",
      message="sustainability.nodeCount {count} is less than the {operators} declared node operators",
      message_zh="sustainability.nodeCount 为 {count}，少于已声明的 {operators} 个节点运营者",
      valid=example_governance(),
      invalid=example_governance(sustainability__nodeCount=2))
def node_count_covers_operators(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    count = _get(doc, "sustainability", "nodeCount")
    operators = _get(doc, "nodeOperators")
    if isinstance(count, int) and not isinstance(count, bool) and isinstance(operators, list):
        dids = {o.get("did") for o in operators if isinstance(o, dict) and isinstance(o.get("did"), str)}
        if count < len(dids):
            yield "/sustainability/nodeCount", {"count": count, "operators": len(dids)}
