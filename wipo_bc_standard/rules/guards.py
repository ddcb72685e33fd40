"""Guards: JSON Schemas that let the engine skip a rule's Python check on ordinary documents.

A rule's guard for a target is a *sufficient condition for silence*: on every document the guard
accepts, the rule's check finds nothing. A guard may be stricter than the rule (it then only
costs speed on unusual documents, which the check still judges); it must never be more lenient.
The engine validates one schema combining every guard of a target in compiled code
(``jsonschema-rs``), and runs the guarded checks only on documents that fail it.
``tests/test_guards.py`` holds each guard to its rule on thousands of mutated documents.

These builders keep guards short and read like the checks they stand for.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Schema = dict[str, Any]


def at(path: str, schema: Schema) -> Schema:
    """``schema`` applied to the member at ``path`` ("a/b/*/c"; ``*`` = every item of an array),
    wherever that member exists; documents without it pass."""
    for part in reversed(path.split("/")):
        schema = {"items": schema} if part == "*" else {"properties": {part: schema}}
    return schema


def all_of(*schemas: Schema) -> Schema:
    return {"allOf": list(schemas)}


def string_matching(pattern: str) -> Schema:
    """Not a string (the check ignores it), or a string matching ``pattern``."""
    return {"anyOf": [{"not": {"type": "string"}}, {"pattern": pattern}]}


def string_in(values: Iterable[str]) -> Schema:
    """Not a string, or one of ``values``."""
    return {"anyOf": [{"not": {"type": "string"}}, {"enum": sorted(values)}]}


def not_in(values: Iterable[str]) -> Schema:
    return {"not": {"enum": sorted(values)}}


def absent(*members: str) -> Schema:
    """None of ``members`` is present."""
    return {"not": {"anyOf": [{"required": [m]} for m in members]}}


#: Printable ASCII with no blank at either end (stricter than "stripped and printable").
CLEAN_ASCII = r"^(?:[!-~](?:[ -~]*[!-~])?)?$"
