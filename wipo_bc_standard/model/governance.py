"""The governance declaration (ISO/TS 23635; EDPB Guidelines 02/2025)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .. import codelists as cl
from .common import Did, Digest, Model, NonEmpty, St3Code, Uri, Version, code_of


class NetworkRef(Model):
    """The network the declaration governs."""

    id: Uri = Field(description="Identifier of the network (DID or URI).")
    name: NonEmpty = Field(description="Name of the network.")


class Charter(Model):
    """The legal agreement (charter, memorandum of understanding) the network runs under."""

    uri: Uri = Field(description="Where the charter is published.")
    digest: Digest = Field(description="Digest of the charter's exact bytes.")


class GoverningBody(Model):
    """The body that governs the network (ISO/TS 23635, principle 1)."""

    name: NonEmpty = Field(description="Name of the governing body.")
    legalForm: NonEmpty | None = Field(default=None, description="Legal form (consortium agreement, association...).")
    seat: St3Code | None = Field(default=None, description="ST.3 code of the state of its seat.")
    members: list[NonEmpty] = Field(min_length=1, description="Member organisations.")


class Onboarding(Model):
    """How organisations join."""

    criteria: NonEmpty = Field(description="Who may join.")
    procedure: NonEmpty = Field(description="How to apply.")
    approvalRule: code_of(cl.VOTING_RULES) = Field(description="How applications are decided.")  # type: ignore[valid-type]


class Offboarding(Model):
    """How organisations leave or are removed."""

    triggers: list[NonEmpty] = Field(min_length=1, description="What causes removal.")
    dataHandoverPolicy: NonEmpty = Field(description="What happens to the leaving member's data.")
    keyRevocation: NonEmpty = Field(description="How the leaving member's keys are revoked.")


class Membership(Model):
    """Joining and leaving the network."""

    onboarding: Onboarding
    offboarding: Offboarding


class NodeOperator(Model):
    """An organisation that runs a node; validators must match the consensus configuration."""

    did: Did = Field(description="DID of the operator.")
    organisation: NonEmpty = Field(description="Name of the operating organisation.")
    st3Code: St3Code | None = Field(default=None, description="ST.3 code, when the operator is an IP office.")
    country: St3Code | None = Field(default=None, description="ST.3 code of the operator's country.")
    role: code_of(cl.NODE_ROLES) = Field(description="What the node does.")  # type: ignore[valid-type]
    since: dt.date | None = Field(default=None, description="Since when the node runs (YYYY-MM-DD).")


class DecisionMaking(Model):
    """How decisions are taken (ISO/TS 23635, principle 2)."""

    bodies: list[NonEmpty] = Field(min_length=1, description="Bodies that take decisions.")
    votingRule: code_of(cl.VOTING_RULES) = Field(description="Rule by which decisions pass.")  # type: ignore[valid-type]
    quorum: float | None = Field(default=None, gt=0, le=1, description="Share of members needed for a valid vote.")
    vetoRights: list[NonEmpty] | None = Field(default=None, description="Members holding a veto.")


class ChangeManagement(Model):
    """How the protocol and configuration change."""

    protocolUpgradeProcess: NonEmpty = Field(description="How upgrades are proposed, approved and rolled out.")
    noticePeriodDays: int = Field(ge=0, description="Notice given to members before an upgrade, in days.")
    emergencyProcedure: NonEmpty | None = Field(default=None, description="How urgent security fixes are handled.")
    forkPolicy: NonEmpty | None = Field(default=None, description="What the network does when its ledger forks.")


class SmartContract(Model):
    """A deployed smart contract and its lifecycle (ISO/TR 23455)."""

    id: NonEmpty = Field(description="Address or chaincode name.")
    codeHash: Digest = Field(description="Digest of the deployed code.")
    language: NonEmpty | None = Field(default=None, description="Source language.")
    version: NonEmpty = Field(description="Deployed version.")
    auditRef: Uri | None = Field(default=None, description="Report of the security audit.")
    upgradeAuthority: NonEmpty | None = Field(default=None, description="Who may upgrade the contract.")
    pausable: bool | None = Field(default=None, description="Whether the contract can be paused.")
    deprecationPolicy: NonEmpty | None = Field(default=None, description="How the contract is retired.")


class DataGovernance(Model):
    """Personal data and its protection (EDPB Guidelines 02/2025)."""

    personalDataOnChain: bool = Field(description="Whether personal data is written on chain.")
    categories: list[NonEmpty] | None = Field(default=None, description="Categories of personal data processed.")
    legalBasis: NonEmpty | None = Field(default=None, description="Legal basis of the processing.")
    controllers: list[NonEmpty] | None = Field(default=None, description="Data controllers.")
    processors: list[NonEmpty] | None = Field(default=None, description="Data processors.")
    erasureMechanism: code_of(cl.ERASURE_MECHANISMS) = Field(description="How the right to erasure is honoured.")  # type: ignore[valid-type]
    retention: NonEmpty | None = Field(default=None, description="How long data is kept.")
    dpiaRef: Uri | None = Field(default=None, description="Data protection impact assessment.")


class Jurisdiction(Model):
    """The law the network runs under."""

    applicableLaw: NonEmpty = Field(description="Applicable law.")
    competentCourts: list[NonEmpty] | None = Field(default=None, description="Courts with jurisdiction.")


class DisputeResolution(Model):
    """How disputes between participants are settled."""

    mechanism: code_of(cl.DISPUTE_MECHANISMS) = Field(description="Mechanism.")  # type: ignore[valid-type]
    institution: NonEmpty | None = Field(default=None, description="Institution, e.g. the WIPO Arbitration and Mediation Center.")
    seat: NonEmpty | None = Field(default=None, description="Seat of the proceedings.")


class Security(Model):
    """Security organisation (ISO/TS 23635, principle 8)."""

    keyCustody: code_of(cl.KEY_CUSTODY) = Field(description="Where signing keys are held.")  # type: ignore[valid-type]
    keyRotationDays: int | None = Field(default=None, ge=1, description="Interval of key rotation in days.")
    incidentContact: NonEmpty = Field(description="Who to contact about a security incident.")
    vulnDisclosureUri: Uri | None = Field(default=None, description="Vulnerability disclosure policy.")
    certifications: list[NonEmpty] | None = Field(default=None, description="Security certifications held.")


class CryptoPolicy(Model):
    """Algorithms in use and when they are retired (algorithm agility)."""

    hashAlgs: list[code_of(cl.HASH_ALGORITHMS)] = Field(min_length=1, description="Approved hash algorithms.")  # type: ignore[valid-type]
    sigAlgs: list[code_of(cl.SIGNATURE_ALGORITHMS)] = Field(min_length=1, description="Approved signature algorithms.")  # type: ignore[valid-type]
    deprecationSchedule: NonEmpty | None = Field(default=None, description="When algorithms will be retired.")


class Interoperability(Model):
    """Commitments that let other networks and offices exchange data with this one."""

    ipDataStandards: list[code_of(cl.IP_DATA_STANDARDS)] = Field(min_length=1, description="WIPO standards used for IP data.")  # type: ignore[valid-type]
    apiSpecUri: Uri | None = Field(default=None, description="OpenAPI description of the network's API (WIPO ST.90).")
    bridges: list[NonEmpty] | None = Field(default=None, description="Bridges to other networks.")


class Transparency(Model):
    """Openness of the network (ISO/TS 23635, principle 4)."""

    publicRead: bool = Field(description="Whether anyone may read the ledger.")
    explorerUri: Uri | None = Field(default=None, description="Public explorer.")
    auditLogUri: Uri | None = Field(default=None, description="Published audit log.")


class Sustainability(Model):
    """Environmental footprint of the network."""

    consensusEnergyClass: NonEmpty | None = Field(default=None, description="Energy class of the consensus mechanism (low, medium, high).")
    estAnnualKWh: float | None = Field(default=None, ge=0, description="Estimated annual energy use in kWh.")
    nodeCount: int | None = Field(default=None, ge=1, description="Number of nodes.")
    renewableShare: float | None = Field(default=None, ge=0, le=1, description="Share of energy from renewable sources.")


class GovernanceDeclaration(Model):
    """A governance declaration: who governs a network, how, and under which commitments."""

    standardVersion: Version
    declarationId: Uri = Field(description="Identifier of this declaration.")
    version: str = Field(pattern=r"^[0-9]+\.[0-9]+\.[0-9]+$", description="Version of the declaration (semantic versioning).")
    effectiveDate: dt.date = Field(description="Date from which the declaration applies (YYYY-MM-DD).")
    network: NetworkRef
    charter: Charter | None = None
    governingBody: GoverningBody
    roles: list[code_of(cl.DLT_ROLES)] | None = Field(default=None, description="ISO 23257 roles present on the network.")  # type: ignore[valid-type]
    membership: Membership | None = None
    nodeOperators: list[NodeOperator] = Field(min_length=1, description="Organisations that run nodes.")
    decisionMaking: DecisionMaking
    changeManagement: ChangeManagement
    smartContracts: list[SmartContract] | None = Field(default=None, description="Deployed smart contracts.")
    dataGovernance: DataGovernance
    jurisdiction: Jurisdiction
    disputeResolution: DisputeResolution
    security: Security
    cryptoPolicy: CryptoPolicy
    interoperability: Interoperability
    transparency: Transparency | None = None
    sustainability: Sustainability | None = None
    useCases: list[code_of(cl.USE_CASES)] | None = Field(default=None, description="Use cases the network supports.")  # type: ignore[valid-type]
    accountableContact: str = Field(pattern=r"^[^@\s]+@[^@\s]+$", description="E-mail address of the accountable contact (ISO/TS 23635, principle 3).")
