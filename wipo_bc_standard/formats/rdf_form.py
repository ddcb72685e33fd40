"""The RDF forms (JSON-LD and Turtle): offline reading, and lossless conversion to and from JSON.

A W3C credential, presentation or DID document (its first ``@context`` is a W3C base context, or
its members say it is one: :func:`~wipo_bc_standard.targets.detect`) is read as the JSON it is, for the identity checks; the W3C contexts it names are bundled
(:mod:`wipo_bc_standard.identity.contexts`) and any other is a ``jsonld.remote-context`` warning.

The project's own JSON-LD is read with the bundled context only. The context is known by its URL
(:data:`~.model_map.CONTEXT_URL`) or given inline; every ``@context`` and ``@import`` is looked at
before any JSON-LD processing, and any other reference (a URL, a relative path) is refused with a
``jsonld.remote-context`` finding. The bundled URL is then replaced by the bundled document, so the
JSON-LD processor is never handed anything it could fetch: nothing is read from the network.

The JSON form of an RDF graph is found from its root nodes (typed ``wbc:Record``,
``wbc:NetworkProfile`` or ``wbc:GovernanceDeclaration``), walked with the target's model: the model
says which members are objects, lists or values, so the JSON document comes back exactly.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import orjson
import rdflib
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.plugins.parsers.jsonld import Parser as _JsonLdParser
from rdflib.plugins.shared.jsonld.context import Context as _JsonLdContext

from .. import jsontext
from ..codelists import ALL as CODE_LISTS
from ..constants import CONTEXT_URL, NS, VOCAB
from ..findings import Finding, Level
from ..identity.contexts import is_w3c_document, unknown_contexts
from ..items import Item
from ..limits import LIMITS
from ..resources import data_dir
from ..targets import detect
from .errors import ConversionError, FormError, form_error
from .model_map import MODEL_TARGETS, Field, Scalar, TargetModel, model

#: Largest JSON-LD or Turtle file read (the graph of a record is a few KiB).
MAX_RDF_BYTES = 8 * 1024 * 1024  # the default of the form_bytes limit (limits.LIMITS.form_bytes is in force)
CONTEXT_FILE = "context.jsonld"
RDF_FORM_CLAUSE = "this standard (proposal): the RDF form of the documents (vocab/context.jsonld, schemas/*.shacl.ttl)"
WBC = Namespace(NS)
#: The JSON form of a blank node found where the model has a value.
BLANK_NODE_VALUE = "_:blank-node"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {_XSD + t for t in ("integer", "double", "decimal", "float", "long", "int", "nonNegativeInteger")}


class _IllTypedLiteralFilter(logging.Filter):
    """rdflib logs a traceback for every ill-typed literal (a date like 2021-13-45) and a warning for
    every malformed IRI; the SHACL checks and the conversion report those as findings, so the log
    lines would only be noise on stderr."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Failed to convert Literal lexical form to value")
                    or message.endswith("does not look like a valid URI, trying to serialize this will break."))


logging.getLogger("rdflib.term").addFilter(_IllTypedLiteralFilter())


@contextmanager
def _lexical_forms_kept() -> Iterator[None]:
    """rdflib rewrites typed literals to its canonical form by default (``...T10:00:00Z`` becomes
    ``...T10:00:00+00:00``); the JSON form must come back exactly, so parsing keeps them as written."""
    before = rdflib.NORMALIZE_LITERALS
    rdflib.NORMALIZE_LITERALS = False
    try:
        yield
    finally:
        rdflib.NORMALIZE_LITERALS = before


@lru_cache(maxsize=1)
def context_document() -> dict[str, Any]:
    """The bundled JSON-LD context document (``vocab/context.jsonld``)."""
    doc: dict[str, Any] = orjson.loads((data_dir("vocab") / CONTEXT_FILE).read_bytes())
    return doc


# ---------------------------------------------------------------------------------------------
# JSON -> RDF


def _check_representable(doc: Any, m: TargetModel, type_name: str, where: str) -> None:
    """Raise ConversionError for what JSON-LD would drop silently (unknown members, nulls)."""
    if not isinstance(doc, dict):
        raise ConversionError(f"{where or '/'}: expected an object")
    object_type = m.types[type_name]
    for name, value in doc.items():
        f = object_type.by_name.get(name)
        here = f"{where}/{name}"
        if f is None:
            raise ConversionError(f"{here}: member is not part of the model, so it has no RDF form")
        if value is None:
            raise ConversionError(f"{here}: null has no RDF form")
        if f.kind == "object" and f.type_name:
            _check_representable(value, m, f.type_name, here)
        elif f.kind == "array" and f.item is not None:
            if not isinstance(value, list):
                raise ConversionError(f"{here}: expected an array")
            for index, entry in enumerate(value):
                if f.item.kind == "object" and f.item.type_name:
                    _check_representable(entry, m, f.item.type_name, f"{here}/{index}")
                elif entry is None or isinstance(entry, (dict, list)):
                    raise ConversionError(f"{here}/{index}: expected a value")
        elif f.kind == "scalar" and isinstance(value, (dict, list)):
            raise ConversionError(f"{here}: expected a value")


def to_jsonld(doc: dict[str, Any], target: str) -> dict[str, Any]:
    """The JSON-LD form: the JSON document with the bundled context and its class."""
    m = model(target)
    _check_representable(doc, m, m.root, "")
    return {"@context": CONTEXT_URL, "@type": m.root, **doc}


def to_graph(doc: dict[str, Any], target: str) -> Graph:
    graph = jsonld_graph(to_jsonld(doc, target))
    assert isinstance(graph, Graph)
    return graph


def to_turtle(doc: dict[str, Any], target: str) -> str:
    """The Turtle form of a JSON document."""
    graph = to_graph(doc, target)
    graph.bind("wbc", NS)
    for code_list in CODE_LISTS:
        graph.bind(code_list, f"{VOCAB}{code_list}/")
    text: str = graph.serialize(format="turtle")
    return text


# ---------------------------------------------------------------------------------------------
# Reading JSON-LD offline


def _remote_contexts(node: Any, found: list[str], in_context: bool = False) -> None:
    """Collect every context reference other than the bundled URL (anywhere in the document)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("@context", "@import"):
                refs = value if isinstance(value, list) else [value]
                for ref in refs:
                    if isinstance(ref, str) and (ref != CONTEXT_URL or key == "@import"):
                        found.append(ref)
                    elif isinstance(ref, dict):
                        _remote_contexts(ref, found, True)
            else:
                _remote_contexts(value, found, in_context)
    elif isinstance(node, list):
        for value in node:
            _remote_contexts(value, found, in_context)


def _inline(node: Any) -> Any:
    """The document with each reference to the bundled context replaced by the context itself."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "@context":
                refs = value if isinstance(value, list) else [value]
                resolved = [context_document()["@context"] if ref == CONTEXT_URL else _inline(ref) for ref in refs]
                out[key] = resolved if isinstance(value, list) else resolved[0]
            else:
                out[key] = _inline(value)
        return out
    if isinstance(node, list):
        return [_inline(v) for v in node]
    return node


class _TooManyTriples(Exception):
    """Raised while parsing, as soon as a graph goes past the ``rdf_triples`` limit."""


class _BoundedGraph(Graph):
    """A graph that refuses triples past the ``rdf_triples`` limit, so parsing stops there (the
    parsers add triples as they go: a 100k-triple file costs no more than the limit)."""

    def __init__(self) -> None:
        super().__init__()
        self._left = LIMITS.rdf_triples

    def add(self, triple: Any) -> Any:
        self._left -= 1
        if self._left < 0:
            raise _TooManyTriples()
        return super().add(triple)


def _too_many_triples() -> FormError:
    return form_error("limit.rdf", f"the graph has more than {LIMITS.rdf_triples} triples, the limit "
                      "(rdf_triples, docs/limits.md); not checked further", RDF_FORM_CLAUSE)


def _too_deep() -> FormError:
    return form_error("limit.rdf", f"nested deeper than the parser can follow (limit depth: {LIMITS.depth}, "
                      "docs/limits.md); not checked further", RDF_FORM_CLAUSE)


class _BadList(Exception):
    """An RDF collection that cannot be read as a list: it loops, or is longer than the limit."""

    def __init__(self, rule: str, detail: str) -> None:
        super().__init__(detail)
        self.error = form_error(rule, detail, RDF_FORM_CLAUSE)


class _OfflineContext(_JsonLdContext):
    """The JSON-LD processor's document loader, made unable to load: everything is inline by now."""

    def _fetch_context(self, source: str, base: str | None, referenced_contexts: set[str]) -> Any:
        raise ValueError(f"remote context {source} refused (nothing is fetched)")


def jsonld_graph(data: Any) -> Graph | FormError:
    """The RDF graph of a parsed JSON-LD document, or why it is refused; never touches the network."""
    remote: list[str] = []
    _remote_contexts(data, remote)
    if remote:
        return form_error("jsonld.remote-context",
                         f"context {remote[0]!r} is not the bundled context ({CONTEXT_URL}); "
                         "remote contexts are never fetched", RDF_FORM_CLAUSE)
    graph = _BoundedGraph()
    try:
        with _lexical_forms_kept():
            _JsonLdParser().parse(_inline(data), _OfflineContext(base=None, version=1.1), graph)
    except _TooManyTriples:
        return _too_many_triples()
    except RecursionError:
        return _too_deep()
    except Exception as exc:  # rdflib raises many kinds for malformed JSON-LD: each is an error finding, never a pass
        return form_error("jsonld.syntax", f"not usable JSON-LD: {exc}", RDF_FORM_CLAUSE)
    return graph


# ---------------------------------------------------------------------------------------------
# RDF -> JSON


@dataclass(slots=True)
class Root:
    """One document found in a graph: its target, node, JSON form and the JSON Pointer of each node."""

    target: str | None
    node: Any
    doc: Any
    pointers: dict[Any, str]


def _scalar_value(term: Any, scalar: Scalar | None) -> Any:
    if isinstance(term, URIRef):
        text = str(term)
        if scalar is not None and scalar.code_list:
            base = f"{VOCAB}{scalar.code_list}/"
            if text.startswith(base):
                return text[len(base):]
        return text
    if isinstance(term, Literal):
        lexical = str(term)
        datatype = str(term.datatype) if term.datatype else ""
        if datatype == _XSD + "boolean" and lexical in ("true", "false", "1", "0"):
            return lexical in ("true", "1")
        if datatype in _NUMERIC and len(lexical) <= LIMITS.integer_digits:
            try:
                number = float(lexical)
            except ValueError:
                return lexical
            if datatype != _XSD + "double" and datatype != _XSD + "float" and "." not in lexical:
                return int(lexical) if lexical.lstrip("+-").isdigit() else number
            return int(number) if scalar is not None and scalar.type == "integer" and number.is_integer() else number
        return lexical
    if isinstance(term, BNode):  # a node where a value belongs (SHACL says so): its parser-made label would
        return BLANK_NODE_VALUE  # differ from run to run, and so would every message quoting it
    return str(term)


class _Walker:
    def __init__(self, graph: Graph, m: TargetModel) -> None:
        self.graph = graph
        self.m = m
        self.pointers: dict[Any, str] = {}

    def object(self, node: Any, type_name: str, pointer: str) -> dict[str, Any]:
        self.pointers.setdefault(node, pointer)
        out: dict[str, Any] = {}
        for f in self.m.types[type_name].fields:
            values = sorted(self.graph.objects(node, WBC[f.name]), key=str)
            if values:  # more than one value: the SHACL shapes (maxCount 1) report it
                out[f.name] = self.member(values[0], f, f"{pointer}/{f.name}")
        return out

    def member(self, value: Any, f: Field, pointer: str) -> Any:
        if f.kind == "object" and f.type_name and isinstance(value, (BNode, URIRef)):
            return self.object(value, f.type_name, pointer)
        if f.kind == "array" and f.item is not None:
            if value == RDF.nil or (value, RDF.first, None) in self.graph:
                entries = self.collection(value)
            else:
                entries = [value]
            return [self.member(entry, f.item, f"{pointer}/{index}") for index, entry in enumerate(entries)]
        return _scalar_value(value, f.scalar)

    def collection(self, head: Any) -> list[Any]:
        """The members of an RDF collection, as rdflib's ``Graph.items`` reads them, but raising
        :class:`_BadList` for a list that loops back on itself or is longer than the limit."""
        members: list[Any] = []
        seen = {head}
        node = head
        while node and node != RDF.nil:
            member = self.graph.value(node, RDF.first)
            if member is not None:
                members.append(member)
                if len(members) > LIMITS.rdf_list_members:
                    raise _BadList("limit.rdf", f"an RDF list has more than {LIMITS.rdf_list_members} members, "
                                   "the limit (rdf_list_members, docs/limits.md); not checked further")
            node = self.graph.value(node, RDF.rest)
            if node in seen:
                raise _BadList("rdf.list", "an RDF list loops back on itself (its rdf:rest chain is a cycle)")
            seen.add(node)
        return members


def _roots(graph: Graph) -> list[tuple[str | None, Any]]:
    typed: list[tuple[str | None, Any]] = []
    for target in MODEL_TARGETS:
        for node in graph.subjects(RDF.type, WBC[model(target).root]):
            typed.append((target, node))
    if typed:
        return typed
    objects = set(graph.objects())
    untyped = {s for s in graph.subjects() if s not in objects and (s, RDF.first, None) not in graph}
    found: list[tuple[str | None, Any]] = []
    for node in untyped:
        members = {str(p)[len(NS):]: True for p in graph.predicates(node) if str(p).startswith(NS)}
        found.append((detect(members), node))
    return found


def documents(graph: Graph) -> list[Root]:
    """The documents in a graph, each as its JSON form, ordered by their identifier."""
    roots = []
    for target, node in _roots(graph):
        if target is None:
            roots.append(Root(None, node, None, {}))
            continue
        walker = _Walker(graph, model(target))
        doc = walker.object(node, model(target).root, "")
        roots.append(Root(target, node, doc, walker.pointers))
    key_members = ("recordId", "profileId", "declarationId")
    roots.sort(key=lambda r: (MODEL_TARGETS.index(r.target) if r.target else 9,
                              next((str(r.doc[k]) for k in key_members if isinstance(r.doc, dict) and k in r.doc), ""),
                              str(r.node)))
    return roots


# ---------------------------------------------------------------------------------------------
# Readers


def _items_of_graph(source: str, graph: Graph) -> Iterator[Item]:
    from .shacl_check import shacl_findings  # pyshacl is imported only when RDF is read

    try:
        if _rest_cycle(graph):
            raise _BadList("rdf.list", "an RDF list loops back on itself (its rdf:rest chain is a cycle)")
        roots = documents(graph)
    except _BadList as exc:
        yield Item(source, 0, None, error=exc.error)
        return
    if not roots:
        yield Item(source, 0, None, error=form_error("rdf.no-document", "the graph holds no record, network "
                                                    "profile or governance declaration", RDF_FORM_CLAUSE))
        return
    per_root = shacl_findings(graph, roots)
    for index, (root, findings) in enumerate(zip(roots, per_root)):
        if root.target is None:
            yield Item(source, index, None, findings=findings,
                       error=form_error("rdf.no-type", "a node without rdf:type and without the members of "
                                       "any target", RDF_FORM_CLAUSE))
        else:
            yield Item(source, index, None, doc=root.doc, findings=findings)


def _rest_cycle(graph: Graph) -> bool:
    """Whether any rdf:rest chain of the graph is a cycle (SHACL and rdflib would loop on it)."""
    done: set[Any] = set()
    for start in set(graph.subjects(RDF.rest, None)):
        if start in done:
            continue
        on_path: set[Any] = set()
        stack = [(start, iter(graph.objects(start, RDF.rest)))]
        on_path.add(start)
        while stack:
            node, successors = stack[-1]
            following = next(successors, None)
            if following is None:
                stack.pop()
                on_path.discard(node)
                done.add(node)
            elif following in on_path:
                return True
            elif following not in done:
                on_path.add(following)
                stack.append((following, iter(graph.objects(following, RDF.rest))))
    return False
W3C_CLAUSE = ("JSON-LD 1.1, 3.1 The Context (contexts named by URL); W3C VC Data Model 2.0, 4.3 Contexts; "
              "W3C DID Core 1.0, 6.3 JSON-LD")


def _w3c_document(source: str, doc: dict[str, Any]) -> Item:
    """A credential, presentation or DID document as published: its JSON is what the checks read.
    The W3C contexts it names are bundled; any other is a finding and is never fetched."""
    findings = [Finding(rule="jsonld.remote-context", level=Level.WARNING, clause=W3C_CLAUSE,
                        message=(detail := f"context {url!r} is not one of the bundled W3C contexts: its terms cannot "
                                           "be known offline (nothing is fetched)"),
                        params=(("detail", detail),))
                for url in unknown_contexts(doc)]
    return Item(source, 0, None, doc=doc, findings=findings)


def items_from_jsonld(source: str, data: bytes) -> Iterator[Item]:
    if len(data) > LIMITS.form_bytes:
        yield Item(source, 0, None, error=form_error("jsonld.too-large", f"larger than {LIMITS.form_bytes} bytes",
                                                     RDF_FORM_CLAUSE))
        return
    parsed = jsontext.parse(data)
    if isinstance(parsed, jsontext.ParseError):
        yield Item(source, 0, None, error=parsed)
        return
    if is_w3c_document(parsed) or detect(parsed) in ("vc", "did"):
        yield _w3c_document(source, parsed)
        return
    graph = jsonld_graph(parsed)
    if isinstance(graph, FormError):
        yield Item(source, 0, None, error=graph)
        return
    yield from _items_of_graph(source, graph)


def items_from_turtle(source: str, data: bytes) -> Iterator[Item]:
    if len(data) > LIMITS.form_bytes:
        yield Item(source, 0, None, error=form_error("ttl.too-large", f"larger than {LIMITS.form_bytes} bytes",
                                                     RDF_FORM_CLAUSE))
        return
    graph = _BoundedGraph()
    try:
        with _lexical_forms_kept():
            graph.parse(data=data.decode("utf-8"), format="turtle")
    except _TooManyTriples:
        yield Item(source, 0, None, error=_too_many_triples())
        return
    except UnicodeDecodeError as exc:
        yield Item(source, 0, None, error=form_error("ttl.encoding", f"not UTF-8: byte {exc.start}", RDF_FORM_CLAUSE))
        return
    except RecursionError:
        yield Item(source, 0, None, error=_too_deep())
        return
    except Exception as exc:  # rdflib's Turtle parser raises BadSyntax and others: each is an error finding
        message = " ".join(str(exc).split()).split(" at ^ in:")[0]
        yield Item(source, 0, None, error=form_error("ttl.syntax", f"not Turtle: {message}", RDF_FORM_CLAUSE))
        return
    yield from _items_of_graph(source, graph)
