"""The code lists: an index and one page per list, with labels in other languages where known."""

from __future__ import annotations

from wipo_bc_standard import codelists
from wipo_bc_standard.constants import OFFICIAL_LANGUAGES

from .markdown import GENERATED, Page, banner, cell, table


def codelist_pages() -> list[Page]:
    """An index of the code lists and one page per list, with labels in other languages where known."""
    translated = _code_labels()
    rows = [(f"[{cell(cl.title)}]({cl.id}.md)", f"`{cl.id}`", str(len(cl.codes)), cell(cl.definition))
            for cl in codelists.ALL.values()]
    index = (banner() + "# Code lists\n\n"
             "Every closed list of values of the standard, rendered from `wipo_bc_standard.codelists`. "
             "The JSON Schemas' `enum`s and the SKOS concept schemes in `vocab/codelists.ttl` come from the same "
             "definitions.\n\n" + table(("Code list", "Id", "Codes", "Definition"), rows) + "\n")
    pages = [Page(f"{GENERATED}/codelists/index.md", "Overview", index)]
    for cl in codelists.ALL.values():
        langs = [lang for lang in OFFICIAL_LANGUAGES if lang != "en"
                 and any(translated.get((cl.id, c.value), {}).get(lang) for c in cl.codes)]
        header = ["Code", "Label", "Definition", *(f"Label ({lang})" for lang in langs), "Facts"]
        body = [(f"`{c.value}`", cell(c.label), cell(c.definition),
                 *(cell(translated.get((cl.id, c.value), {}).get(lang, "")) for lang in langs),
                 cell("; ".join(f"{k}: {v}" for k, v in c.facts))) for c in cl.codes]
        text = (banner() + f"# {cl.title}\n\n{cl.definition}\n\n"
                f"Id: `{cl.id}`. Source: {cell(cl.source)}.\n\n" + table(header, body) + "\n")
        pages.append(Page(f"{GENERATED}/codelists/{cl.id}.md", cl.title, text))
    return pages


def _code_labels() -> dict[tuple[str, str], dict[str, str]]:
    """(code-list id, code) -> {language: label}, from the vocabulary (which gives vocab/codelists.ttl too)."""
    from wipo_bc_standard import vocabulary
    return {(scheme.id, concept.notation): concept.labels
            for scheme in vocabulary.schemes() if scheme.id != vocabulary.TERM_SCHEME for concept in scheme.concepts}
