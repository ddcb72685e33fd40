"""The well-known W3C JSON-LD contexts, resolved offline.

Verifiable credentials and Data Integrity proofs name their contexts by URL. The W3C context
documents they name most are bundled with the package (``w3c_contexts/``, with their W3C licence
notice) and answer for their URLs; any other URL is refused, never fetched (JSON-LD 1.1 Processing
Algorithms, 9.4 Remote Document and Context Retrieval, lets a processor use its own loader).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import orjson

_FOLDER = Path(__file__).resolve().parent / "w3c_contexts"

#: URL -> bundled file (``w3c_contexts/NOTICE.md`` says where each came from).
BUNDLED: dict[str, str] = {
    "https://www.w3.org/2018/credentials/v1": "credentials-v1.jsonld",
    "https://www.w3.org/ns/credentials/v2": "credentials-v2.jsonld",
    "https://www.w3.org/2018/credentials/examples/v1": "credentials-examples-v1.jsonld",
    "https://www.w3.org/ns/credentials/examples/v2": "credentials-examples-v2.jsonld",
    "https://www.w3.org/ns/credentials/undefined-terms/v2": "credentials-undefined-terms-v2.jsonld",
    "https://w3id.org/security/data-integrity/v1": "data-integrity-v1.jsonld",
    "https://w3id.org/security/data-integrity/v2": "data-integrity-v2.jsonld",
    "https://w3id.org/security/multikey/v1": "multikey-v1.jsonld",
    "https://w3id.org/security/jwk/v1": "jwk-v1.jsonld",
    "https://w3id.org/security/suites/ed25519-2020/v1": "ed25519-2020-v1.jsonld",
}

#: First ``@context`` items that make a document a W3C credential, presentation or DID document
#: (read as the JSON it is, not as this project's RDF form).
W3C_BASE_CONTEXTS = frozenset({"https://www.w3.org/2018/credentials/v1", "https://www.w3.org/ns/credentials/v2",
                               "https://www.w3.org/ns/did/v1", "https://w3id.org/did/v1"})


class UnknownContext(Exception):
    """A context URL that is not bundled: it is never fetched."""

    def __init__(self, url: str) -> None:
        super().__init__(f"the context {url} is not one of the bundled W3C contexts (nothing is fetched)")
        self.url = url


@cache
def _document(url: str) -> dict[str, Any]:
    loaded: dict[str, Any] = orjson.loads((_FOLDER / BUNDLED[url]).read_bytes())
    return loaded


def bundled_document(url: str) -> dict[str, Any]:
    """The bundled context document answering for ``url``; :class:`UnknownContext` otherwise."""
    if url not in BUNDLED:
        raise UnknownContext(url)
    return _document(url)


def document_loader(url: str, options: Any = None) -> dict[str, Any]:
    """A JSON-LD document loader (PyLD's interface) that answers from the bundle only."""
    return {"contextUrl": None, "documentUrl": url, "document": bundled_document(url)}


def context_references(node: Any) -> Iterator[str]:
    """Every context named by reference (``@context`` or ``@import``) anywhere in a document."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, str):
            yield current  # a reference pushed below, in document order
        elif isinstance(current, dict):
            later: list[Any] = []
            for key, value in current.items():
                if key in ("@context", "@import"):
                    later.extend(ref for ref in (value if isinstance(value, list) else [value])
                                 if isinstance(ref, (str, dict)))
                elif isinstance(value, (dict, list)):
                    later.append(value)
            stack.extend(reversed(later))
        elif isinstance(current, list):
            stack.extend(reversed([v for v in current if isinstance(v, (dict, list))]))


def unknown_contexts(doc: Any) -> list[str]:
    """The context URLs of ``doc`` that are not bundled, in order of first appearance."""
    seen: dict[str, None] = {}
    for ref in context_references(doc):
        if ref not in BUNDLED:
            seen.setdefault(ref, None)
    return list(seen)


def is_w3c_document(doc: Any) -> bool:
    """True when the first ``@context`` item is a W3C credentials or DID base context."""
    context = doc.get("@context") if isinstance(doc, dict) else None
    first = context[0] if isinstance(context, list) and context else context
    return isinstance(first, str) and first in W3C_BASE_CONTEXTS
