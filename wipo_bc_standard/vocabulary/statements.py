"""The schemes as RDF statements in a fixed order, ready for the Turtle and JSON-LD writers.

Writing the statements ourselves (rather than through rdflib's serializers, whose output order
varies) makes the generated files byte-for-byte reproducible.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..constants import NS, VOCAB
from .concepts import LANGUAGES, Concept, Scheme

#: Namespace of the extra facts of codes (``Code.facts``), kept apart from the data model's ``ns:``.
FACTS = f"{VOCAB}fact#"
PREFIXES = {
    "dct": "http://purl.org/dc/terms/",
    "fact": FACTS,
    "ns": NS,
    "skos": "http://www.w3.org/2004/02/skos/core#",
}

_FACT_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*\Z")


@dataclass(frozen=True, slots=True)
class Literal:
    text: str
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Ref:
    iri: str


Value = Literal | Ref


@dataclass(frozen=True, slots=True)
class Resource:
    """A subject, its rdf:type (a CURIE) and its (predicate CURIE, objects) pairs, in writing order."""

    iri: str
    type: str
    properties: tuple[tuple[str, tuple[Value, ...]], ...]


def _texts(values: dict[str, str]) -> tuple[Literal, ...]:
    return tuple(Literal(values[lang], lang) for lang in LANGUAGES if lang in values)


def _multi_texts(values: dict[str, tuple[str, ...]]) -> tuple[Literal, ...]:
    return tuple(Literal(text, lang) for lang in LANGUAGES for text in values.get(lang, ()))


def _plain(values: Iterable[str]) -> tuple[Literal, ...]:
    return tuple(Literal(v) for v in values)


def _refs(iris: Iterable[str]) -> tuple[Ref, ...]:
    return tuple(Ref(i) for i in iris)


def _keep(pairs: Iterable[tuple[str, tuple[Value, ...]]]) -> tuple[tuple[str, tuple[Value, ...]], ...]:
    return tuple((p, objs) for p, objs in pairs if objs)


def scheme_resource(scheme: Scheme) -> Resource:
    return Resource(scheme.iri, "skos:ConceptScheme", _keep([
        ("dct:identifier", (Literal(scheme.id),)),
        ("dct:title", _texts(scheme.titles)),
        ("skos:definition", _texts(scheme.definitions)),
        ("dct:source", _plain(scheme.sources)),
        ("skos:editorialNote", _plain(scheme.notes)),
        ("skos:hasTopConcept", _refs(c.iri for c in scheme.top_concepts())),
    ]))


def concept_resource(concept: Concept, scheme: Scheme, top: bool) -> Resource:
    facts = []
    for name, value in concept.facts:
        if not _FACT_NAME.match(name):
            raise ValueError(f"{concept.iri}: fact name {name!r} is not a valid property name")
        facts.append((f"fact:{name}", (Literal(value),)))
    return Resource(concept.iri, "skos:Concept", _keep([
        ("skos:inScheme", (Ref(scheme.iri),)),
        ("skos:topConceptOf", (Ref(scheme.iri),) if top else ()),
        ("skos:notation", (Literal(concept.notation),)),
        ("skos:prefLabel", _texts(concept.labels)),
        ("skos:altLabel", _multi_texts(concept.alt_labels)),
        ("skos:definition", _texts(concept.definitions)),
        ("dct:source", _plain(concept.sources)),
        ("skos:broader", _refs(concept.broader)),
        ("skos:related", _refs(concept.related)),
        ("skos:closeMatch", _refs(concept.close_match)),
        ("ns:typicalLedgerRole", _refs(concept.ledger_roles)),
        ("skos:editorialNote", _plain(concept.notes)),
        ("ns:labelSource", _plain(f"{lang}: {b.text()}" for lang, b in concept.label_bases.items())),
        ("ns:definitionSource", _plain(b.text() for b in concept.definition_bases)),
        *facts,
    ]))


def resources(schemes: Iterable[Scheme]) -> Iterator[Resource]:
    """Each scheme, then its concepts, in source order."""
    for scheme in schemes:
        yield scheme_resource(scheme)
        tops = {c.iri for c in scheme.top_concepts()}
        for concept in scheme.concepts:
            yield concept_resource(concept, scheme, concept.iri in tops)
