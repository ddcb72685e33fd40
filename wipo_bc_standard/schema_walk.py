"""Walking a published JSON Schema's members: what the docs site's data-model pages and the draft
standard's data-model annex both list, so that the two cannot disagree."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any


def resolve(node: Mapping[str, Any], root: Mapping[str, Any]) -> Mapping[str, Any]:
    """The node a local ``$ref`` (``#/$defs/...``) names, or the node itself."""
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return root.get("$defs", {}).get(ref.removeprefix("#/$defs/"), {})
    return node


def fields(node: Mapping[str, Any], root: Mapping[str, Any], prefix: str = "",
           seen: tuple[str, ...] = ()) -> Iterator[tuple[str, Mapping[str, Any], bool]]:
    """(dotted name, schema node, required) for every property, depth first; a ``$ref`` is followed
    once per path (the schemas are recursive in places). Array members are written ``name[].member``."""
    node = resolve(node, root)
    required = set(node.get("required", ()))
    for name, child in node.get("properties", {}).items():
        full = f"{prefix}{name}"
        yield full, child, name in required
        target = resolve(child, root)
        if target.get("type") == "array" or "items" in target:
            items = target.get("items", {})
            ref = items.get("$ref", "")
            if resolve(items, root).get("properties") and ref not in seen:
                yield from fields(items, root, f"{full}[].", seen + (ref,))
        elif target.get("properties"):
            ref = child.get("$ref", "")
            if ref not in seen:
                yield from fields(child, root, f"{full}.", seen + (ref,))
