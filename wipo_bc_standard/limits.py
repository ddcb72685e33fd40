"""Limits on what one input may ask of a run: bytes, nesting, sizes, counts, digits.

Inputs come from parties the user does not control; each limit is checked *before* the expensive
step it protects (parsing, schema validation, RDF processing, SHACL, base58 decoding), and going
past one is a finding on the item (rule ``limit.<name>``), never a crash, a hang or a lost item.

The defaults are far above anything a real IP record, network profile, DID document or credential
needs (docs/limits.md gives each one's reason). Each can be changed for a run with an environment
variable ``WIPO_BC_LIMIT_<NAME>`` (for example ``WIPO_BC_LIMIT_ITEM_BYTES=67108864``), or from
Python with :func:`configure`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any

#: The clause findings about limits cite: they are this project's own proposal.
LIMITS_CLAUSE = "wipo-bc-standard: input limits (docs/limits.md), a proposal"


@dataclass(slots=True)
class Limits:
    """Each limit with its default. Sizes are in bytes, or characters for strings."""

    #: Bytes of one item: a JSON document, an NDJSON line, a ledger entry's payload.
    item_bytes: int = 16 << 20
    #: Bytes of one file read whole (a JSON document or array, XML, JSON-LD, Turtle, options' files).
    file_bytes: int = 256 << 20
    #: Bytes of a JSON-LD, Turtle or XML file (their parsers hold several times their size in memory).
    form_bytes: int = 8 << 20
    #: Nesting of arrays and objects (JSON, ledger exports, JSON-LD) and of XML elements.
    depth: int = 64
    #: Members of one object, or elements of one array, inside an item.
    members: int = 10_000
    #: Characters of one string.
    string_chars: int = 1 << 20
    #: Digits of one integer (I-JSON integers have at most 16; Python refuses to convert 4,300).
    integer_digits: int = 400
    #: Triples of one RDF graph (JSON-LD or Turtle).
    rdf_triples: int = 5_000
    #: Members of one RDF collection (rdf:first/rdf:rest list).
    rdf_list_members: int = 300
    #: Findings kept per item; the rest are counted in one ``limit.findings`` finding.
    findings_per_item: int = 1_000
    #: Characters of an encoded public key (multibase, JWK coordinate) before it is decoded.
    key_chars: int = 1_024
    #: Characters of an encoded signature (proofValue, JWS) before it is decoded.
    signature_chars: int = 16_384
    #: Characters of a network profile's own pattern (an application-number pattern).
    pattern_chars: int = 1_024

    @classmethod
    def from_environment(cls, environ: Any = None) -> Limits:
        """The defaults, each replaced by ``WIPO_BC_LIMIT_<NAME>`` when that is set to an integer."""
        environ = os.environ if environ is None else environ
        changes: dict[str, int] = {}
        for f in fields(cls):
            raw = environ.get(f"WIPO_BC_LIMIT_{f.name.upper()}")
            if raw is None:
                continue
            try:
                value = int(raw)
            except ValueError:
                raise ValueError(f"WIPO_BC_LIMIT_{f.name.upper()}={raw!r} is not an integer") from None
            if value < 1:
                raise ValueError(f"WIPO_BC_LIMIT_{f.name.upper()} must be at least 1")
            changes[f.name] = value
        return replace(cls(), **changes)


def _initial() -> Limits:
    try:
        return Limits.from_environment()
    except ValueError:
        return Limits()  # a bad variable is reported by the CLI (see check_environment); the defaults hold


#: The limits in force.
LIMITS: Limits = _initial()


def configure(**changes: int) -> Limits:
    """Change limits for this process (and the worker processes it starts afterwards). The one
    :data:`LIMITS` object is changed in place, so every module that imported it sees the change."""
    for name, value in changes.items():
        if name not in {f.name for f in fields(Limits)}:
            raise TypeError(f"{name} is not a limit")
        setattr(LIMITS, name, value)
    for name, value in changes.items():
        os.environ[f"WIPO_BC_LIMIT_{name.upper()}"] = str(value)  # inherited by worker processes
    return LIMITS


def check_environment() -> str | None:
    """Why the ``WIPO_BC_LIMIT_*`` variables are wrong, if they are (a one-line error for the CLI)."""
    try:
        Limits.from_environment()
    except ValueError as exc:
        return str(exc)
    unknown = sorted(k for k in os.environ if k.startswith("WIPO_BC_LIMIT_")
                     and k[len("WIPO_BC_LIMIT_"):].lower() not in {f.name for f in fields(Limits)})
    return f"{unknown[0]} is not a limit (see docs/limits.md)" if unknown else None


def walk_exceeds(doc: Any, limits: Limits | None = None) -> tuple[str, dict[str, Any]] | None:
    """The first limit a parsed JSON value goes past (rule id and parameters), or None.

    Iterative (no recursion), and it stops at the depth limit, so it is bounded by the input's size.
    """
    limits = limits or LIMITS
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, str):
            if len(node) > limits.string_chars:
                return "limit.string-length", {"limit": limits.string_chars, "size": len(node)}
            continue
        if isinstance(node, dict):
            children: Any = node.values()
            for key in node:
                if len(key) > limits.string_chars:
                    return "limit.string-length", {"limit": limits.string_chars, "size": len(key)}
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limits.depth:
            return "json.depth", {"limit": limits.depth}
        if len(node) > limits.members:
            return "limit.members", {"limit": limits.members, "size": len(node)}
        stack.extend((child, depth + 1) for child in children if isinstance(child, (str, dict, list)))
    return None
