"""Generating JSON Schemas from the pydantic models (imported only when schemas are generated)."""

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


def model_schema(target: str) -> dict[str, Any]:
    """The body of a target's schema, from its model, with the extra keywords pydantic cannot say."""
    model, extra = _MODELS[target]
    body = model.model_json_schema(by_alias=True, schema_generator=_StandardSchema, mode="validation")
    body.update(extra)
    return body
