"""The glossary: the standard's terms in WIPO's six languages, read from :mod:`wipo_bc_standard.vocabulary`
(which also writes them as SKOS, ``vocab/terms.ttl``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from wipo_bc_standard.constants import OFFICIAL_LANGUAGES
from wipo_bc_standard.vocabulary import Concept

from .markdown import GENERATED, Page, banner, cell, table


def glossary_pages(terms: Sequence[Concept] | None = None) -> list[Page]:
    """The glossary: an index with each language's coverage, then a page per language."""
    if terms is None:
        from wipo_bc_standard import vocabulary
        terms = vocabulary.terms()
    terms = sorted(terms, key=lambda t: (t.notation, t.labels.get("en", "")))
    if not terms:
        text = (banner() + "# Glossary\n\n!!! note \"No terms\"\n"
                "    The vocabulary has no terms, so the glossary pages are empty.\n")
        return [Page(f"{GENERATED}/glossary/index.md", "Overview", text)]
    rows = []
    for lang, name in OFFICIAL_LANGUAGES.items():
        labelled = sum(1 for t in terms if lang in t.labels)
        defined = sum(1 for t in terms if lang in t.definitions)
        rows.append((f"[{name}]({lang}.md)", f"`{lang}`", f"{labelled} of {len(terms)}", f"{defined} of {len(terms)}"))
    index = (banner() + "# Glossary\n\n"
             "The standard's terms and definitions, read from the SKOS concept scheme `vocab/terms.ttl` "
             "(skos:prefLabel and skos:definition per language). English and Chinese are complete; French, "
             "Spanish, Russian and Arabic give what is established.\n\n"
             + table(("Language", "Code", "Terms labelled", "Terms defined"), rows) + "\n")
    pages = [Page(f"{GENERATED}/glossary/index.md", "Overview", index)]
    for lang, name in OFFICIAL_LANGUAGES.items():
        pages.append(Page(f"{GENERATED}/glossary/{lang}.md", name, _glossary_page(terms, lang, name)))
    return pages


def _glossary_page(terms: Sequence[Concept], lang: str, name: str) -> str:
    present = [t for t in terms if lang in t.labels]
    lines = [banner(), f"# Glossary: {name} (`{lang}`)\n",
             f"{len(present)} of {len(terms)} terms have a label in this language.\n"]
    # lang lets browsers pick the script's fonts; Arabic reads right to left.
    lines.append(f'<div lang="{lang}"' + (' dir="rtl"' if lang == "ar" else "") + " markdown>\n")
    for t in present:
        en = t.labels.get("en", t.notation)
        # The notation is the anchor, the same in every language: zh.md#T005 is "blockchain".
        anchor = re.sub(r"[^A-Za-z0-9_-]+", "-", t.notation).strip("-") or "term"
        lines.append(f"## {cell(t.labels[lang])} {{ #{anchor} }}\n")
        facts = [f"`{t.notation}`"] + ([f"en: *{cell(en)}*"] if lang != "en" else [])
        if t.alt_labels.get(lang):
            facts.append("also: " + ", ".join(cell(a) for a in sorted(t.alt_labels[lang])))
        lines.append(" · ".join(facts) + "\n")
        definition = t.definitions.get(lang)
        if definition:
            lines.append(f"{cell(definition)}\n")
        elif "en" in t.definitions:
            lines.append(f"*(en)* {cell(t.definitions['en'])}\n")
        origins = ([f"label from {cell(t.label_bases[lang].text())}"] if lang in t.label_bases else []) + (
            [f"definition from {cell('; '.join(b.text() for b in t.definition_bases))}"] if t.definition_bases else [])
        if origins:
            lines.append(f'<small lang="en">{" · ".join(origins)}</small>\n')
    lines.append("</div>\n")
    if not present:
        lines.append("No term has a label in this language yet.\n")
    return "\n".join(lines)
