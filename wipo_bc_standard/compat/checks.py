"""The comparisons ``compat`` makes, one function each, registered in :data:`CHECKS` (the order of the verdict)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import codelists
from ..findings import Level
from .network import Network
from .verdict import Issue

#: The legal-status standards among the WIPO IP data standards (ST.27 patents, ST.61 marks, ST.87 designs).
_LEGAL_STATUS = frozenset(codelists.LEGAL_STATUS_STANDARDS.values)
#: The WIPO payload formats (ST.96 XML, ST.97 JSON).
_PAYLOAD_FORMATS = frozenset({"ST.96", "ST.97"})
#: Hash algorithms the standard forbids (the hash-algorithms code list's ``status: forbidden``).
_FORBIDDEN_HASHES = frozenset(c.value for c in codelists.HASH_ALGORITHMS.codes if c.fact("status") == "forbidden")


# --- one side, as the checks see it ---------------------------------------------------------------

def _get(doc: Mapping[str, Any] | None, *keys: str) -> Any:
    """``doc[k1][k2]...`` or None; tolerant of any shape, since invalid inputs are compared too."""
    for key in keys:
        if not isinstance(doc, Mapping):
            return None
        doc = doc.get(key)
    return doc


def _strings(value: Any) -> set[str] | None:
    """The strings of a declared list; None when the list is not declared (or not a list)."""
    if not isinstance(value, list):
        return None
    return {v for v in value if isinstance(v, str)}


class Side:
    """What one network accepts, read defensively from its profile and governance."""

    def __init__(self, network: Network) -> None:
        self.profile = network.profile
        self.governance = network.governance

    def accepted(self, profile_key: str, *governance_keys: str) -> set[str]:
        """Values on both the profile's and the governance's list (the profile's alone if none is on both)."""
        on_profile = _strings(self.profile.get(profile_key)) or set()
        on_governance = _strings(_get(self.governance, *governance_keys))
        both = on_profile & on_governance if on_governance is not None else on_profile
        return both or on_profile

    @property
    def versions(self) -> set[str]:
        declared = _strings(self.profile.get("supportedVersions"))
        if declared:
            return declared
        own = self.profile.get("standardVersion")
        return {own} if isinstance(own, str) else set()

    @property
    def writes_personal_data(self) -> bool:
        return (self.profile.get("personalDataOnChain") is True
                or _get(self.governance, "dataGovernance", "personalDataOnChain") is True)

    def refuses_personal_data(self) -> str | None:
        """Why this network may not hold clear-text personal data on chain, or None."""
        if self.profile.get("networkType") == "public":
            return "it is a public network"
        if _get(self.profile, "permissionModel", "read") == "permissionless":
            return "anyone may read its ledger (read: permissionless)"
        if _get(self.governance, "transparency", "publicRead") is True:
            return "its governance makes the ledger publicly readable"
        if self.profile.get("personalDataOnChain") is False:
            return "its profile says personalDataOnChain: false"
        if _get(self.governance, "dataGovernance", "personalDataOnChain") is False:
            return "its governance says personalDataOnChain: false"
        return None


def _sorted(values: Iterable[str] | None) -> list[str] | None:
    return None if values is None else sorted(values)


# --- the checks ------------------------------------------------------------------------------------

CompareFn = Callable[[Side, Side], Iterator[Issue]]


@dataclass(frozen=True, slots=True)
class CompatCheck:
    """A comparison ``compat`` makes; the docs' compat page is rendered from :data:`CHECKS`."""

    id: str
    title: str
    description: str
    run: CompareFn = field(repr=False)


#: Every comparison, by id, in the order the verdict lists them.
CHECKS: dict[str, CompatCheck] = {}


def _check(id: str, title: str, description: str) -> Callable[[CompareFn], CompareFn]:
    def register(run: CompareFn) -> CompareFn:
        CHECKS[id] = CompatCheck(id, title, description, run)
        return run
    return register


# COMPAT-INPUT is produced by compare() itself; it is listed here so that it is documented.
CHECKS["COMPAT-INPUT"] = CompatCheck(
    "COMPAT-INPUT", "Valid inputs",
    "Each profile and governance declaration must itself be valid (schema and MUST rules, the governance "
    "checked against its own profile); each error is a blocker.", lambda a, b: iter(()))


@_check("COMPAT-GOVERNANCE", "Governance given",
        "A side given without a governance declaration is compared on its profile alone (a note).")
def _governance(a: Side, b: Side) -> Iterator[Issue]:
    if a.governance is None or b.governance is None:
        yield Issue("COMPAT-GOVERNANCE", Level.INFO,
                    "a governance declaration is missing: that side is compared on its profile alone",
                    a.governance is not None, b.governance is not None)


@_check("COMPAT-PAIRING", "Governance of the same network",
        "A side's governance declaration names another network (network.id) than its profile (profileId): "
        "the comparison may rest on the wrong declaration (a warning).")
def _pairing(a: Side, b: Side) -> Iterator[Issue]:
    for name, side in (("A", a), ("B", b)):
        profile_id, governed = side.profile.get("profileId"), _get(side.governance, "network", "id")
        if isinstance(profile_id, str) and isinstance(governed, str) and profile_id != governed:
            a_value, b_value = (governed, None) if name == "A" else (None, governed)
            yield Issue("COMPAT-PAIRING", Level.WARNING,
                        f"{name}'s governance declaration is for network {governed}, its profile is {profile_id}",
                        a_value, b_value, one_sided=True)


@_check("COMPAT-SAME", "Two different networks",
        "Warns when both sides carry the same profileId: a network compared with itself proves nothing.")
def _same(a: Side, b: Side) -> Iterator[Issue]:
    ida, idb = a.profile.get("profileId"), b.profile.get("profileId")
    if isinstance(ida, str) and ida == idb:
        yield Issue("COMPAT-SAME", Level.WARNING, "both sides are the same network (same profileId)", ida, idb)


@_check("COMPAT-VERSION", "Standard versions",
        "The versions of this standard each side accepts (supportedVersions, else standardVersion) must "
        "overlap; a side that writes a version the other does not accept is a warning.")
def _version(a: Side, b: Side) -> Iterator[Issue]:
    va, vb = a.versions, b.versions
    if not va & vb:
        yield Issue("COMPAT-VERSION", Level.ERROR, "no version of the standard in common", _sorted(va), _sorted(vb))
        return
    for name, writer, reader in (("A", a, b), ("B", b, a)):
        own = writer.profile.get("standardVersion")
        if isinstance(own, str) and own not in reader.versions:
            yield Issue("COMPAT-VERSION", Level.WARNING,
                        f"network {name} writes version {own}, which the other side does not list as supported",
                        _sorted(va), _sorted(vb))


def _overlap(id: str, what: str, va: set[str] | None, vb: set[str] | None, *, unknown: str = "",
             partial: Level = Level.WARNING) -> Iterator[Issue]:
    """Blocker when nothing is in common; ``partial`` when only part is."""
    if va is None or vb is None:
        if unknown:
            yield Issue(id, Level.INFO, unknown, _sorted(va), _sorted(vb))
        return
    common = va & vb
    if not common:
        yield Issue(id, Level.ERROR, f"no {what} in common", _sorted(va), _sorted(vb))
    elif va != vb:
        yield Issue(id, partial,
                    f"only part of the {what} are in common: exchanged records must use "
                    f"{', '.join(sorted(common))}", _sorted(va), _sorted(vb))


@_check("COMPAT-HASH", "Hash algorithms",
        "The approved hash algorithms (profile hashAlgorithms and governance cryptoPolicy.hashAlgs) must share "
        "one that is not forbidden (MD5, SHA-1); a partial overlap is a note naming the ones to use.")
def _hash(a: Side, b: Side) -> Iterator[Issue]:
    va = a.accepted("hashAlgorithms", "cryptoPolicy", "hashAlgs")
    vb = b.accepted("hashAlgorithms", "cryptoPolicy", "hashAlgs")
    if va & vb and not (va & vb) - _FORBIDDEN_HASHES:
        yield Issue("COMPAT-HASH", Level.ERROR, "the only hash algorithms in common are forbidden (MD5, SHA-1)",
                    sorted(va), sorted(vb))
        return
    yield from _overlap("COMPAT-HASH", "hash algorithms", va, vb, partial=Level.INFO)


@_check("COMPAT-SIG", "Signature algorithms",
        "The approved signature algorithms (profile signatureAlgorithms and governance cryptoPolicy.sigAlgs) "
        "must overlap, or neither side can verify the other's records; a partial overlap is a note.")
def _signature(a: Side, b: Side) -> Iterator[Issue]:
    yield from _overlap("COMPAT-SIG", "signature algorithms",
                        a.accepted("signatureAlgorithms", "cryptoPolicy", "sigAlgs"),
                        b.accepted("signatureAlgorithms", "cryptoPolicy", "sigAlgs"), partial=Level.INFO)


@_check("COMPAT-ENVELOPE", "Signature envelopes",
        "Different signature envelopes (JWS, JAdES, XAdES, Data Integrity) need a verifier for each: a warning.")
def _envelope(a: Side, b: Side) -> Iterator[Issue]:
    ea, eb = a.profile.get("signatureEnvelope"), b.profile.get("signatureEnvelope")
    if isinstance(ea, str) and isinstance(eb, str) and ea != eb:
        yield Issue("COMPAT-ENVELOPE", Level.WARNING,
                    "the signature envelopes differ: each side needs a verifier for the other's", ea, eb)


@_check("COMPAT-CANON", "Canonicalisation",
        "Hashes and signatures are computed over a canonical form: JSON must be canonicalised the same way on "
        "both sides (rfc8785); XML too where both declare it. XML declared on one side only is a warning.")
def _canonical(a: Side, b: Side) -> Iterator[Issue]:
    ja, jb = _get(a.profile, "canonicalization", "json"), _get(b.profile, "canonicalization", "json")
    if ja != jb:
        yield Issue("COMPAT-CANON", Level.ERROR,
                    "JSON is canonicalised differently: digests and signatures will not match", ja, jb)
    xa, xb = _get(a.profile, "canonicalization", "xml"), _get(b.profile, "canonicalization", "xml")
    if xa is not None and xb is not None and xa != xb:
        yield Issue("COMPAT-CANON", Level.ERROR, "XML is canonicalised differently", xa, xb)
    elif (xa is None) != (xb is None):
        yield Issue("COMPAT-CANON", Level.WARNING,
                    "only one side declares an XML canonical form: exchange records as JSON", xa, xb)


@_check("COMPAT-DID", "DID methods",
        "The DID methods each side resolves (identity.didMethods) must overlap, unless both accept X.509 "
        "certificates (then a warning); a partial overlap is a note.")
def _did(a: Side, b: Side) -> Iterator[Issue]:
    va = _strings(_get(a.profile, "identity", "didMethods")) or set()
    vb = _strings(_get(b.profile, "identity", "didMethods")) or set()
    if not va & vb and _get(a.profile, "identity", "x509") is True and _get(b.profile, "identity", "x509") is True:
        yield Issue("COMPAT-DID", Level.WARNING,
                    "no DID method in common; participants can be identified only by X.509 certificates",
                    sorted(va), sorted(vb))
        return
    yield from _overlap("COMPAT-DID", "DID methods", va, vb, partial=Level.INFO)


@_check("COMPAT-TRUST", "Trust registries",
        "Two different trust registries: each network's issuers must be registered in the other's (a note).")
def _trust(a: Side, b: Side) -> Iterator[Issue]:
    ta, tb = _get(a.profile, "identity", "trustRegistryUri"), _get(b.profile, "identity", "trustRegistryUri")
    if isinstance(ta, str) and isinstance(tb, str) and ta != tb:
        yield Issue("COMPAT-TRUST", Level.INFO,
                    "different trust registries: register each network's issuers in the other's", ta, tb)


@_check("COMPAT-PERSONAL-DATA", "Personal data",
        "A network that writes clear-text personal data on chain (personalDataOnChain: true in its profile or "
        "governance) cannot pass its records to a network that is public, publicly readable, or declares "
        "personalDataOnChain: false (EDPB Guidelines 02/2025).")
def _personal_data(a: Side, b: Side) -> Iterator[Issue]:
    for name, other, writer, reader in (("A", "B", a, b), ("B", "A", b, a)):
        if not writer.writes_personal_data:
            continue
        reason = reader.refuses_personal_data()
        if reason:
            values = (_pd_values(writer), _pd_values(reader))
            yield Issue("COMPAT-PERSONAL-DATA", Level.ERROR,
                        f"from {name} to {other}: {name} writes clear-text personal data on chain, but {other} may "
                        f"not hold it: {reason}; send digests or pseudonymous identifiers instead",
                        *(values if name == "A" else values[::-1]))


def _pd_values(side: Side) -> dict[str, Any]:
    return {"networkType": side.profile.get("networkType"),
            "read": _get(side.profile, "permissionModel", "read"),
            "personalDataOnChain": side.profile.get("personalDataOnChain"),
            "governance.personalDataOnChain": _get(side.governance, "dataGovernance", "personalDataOnChain")}


@_check("COMPAT-ERASURE", "Erasure of personal data",
        "When one side writes personal data on chain and the other may hold it but declares no erasure "
        "mechanism, data subjects lose their right to erasure on the receiving side: a warning.")
def _erasure(a: Side, b: Side) -> Iterator[Issue]:
    for name, other, writer, reader in (("A", "B", a, b), ("B", "A", b, a)):
        erasure = _get(reader.governance, "dataGovernance", "erasureMechanism")
        if writer.writes_personal_data and reader.refuses_personal_data() is None and erasure == "none":
            ea = _get(a.governance, "dataGovernance", "erasureMechanism")
            eb = _get(b.governance, "dataGovernance", "erasureMechanism")
            yield Issue("COMPAT-ERASURE", Level.WARNING,
                        f"from {name} to {other}: personal data from {name} could not be erased on {other}", ea, eb)


@_check("COMPAT-PLACEMENT", "Data placement",
        "When one side keeps records off chain behind digests and the other writes them on chain, the receiving "
        "side needs an off-chain store for full records (a note).")
def _placement(a: Side, b: Side) -> Iterator[Issue]:
    pa, pb = a.profile.get("dataPlacement"), b.profile.get("dataPlacement")
    if isinstance(pa, str) and isinstance(pb, str) and pa != pb and "hash-anchored-off-chain" in (pa, pb):
        yield Issue("COMPAT-PLACEMENT", Level.INFO,
                    "data placements differ: records crossing to the hash-anchored side are kept off chain there, "
                    "with only their digests on its ledger", pa, pb)


@_check("COMPAT-RECORD-TYPES", "Record types",
        "The record types each side carries (recordTypes) must overlap; a partial overlap is a warning; "
        "a side that declares none is a note.")
def _record_types(a: Side, b: Side) -> Iterator[Issue]:
    yield from _overlap("COMPAT-RECORD-TYPES", "record types",
                        _strings(a.profile.get("recordTypes")), _strings(b.profile.get("recordTypes")),
                        unknown="record types are not declared on both sides: their overlap is not known")


def _legal_status(side: Side) -> set[str] | None:
    declared = _strings(side.profile.get("legalStatusStandards"))
    if declared is not None:
        return declared
    standards = _strings(_get(side.governance, "interoperability", "ipDataStandards"))
    return None if standards is None else standards & _LEGAL_STATUS


@_check("COMPAT-LEGAL-STATUS", "Legal-status standards",
        "When both sides carry legal-status events, the legal-status standards they use (ST.27, ST.61, ST.87; "
        "profile legalStatusStandards, else the governance's ipDataStandards) must overlap.")
def _legal_status_check(a: Side, b: Side) -> Iterator[Issue]:
    for side in (a, b):
        types = _strings(side.profile.get("recordTypes"))
        if types is not None and "legal-status-event" not in types:
            return  # one side carries no legal-status events: nothing to exchange here
    la, lb = _legal_status(a), _legal_status(b)
    if la is None or lb is None:
        return
    yield from _overlap("COMPAT-LEGAL-STATUS", "legal-status standards", la, lb)


@_check("COMPAT-PAYLOAD", "Payload formats",
        "Governance ipDataStandards with no WIPO payload format in common (ST.96 XML, ST.97 JSON) "
        "mean payloads must be converted: a warning.")
def _payload(a: Side, b: Side) -> Iterator[Issue]:
    sa = _strings(_get(a.governance, "interoperability", "ipDataStandards"))
    sb = _strings(_get(b.governance, "interoperability", "ipDataStandards"))
    if sa is None or sb is None:
        return
    fa, fb = sa & _PAYLOAD_FORMATS, sb & _PAYLOAD_FORMATS
    if fa and fb and not fa & fb:
        yield Issue("COMPAT-PAYLOAD", Level.WARNING,
                    "no WIPO payload format in common: payloads must be converted between ST.96 and ST.97",
                    sorted(fa), sorted(fb))


@_check("COMPAT-FINALITY", "Finality",
        "A record from a network with probabilistic finality counts as evidence on the other side only after "
        "the declared confirmations: a warning, with the depth to wait for.")
def _finality(a: Side, b: Side) -> Iterator[Issue]:
    fa, fb = _get(a.profile, "finality"), _get(b.profile, "finality")
    for name, finality in (("A", fa), ("B", fb)):
        if _get(finality, "type") != "probabilistic":
            continue
        depth = _get(finality, "confirmations")
        seconds = _get(finality, "seconds")
        wait = (f"{depth} confirmations" if depth is not None else "") + (
            f"{' or ' if depth is not None else ''}{seconds} s" if seconds is not None else "")
        message = (f"{name} has probabilistic finality: accept its records only after {wait}" if wait
                   else f"{name} has probabilistic finality and declares no confirmation depth")
        yield Issue("COMPAT-FINALITY", Level.WARNING, message, fa, fb)


@_check("COMPAT-TIME", "Time skew",
        "Differing timeSource.maxSkewSeconds: a record accepted on the more tolerant side can be refused on the "
        "other (a warning); undeclared on one side is a note.")
def _time(a: Side, b: Side) -> Iterator[Issue]:
    sa, sb = _get(a.profile, "timeSource", "maxSkewSeconds"), _get(b.profile, "timeSource", "maxSkewSeconds")
    if isinstance(sa, int) and isinstance(sb, int):
        if sa != sb:
            yield Issue("COMPAT-TIME", Level.WARNING,
                        f"tolerated clock skew differs: records with a skew between {min(sa, sb)} and {max(sa, sb)} s "
                        f"pass on one side only", sa, sb)
    elif (sa is None) != (sb is None):
        yield Issue("COMPAT-TIME", Level.INFO, "only one side declares its tolerated clock skew", sa, sb)


@_check("COMPAT-ENCODING", "Text normalisation",
        "One side requires Unicode NFC and the other does not say: text hashed on one side may not "
        "be normalised on the other (a warning).")
def _encoding(a: Side, b: Side) -> Iterator[Issue]:
    na, nb = _get(a.profile, "encoding", "normalization"), _get(b.profile, "encoding", "normalization")
    if na != nb:
        yield Issue("COMPAT-ENCODING", Level.WARNING,
                    "Unicode normalisation is not declared alike: normalise text to NFC before hashing", na, nb)


@_check("COMPAT-USE-CASES", "Use cases",
        "Governance declarations whose useCases do not overlap: the networks serve different purposes (a note).")
def _use_cases(a: Side, b: Side) -> Iterator[Issue]:
    ua, ub = _strings(_get(a.governance, "useCases")), _strings(_get(b.governance, "useCases"))
    if ua and ub and not ua & ub:
        yield Issue("COMPAT-USE-CASES", Level.INFO, "no use case in common", sorted(ua), sorted(ub))


@_check("COMPAT-DISPUTE", "Dispute resolution",
        "Both go to court under different laws: a dispute about exchanged records has no common forum; "
        "consider arbitration or mediation (a note).")
def _dispute(a: Side, b: Side) -> Iterator[Issue]:
    ma, mb = _get(a.governance, "disputeResolution", "mechanism"), _get(b.governance, "disputeResolution", "mechanism")
    la, lb = _get(a.governance, "jurisdiction", "applicableLaw"), _get(b.governance, "jurisdiction", "applicableLaw")
    if ma == mb == "court" and isinstance(la, str) and isinstance(lb, str) and la != lb:
        yield Issue("COMPAT-DISPUTE", Level.INFO,
                    "both settle disputes in court under different laws: agree on a forum for exchanged records",
                    la, lb)
