"""Schema validation with ``jsonschema-rs``, compiled once per run, judged exactly as the published
JSON Schema says (formats asserted, no network: ``offline=True``).

A valid document costs one ``is_valid`` call; only invalid ones pay for the detailed errors.
"""

from __future__ import annotations

import itertools
from typing import Any

import jsonschema_rs
import orjson

from .. import hints, messages
from ..findings import Finding, Level, json_pointer
from ..limits import LIMITS


def compile_schema(schema: dict[str, Any]) -> Any:
    """A validator for ``schema``. Its ``pattern`` keywords run on the ``regex`` crate's engine,
    which matches in time linear in the input (no backtracking; the published patterns need none)."""
    return jsonschema_rs.validator_for(schema, validate_formats=True, offline=True,
                                       pattern_options=jsonschema_rs.RegexOptions())


class SchemaCheck:
    """Check documents of one target against its bundled schema."""

    def __init__(self, schema: dict[str, Any], clause: str, lang: str = "en") -> None:
        self._validator = compile_schema(schema)
        self._schema = schema
        self._clause = clause
        self._lang = lang

    def __call__(self, doc: Any) -> list[Finding]:
        if self._validator.is_valid(doc):
            return []
        findings: list[Finding] = []
        # Past the findings limit the engine drops findings: they are not worked out at all.
        for error in itertools.islice(self._validator.iter_errors(doc), LIMITS.findings_per_item + 1):
            if error.kind.name == "additionalProperties" and len(error.kind.unexpected) > 1:
                # One finding per member: each is its own mistake, with its own place and hint.
                findings.extend(self._finding(error, name) for name in error.kind.unexpected)
            else:
                findings.append(self._finding(error))
        return findings

    def _finding(self, error: Any, member: str | None = None) -> Finding:
        kind = error.kind
        keyword = kind.name
        path = list(error.instance_path)
        params = {k: v for k, v in kind.as_dict().items() if k != "context"}
        if keyword == "required":
            # Point at the missing member: that is what a user must add.
            path.append(kind.property)
        elif keyword == "additionalProperties" and (member is not None or len(kind.unexpected) == 1):
            member = member if member is not None else kind.unexpected[0]
            params["unexpected"] = member
            path.append(member)
        params["value"] = _short(error.instance)
        english = error.message if keyword != "additionalProperties" else ""
        message = messages.message(f"schema.{keyword}", params, self._lang, english) if self._lang != "en" or not english \
            else english
        if keyword == "pattern" and self._lang == "en":
            # A pattern says little to most users: add what the member holds (its schema description).
            expected = _description(self._schema, list(error.schema_path)[:-1])
            if expected:
                message = f"{message}; expected: {expected}"
        children: tuple[Finding, ...] = ()
        if keyword in ("anyOf", "oneOf") and getattr(kind, "context", None):
            # The best match is the branch that failed least (fewest errors, then the deepest one:
            # it got furthest); the message names what it needs, its errors come first among the
            # children, then the other branches'.
            branches = sorted((b for b in kind.context if b), key=lambda b: (len(b), -max(len(e.instance_path) for e in b)))
            children = tuple(self._finding(e) for branch in branches for e in branch)
            if children:
                closest = "; ".join(c.message for c in children[: len(branches[0])])
                message = f"{message} (closest: {closest})" if self._lang == "en" else f"{message}（最接近：{closest}）"
        schema_path = json_pointer(list(error.schema_path))
        return Finding(rule=f"schema.{keyword}", level=Level.ERROR, message=message,
                       path=json_pointer(path), clause=f"{self._clause}#{schema_path}",
                       children=children, hint=self._hint(keyword, kind, error, member),
                       params=self._fix_params(keyword, error, member))

    def _fix_params(self, keyword: str, error: Any, member: str | None) -> tuple[tuple[str, Any], ...]:
        """What ``--fix`` needs of a misspelt member: its name and the nearest the model has."""
        if keyword != "additionalProperties" or member is None:
            return ()
        parent = hints.node_at(self._schema, list(error.schema_path)[:-1])
        properties = parent.get("properties") if isinstance(parent, dict) else None
        nearest = hints.nearest(member, properties) if isinstance(properties, dict) else None
        return (("unexpected", member), ("nearest", nearest)) if nearest else ()

    def _hint(self, keyword: str, kind: Any, error: Any, member: str | None) -> str:
        if keyword == "format":
            return hints.for_format(kind.format, error.instance, self._lang)
        if keyword == "enum":
            return hints.for_enum(error.instance, kind.options, self._lang)
        if keyword == "additionalProperties" and member is not None:
            parent = hints.node_at(self._schema, list(error.schema_path)[:-1])
            return hints.for_member(member, parent, self._lang)
        return ""


def _description(schema: Any, path: list[Any]) -> str | None:
    """The ``description`` of the schema node at ``path`` (a keyword location), if there is one."""
    node = schema
    for part in path:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return None
    description = node.get("description") if isinstance(node, dict) else None
    return description if isinstance(description, str) else None


def _short(value: Any, limit: int = 60) -> str:
    """The offending value as JSON, cut to ``limit`` characters for a readable message."""
    try:
        text = orjson.dumps(value).decode()
    except TypeError:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
