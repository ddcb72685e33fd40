"""The core record: one IP ledger record, an envelope around an IP payload (this standard's proposal)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .. import codelists as cl
from .common import Did, Digest, Hex, Model, NonEmpty, St3Code, Uri, Version, code_of


class PriorityClaim(Model):
    """An earlier filing whose date the application claims (Paris Convention, Article 4)."""

    office: St3Code = Field(description="ST.3 code of the office of the earlier filing.")
    applicationNumber: NonEmpty = Field(description="Number of the earlier application.")
    date: dt.date = Field(description="Filing date of the earlier application (YYYY-MM-DD).")


class IpRight(Model):
    """The IP right a record is about, identified by office, kind and application number."""

    kind: code_of(cl.IP_RIGHT_KINDS) = Field(description="Kind of IP right.")  # type: ignore[valid-type]
    office: St3Code = Field(description="WIPO ST.3 code of the office that keeps the right's register.")
    applicationNumber: NonEmpty = Field(max_length=64, description="Application number as the office gives it (WIPO ST.13 where the office follows it).")
    filingDate: dt.date | None = Field(default=None, description="Legal filing date, a calendar date in the office's legal calendar (YYYY-MM-DD), never derived from a UTC timestamp.")
    registrationNumber: NonEmpty | None = Field(default=None, max_length=64, description="Registration or grant number, once there is one.")
    registrationDate: dt.date | None = Field(default=None, description="Date of registration or grant (YYYY-MM-DD).")
    publicationNumber: NonEmpty | None = Field(default=None, max_length=64, description="Publication number (WIPO ST.6), where published.")
    kindCode: str | None = Field(default=None, pattern=r"^[A-Z][0-9]?$", description="WIPO ST.16 kind code of the publication.")
    title: NonEmpty | None = Field(default=None, description="Title of the invention or design, or the mark's verbal element.")
    priorityClaims: list[PriorityClaim] | None = Field(default=None, description="Earlier filings whose priority is claimed.")


class LegalStatusEvent(Model):
    """A legal-status event expressed in the WIPO legal-status standard for the right's kind."""

    standard: code_of(cl.LEGAL_STATUS_STANDARDS) = Field(description="WIPO standard of the status event code: ST.27 for patents, ST.61 for trade marks, ST.87 for industrial designs.")  # type: ignore[valid-type]
    code: str = Field(pattern=r"^[A-Z][0-9]{2}$", description="Key event code of the standard: the category letter and two digits (e.g. A00; WIPO ST.96 KeyEventCodeType).")
    detailedCode: str | None = Field(default=None, pattern=r"^[0-9A-Za-z][0-9A-Za-z.-]{0,15}$", description="Detailed event code refining the key event, as the office's mapping table gives it (its form in ST.27 Annex I could not be verified here, so only a short code of letters, digits, dots and hyphens is required).")
    nationalCode: NonEmpty = Field(max_length=64, description="The office's own (national or regional) event code, mapped to the standard's code by the office's published mapping table.")
    date: dt.date = Field(description="Date on which the event took legal effect (YYYY-MM-DD).")
    description: NonEmpty | None = Field(default=None, description="Free text describing the event.")


class Party(Model):
    """A party to the record, referenced by a stable identifier rather than by name."""

    role: code_of(cl.PARTY_ROLES) = Field(description="Part the party plays.")  # type: ignore[valid-type]
    id: NonEmpty = Field(description="Stable identifier of the party: a DID or the office's party identifier.")
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$", description="ST.3 code of the party's country of residence or nationality.")
    name: NonEmpty | None = Field(default=None, description="Name of the party. Personal data: keep it off permissionless ledgers.")


class Document(Model):
    """A document the record refers to, bound to it by its digest."""

    uri: Uri = Field(description="Where the document can be fetched.")
    mediaType: str = Field(pattern=r"^[a-z]+/[0-9A-Za-z.+-]+$", description="IANA media type of the document.")
    digest: Digest = Field(description="Digest of the document's exact bytes.")
    title: NonEmpty | None = Field(default=None, description="Title of the document.")


class LedgerPosition(Model):
    """Where the record sits on its ledger; filled by the reader of the ledger, not by the writer."""

    platform: code_of(cl.LEDGER_PLATFORMS) = Field(description="Ledger platform.")  # type: ignore[valid-type]
    network: NonEmpty = Field(description="Network, chain id or MultiChain chain name.")
    channel: NonEmpty | None = Field(default=None, description="Hyperledger Fabric channel, or MultiChain stream.")
    transactionId: NonEmpty = Field(description="Identifier of the transaction that wrote the record.")
    blockNumber: int = Field(ge=0, description="Number (height) of the block that holds the transaction.")
    blockHash: Hex | None = Field(default=None, description="Hash of that block, where the platform has one.")
    logIndex: int | None = Field(default=None, ge=0, description="Index of the event log entry within the block (EVM anchors).")
    timestamp: dt.datetime = Field(json_schema_extra={"format": "date-time"}, description="Time of the block, RFC 3339 with an explicit offset (preferably Z).")


class Proof(Model):
    """A signature over the record's canonical form (RFC 8785) without its ``ledger`` and ``proof`` members."""

    type: NonEmpty = Field(description="Proof type, for example JsonWebSignature2020 or DataIntegrityProof.")
    verificationMethod: str = Field(pattern=r"^did:[a-z0-9]+:[^#\s]+#\S+$", description="DID URL of the key that made the signature.")
    created: dt.datetime = Field(description="When the signature was made, RFC 3339 with an explicit offset.")
    proofPurpose: NonEmpty | None = Field(default=None, description="Why the proof was made; assertionMethod for records.")
    cryptosuite: NonEmpty | None = Field(default=None, description="Data Integrity cryptosuite, e.g. eddsa-jcs-2022.")
    jws: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+$", description="Detached JWS (RFC 7515, appendix F): header..signature.")
    proofValue: NonEmpty | None = Field(default=None, description="Multibase-encoded signature (Data Integrity).")


class Record(Model):
    """One IP ledger record: an envelope (ledger position, hashes, proof) around an IP payload."""

    standardVersion: Version
    recordId: Uri = Field(description="Globally unique, never reused identifier of the record, preferably a urn:uuid.")
    recordType: code_of(cl.RECORD_TYPES) = Field(description="What the record says happened to the right.")  # type: ignore[valid-type]
    ipRight: IpRight = Field(description="The IP right the record is about.")
    event: LegalStatusEvent | None = Field(default=None, description="The legal-status event; required when recordType is legal-status-event.")
    parties: list[Party] | None = Field(default=None, description="Parties to the record.")
    documents: list[Document] | None = Field(default=None, description="Documents the record refers to.")
    previousRecordHash: Digest | None = Field(default=None, description="Digest of the RFC 8785 canonical form of the previous record of the same IP right, without its ledger and proof members; absent on the first record of a right.")
    ledger: LedgerPosition | None = Field(default=None, description="Where the record sits on its ledger.")
    proof: Proof | None = Field(default=None, description="Signature of the office or party that wrote the record.")
    issuer: Did | None = Field(default=None, description="DID of the organisation that wrote the record, normally the office.")


RECORD_SCHEMA_EXTRA = {
    "allOf": [{
        "if": {"properties": {"recordType": {"const": "legal-status-event"}}, "required": ["recordType"]},
        "then": {"required": ["event"]},
    }]
}
