"""The vocabulary as data: concept schemes and their concepts, read from their two sources.

The terms come from ``terms.toml`` (this package); every code list of ``wipo_bc_standard.codelists``
becomes its own scheme, so the schemas' enums and the vocabulary are generated from one source. The
codes' Chinese labels come from ``codelists/labels_zh.toml``, next to the lists they translate.
"""

from __future__ import annotations

import importlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import Any
from urllib.parse import quote

from .. import codelists
from ..basis import THIS_PROJECT, Basis, parse
from ..codelists import CodeList
from ..constants import OFFICIAL_LANGUAGES, VOCAB

#: WIPO's six official languages, in the order labels are written out.
LANGUAGES = tuple(OFFICIAL_LANGUAGES)
#: Id (and IRI local name) of the scheme of terms.
TERM_SCHEME = "term"
TERMS_SOURCE = "wipo_bc_standard/vocabulary/terms.toml"


def scheme_iri(scheme_id: str) -> str:
    return f"{VOCAB}{scheme_id}"


def concept_iri(scheme_id: str, local_name: str) -> str:
    """IRI of a term (scheme ``term``, by slug) or of a code (by its value, percent-encoded if needed)."""
    return f"{VOCAB}{scheme_id}/{quote(local_name, safe='')}"


@dataclass(frozen=True, slots=True)
class Concept:
    """One skos:Concept: a term of the standard or a code of a code list."""

    scheme: str
    #: IRI local name: the slug of a term, the value of a code.
    name: str
    notation: str
    labels: dict[str, str]
    definitions: dict[str, str] = field(default_factory=dict)
    alt_labels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    #: IRIs of skos:broader, skos:related, skos:closeMatch targets.
    broader: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    close_match: tuple[str, ...] = ()
    #: IRIs of the ISO 23257 user-view roles an actor typically plays (``ns:typicalLedgerRole``).
    ledger_roles: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    #: Extra facts of a code, written as ``fact:<name>`` literals.
    facts: tuple[tuple[str, str], ...] = ()
    #: Where each preferred label comes from, by language (terms only).
    label_bases: dict[str, Basis] = field(default_factory=dict)
    #: Where the definition comes from (terms only).
    definition_bases: tuple[Basis, ...] = ()

    @property
    def iri(self) -> str:
        return concept_iri(self.scheme, self.name)

    def __hash__(self) -> int:  # the dict fields are not hashable; the IRI identifies a concept
        return hash((self.scheme, self.name))

    def label(self, lang: str = "en") -> str:
        """The preferred label in ``lang``, else the English one."""
        return self.labels.get(lang) or self.labels["en"]

    def definition(self, lang: str = "en") -> str:
        """The definition in ``lang``, else the English one, else empty."""
        return self.definitions.get(lang) or self.definitions.get("en", "")


@dataclass(frozen=True, slots=True)
class Scheme:
    """One skos:ConceptScheme with its concepts in a fixed order."""

    id: str
    titles: dict[str, str]
    definitions: dict[str, str]
    sources: tuple[str, ...]
    concepts: tuple[Concept, ...]
    notes: tuple[str, ...] = ()

    @property
    def iri(self) -> str:
        return scheme_iri(self.id)

    def top_concepts(self) -> tuple[Concept, ...]:
        """Concepts without a broader concept in this scheme."""
        own = {c.iri for c in self.concepts}
        return tuple(c for c in self.concepts if not any(b in own for b in c.broader))


# --- terms ---------------------------------------------------------------------------------------

_TERM_SCHEME_TITLES = {
    "en": "Terms of blockchain in the IP ecosystem",
    "zh": "知识产权生态系统中的区块链术语",
}
_TERM_SCHEME_DEFINITIONS = {
    "en": "The terms and definitions of the draft WIPO standard on blockchain in the IP ecosystem, "
          "as this library encodes them: ledger and DLT concepts, IP concepts, and the reference model "
          "(actors, the IP value chain, use cases, identity management).",
    "zh": "本库所编码的WIPO知识产权生态系统区块链标准草案的术语和定义：账本和分布式记账技术概念、"
          "知识产权概念以及参考模型（参与者、知识产权价值链、用例、身份管理）。",
}
_TERM_SCHEME_NOTES = (
    "Definitions are this project's own wording unless a term's definition source names the seed (the CWS "
    "Blockchain Task Force report to CWS/9); the draft standard's text is not public.",
    "Preferred labels follow the seed's wording where the seed uses the term, then GB/T 43572-2023 "
    "(分布式记账技术) and GB/T 32905-2016 (杂凑); the labels they replace are alternative labels. Other zh labels "
    "follow the style of GB/T 43572-2023 (identical adoption of ISO 22739:2020) and have not yet been checked "
    "against it term by term.",
)


def _code_ref(ref: str) -> str:
    """``"<code-list-id>/<code>"`` -> the code's IRI."""
    scheme_id, _, value = ref.partition("/")
    return concept_iri(scheme_id, value)


_TERM_KEYS = {"notation", "slug", "label", "alt_label", "definition", "source", "broader", "related",
              "close_match", "ledger_role", "note", "label_from", "definition_from"}
#: Languages whose labels and definitions every term has, and whose label's origin it states.
REQUIRED_LANGUAGES = ("en", "zh")
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")


class TermsFileError(ValueError):
    """``terms.toml`` does not have the expected shape (a bug in the package's data)."""


def _term_concept(row: dict[str, Any]) -> Concept:
    where = f"terms.toml, concept {row.get('notation', '?')}"
    if unknown := set(row) - _TERM_KEYS:
        raise TermsFileError(f"{where}: unknown keys {sorted(unknown)}")
    if not isinstance(row.get("slug"), str) or not _SLUG.match(row["slug"]):
        raise TermsFileError(f"{where}: slug must be lower-case words joined by hyphens")

    def texts(key: str) -> dict[str, str]:
        value = row.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise TermsFileError(f"{where}: {key} must map languages to text")
        if unknown_langs := set(value) - set(LANGUAGES):
            raise TermsFileError(f"{where}: {key} has languages other than WIPO's: {sorted(unknown_langs)}")
        return {lang: value[lang] for lang in LANGUAGES if lang in value}

    def names(key: str) -> tuple[str, ...]:
        value = row.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TermsFileError(f"{where}: {key} must be a list of text")
        return tuple(value)

    label_from = texts("label_from")
    labels = texts("label")
    if missing := [lang for lang in REQUIRED_LANGUAGES if lang not in label_from]:
        raise TermsFileError(f"{where}: label_from must say where the {', '.join(missing)} label comes from")
    if stray := set(label_from) - set(labels):
        raise TermsFileError(f"{where}: label_from names languages without a label: {sorted(stray)}")
    definition_from = names("definition_from")
    if not definition_from:
        raise TermsFileError(f"{where}: definition_from must say where the definition comes from")
    try:
        label_bases = {lang: parse(label_from.get(lang, THIS_PROJECT)) for lang in labels}
        definition_bases = tuple(parse(text) for text in definition_from)
    except ValueError as exc:
        raise TermsFileError(f"{where}: {exc}") from None
    alt = row.get("alt_label", {})
    if not isinstance(alt, dict) or set(alt) - set(LANGUAGES):
        raise TermsFileError(f"{where}: alt_label must map WIPO languages to lists of text")
    note = row.get("note")
    return Concept(
        scheme=TERM_SCHEME, name=row["slug"], notation=str(row["notation"]),
        labels=labels, definitions=texts("definition"),
        alt_labels={lang: tuple(alt[lang]) for lang in LANGUAGES if lang in alt},
        sources=names("source"),
        broader=tuple(concept_iri(TERM_SCHEME, s) for s in names("broader")),
        related=tuple(concept_iri(TERM_SCHEME, s) for s in names("related")),
        close_match=tuple(_code_ref(r) for r in names("close_match")),
        ledger_roles=tuple(concept_iri("dlt-roles", r) for r in names("ledger_role")),
        notes=(str(note),) if note else (),
        label_bases=label_bases, definition_bases=definition_bases,
    )


def load_term_scheme() -> Scheme:
    """The scheme of terms, read from ``terms.toml``."""
    text = importlib_resources.files(__package__).joinpath("terms.toml").read_text(encoding="utf-8")
    rows = tomllib.loads(text)["concept"]
    return Scheme(TERM_SCHEME, _TERM_SCHEME_TITLES, _TERM_SCHEME_DEFINITIONS, (),
                  tuple(_term_concept(row) for row in rows), _TERM_SCHEME_NOTES)


# --- code lists ----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _all_code_lists() -> dict[str, CodeList]:
    lists = dict(codelists.ALL)
    try:
        st3 = importlib.import_module("wipo_bc_standard.codelists.st3")
    except ModuleNotFoundError as exc:  # the ST.3 list is optional; any other import error is a bug
        if exc.name != "wipo_bc_standard.codelists.st3":
            raise
    else:
        for value in vars(st3).values():
            if isinstance(value, CodeList):
                lists.setdefault(value.id, value)
    return dict(sorted(lists.items()))


def code_lists() -> dict[str, CodeList]:
    """Every code list, by id: ``codelists.ALL`` plus any list defined in ``codelists.st3``."""
    return dict(_all_code_lists())


#: What the domain brief marks as unverified about a code, as skos:editorialNote (code list, code) -> note.
CODE_NOTES: dict[tuple[str, str], str] = {
    ("use-cases", "evidence-of-use"): "Not verified as a heading of the WIPO Blockchain Whitepaper.",
    ("use-cases", "priority-document-exchange"): "On the EUIPO roadmap; the whitepaper's wording is not verified.",
    ("use-cases", "licensing-and-royalties"): "The collective-management angle is not verified in the whitepaper.",
    ("use-cases", "ip-finance"): "Not verified as an item of the WIPO Blockchain Whitepaper.",
    ("use-cases", "digital-identity"): "The phrasing 'not controlled by a single entity or jurisdiction' is not "
                                       "verified in the whitepaper.",
}


def _code_notes(list_id: str, value: str) -> tuple[str, ...]:
    note = CODE_NOTES.get((list_id, value))
    return (note,) if note else ()


CODE_LABELS_ZH_SOURCE = "wipo_bc_standard/codelists/labels_zh.toml"
_CODE_LABELS_ZH_NOTE = (f"zh labels are this project's translation ({CODE_LABELS_ZH_SOURCE}) and have not yet "
                        "been checked against official WIPO Chinese texts.")


class CodeLabelsFileError(ValueError):
    """``labels_zh.toml`` does not have the expected shape (a bug in the package's data)."""


@lru_cache(maxsize=1)
def _code_labels_zh() -> dict[str, dict[str, str]]:
    text = importlib_resources.files(codelists).joinpath("labels_zh.toml").read_text(encoding="utf-8")
    tables = tomllib.loads(text)
    for list_id, labels in tables.items():
        if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
            raise CodeLabelsFileError(f"labels_zh.toml, [{list_id}]: must map code values to text")
    return tables


def code_labels_zh() -> dict[str, dict[str, str]]:
    """The codes' Chinese labels, by code-list id then code value, as ``labels_zh.toml`` has them."""
    return {list_id: dict(labels) for list_id, labels in _code_labels_zh().items()}


def code_list_scheme(code_list: CodeList) -> Scheme:
    """A code list as a concept scheme: one concept per code, the code value as notation."""
    sources = (code_list.source,) if code_list.source else ()
    zh_labels = _code_labels_zh().get(code_list.id, {})

    def labels(value: str, en: str) -> dict[str, str]:
        zh = zh_labels.get(value)
        return {"en": en, "zh": zh} if zh else {"en": en}

    concepts = tuple(
        Concept(scheme=code_list.id, name=code.value, notation=code.value, labels=labels(code.value, code.label),
                definitions={"en": code.definition} if code.definition else {},
                sources=sources, facts=code.facts, notes=_code_notes(code_list.id, code.value))
        for code in code_list.codes
    )
    notes = (_CODE_LABELS_ZH_NOTE,) if any("zh" in c.labels for c in concepts) else ()
    return Scheme(code_list.id, {"en": code_list.title}, {"en": code_list.definition}, sources, concepts, notes)


@lru_cache(maxsize=1)
def schemes() -> tuple[Scheme, ...]:
    """Every scheme: the terms first, then the code lists by id."""
    return (load_term_scheme(), *(code_list_scheme(cl) for cl in code_lists().values()))
