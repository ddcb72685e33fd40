"""CSV and Markdown renderings of the vocabulary, for spreadsheets, translators and the docs."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from .concepts import LANGUAGES, TERM_SCHEME, Concept, Scheme


def _local(iri: str) -> str:
    return iri.rsplit("/", 2)[-2] + "/" + iri.rsplit("/", 1)[-1]


def _names(scheme: Scheme, iris: Iterable[str]) -> list[str]:
    """Link targets: the bare name inside the same scheme, ``scheme/name`` elsewhere."""
    prefix = scheme.iri + "/"
    return [i[len(prefix):] if i.startswith(prefix) else _local(i) for i in iris]


CSV_COLUMNS = ("scheme", "notation", "name", "iri",
               *(f"prefLabel@{lang}" for lang in LANGUAGES),
               *(f"definition@{lang}" for lang in LANGUAGES),
               "altLabels", "broader", "related", "closeMatch", "source", "editorialNote",
               "labelSource", "definitionSource")


def _csv_row(scheme: Scheme, c: Concept) -> list[str]:
    alts = [f"{text}@{lang}" for lang in LANGUAGES for text in c.alt_labels.get(lang, ())]
    return [scheme.id, c.notation, c.name, c.iri,
            *(c.labels.get(lang, "") for lang in LANGUAGES),
            *(c.definitions.get(lang, "") for lang in LANGUAGES),
            " | ".join(alts), " ".join(_names(scheme, c.broader)), " ".join(_names(scheme, c.related)),
            " ".join(_names(scheme, c.close_match)), " | ".join(c.sources), " | ".join(c.notes),
            " | ".join(f"{lang}: {b.text()}" for lang, b in c.label_bases.items()),
            " | ".join(b.text() for b in c.definition_bases)]


def to_csv(schemes: Iterable[Scheme]) -> str:
    """One row per concept of every scheme."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for scheme in schemes:
        for concept in scheme.concepts:
            writer.writerow(_csv_row(scheme, concept))
    return out.getvalue()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _term_section(scheme: Scheme, c: Concept) -> list[str]:
    lines = [f"### {c.label('en')} ({c.notation})", "", f"`{c.iri}`", ""]
    lines += [f"- **{lang}**: {c.labels[lang]}" + (f": {c.definitions[lang]}" if lang in c.definitions else "")
              for lang in LANGUAGES if lang in c.labels]
    for title, values in (("Also", [f"{t} ({lang})" for lang in LANGUAGES for t in c.alt_labels.get(lang, ())]),
                          ("Broader", _names(scheme, c.broader)), ("Related", _names(scheme, c.related)),
                          ("Close match", _names(scheme, c.close_match)), ("Source", list(c.sources)),
                          ("Note", list(c.notes)),
                          ("Label from", [f"{lang}: {b.text()}" for lang, b in c.label_bases.items()]),
                          ("Definition from", [b.text() for b in c.definition_bases])):
        if values:
            lines.append(f"- {title}: {'; '.join(values)}")
    return lines + [""]


def _code_table(scheme: Scheme) -> list[str]:
    lines = ["| Code | Label | Definition |", "|---|---|---|"]
    lines += [f"| `{_cell(c.notation)}` | {_cell(c.label())} | {_cell(' '.join((c.definition(), *c.notes)).strip())} |"
              for c in scheme.concepts]
    return lines + [""]


def to_markdown(schemes: Iterable[Scheme]) -> str:
    """The terms as one section each; every code list as a table."""
    lines = ["# Vocabulary", ""]
    for scheme in schemes:
        lines += [f"## {scheme.titles['en']}", "", f"`{scheme.iri}`", ""]
        if scheme.definitions.get("en"):
            lines += [scheme.definitions["en"], ""]
        if scheme.sources:
            lines += [f"Source: {'; '.join(scheme.sources)}", ""]
        lines += [f"Note: {note}" + "\n" for note in scheme.notes]
        if scheme.id == TERM_SCHEME:
            for concept in scheme.concepts:
                lines += _term_section(scheme, concept)
        else:
            lines += _code_table(scheme)
    return "\n".join(lines).rstrip("\n") + "\n"
