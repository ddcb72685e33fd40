"""Reading documents that may not match the schema: every rule runs on schema-invalid input too,
so a member is read only after its container's type is checked, and nothing raises."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def member(doc: Any, *keys: str) -> Any:
    """``doc[k1][k2]...``, or None where a container is missing or not an object."""
    for key in keys:
        if not isinstance(doc, dict):
            return None
        doc = doc.get(key)
    return doc


def objects_in(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """The members of a list that are objects, with their index (nothing when not a list)."""
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield i, item


def listed(doc: Any, *keys: str) -> list[Any] | None:
    """The list at ``doc[k1][k2]...`` (a network profile's declared algorithms, say), or None."""
    value = member(doc, *keys)
    return value if isinstance(value, list) else None


def digests(doc: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every digest of a record, with its JSON Pointer."""
    if not isinstance(doc, dict):
        return
    prev = doc.get("previousRecordHash")
    if isinstance(prev, dict):
        yield "/previousRecordHash", prev
    for i, d in objects_in(doc.get("documents")):
        digest = d.get("digest")
        if isinstance(digest, dict):
            yield f"/documents/{i}/digest", digest
