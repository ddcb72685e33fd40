"""DID documents: the data model of W3C DID Core 1.0 (section 5), and finding keys in them.

Problems are (JSON Pointer, text). Extension members are allowed, as DID Core 4.1 says; the
checks are on the core properties: ``id`` (5.1.1), ``controller`` (5.1.2), ``alsoKnownAs``
(5.1.3), ``verificationMethod`` (5.2), the verification relationships (5.3) and ``service`` (5.4).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from . import Problem
from .did import is_did, resolve_reference
from .did_key import MalformedKey, did_key_document
from .keys import PRIVATE_JWK_MEMBERS, key_from_verification_method
from .uri import is_uri

#: DID Core 5.3: the verification relationships, each a set of methods or references to them.
RELATIONSHIPS = ("authentication", "assertionMethod", "keyAgreement", "capabilityInvocation",
                 "capabilityDelegation")
#: DID Core 5.2.1: the verification material properties of the core vocabulary (and the legacy one).
MATERIAL = ("publicKeyJwk", "publicKeyMultibase", "publicKeyBase58")


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def did_syntax_problems(doc: Mapping[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(path, value, what it should be) of each identifier of a DID document that breaks the DID or
    DID URL syntax (DID Core 3.1, 3.2); relative DID URLs are resolved against the document's id."""
    ident = doc.get("id")
    if isinstance(ident, str) and not is_did(ident):
        yield "/id", ident, "DID"
    base = ident if isinstance(ident, str) and is_did(ident) else ""
    controller = doc.get("controller")
    for i, value in enumerate(_as_list(controller)) if controller is not None else ():
        where = f"/controller/{i}" if isinstance(controller, list) else "/controller"
        if isinstance(value, str) and not is_did(value):
            yield where, value, "DID"
    for where, method in _methods(doc):
        if isinstance(method, str):
            if resolve_reference(method, base) is None:
                yield where, method, "DID URL"
            continue
        if not isinstance(method, dict):
            continue
        method_id = method.get("id")
        if isinstance(method_id, str) and resolve_reference(method_id, base) is None:
            yield where + "/id", method_id, "DID URL"
        method_controller = method.get("controller")
        if isinstance(method_controller, str) and not is_did(method_controller):
            yield where + "/controller", method_controller, "DID"


def structure_problems(doc: Mapping[str, Any]) -> Iterator[Problem]:
    """Core properties with the wrong shape, and references to methods the document does not have."""
    ident = doc.get("id")
    if not isinstance(ident, str):
        yield "/id", "a DID document requires an id, a string"
    elif ident.startswith("did:key:") and is_did(ident):
        try:
            did_key_document(ident)
        except MalformedKey as exc:  # the DID is its key: one that does not decode is no did:key
            yield "/id", f"not a valid did:key: {exc}"
        except ValueError:
            pass  # a key type this package does not read: not wrong
    controller = doc.get("controller")
    if controller is not None and not (isinstance(controller, str) or (
            isinstance(controller, list) and all(isinstance(c, str) for c in controller))):
        yield "/controller", "controller is a DID or an array of DIDs"
    aka = doc.get("alsoKnownAs")
    if aka is not None:
        if not isinstance(aka, list):
            yield "/alsoKnownAs", "alsoKnownAs is an array of URIs"
        else:
            for i, uri in enumerate(aka):
                if not is_uri(uri):
                    yield f"/alsoKnownAs/{i}", f"{uri!r} is not a URI"
    for key in ("verificationMethod", "service") + RELATIONSHIPS:
        if key in doc and not isinstance(doc[key], list):
            yield f"/{key}", f"{key} is an array"
    base = _base(doc)
    defined = {resolve_reference(m["id"], base) for _, m in _methods(doc)
               if isinstance(m, dict) and isinstance(m.get("id"), str)}
    seen: dict[str, str] = {}
    for where, method in _methods(doc):
        if isinstance(method, str):
            absolute = resolve_reference(method, base)
            if absolute and absolute.split("#")[0] == base and absolute not in defined:
                yield where, f"{method} refers to a verification method this document does not have"
        elif isinstance(method, dict):
            yield from _method_problems(method, where)
            absolute = resolve_reference(method["id"], base) if isinstance(method.get("id"), str) else None
            if absolute and absolute in seen and where.startswith("/verificationMethod"):
                yield where + "/id", f"verification method id {method['id']} is also used at {seen[absolute]}"
            if absolute:
                seen.setdefault(absolute, where)
        else:
            yield where, "a verification method is an object, or a DID URL referring to one"
    yield from _service_problems(doc)


def private_key_problems(doc: Mapping[str, Any]) -> Iterator[Problem]:
    """Private key material published in the document: a ``publicKeyJwk`` member of the JWK "Private"
    parameter class (DID Core 1.0, 5.2.1: the map "MUST NOT contain "d", or any other members of the
    private information class"; RFC 7517, 8.1.1), and, as this project proposes, any ``privateKey*``
    member of a verification method."""
    for where, method in _methods(doc):
        if not isinstance(method, dict):
            continue
        jwk = method.get("publicKeyJwk")
        if isinstance(jwk, dict):
            for member in sorted(PRIVATE_JWK_MEMBERS & set(jwk)):
                if member != "k" or jwk.get("kty") == "oct":
                    yield f"{where}/publicKeyJwk/{member}", f"publicKeyJwk holds the private member {member!r}"
        for key in method:
            if key.startswith("privateKey"):
                yield f"{where}/{key}", f"the verification method publishes {key}"


def _base(doc: Mapping[str, Any]) -> str:
    """The DID relative references in ``doc`` resolve against ("" when it has no id)."""
    ident = doc.get("id")
    return ident if isinstance(ident, str) else ""


def find_method(doc: Mapping[str, Any], did_url: str) -> Mapping[str, Any] | None:
    """The verification method of ``doc`` whose (absolute) id is ``did_url``, wherever it is defined."""
    base = _base(doc)
    for _, method in _methods(doc):
        if isinstance(method, dict) and isinstance(method.get("id"), str) \
                and resolve_reference(method["id"], base) == did_url:
            return method
    return None


def is_authorised(doc: Mapping[str, Any], did_url: str, relationship: str) -> bool:
    """True when ``did_url`` is listed (by reference or embedded) under ``relationship`` (DID Core 5.3)."""
    base = _base(doc)
    entries = doc.get(relationship)
    for entry in entries if isinstance(entries, list) else ():
        ref = entry.get("id") if isinstance(entry, dict) else entry
        if isinstance(ref, str) and resolve_reference(ref, base) == did_url:
            return True
    return False


def _methods(doc: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """(path, entry) of every verification method and every reference to one in the relationships."""
    for key in ("verificationMethod",) + RELATIONSHIPS:
        entries = doc.get(key)
        if isinstance(entries, list):
            for i, entry in enumerate(entries):
                yield f"/{key}/{i}", entry


def _method_problems(method: Mapping[str, Any], where: str) -> Iterator[Problem]:
    for key in ("id", "type", "controller"):
        if not isinstance(method.get(key), str):
            yield f"{where}/{key}", f"a verification method requires {key}, a string"
    material = [key for key in MATERIAL if key in method]
    if len(material) > 1:
        yield where, f"a verification method has one form of key material, not {' and '.join(material)}"
    if "publicKeyJwk" in method and not isinstance(method["publicKeyJwk"], dict):
        yield f"{where}/publicKeyJwk", "publicKeyJwk is a JSON Web Key (an object)"
    multibase = method.get("publicKeyMultibase")
    if "publicKeyMultibase" in method and not (isinstance(multibase, str) and len(multibase) > 1):
        yield f"{where}/publicKeyMultibase", "publicKeyMultibase is a multibase string"
    elif material:
        try:
            key_from_verification_method(method)
        except MalformedKey as exc:  # an unsupported key type is allowed; a broken encoding is not
            yield f"{where}/{material[0]}", f"the key material is malformed: {exc}"
        except ValueError:
            pass  # a key type (or form) this package does not read: not wrong


def _service_problems(doc: Mapping[str, Any]) -> Iterator[Problem]:
    services = doc.get("service")
    seen: set[str] = set()
    for i, service in enumerate(services) if isinstance(services, list) else ():
        where = f"/service/{i}"
        if not isinstance(service, dict):
            yield where, "a service is an object"
            continue
        ident = service.get("id")
        if not isinstance(ident, str) or not (is_uri(ident) or ident.startswith("#")):
            yield where + "/id", "a service requires an id, a URI"
        elif ident in seen:
            yield where + "/id", f"two services have the id {ident}"
        else:
            seen.add(ident)
        kind = service.get("type")
        if not (isinstance(kind, str) or (isinstance(kind, list) and kind and all(isinstance(k, str) for k in kind))):
            yield where + "/type", "a service requires a type, a string or an array of strings"
        if not _is_endpoint(service.get("serviceEndpoint")):
            yield where + "/serviceEndpoint", "serviceEndpoint is a URI, an object, or an array of them"


def _is_endpoint(value: Any) -> bool:
    if isinstance(value, list):
        return bool(value) and all(isinstance(v, (str, dict)) and (not isinstance(v, str) or is_uri(v)) for v in value)
    return isinstance(value, dict) or is_uri(value)
