"""Can two networks exchange records? The checks behind ``wipo-bc compat``.

A network is its profile (``profile.json``, required) and its governance declaration
(``governance.json``, optional but recommended). :func:`compare` returns a :class:`Verdict`: every
*blocker* (records cannot move between the networks until it is resolved), *warning* (they can,
with a limitation the message names) and *note* (worth knowing, nothing to fix). Each issue carries
a stable id (``COMPAT-HASH``...), a message and both sides' values.

Comparisons read what each network accepts: where the profile and the governance declaration both
list algorithms, the network accepts those on both lists (the governance may approve fewer than the
platform supports; when the two lists share nothing, the profile's list is taken). Every check is
symmetric unless its message says "from A to B".

```python
from wipo_bc_standard.compat import compare

verdict = compare("examples/networks/euipo-multichain", "examples/networks/ebsi-besu")
verdict.compatible                      # True
[i.id for i in verdict.warnings]        # ['COMPAT-ENVELOPE', 'COMPAT-CANON', ...]
```
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

from . import jsontext, safe_io
from .findings import Level
from .limits import LIMITS
from .report import EXIT_CONFORMANT, EXIT_NOT_CONFORMANT
from .targets import detect

PROFILE_FILE = "profile.json"
GOVERNANCE_FILE = "governance.json"
#: The legal-status standards among the WIPO IP data standards (ST.27 patents, ST.61 marks, ST.87 designs).
_LEGAL_STATUS = frozenset({"ST.27", "ST.61", "ST.87"})
#: The WIPO payload formats (ST.96 XML, ST.97 JSON).
_PAYLOAD_FORMATS = frozenset({"ST.96", "ST.97"})
_FORBIDDEN_HASHES = frozenset({"md5", "sha-1"})

#: How each level is named in a verdict.
LEVEL_NAMES = {Level.ERROR: "blocker", Level.WARNING: "warning", Level.INFO: "note"}


class NetworkError(Exception):
    """A network's files cannot be read (missing, unreadable, not JSON): the comparison cannot run."""


@dataclass(frozen=True, slots=True)
class Network:
    """One side of a comparison: a profile and, when given, its governance declaration."""

    profile: Mapping[str, Any]
    governance: Mapping[str, Any] | None = None
    #: Where it was read from (a folder or a file), for reports.
    source: str = ""

    @property
    def name(self) -> str:
        name = self.profile.get("name")
        return name if isinstance(name, str) and name else self.source or "unnamed network"


NetworkLike = Union[Network, str, "os.PathLike[str]"]


def load_network(path: str | os.PathLike[str]) -> Network:
    """Read a network from a folder (``profile.json`` + optional ``governance.json``) or a profile file.

    Raises :class:`NetworkError` when the input cannot be read as JSON objects.
    """
    where = Path(path)
    if where.is_dir():
        profile_path, governance_path = where / PROFILE_FILE, where / GOVERNANCE_FILE
        if not profile_path.is_file():
            raise NetworkError(f"{where}: no {PROFILE_FILE} in this folder")
        governance = _read_object(governance_path) if governance_path.is_file() else None
        return Network(_read_object(profile_path), governance, str(where))
    if where.is_file() or os.path.exists(where):  # anything else than a regular file is refused there
        doc = _read_object(where)
        if detect(doc) == "governance":
            raise NetworkError(f"{where}: a governance declaration alone is not a network; "
                               f"give the folder holding {PROFILE_FILE} and {GOVERNANCE_FILE}, or a profile")
        return Network(doc, None, str(where))
    raise NetworkError(f"{where}: no such file or folder")


def _read_object(path: Path) -> dict[str, Any]:
    try:
        data = safe_io.read_regular(path, LIMITS.item_bytes)
    except OSError as exc:
        raise NetworkError(f"{path}: {safe_io.reason(exc)}") from None
    except safe_io.NotReadable as exc:
        raise NetworkError(str(exc)) from None
    doc = jsontext.parse(data)
    if isinstance(doc, jsontext.ParseError):
        raise NetworkError(f"{path}: not acceptable JSON: {doc.message()}")
    if not isinstance(doc, dict):
        raise NetworkError(f"{path}: not a JSON object")
    return doc


@dataclass(frozen=True, slots=True)
class Issue:
    """One thing that blocks or limits the exchange of records between the two networks."""

    id: str
    level: Level
    message: str
    #: Network A's and network B's values for what was compared (None: not declared).
    a: Any = None
    b: Any = None
    #: The issue is about one side only (its input): the other side's value means nothing.
    one_sided: bool = field(default=False, compare=False)

    @property
    def kind(self) -> str:
        """``blocker``, ``warning`` or ``note``."""
        return LEVEL_NAMES[self.level]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "level": self.kind, "message": self.message, "a": self.a, "b": self.b}


@dataclass(slots=True)
class Verdict:
    """The outcome of :func:`compare`: compatible unless some issue is a blocker."""

    a: Network
    b: Network
    issues: list[Issue] = field(default_factory=list)

    @property
    def blockers(self) -> list[Issue]:
        return [i for i in self.issues if i.level is Level.ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.level is Level.WARNING]

    @property
    def notes(self) -> list[Issue]:
        return [i for i in self.issues if i.level is Level.INFO]

    @property
    def compatible(self) -> bool:
        return not self.blockers

    @property
    def exit_code(self) -> int:
        """0 when the networks can interoperate, 1 when something blocks."""
        return EXIT_CONFORMANT if self.compatible else EXIT_NOT_CONFORMANT

    def to_dict(self) -> dict[str, Any]:
        from .renderers.json_report import header
        return {**header(),
                "a": {"name": self.a.name, "source": self.a.source, "governance": self.a.governance is not None},
                "b": {"name": self.b.name, "source": self.b.source, "governance": self.b.governance is not None},
                "compatible": self.compatible,
                "summary": {"blockers": len(self.blockers), "warnings": len(self.warnings), "notes": len(self.notes)},
                "issues": [i.to_dict() for i in self.issues]}

    def to_text(self) -> str:
        """The verdict for people: a headline, then each issue with both sides' values."""
        lines = [f"A: {self.a.name} ({self.a.source or 'given'})", f"B: {self.b.name} ({self.b.source or 'given'})"]
        for issue in self.issues:
            lines.append(f"{issue.kind.upper():8} {issue.id}: {issue.message}")
            for side, value in (("A", issue.a), ("B", issue.b)):
                if value is not None or not issue.one_sided:
                    lines.append(f"         {side}: {_show(value)}")
        counts = ", ".join(_count(len(group), name) for group, name in
                           ((self.blockers, "blocker"), (self.warnings, "warning"), (self.notes, "note")))
        lines.append(("compatible: the networks can exchange records" if self.compatible
                      else "NOT compatible: resolve the blockers first") + f" ({counts})")
        # Names and values come from the profiles: each line is made printable (no forged lines).
        return "\n".join(safe_io.printable(line) for line in lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _show(value: Any) -> str:
    if value is None:
        return "(not declared)"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if value else "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {_show(v)}" for k, v in value.items())
    return str(value)


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


class _Side:
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

CheckFn = Callable[[_Side, _Side], Iterator[Issue]]


@dataclass(frozen=True, slots=True)
class CompatCheck:
    """A comparison ``compat`` makes; the docs' compat page is rendered from :data:`CHECKS`."""

    id: str
    title: str
    description: str
    run: CheckFn = field(repr=False)


#: Every comparison, by id, in the order the verdict lists them.
CHECKS: dict[str, CompatCheck] = {}


def _check(id: str, title: str, description: str) -> Callable[[CheckFn], CheckFn]:
    def register(run: CheckFn) -> CheckFn:
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
def _governance(a: _Side, b: _Side) -> Iterator[Issue]:
    if a.governance is None or b.governance is None:
        yield Issue("COMPAT-GOVERNANCE", Level.INFO,
                    "a governance declaration is missing: that side is compared on its profile alone",
                    a.governance is not None, b.governance is not None)


@_check("COMPAT-PAIRING", "Governance of the same network",
        "A side's governance declaration names another network (network.id) than its profile (profileId): "
        "the comparison may rest on the wrong declaration (a warning).")
def _pairing(a: _Side, b: _Side) -> Iterator[Issue]:
    for name, side in (("A", a), ("B", b)):
        profile_id, governed = side.profile.get("profileId"), _get(side.governance, "network", "id")
        if isinstance(profile_id, str) and isinstance(governed, str) and profile_id != governed:
            a_value, b_value = (governed, None) if name == "A" else (None, governed)
            yield Issue("COMPAT-PAIRING", Level.WARNING,
                        f"{name}'s governance declaration is for network {governed}, its profile is {profile_id}",
                        a_value, b_value, one_sided=True)


@_check("COMPAT-SAME", "Two different networks",
        "Warns when both sides carry the same profileId: a network compared with itself proves nothing.")
def _same(a: _Side, b: _Side) -> Iterator[Issue]:
    ida, idb = a.profile.get("profileId"), b.profile.get("profileId")
    if isinstance(ida, str) and ida == idb:
        yield Issue("COMPAT-SAME", Level.WARNING, "both sides are the same network (same profileId)", ida, idb)


@_check("COMPAT-VERSION", "Standard versions",
        "The versions of this standard each side accepts (supportedVersions, else standardVersion) must "
        "overlap; a side that writes a version the other does not accept is a warning.")
def _version(a: _Side, b: _Side) -> Iterator[Issue]:
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
def _hash(a: _Side, b: _Side) -> Iterator[Issue]:
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
def _signature(a: _Side, b: _Side) -> Iterator[Issue]:
    yield from _overlap("COMPAT-SIG", "signature algorithms",
                        a.accepted("signatureAlgorithms", "cryptoPolicy", "sigAlgs"),
                        b.accepted("signatureAlgorithms", "cryptoPolicy", "sigAlgs"), partial=Level.INFO)


@_check("COMPAT-ENVELOPE", "Signature envelopes",
        "Different signature envelopes (JWS, JAdES, XAdES, Data Integrity) need a verifier for each: a warning.")
def _envelope(a: _Side, b: _Side) -> Iterator[Issue]:
    ea, eb = a.profile.get("signatureEnvelope"), b.profile.get("signatureEnvelope")
    if isinstance(ea, str) and isinstance(eb, str) and ea != eb:
        yield Issue("COMPAT-ENVELOPE", Level.WARNING,
                    "the signature envelopes differ: each side needs a verifier for the other's", ea, eb)


@_check("COMPAT-CANON", "Canonicalisation",
        "Hashes and signatures are computed over a canonical form: JSON must be canonicalised the same way on "
        "both sides (rfc8785); XML too where both declare it. XML declared on one side only is a warning.")
def _canonical(a: _Side, b: _Side) -> Iterator[Issue]:
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
def _did(a: _Side, b: _Side) -> Iterator[Issue]:
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
def _trust(a: _Side, b: _Side) -> Iterator[Issue]:
    ta, tb = _get(a.profile, "identity", "trustRegistryUri"), _get(b.profile, "identity", "trustRegistryUri")
    if isinstance(ta, str) and isinstance(tb, str) and ta != tb:
        yield Issue("COMPAT-TRUST", Level.INFO,
                    "different trust registries: register each network's issuers in the other's", ta, tb)


@_check("COMPAT-PERSONAL-DATA", "Personal data",
        "A network that writes clear-text personal data on chain (personalDataOnChain: true in its profile or "
        "governance) cannot pass its records to a network that is public, publicly readable, or declares "
        "personalDataOnChain: false (EDPB Guidelines 02/2025).")
def _personal_data(a: _Side, b: _Side) -> Iterator[Issue]:
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


def _pd_values(side: _Side) -> dict[str, Any]:
    return {"networkType": side.profile.get("networkType"),
            "read": _get(side.profile, "permissionModel", "read"),
            "personalDataOnChain": side.profile.get("personalDataOnChain"),
            "governance.personalDataOnChain": _get(side.governance, "dataGovernance", "personalDataOnChain")}


@_check("COMPAT-ERASURE", "Erasure of personal data",
        "When one side writes personal data on chain and the other may hold it but declares no erasure "
        "mechanism, data subjects lose their right to erasure on the receiving side: a warning.")
def _erasure(a: _Side, b: _Side) -> Iterator[Issue]:
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
def _placement(a: _Side, b: _Side) -> Iterator[Issue]:
    pa, pb = a.profile.get("dataPlacement"), b.profile.get("dataPlacement")
    if isinstance(pa, str) and isinstance(pb, str) and pa != pb and "hash-anchored-off-chain" in (pa, pb):
        yield Issue("COMPAT-PLACEMENT", Level.INFO,
                    "data placements differ: records crossing to the hash-anchored side are kept off chain there, "
                    "with only their digests on its ledger", pa, pb)


@_check("COMPAT-RECORD-TYPES", "Record types",
        "The record types each side carries (recordTypes) must overlap; a partial overlap is a warning; "
        "a side that declares none is a note.")
def _record_types(a: _Side, b: _Side) -> Iterator[Issue]:
    yield from _overlap("COMPAT-RECORD-TYPES", "record types",
                        _strings(a.profile.get("recordTypes")), _strings(b.profile.get("recordTypes")),
                        unknown="record types are not declared on both sides: their overlap is not known")


def _legal_status(side: _Side) -> set[str] | None:
    declared = _strings(side.profile.get("legalStatusStandards"))
    if declared is not None:
        return declared
    standards = _strings(_get(side.governance, "interoperability", "ipDataStandards"))
    return None if standards is None else standards & _LEGAL_STATUS


@_check("COMPAT-LEGAL-STATUS", "Legal-status standards",
        "When both sides carry legal-status events, the legal-status standards they use (ST.27, ST.61, ST.87; "
        "profile legalStatusStandards, else the governance's ipDataStandards) must overlap.")
def _legal_status_check(a: _Side, b: _Side) -> Iterator[Issue]:
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
def _payload(a: _Side, b: _Side) -> Iterator[Issue]:
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
def _finality(a: _Side, b: _Side) -> Iterator[Issue]:
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
def _time(a: _Side, b: _Side) -> Iterator[Issue]:
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
def _encoding(a: _Side, b: _Side) -> Iterator[Issue]:
    na, nb = _get(a.profile, "encoding", "normalization"), _get(b.profile, "encoding", "normalization")
    if na != nb:
        yield Issue("COMPAT-ENCODING", Level.WARNING,
                    "Unicode normalisation is not declared alike: normalise text to NFC before hashing", na, nb)


@_check("COMPAT-USE-CASES", "Use cases",
        "Governance declarations whose useCases do not overlap: the networks serve different purposes (a note).")
def _use_cases(a: _Side, b: _Side) -> Iterator[Issue]:
    ua, ub = _strings(_get(a.governance, "useCases")), _strings(_get(b.governance, "useCases"))
    if ua and ub and not ua & ub:
        yield Issue("COMPAT-USE-CASES", Level.INFO, "no use case in common", sorted(ua), sorted(ub))


@_check("COMPAT-DISPUTE", "Dispute resolution",
        "Both go to court under different laws: a dispute about exchanged records has no common forum; "
        "consider arbitration or mediation (a note).")
def _dispute(a: _Side, b: _Side) -> Iterator[Issue]:
    ma, mb = _get(a.governance, "disputeResolution", "mechanism"), _get(b.governance, "disputeResolution", "mechanism")
    la, lb = _get(a.governance, "jurisdiction", "applicableLaw"), _get(b.governance, "jurisdiction", "applicableLaw")
    if ma == mb == "court" and isinstance(la, str) and isinstance(lb, str) and la != lb:
        yield Issue("COMPAT-DISPUTE", Level.INFO,
                    "both settle disputes in court under different laws: agree on a forum for exchanged records",
                    la, lb)


# --- the comparison --------------------------------------------------------------------------------

def compare(a: NetworkLike, b: NetworkLike) -> Verdict:
    """Compare two networks (or the paths of their folders or profile files) and return the verdict.

    Raises :class:`NetworkError` when a path cannot be read.
    """
    na = a if isinstance(a, Network) else load_network(a)
    nb = b if isinstance(b, Network) else load_network(b)
    issues = list(_input_issues("A", na)) + list(_input_issues("B", nb))
    side_a, side_b = _Side(na), _Side(nb)
    for check in CHECKS.values():
        issues.extend(check.run(side_a, side_b))
    issues.sort(key=lambda i: -i.level)  # blockers first; stable, so check order is kept within a level
    return Verdict(na, nb, issues)


def _input_issues(name: str, network: Network) -> Iterator[Issue]:
    """Each error that makes a side's profile or governance invalid, as a blocker."""
    from .api import validate

    docs: list[tuple[str, Mapping[str, Any], Mapping[str, Any] | None]] = [("profile", network.profile, None)]
    if network.governance is not None:
        docs.append(("governance", network.governance, network.profile))
    for target, doc, context in docs:
        report = validate(dict(doc), target=target, profile="core", network=context)
        for item in report.items:
            for finding in item.findings:
                if finding.level is not Level.ERROR:
                    continue
                where = f" at {finding.path}" if finding.path else ""
                value = {"target": target, "rule": finding.rule, "path": finding.path}
                yield Issue("COMPAT-INPUT", Level.ERROR,
                            f"{name}'s {target} is not valid: {finding.rule}{where}: {finding.message}",
                            value if name == "A" else None, value if name == "B" else None, one_sided=True)
