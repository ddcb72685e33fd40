"""Generating the JSON Schemas: from the pydantic models, and the DID document's from :mod:`.identity.did`
(imported only when schemas are generated)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from .model import GovernanceDeclaration, NetworkProfile, Record
from .model.record import RECORD_SCHEMA_EXTRA


class _StandardSchema(GenerateJsonSchema):
    """Pydantic's generator, adjusted so that optional means 'may be absent', never 'may be null'."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        inner = self.generate_inner(schema["schema"])
        if schema.get("default") is not None:
            inner["default"] = schema["default"]
        return inner


#: target name -> (model, extra keywords merged into the root)
_MODELS: dict[str, tuple[type[BaseModel], dict[str, Any]]] = {
    "record": (Record, RECORD_SCHEMA_EXTRA),
    "profile": (NetworkProfile, {}),
    "governance": (GovernanceDeclaration, {}),
}


def schema_body(target: str) -> dict[str, Any]:
    """The body of a target's schema: from its model, with the extra keywords pydantic cannot say."""
    if target == "did":
        return did_document_schema()
    model, extra = _MODELS[target]
    body = model.model_json_schema(by_alias=True, schema_generator=_StandardSchema, mode="validation")
    body.update(extra)
    return body


def did_document_schema() -> dict[str, Any]:
    """The DID document schema (W3C DID Core 1.0 section 5); every DID pattern in it is :mod:`.identity.did`'s."""
    from .identity.did import DID_PATTERN, DID_URL_PATTERN

    did = {"type": "string", "pattern": f"^{DID_PATTERN}$"}
    # A verification method is referred to by an absolute DID URL or one relative to the document's id.
    did_url_reference = f"^(?:{DID_URL_PATTERN}|[/?#].*)$"
    return {
        "title": "DID document",
        "description": "A DID document as W3C DID Core 1.0 section 5 defines it (JSON representation). Extension "
                       "members are allowed; the identity rules (DID-01, DID-04, DID-05) check what a schema cannot.",
        "type": "object",
        "required": ["id"],
        "properties": {
            "@context": {"description": "JSON-LD context (DID Core 6.3.1); the first item is "
                                        "https://www.w3.org/ns/did/v1 in JSON-LD.",
                         "oneOf": [{"type": "string"}, {"type": "array", "minItems": 1}]},
            "id": {**did, "description": "The DID the document is about (DID Core 5.1.1)."},
            "controller": {"description": "DID(s) of the document's controller(s) (DID Core 5.1.2).",
                           "oneOf": [did, {"type": "array", "items": did}]},
            "alsoKnownAs": {"type": "array", "items": {"type": "string", "format": "uri"},
                            "description": "Other identifiers of the subject (DID Core 5.1.3)."},
            "verificationMethod": {"type": "array", "items": {"$ref": "#/$defs/verificationMethod"},
                                   "description": "Verification methods (DID Core 5.2)."},
            **{relationship: {"$ref": "#/$defs/relationship"}
               for relationship in ("authentication", "assertionMethod", "keyAgreement", "capabilityInvocation",
                                    "capabilityDelegation")},
            "service": {
                "type": "array",
                "description": "Services (DID Core 5.4).",
                "items": {
                    "type": "object",
                    "required": ["id", "type", "serviceEndpoint"],
                    "properties": {
                        "id": {"type": "string", "minLength": 1, "description": "URI of the service."},
                        "type": {"description": "Service type(s).",
                                 "oneOf": [{"type": "string"},
                                           {"type": "array", "items": {"type": "string"}, "minItems": 1}]},
                        "serviceEndpoint": {"description": "A URI, an object, or an array of them.",
                                            "oneOf": [{"type": "string"}, {"type": "object"},
                                                      {"type": "array", "minItems": 1}]}}}}},
        "$defs": {
            "verificationMethod": {
                "type": "object",
                "title": "Verification method",
                "description": "A public key or other verification material (DID Core 5.2).",
                "required": ["id", "type", "controller"],
                "properties": {
                    "id": {"type": "string",
                           "description": "DID URL of the method (absolute, or relative to the document's id).",
                           "pattern": did_url_reference},
                    "type": {"type": "string", "minLength": 1,
                             "description": "Verification method type, e.g. Multikey or JsonWebKey2020."},
                    "controller": {**did, "description": "DID of the method's controller."},
                    "publicKeyJwk": {"type": "object", "required": ["kty"],
                                     "description": "The public key as a JSON Web Key (RFC 7517); never private "
                                                    "members."},
                    "publicKeyMultibase": {"type": "string", "minLength": 2,
                                           "description": "The public key as a multibase value (Multikey)."}}},
            "relationship": {
                "title": "Verification relationship",
                "description": "Verification methods authorised for this relationship, embedded or referred to by "
                               "DID URL (DID Core 5.3).",
                "type": "array",
                "items": {"oneOf": [{"type": "string", "pattern": did_url_reference},
                                    {"$ref": "#/$defs/verificationMethod"}]}}}}
