"""RDF Dataset Canonicalization (W3C RDFC-1.0) of JSON-LD documents, offline and bounded.

The JSON-LD document becomes an RDF dataset (JSON-LD 1.1 Processing Algorithms, Deserialize
JSON-LD to RDF), whose canonical N-Quads are what the ``*-rdfc-*`` Data Integrity cryptosuites
hash. Both steps are PyLD's (Digital Bazaar's JSON-LD processor; its URDNA2015 is the algorithm
RDFC-1.0 standardised), with two guards of our own:

- contexts come only from :mod:`.contexts` (the bundled W3C documents): nothing is fetched;
- the work is bounded: RDFC-1.0 (4.4.3, and 6 Security Considerations) warns that crafted datasets
  make the blank node labelling exponential and asks implementations to limit it; labelling that
  needs more than :data:`MAX_N_DEGREE_CALLS` runs of Hash N-Degree Quads, or more permutations of
  related blank nodes or related-node hashes than a budget proportional to the dataset, is
  abandoned before it is done, so the time stays linear in the size of the input.

Nothing is dropped silently: W3C VC Data Integrity 1.0, 2.4.3 (Securing Data Losslessly) requires an
error when JSON-LD processing drops data (an undefined term, a relative IRI), since dropped data is not
protected by the proof, and a null base URL; both are done here (:attr:`RdfCanonicalizationError.data_loss`).

Literals holding control characters other than LF and CR are refused: the canonical N-Quads form
escapes some of them where PyLD writes them as they are, so the result would not be exact.
"""

from __future__ import annotations

import functools
import math
import warnings
from collections.abc import Iterator
from typing import Any

from .contexts import UnknownContext, document_loader
from .uri import is_uri

#: Runs of Hash N-Degree Quads allowed per canonicalisation; a credential needs none or a few.
MAX_N_DEGREE_CALLS = 200
#: Related-node hashes, and permutations of related blank nodes (RDFC-1.0, 4.8.3 step 5.4), allowed:
#: this many, plus :data:`WORK_PER_QUAD` per quad of the dataset.
MIN_WORK = 2_000
WORK_PER_QUAD = 4
#: Blank nodes allowed in one dataset (credentials have a handful).
MAX_BLANK_NODES = 2_000
#: JSON values (objects, arrays, strings, numbers...) canonicalised in one document, and items in
#: one array. PyLD's node map compares each value of a property with the values the node already
#: has (quadratic in the values of one node property); within these bounds the worst case stays
#: under a second, and a credential has a few dozen values.
MAX_VALUES = 1_000
MAX_ARRAY_ITEMS = 256
_UNSAFE_CONTROLS = frozenset(chr(c) for c in range(0x20) if c not in (0x0A, 0x0D)) | {"\x7f"}


class RdfCanonicalizationError(Exception):
    """A document that cannot be canonicalised here; ``reason`` says why."""

    def __init__(self, reason: str, context_url: str | None = None, data_loss: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.context_url = context_url
        #: True when JSON-LD processing would drop data (DATA_LOSS_DETECTION_ERROR): an error, not a limit.
        self.data_loss = data_loss


@functools.cache
def _pyld_errors() -> tuple[type[BaseException], ...]:
    """What PyLD raises on a malformed document: its JsonLdError (wrapping the loader's
    :class:`UnknownContext`), and, on some hostile inputs, a bare ValueError (a relative context IRI
    with no base) or TypeError (sorting node ids when one is null); and its warnings, should another
    thread's ``catch_warnings`` have put an "error" filter back meanwhile (the filters are process-wide).
    Anything else is a fault of this code, reported as such by the engine, not dressed as a finding."""
    from pyld.jsonld import JsonLdError  # type: ignore[import-untyped]

    return JsonLdError, UnknownContext, ValueError, TypeError, RecursionError, Warning


@functools.cache
def _bounded_rdfc() -> Any:
    """PyLD's canonicaliser class, bounded. PyLD (and the requests library it imports) load on the
    first canonicalisation: most runs never need them, and start-up stays short."""
    from pyld.canon import URDNA2015  # type: ignore[import-untyped]

    class BoundedRdfc(URDNA2015):  # type: ignore[misc]
        """PyLD's canonicalisation, counting the calls that can grow exponentially."""

        def __init__(self, quads: int) -> None:
            super().__init__()
            self.n_degree_calls = 0
            self.related_hashes = 0
            self.permutations = 0
            self.budget = MIN_WORK + WORK_PER_QUAD * quads

        def _abandon(self) -> None:
            raise RdfCanonicalizationError("labelling the blank nodes needs more work than a credential can "
                                        "(RDFC-1.0, 4.8 Hash N-Degree Quads); abandoned as a possible poison dataset")

        def hash_n_degree_quads(self, id_: str, issuer: Any) -> Any:
            self.n_degree_calls += 1
            if self.n_degree_calls > MAX_N_DEGREE_CALLS:
                self._abandon()
            return super().hash_n_degree_quads(id_, issuer)

        def hash_related_blank_node(self, related: str, quad: Any, issuer: Any, position: str) -> Any:
            self.related_hashes += 1
            if self.related_hashes > self.budget:
                self._abandon()
            return super().hash_related_blank_node(related, quad, issuer, position)

        def create_hash_to_related(self, id_: str, issuer: Any) -> Any:
            groups = super().create_hash_to_related(id_, issuer)
            # Each group's blank nodes are tried in every order: count them before any is tried.
            for blank_nodes in groups.values():
                self.permutations += math.factorial(min(len(blank_nodes), 20))
                if self.permutations > self.budget:
                    self._abandon()
            return groups

    return BoundedRdfc


def _values(node: Any) -> Iterator[Any]:
    """Every value of a JSON document, and its member names."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, dict):
            for key, value in current.items():
                if not _UNSAFE_CONTROLS.isdisjoint(key):
                    yield key
                stack.append(value)
        elif isinstance(current, list):
            if len(current) > MAX_ARRAY_ITEMS:
                raise RdfCanonicalizationError(f"an array of {len(current)} items: longer than RDF canonicalisation "
                                            f"is done here ({MAX_ARRAY_ITEMS})")
            stack.extend(current)


def _is_absolute_or_blank(iri: Any) -> bool:
    return isinstance(iri, str) and (iri.startswith("_:") or is_uri(iri))


def _relative_iri(expanded: Any) -> str | None:
    """The first node id, type or datatype of an expanded document that is not an absolute IRI."""
    stack = [expanded]
    while stack:
        current = stack.pop()
        if isinstance(current, list):
            stack.extend(current)
        elif isinstance(current, dict):
            ident = current.get("@id")
            if ident is not None and not _is_absolute_or_blank(ident):
                return str(ident)
            types = current.get("@type")
            for kind in types if isinstance(types, list) else [types] if types is not None else []:
                if kind != "@json" and not _is_absolute_or_blank(kind):
                    return str(kind)
            stack.extend(v for k, v in current.items() if k not in ("@id", "@type", "@value"))
    return None


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
    """The RDFC-1.0 canonical N-Quads of a JSON-LD document (raises :class:`RdfCanonicalizationError`)."""
    from pyld import jsonld  # type: ignore[import-untyped]

    for count, value in enumerate(_values(doc)):
        if count >= MAX_VALUES:
            raise RdfCanonicalizationError(f"more than {MAX_VALUES} JSON values: larger than RDF canonicalisation "
                                        "is done here")
        if isinstance(value, str) and not _UNSAFE_CONTROLS.isdisjoint(value):
            raise RdfCanonicalizationError("a string holds a control character (other than LF, CR) whose canonical "
                                        "N-Quads escape this canonicaliser does not write")
    # base None: a secured document may travel between domains, so no base URL is assumed (DI 1.0, 2.4.3).
    options = {"documentLoader": document_loader, "produceGeneralizedRdf": False, "base": None,
               "processingMode": "json-ld-1.1", "extractAllScripts": True}
    dropped: list[Any] = []
    try:
        # PyLD warns (and goes on, as JSON-LD 1.1 says) on reserved "@" terms and bad language tags: the
        # outcome must not depend on the warnings filter (-W error would refuse the document), nor print.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expanded = jsonld.expand(doc, options, on_property_dropped=dropped.append)
            if dropped:
                # PyLD names a dropped member by its expanded IRI: None for a term mapped to null or an @ word.
                what = (f"the member {dropped[0]!r} is not defined by any of the document's contexts"
                        if dropped[0] is not None else "a member is mapped to null (or named as a reserved @ word)")
                raise RdfCanonicalizationError(f"{what}, so JSON-LD drops it and no proof can protect it "
                                               "(DATA_LOSS_DETECTION_ERROR)", data_loss=True)
            relative = _relative_iri(expanded)
            if relative is not None:
                raise RdfCanonicalizationError(f"{relative!r} is neither defined by a context nor an absolute IRI, "
                                               "so JSON-LD drops it and no proof can protect it "
                                               "(DATA_LOSS_DETECTION_ERROR)", data_loss=True)
            dataset = jsonld.to_rdf(expanded, options)
    except _pyld_errors() as exc:
        unknown = _unknown_context(exc)
        if unknown is not None:
            raise RdfCanonicalizationError(str(unknown), unknown.url) from None
        raise RdfCanonicalizationError(f"not usable JSON-LD: {_first_line(exc)}") from None
    blank_nodes = {term["value"] for quads in dataset.values() for quad in quads
                   for term in quad.values() if term.get("type") == "blank node"}
    if len(blank_nodes) > MAX_BLANK_NODES:
        raise RdfCanonicalizationError(f"more than {MAX_BLANK_NODES} blank nodes")
    quad_count = sum(len(quads) for quads in dataset.values())
    try:
        result: str = _bounded_rdfc()(quad_count).main(dataset, {"format": "application/n-quads"})
    except RecursionError:
        raise RdfCanonicalizationError("blank nodes nested too deeply to canonicalise") from None
    return result


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else type(exc).__name__
