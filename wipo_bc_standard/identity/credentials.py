"""Verifiable credentials and presentations: the data model of W3C VC Data Model 1.1 and 2.0.

:func:`credential_problems` returns every departure from the data model as (JSON Pointer, text).
It judges the JSON as written, without JSON-LD expansion and without fetching any context: where a
requirement needs a remote context to decide (is this ``type`` defined?), the check decides only
when every context involved is known (the base context, inline contexts), and otherwise accepts.

Sections cited: VC DM 1.1 (2021-11-09) 4.1 contexts, 4.2 identifiers, 4.3 types, 4.4 credential
subject, 4.5 issuer, 4.6 issuance date, 4.7 proofs, 4.8 expiration, 4.9 status, 4.10 presentations,
5.4 data schemas, 5.5 refreshing, 5.6 terms of use, 5.7 evidence, 6.3.1 JSON Web Token; VC DM 2.0 (2025-05-15) 4.3
contexts, 4.4 identifiers, 4.5 types, 4.6 names and descriptions, 4.7 issuer, 4.8 credential
subject, 4.9 validity period, 4.10 status, 4.11 data schemas, 4.12 securing mechanisms, 4.13
verifiable presentations (4.13.1 enveloped), 5.4 refreshing, 5.5 terms of use, 5.6 evidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import patterns
from . import Problem
from .uri import is_datetime, is_uri, to_instant

V1_CONTEXT = "https://www.w3.org/2018/credentials/v1"
V2_CONTEXT = "https://www.w3.org/ns/credentials/v2"

#: Terms each base context defines; both contexts are @protected, so no later context may redefine them.
_BASE_TERMS = {
    V1_CONTEXT: frozenset({"id", "type", "VerifiableCredential", "VerifiablePresentation",
                           "EcdsaSecp256k1Signature2019", "EcdsaSecp256r1Signature2019",
                           "Ed25519Signature2018", "RsaSignature2018", "proof"}),
    V2_CONTEXT: frozenset({"id", "type", "description", "digestMultibase", "digestSRI", "mediaType", "name",
                           "VerifiableCredential", "EnvelopedVerifiableCredential", "VerifiablePresentation",
                           "EnvelopedVerifiablePresentation", "JsonSchemaCredential", "JsonSchema",
                           "BitstringStatusListCredential", "BitstringStatusList", "BitstringStatusListEntry",
                           "DataIntegrityProof"}),
}
_VERSIONS = {V1_CONTEXT: "1.1", V2_CONTEXT: "2.0"}
#: Bundled W3C contexts that only set an ``@vocab``, so every term maps to a URL under them.
_VOCAB_CONTEXTS = frozenset({"https://www.w3.org/ns/credentials/undefined-terms/v2",
                             "https://www.w3.org/ns/credentials/examples/v2"})
_PRESENTATION_TYPES = ("VerifiablePresentation", "EnvelopedVerifiablePresentation")
_LANGUAGE_VALUE_KEYS = frozenset({"@value", "@language", "@direction"})

_JWT = patterns.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*", "JWT compact form")


def version_of(doc: dict[str, Any]) -> str | None:
    """``1.1`` or ``2.0`` by the first ``@context`` item, or None when it names neither."""
    context = doc.get("@context")
    first = context[0] if isinstance(context, list) and context else context
    return _VERSIONS.get(first) if isinstance(first, str) else None


def is_presentation(doc: dict[str, Any]) -> bool:
    types = _as_list(doc.get("type"))
    if any(t in _PRESENTATION_TYPES for t in types):
        return True
    return "VerifiableCredential" not in types and "credentialSubject" not in doc and (
        "verifiableCredential" in doc or "holder" in doc)


def credential_problems(doc: Any, path: str = "") -> Iterator[Problem]:
    """Every departure of a credential or presentation from its version of the data model."""
    if not isinstance(doc, dict):
        yield path, "a credential or presentation is a JSON object"
        return
    version = version_of(doc)
    if version is None:
        yield from _context_missing(doc, path)
        return
    yield from _context(doc, path, version)
    if is_presentation(doc):
        yield from _presentation(doc, path, version)
    else:
        yield from _credential(doc, path, version)


def validity_inversions(doc: Any, path: str = "") -> Iterator[Problem]:
    """Validity periods that end before they begin (VC 2.0 4.9; VC 1.1 4.6 and 4.8), nested VCs too."""
    if not isinstance(doc, dict):
        return
    for start_key, end_key in (("validFrom", "validUntil"), ("issuanceDate", "expirationDate")):
        start, end = doc.get(start_key), doc.get(end_key)
        if isinstance(start, str) and isinstance(end, str):
            begin, finish = to_instant(start), to_instant(end)
            if begin and finish and finish < begin:
                yield f"{path}/{end_key}", f"{end_key} {end} is before {start_key} {start}"
    for i, vc in enumerate(_as_list(doc.get("verifiableCredential"))):
        yield from validity_inversions(vc, f"{path}/verifiableCredential/{i}" if isinstance(
            doc.get("verifiableCredential"), list) else f"{path}/verifiableCredential")


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _items(doc: dict[str, Any], key: str, path: str) -> Iterator[tuple[str, Any]]:
    """(path, value) of each value of a member that may be one value or an array of them."""
    value = doc.get(key)
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield f"{path}/{key}/{i}", item
    elif key in doc:
        yield f"{path}/{key}", value


def _context_missing(doc: dict[str, Any], path: str) -> Iterator[Problem]:
    if "@context" not in doc:
        yield f"{path}/@context", "@context is required"
    else:
        yield (f"{path}/@context", f"the first @context item must be {V2_CONTEXT} (VC 2.0) "
                                   f"or {V1_CONTEXT} (VC 1.1)")


def _context(doc: dict[str, Any], path: str, version: str) -> Iterator[Problem]:
    context = _as_list(doc["@context"])
    protected: set[str] = set(_BASE_TERMS[context[0]])
    for i, item in enumerate(context[1:], start=1):
        where = f"{path}/@context/{i}"
        if isinstance(item, str):
            if not is_uri(item):
                yield where, f"a @context item must be a URL: {item!r}"
        elif isinstance(item, dict):
            redefined = sorted(t for t in item if t in protected)
            if redefined:
                yield where, f"redefines protected term(s) {', '.join(redefined)}"
            if item.get("@protected") is True:
                protected.update(t for t in item if not t.startswith("@"))
        else:
            yield where, "a @context item must be a URL or an object"


def _type_problems(doc: dict[str, Any], path: str, required: str | None) -> Iterator[Problem]:
    types = doc.get("type")
    if types is None:
        yield f"{path}/type", "type is required" + (f" and must include {required}" if required else "")
        return
    if not (isinstance(types, str) or (isinstance(types, list) and types and all(isinstance(t, str) for t in types))):
        yield f"{path}/type", "type must be a string or a non-empty array of strings"
        return
    if required and required not in _as_list(types):
        yield f"{path}/type", f"type must include {required}"


def _unmapped_types(doc: dict[str, Any], path: str, root: dict[str, Any]) -> Iterator[Problem]:
    """Types that JSON-LD would drop or map to a non-URL, judged from known contexts only."""
    context = _as_list(root.get("@context"))
    if any(isinstance(c, str) and c not in _BASE_TERMS and c not in _VOCAB_CONTEXTS for c in context):
        return  # another context may define anything: cannot tell offline
    inline: dict[str, Any] = {}
    # Neither base context has an @vocab (the published credentials/v1 and credentials/v2 documents,
    # bundled in .contexts): a type term they do not define maps to no URL unless a later context does.
    vocab = False
    base = _BASE_TERMS.get(context[0], frozenset()) if context and isinstance(context[0], str) else frozenset()
    for item in context:
        if isinstance(item, str) and item in _VOCAB_CONTEXTS:
            vocab = True
        elif isinstance(item, dict):
            inline.update(item)
            if "@vocab" in item:
                vocab = item["@vocab"] is not None
    for i, name in enumerate(_as_list(doc.get("type"))):
        if not isinstance(name, str) or name in base or ":" in name:
            continue
        where = f"{path}/type/{i}" if isinstance(doc.get("type"), list) else f"{path}/type"
        if name in inline:
            target = inline[name]
            target = target.get("@id") if isinstance(target, dict) else target
            if not is_uri(target):
                yield where, f"type {name} is mapped to {target!r}, which is not a URL"
        elif not vocab:
            yield where, f"type {name} is not defined by any @context"


def _url_id(value: Any, where: str, what: str) -> Iterator[Problem]:
    if not is_uri(value):
        yield where, f"{what} must be a single URL, not {value!r}"


def _typed_objects(doc: dict[str, Any], key: str, path: str, *, id_required: bool,
                   id_checked: bool = True) -> Iterator[Problem]:
    for where, item in _items(doc, key, path):
        if not isinstance(item, dict):
            yield where, f"each {key} is an object"
            continue
        yield from _type_problems(item, where, None)
        if "id" in item and id_checked:
            yield from _url_id(item["id"], where + "/id", f"{key} id")
        elif "id" not in item and id_required:
            yield where + "/id", f"{key} requires an id"


def _language_values(doc: dict[str, Any], path: str) -> Iterator[Problem]:
    for key in ("name", "description"):
        for where, value in _items(doc, key, path):
            if isinstance(value, str):
                continue
            if not isinstance(value, dict) or not isinstance(value.get("@value"), str):
                yield where, f"{key} is a string or a language value object with @value"
            elif set(value) - _LANGUAGE_VALUE_KEYS:
                extra = ", ".join(sorted(set(value) - _LANGUAGE_VALUE_KEYS))
                yield where, f"a language value object holds only @value, @language, @direction, not {extra}"


def _credential(doc: dict[str, Any], path: str, version: str) -> Iterator[Problem]:
    v2 = version == "2.0"
    types = _as_list(doc.get("type"))
    if "EnvelopedVerifiableCredential" in types:
        # 4.13.1 (2.0): the credential is in the data: URL of its id, which is not decoded here.
        if not isinstance(doc.get("id"), str) or not doc["id"].startswith("data:"):
            yield f"{path}/id", "an enveloped credential's id is a data: URL"
        return
    yield from _type_problems(doc, path, "VerifiableCredential")
    yield from _unmapped_types(doc, path, doc)
    if "id" in doc:
        yield from _url_id(doc["id"], f"{path}/id", "id")
    yield from _issuer(doc, path, v2)
    if v2:
        yield from _language_values(doc, path)
        for key in ("validFrom", "validUntil"):
            if key in doc and not is_datetime(doc[key], timezone_required=True):
                yield f"{path}/{key}", f"{key} must be an XSD dateTimeStamp (RFC 3339 with an offset)"
    else:
        if "issuanceDate" not in doc:
            yield f"{path}/issuanceDate", "issuanceDate is required in a VC 1.1 credential"
        for key in ("issuanceDate", "expirationDate"):
            if key in doc and not is_datetime(doc[key], timezone_required=False):
                yield f"{path}/{key}", f"{key} must be a single XSD dateTime (RFC 3339)"
    yield from _subjects(doc, path)
    yield from _typed_objects(doc, "credentialStatus", path, id_required=not v2)
    yield from _typed_objects(doc, "credentialSchema", path, id_required=True)
    yield from _typed_objects(doc, "refreshService", path, id_required=not v2)
    yield from _typed_objects(doc, "termsOfUse", path, id_required=False)
    yield from _typed_objects(doc, "evidence", path, id_required=False, id_checked=False)
    yield from _typed_objects(doc, "proof", path, id_required=False, id_checked=False)


def _issuer(doc: dict[str, Any], path: str, v2: bool) -> Iterator[Problem]:
    if "issuer" not in doc:
        yield f"{path}/issuer", "issuer is required"
        return
    issuer = doc["issuer"]
    if isinstance(issuer, dict):
        if "id" not in issuer:
            yield f"{path}/issuer/id", "an issuer object requires an id"
        else:
            yield from _url_id(issuer["id"], f"{path}/issuer/id", "issuer id")
        if v2:
            yield from _language_values(issuer, f"{path}/issuer")
    else:
        yield from _url_id(issuer, f"{path}/issuer", "issuer")


def _subjects(doc: dict[str, Any], path: str) -> Iterator[Problem]:
    if "credentialSubject" not in doc:
        yield f"{path}/credentialSubject", "credentialSubject is required"
        return
    subjects = list(_items(doc, "credentialSubject", path))
    if not subjects:
        yield f"{path}/credentialSubject", "credentialSubject must hold at least one subject"
    for where, subject in subjects:
        if not isinstance(subject, dict) or not subject:
            yield where, "a credential subject is an object with at least one claim"
        elif "id" in subject:
            yield from _url_id(subject["id"], where + "/id", "a subject's id")


def _presentation(doc: dict[str, Any], path: str, version: str) -> Iterator[Problem]:
    types = _as_list(doc.get("type"))
    if "EnvelopedVerifiablePresentation" in types:
        if not isinstance(doc.get("id"), str) or not doc["id"].startswith("data:"):
            yield f"{path}/id", "an enveloped presentation's id is a data: URL"
        return
    yield from _type_problems(doc, path, "VerifiablePresentation")
    yield from _unmapped_types(doc, path, doc)
    if "id" in doc:
        yield from _url_id(doc["id"], f"{path}/id", "id")
    if "holder" in doc:
        holder = doc["holder"]
        if isinstance(holder, dict):
            yield from _url_id(holder.get("id"), f"{path}/holder/id", "holder id")
        else:
            yield from _url_id(holder, f"{path}/holder", "holder")
    for where, vc in _items(doc, "verifiableCredential", path):
        if version == "1.1" and isinstance(vc, str) and _JWT.fullmatch(vc):
            continue  # 1.1, 6.3.1: a JWT-encoded credential (not decoded here)
        if not isinstance(vc, dict):
            yield where, "each verifiableCredential is an object (an enveloped credential, not a string)"
        else:
            yield from credential_problems(vc, where)
    yield from _typed_objects(doc, "proof", path, id_required=False, id_checked=False)
