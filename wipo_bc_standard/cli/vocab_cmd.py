"""``wipo-bc vocab list|show|export|build``: the terms and code lists as SKOS."""

from __future__ import annotations

import sys

import click

from .. import vocabulary
from ..vocabulary import LANGUAGES, TERM_SCHEME, Concept
from .common import fail, output

_LANG = click.option("--lang", type=click.Choice(LANGUAGES), default="en", show_default=True,
                     help="Language of labels and definitions (English where one is missing).")


def _scheme_ids() -> list[str]:
    return [s.id for s in vocabulary.schemes()]


def _check_scheme(scheme_id: str) -> None:
    if scheme_id not in _scheme_ids():
        fail(f"unknown scheme {scheme_id!r}; known: {', '.join(_scheme_ids())}")


@click.group("vocab")
def vocab() -> None:
    """The terms of the standard in WIPO's languages, and every code list, as SKOS concept schemes."""


@vocab.command("list")
@_LANG
@click.option("--scheme", "scheme_id", default=TERM_SCHEME, show_default=True, metavar="ID",
              help="Scheme to list: 'term', a code-list id (e.g. hash-algorithms), or 'all' for the schemes.")
def list_(lang: str, scheme_id: str) -> None:
    """List the concepts of a scheme: notation, name and label."""
    if scheme_id == "all":
        for s in vocabulary.schemes():
            title = s.titles.get(lang) or s.titles["en"]
            click.echo(f"{s.id:<26} {len(s.concepts):>4}  {title}")
        return
    _check_scheme(scheme_id)
    concepts = vocabulary.scheme(scheme_id).concepts
    width = max(len(c.notation) for c in concepts)
    for c in concepts:
        name = f"{c.name:<36} " if scheme_id == TERM_SCHEME else ""
        click.echo(f"{c.notation:<{width}}  {name}{c.label(lang)}")


def _link(iri: str, lang: str) -> str:
    for s in vocabulary.schemes():
        if iri.startswith(s.iri + "/"):
            name = iri[len(s.iri) + 1:]
            found = next((c for c in s.concepts if c.iri == iri), None)
            where = "" if s.id == TERM_SCHEME else f"{s.id}/"
            return f"{where}{name} ({found.label(lang)})" if found else iri
    return iri


def _show(c: Concept, lang: str) -> list[str]:
    definition = c.definitions.get(lang)
    if definition is None and c.definitions.get("en"):
        definition = f"{c.definitions['en']} (en)"
    rows = [("notation", c.notation), ("scheme", c.scheme), ("iri", c.iri), ("definition", definition or "")]
    rows.append(("labels", "; ".join(f"{lg}: {c.labels[lg]}" for lg in LANGUAGES if lg in c.labels)))
    alts = [f"{t} ({lg})" for lg in LANGUAGES for t in c.alt_labels.get(lg, ())]
    rows += [("also", "; ".join(alts)),
             ("broader", "; ".join(_link(i, lang) for i in c.broader)),
             ("related", "; ".join(_link(i, lang) for i in c.related)),
             ("close match", "; ".join(_link(i, lang) for i in c.close_match)),
             ("ledger role", "; ".join(_link(i, lang) for i in c.ledger_roles)),
             ("source", "; ".join(c.sources)),
             ("label from", "; ".join(f"{lg}: {b.text()}" for lg, b in c.label_bases.items()
                                      if lg in (lang, "en"))),
             ("defined from", "; ".join(b.text() for b in c.definition_bases)),
             ("note", " ".join(c.notes))]
    rows += [(name, value) for name, value in c.facts]
    width = max(13, *(len(name) + 2 for name, value in rows if value))
    return [c.label(lang)] + [f"  {name + ':':<{width}}{value}" for name, value in rows if value]


@vocab.command("show")
@click.argument("term")
@_LANG
@click.option("--scheme", "scheme_id", metavar="ID", help="Look only in this scheme (e.g. record-types).")
def show(term: str, lang: str, scheme_id: str | None) -> None:
    """Show a concept: TERM is a slug, a notation, a code or a label in any language."""
    if scheme_id is not None:
        _check_scheme(scheme_id)
    try:
        concept = vocabulary.term(term, scheme_id=scheme_id)
    except vocabulary.AmbiguousTerm as exc:
        fail(f"{exc} with --scheme")
    except vocabulary.UnknownTerm as exc:
        fail(str(exc))
    click.echo("\n".join(_show(concept, lang)))


@vocab.command("export")
@click.option("--format", "fmt", type=click.Choice(vocabulary.EXPORT_FORMATS), default="ttl", show_default=True,
              help="Turtle, JSON-LD, CSV (one row per concept) or Markdown.")
@click.option("-o", "--output", "out", metavar="FILE", help="Write to FILE instead of stdout.")
def export(fmt: str, out: str | None) -> None:
    """Export the whole vocabulary: terms and every code list."""
    text = vocabulary.export(fmt)
    with output(out) as stream:
        stream.write(text)


@vocab.command("build")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when a bundled file differs from its source.")
def build(check: bool) -> None:
    """Regenerate vocab/*.ttl from the terms (terms.toml) and the code lists."""
    if check:
        stale = vocabulary.drift()
        for name in stale:
            click.echo(f"{name}: differs from its source; run `wipo-bc vocab build`", err=True)
        if not stale:
            click.echo(f"{len(vocabulary.FILES)} vocabulary files match their sources")
        sys.exit(1 if stale else 0)
    try:
        for path in vocabulary.build():
            click.echo(str(path))
    except OSError as exc:
        fail(f"cannot write the vocabulary: {exc.strerror or exc}")


commands: list[click.Command] = [vocab]
