"""The network profile: a network's high-level configuration (seed para. 11)."""

from __future__ import annotations

from pydantic import Field

from .. import codelists as cl
from .common import Model, NonEmpty, St3Code, Uri, Version, code_of

Permission = code_of(cl.PERMISSIONS)


class PermissionModel(Model):
    """Who may read, write and validate; each is configured separately."""

    read: Permission = Field(description="Whether reading the ledger needs authorisation.")  # type: ignore[valid-type]
    write: Permission = Field(description="Whether submitting transactions needs authorisation.")  # type: ignore[valid-type]
    validate_: Permission = Field(alias="validate", description="Whether taking part in consensus needs authorisation.")  # type: ignore[valid-type]


class Platform(Model):
    """The ledger software, so that the configuration can be reproduced."""

    name: code_of(cl.LEDGER_PLATFORMS) = Field(description="Ledger platform.")  # type: ignore[valid-type]
    version: NonEmpty = Field(description="Version of the platform software.")


class Consensus(Model):
    """The consensus mechanism and the faults it is sized for."""

    family: code_of(cl.CONSENSUS_FAMILIES) = Field(description="Family of the consensus mechanism.")  # type: ignore[valid-type]
    algorithm: NonEmpty = Field(description="Algorithm, e.g. QBFT, IBFT 2.0, Raft, Kafka ordering.")
    faultModel: code_of(cl.FAULT_MODELS) = Field(description="Faults the mechanism tolerates.")  # type: ignore[valid-type]
    nodes: int | None = Field(default=None, ge=1, description="Number n of consensus nodes.")
    faultTolerance: int | None = Field(default=None, ge=0, description="Number f of faulty nodes the network is sized to tolerate.")


class Finality(Model):
    """When a confirmed record counts as irreversible, and so as evidence."""

    type: code_of(cl.FINALITY_TYPES) = Field(description="Deterministic or probabilistic finality.")  # type: ignore[valid-type]
    confirmations: int | None = Field(default=None, ge=0, description="Blocks after which a record counts as final (probabilistic finality).")
    seconds: float | None = Field(default=None, ge=0, description="Seconds after which a record counts as final.")


class Identity(Model):
    """How participants are identified."""

    didMethods: list[str] = Field(description="DID methods accepted on the network, e.g. web, key, ebsi (without the did: prefix).", min_length=1)
    x509: bool | None = Field(default=None, description="Whether X.509 certificates are accepted as well.")
    trustRegistryUri: Uri | None = Field(default=None, description="Registry of trusted issuers (offices and their DIDs).")


class Canonicalization(Model):
    """The canonical forms hashes and signatures are computed over."""

    json_: code_of(cl.CANONICALIZATIONS) = Field(alias="json", description="Canonical form of JSON documents (rfc8785).")  # type: ignore[valid-type]
    xml: code_of(cl.CANONICALIZATIONS) | None = Field(default=None, description="Canonical form of XML documents (exc-c14n).")  # type: ignore[valid-type]


class Interop(Model):
    """Links to other ledgers."""

    bridges: list[NonEmpty] | None = Field(default=None, description="Bridges or relays to other networks.")
    anchorsTo: list[NonEmpty] | None = Field(default=None, description="Public ledgers this network anchors its state in.")


class TimeSource(Model):
    """Where the ledger's time comes from and how far it may drift."""

    ledgerClock: NonEmpty | None = Field(default=None, description="What sets block timestamps.")
    utcSync: NonEmpty | None = Field(default=None, description="How nodes synchronise with UTC (NTP, PTP).")
    tsa: Uri | None = Field(default=None, description="RFC 3161 time-stamping authority, if used.")
    maxSkewSeconds: int | None = Field(default=None, ge=0, description="Largest backwards step of ledger timestamps tolerated between records.")


class Encoding(Model):
    """Text encoding of the network's records."""

    charset: str = Field(pattern="^UTF-8$", description="Character encoding; UTF-8.")
    normalization: str | None = Field(default=None, pattern="^NFC$", description="Unicode normalisation form; NFC.")


class ApplicationNumberPattern(Model):
    """The form of one office's application numbers."""

    office: St3Code = Field(description="ST.3 code of the office.")
    pattern: str = Field(min_length=1, json_schema_extra={"format": "regex"},
                         description="Regular expression its application numbers match in full (WIPO ST.13 "
                                     "where the office follows it).")


class LegalStatusMapping(Model):
    """One row of an office's mapping table: a national or regional event and the standard event it maps to
    (WIPO ST.27 Annex IV model template; ST.61 and ST.87 follow the same model)."""

    office: St3Code = Field(description="ST.3 code of the office whose event it is.")
    standard: code_of(cl.LEGAL_STATUS_STANDARDS) = Field(description="Legal-status standard mapped to.")  # type: ignore[valid-type]
    nationalCode: NonEmpty = Field(max_length=64, description="The office's own event code.")
    keyEvent: str = Field(pattern=r"^[A-Z][0-9]{2}$", description="Key event code it maps to (X00 where no key event of category X fits).")
    detailedEvent: str | None = Field(default=None, pattern=r"^[0-9A-Za-z][0-9A-Za-z.-]{0,15}$", description="Detailed event code it maps to, where there is one.")
    title: NonEmpty | None = Field(default=None, description="The office's title of the national event.")


class NetworkProfile(Model):
    """A network profile: the high-level configuration a network declares so that others can interoperate with it."""

    standardVersion: Version
    profileId: Uri = Field(description="Identifier of this profile (a DID or URI).")
    name: NonEmpty = Field(description="Name of the network.")
    networkType: code_of(cl.NETWORK_TYPES) = Field(description="Who may take part.")  # type: ignore[valid-type]
    permissionModel: PermissionModel
    platform: Platform
    consensus: Consensus
    finality: Finality
    hashAlgorithms: list[code_of(cl.HASH_ALGORITHMS)] = Field(min_length=1, description="Hash algorithms approved on the network.")  # type: ignore[valid-type]
    signatureAlgorithms: list[code_of(cl.SIGNATURE_ALGORITHMS)] = Field(min_length=1, description="Signature algorithms approved on the network.")  # type: ignore[valid-type]
    signatureEnvelope: code_of(cl.SIGNATURE_ENVELOPES) | None = Field(default=None, description="How signatures are packaged.")  # type: ignore[valid-type]
    identity: Identity
    dataPlacement: code_of(cl.DATA_PLACEMENTS) = Field(description="Where IP data is kept relative to the ledger.")  # type: ignore[valid-type]
    offChainStore: NonEmpty | None = Field(default=None, description="Where off-chain data is kept (office database, IPFS...).")
    personalDataOnChain: bool | None = Field(default=None, description="Whether personal data in clear text may be written on chain.")
    canonicalization: Canonicalization
    smartContractPlatform: code_of(cl.SMART_CONTRACT_PLATFORMS) | None = Field(default=None, description="How the network runs smart contracts.")  # type: ignore[valid-type]
    interop: Interop | None = None
    timeSource: TimeSource | None = None
    encoding: Encoding | None = None
    recordTypes: list[code_of(cl.RECORD_TYPES)] | None = Field(default=None, description="Record types the network carries.")  # type: ignore[valid-type]
    legalStatusStandards: list[code_of(cl.LEGAL_STATUS_STANDARDS)] | None = Field(default=None, description="Legal-status standards the network's records use.")  # type: ignore[valid-type]
    legalStatusMappings: list[LegalStatusMapping] | None = Field(
        default=None, max_length=10000, description="Offices' mapping tables between their national or regional events and "
        "the legal-status standard's events (WIPO ST.27 Annex IV model template), one row per national event, so that "
        "every participant can check a record's event codes against them.")
    supportedVersions: list[str] | None = Field(default=None, description="Versions of this standard the network accepts.")
    applicationNumberPatterns: list[ApplicationNumberPattern] | None = Field(
        default=None, description="The form of each office's application numbers, so that every participant "
        "can check them.")
