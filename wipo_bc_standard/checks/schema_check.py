"""Schema validation with ``jsonschema-rs``, compiled once per run, judged exactly as the published
JSON Schema says (formats asserted, no network: ``offline=True``).

A valid document costs one ``is_valid`` call; only invalid ones pay for the detailed errors.
"""

from __future__ import annotations

from typing import Any

import jsonschema_rs

from ..findings import Finding, Level, json_pointer


def compile_schema(schema: dict[str, Any]) -> Any:
    return jsonschema_rs.validator_for(schema, validate_formats=True, offline=True)


class SchemaCheck:
    """Check documents of one target against its bundled schema."""

    def __init__(self, schema: dict[str, Any], clause: str) -> None:
        self._validator = compile_schema(schema)
        self._clause = clause

    def __call__(self, doc: Any) -> list[Finding]:
        if self._validator.is_valid(doc):
            return []
        return [self._finding(error) for error in self._validator.iter_errors(doc)]

    def _finding(self, error: Any) -> Finding:
        kind = error.kind
        keyword = kind.name
        path = list(error.instance_path)
        message = error.message
        if keyword == "required":
            # Point at the missing member: that is what a user must add.
            path.append(kind.property)
        elif keyword == "additionalProperties" and len(kind.unexpected) == 1:
            path.append(kind.unexpected[0])
            message = f"member {kind.unexpected[0]!r} is not part of the model (misspelt?)"
        children: tuple[Finding, ...] = ()
        if keyword in ("anyOf", "oneOf") and getattr(kind, "context", None):
            # Report the best match (the branch with the fewest errors), the others as children.
            branches = sorted(kind.context, key=len)
            children = tuple(self._finding(e) for branch in branches for e in branch)
        schema_path = json_pointer(list(error.schema_path))
        return Finding(rule=f"schema.{keyword}", level=Level.ERROR, message=message,
                       path=json_pointer(path), clause=f"{self._clause}#{schema_path}",
                       children=children)
