"""The vocabulary of the standard as SKOS: the terms in WIPO's languages and every code list.

Sources: ``terms.toml`` (this package) for the terms, ``wipo_bc_standard.codelists`` for the code
lists. Generated: ``vocab/terms.ttl`` and ``vocab/codelists.ttl`` (``wipo-bc vocab build``).

>>> from wipo_bc_standard import vocabulary
>>> vocabulary.term("blockchain").label("zh")
'区块链'
>>> vocabulary.code_iri("hash-algorithms", "sha-256")
'https://wipo-bc-standard.org/vocab/hash-algorithms/sha-256'
"""

from __future__ import annotations

import difflib
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ..constants import NS, VOCAB
from ..resources import data_dir
from .build import FILES, build, drift
from .concepts import (
    CODE_NOTES,
    LANGUAGES,
    TERM_SCHEME,
    Concept,
    Scheme,
    code_labels_zh,
    code_lists,
    concept_iri,
    scheme_iri,
    schemes,
)
from .rdf_writers import jsonld, turtle
from .statements import resources
from .tables import to_csv, to_markdown

if TYPE_CHECKING:
    import rdflib

__all__ = ["CODE_NOTES", "EXPORT_FORMATS", "FILES", "LANGUAGES", "NS", "TERM_SCHEME", "VOCAB", "AmbiguousTerm",
           "Concept", "Scheme", "UnknownTerm", "build", "code_iri", "code_labels_zh", "code_lists", "concept_iri",
           "drift", "export", "graph", "scheme", "scheme_iri", "schemes", "term", "terms"]

EXPORT_FORMATS = ("ttl", "jsonld", "csv", "md")


class UnknownTerm(LookupError):
    """No concept matches; ``suggestions`` holds close matches (names, notations or labels)."""

    def __init__(self, query: str, suggestions: list[str]):
        self.query, self.suggestions = query, suggestions
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown term {query!r}{hint}")


class AmbiguousTerm(LookupError):
    """Several code lists have a code that matches; name the scheme to choose."""

    def __init__(self, query: str, candidates: list[Concept]):
        self.query, self.candidates = query, candidates
        where = ", ".join(f"{c.scheme}/{c.name}" for c in candidates)
        super().__init__(f"term {query!r} is ambiguous: {where}; name the scheme")


def terms() -> tuple[Concept, ...]:
    """The terms of the standard, in notation order."""
    return scheme(TERM_SCHEME).concepts


def scheme(scheme_id: str) -> Scheme:
    """A concept scheme by id (``term`` or a code-list id); KeyError if there is none."""
    for s in schemes():
        if s.id == scheme_id:
            return s
    raise KeyError(f"unknown scheme {scheme_id!r}; known: {', '.join(s.id for s in schemes())}")


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("_", "-").split())


@cache
def _index(scheme_id: str, lang: str | None) -> tuple[dict[str, list[Concept]], dict[str, list[Concept]]]:
    """(name and notation -> concepts, label -> concepts) of one scheme; labels in ``lang`` or all."""
    ids: dict[str, list[Concept]] = {}
    labels: dict[str, list[Concept]] = {}
    for c in scheme(scheme_id).concepts:
        for key in {_key(c.name), _key(c.notation)}:
            ids.setdefault(key, []).append(c)
        langs = [lang] if lang else list(c.labels) + list(c.alt_labels)
        texts = [c.labels.get(lg, "") for lg in langs] + [t for lg in langs for t in c.alt_labels.get(lg, ())]
        for key in {_key(t) for t in texts if t}:
            labels.setdefault(key, []).append(c)
    return ids, labels


def term(query: str, lang: str | None = None, scheme_id: str | None = None) -> Concept:
    """The concept whose name (slug or code), notation or label is ``query`` (case-insensitive).

    Labels are matched in ``lang`` only when it is given, else in every language. Terms are
    searched before code lists, unless ``scheme_id`` names the one scheme to search. Raises
    ``UnknownTerm`` (with close matches) or ``AmbiguousTerm`` (a code in several lists), and
    KeyError for an unknown ``scheme_id``.
    """
    key = _key(query)
    scheme_ids = [scheme_id] if scheme_id else [s.id for s in schemes()]
    for kind in (0, 1):  # identifiers (slug, notation, code) first, then labels
        for group in ([TERM_SCHEME], [s for s in scheme_ids if s != TERM_SCHEME]):
            found = [c for s in group if s in scheme_ids for c in _index(s, lang)[kind].get(key, [])]
            if len({c.iri for c in found}) == 1:
                return found[0]
            if found:
                raise AmbiguousTerm(query, found)
    raise UnknownTerm(query, _suggestions(key, scheme_ids, lang))


def _suggestions(key: str, scheme_ids: list[str], lang: str | None) -> list[str]:
    keys = sorted({k for s in scheme_ids for index in _index(s, lang) for k in index})
    return difflib.get_close_matches(key, keys, n=5, cutoff=0.6)


@lru_cache(maxsize=4096)  # a few hundred codes; cheap enough to call per value on the hot path
def code_iri(codelist_id: str, value: str) -> str:
    """IRI of a code: ``https://wipo-bc-standard.org/vocab/<codelist-id>/<code>``; KeyError if unknown."""
    code_list = code_lists().get(codelist_id)
    if code_list is None:
        raise KeyError(f"unknown code list {codelist_id!r}")
    if value not in code_list:
        raise KeyError(f"{value!r} is not a code of {codelist_id!r}")
    return concept_iri(codelist_id, value)


def graph() -> rdflib.Graph:
    """The bundled vocabulary (``vocab/*.ttl`` as shipped) as a new rdflib graph."""
    import rdflib  # imported here: only the vocabulary commands need it

    g = rdflib.Graph()
    folder = data_dir("vocab")
    for name in FILES:
        g.parse(folder / name, format="turtle")
    return g


def export(fmt: str) -> str:
    """The whole vocabulary (terms and code lists) as ``ttl``, ``jsonld``, ``csv`` or ``md`` text."""
    all_schemes = schemes()
    if fmt == "ttl":
        return turtle(resources(all_schemes), "The vocabulary of wipo-bc-standard: terms and code lists.")
    if fmt == "jsonld":
        return jsonld(resources(all_schemes))
    if fmt == "csv":
        return to_csv(all_schemes)
    if fmt == "md":
        return to_markdown(all_schemes)
    raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
