"""RDF Dataset Canonicalization (W3C RDFC-1.0) of JSON-LD documents, offline and bounded.

The JSON-LD document becomes an RDF dataset (JSON-LD 1.1 Processing Algorithms, Deserialize
JSON-LD to RDF), whose canonical N-Quads are what the ``*-rdfc-*`` Data Integrity cryptosuites
hash. Both steps are PyLD's (Digital Bazaar's JSON-LD processor; its URDNA2015 is the algorithm
RDFC-1.0 standardised), with two guards of our own:

- contexts come only from :mod:`.contexts` (the bundled W3C documents): nothing is fetched;
- the work is bounded: RDFC-1.0, 4.4.3 and 6 (Security Considerations) warn that crafted
  datasets make the blank node labelling exponential and ask implementations to limit it; a run
  of the Hash N-Degree Quads algorithm beyond :data:`MAX_N_DEGREE_CALLS` is abandoned.

Literals holding control characters other than LF and CR are refused: the canonical N-Quads form
escapes some of them where PyLD writes them as they are, so the result would not be exact.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pyld import jsonld  # type: ignore[import-untyped]
from pyld.canon import URDNA2015  # type: ignore[import-untyped]

from .contexts import UnknownContext, document_loader

#: Runs of Hash N-Degree Quads allowed per canonicalisation; a credential needs none or a few.
MAX_N_DEGREE_CALLS = 2_000
#: Blank nodes allowed in one dataset (credentials have a handful).
MAX_BLANK_NODES = 5_000
_UNSAFE_CONTROLS = frozenset(chr(c) for c in range(0x20) if c not in (0x0A, 0x0D)) | {"\x7f"}


class CanonicalizationError(Exception):
    """A document that cannot be canonicalised here; ``reason`` says why."""

    def __init__(self, reason: str, context_url: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.context_url = context_url


class _BoundedRdfc(URDNA2015):  # type: ignore[misc]
    """PyLD's canonicalisation, counting the calls that can grow exponentially."""

    def __init__(self) -> None:
        super().__init__()
        self.n_degree_calls = 0

    def hash_n_degree_quads(self, id_: str, issuer: Any) -> Any:
        self.n_degree_calls += 1
        if self.n_degree_calls > MAX_N_DEGREE_CALLS:
            raise CanonicalizationError(f"blank node labelling needs more than {MAX_N_DEGREE_CALLS} rounds of "
                                        "Hash N-Degree Quads (RDFC-1.0, 4.8); abandoned as a possible "
                                        "poison dataset")
        return super().hash_n_degree_quads(id_, issuer)


def _strings(node: Any) -> Iterator[str]:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, str):
            yield current
        elif isinstance(current, dict):
            stack.extend(current.keys())
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)


def _unknown_context(exc: BaseException) -> UnknownContext | None:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, UnknownContext):
            return current
        details = getattr(current, "details", None)
        cause = details.get("cause") if isinstance(details, dict) else None
        current = cause if isinstance(cause, BaseException) else current.__cause__ or current.__context__
    return None


def canonical_nquads(doc: Any) -> str:
    """The RDFC-1.0 canonical N-Quads of a JSON-LD document (raises :class:`CanonicalizationError`)."""
    if any(not _UNSAFE_CONTROLS.isdisjoint(text) for text in _strings(doc)):
        raise CanonicalizationError("a string holds a control character (other than LF, CR) whose canonical "
                                    "N-Quads escape this canonicaliser does not write")
    options = {"documentLoader": document_loader, "produceGeneralizedRdf": False, "base": "",
               "processingMode": "json-ld-1.1", "extractAllScripts": True}
    try:
        dataset = jsonld.to_rdf(doc, options)
    except Exception as exc:  # PyLD raises JsonLdError for every malformed input, wrapping the loader's
        unknown = _unknown_context(exc)
        if unknown is not None:
            raise CanonicalizationError(str(unknown), unknown.url) from None
        raise CanonicalizationError(f"not usable JSON-LD: {_first_line(exc)}") from None
    blank_nodes = {term["value"] for quads in dataset.values() for quad in quads
                   for term in quad.values() if term.get("type") == "blank node"}
    if len(blank_nodes) > MAX_BLANK_NODES:
        raise CanonicalizationError(f"more than {MAX_BLANK_NODES} blank nodes")
    try:
        result: str = _BoundedRdfc().main(dataset, {"format": "application/n-quads"})
    except CanonicalizationError:
        raise
    except RecursionError:
        raise CanonicalizationError("blank nodes nested too deeply to canonicalise") from None
    except Exception as exc:  # a dataset PyLD's canonicaliser cannot handle is a finding, not a traceback
        raise CanonicalizationError(f"cannot be canonicalised: {_first_line(exc)}") from None
    return result


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else type(exc).__name__
