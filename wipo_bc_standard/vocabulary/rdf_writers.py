"""Turtle and JSON-LD text of the statements, written deterministically (same input, same bytes)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from .concepts import VOCAB
from .statements import PREFIXES, Ref, Resource, Value

_WIDTH = 120
_TURTLE_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _turtle_iri(iri: str) -> str:
    # Relative to @base where possible: short, readable lines.
    return f"<{iri[len(VOCAB):]}>" if iri.startswith(VOCAB) else f"<{iri}>"


def _turtle_value(value: Value) -> str:
    if isinstance(value, Ref):
        return _turtle_iri(value.iri)
    text = "".join(_TURTLE_ESCAPES.get(ch, ch) for ch in value.text)
    return f'"{text}"@{value.lang}' if value.lang else f'"{text}"'


def turtle(resources: Iterable[Resource], header: str) -> str:
    """A Turtle document: ``header`` as comment lines, prefixes, then one block per resource."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines.append(f"@base <{VOCAB}> .")
    lines += [f"@prefix {p}: <{iri}> ." for p, iri in sorted(PREFIXES.items())]
    for res in resources:
        lines += ["", f"{_turtle_iri(res.iri)} a {res.type} ;"]
        for i, (predicate, objects) in enumerate(res.properties):
            end = " ." if i == len(res.properties) - 1 else " ;"
            values = [_turtle_value(o) for o in objects]
            line = f"    {predicate} {', '.join(values)}{end}"
            if len(line) > _WIDTH and all(isinstance(o, Ref) for o in objects):
                # long lists of links (top concepts): one per line, so that diffs stay readable
                line = f"    {predicate}\n        " + ",\n        ".join(values) + end
            lines.append(line)
    return "\n".join(lines) + "\n"


def _jsonld_value(value: Value) -> dict[str, str]:
    if isinstance(value, Ref):
        return {"@id": value.iri}
    return {"@value": value.text, "@language": value.lang} if value.lang else {"@value": value.text}


def jsonld(resources: Iterable[Resource]) -> str:
    """A JSON-LD document with an inline context (no remote context to fetch) and one node per resource."""
    nodes = []
    for res in resources:
        node: dict[str, object] = {"@id": res.iri, "@type": res.type}
        for predicate, objects in res.properties:
            node[predicate] = [_jsonld_value(o) for o in objects]
        nodes.append(node)
    document = {"@context": dict(sorted(PREFIXES.items())), "@graph": nodes}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"

