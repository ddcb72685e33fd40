"""The vocabulary (vocab/*.ttl as shipped): SKOS integrity, agreement with its sources and the schemas,
the exports and the ``wipo-bc vocab`` commands."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib import RDF, SKOS, Graph, URIRef
from rdflib.compare import isomorphic

from wipo_bc_standard import vocabulary
from wipo_bc_standard.cli.vocab_cmd import vocab
from wipo_bc_standard.resources import data_dir

ROOT = Path(__file__).resolve().parents[1]
TERM_SCHEME = URIRef(vocabulary.scheme_iri("term"))
TYPICAL_LEDGER_ROLE = URIRef(vocabulary.NS + "typicalLedgerRole")


@pytest.fixture(scope="module")
def g() -> Graph:
    return vocabulary.graph()


def concepts(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects(RDF.type, SKOS.Concept) if isinstance(s, URIRef)}


def term_concepts(g: Graph) -> set[URIRef]:
    return {c for c in concepts(g) if (c, SKOS.inScheme, TERM_SCHEME) in g}


def schemes(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects(RDF.type, SKOS.ConceptScheme) if isinstance(s, URIRef)}


# --- the bundled files and their sources ---------------------------------------------------------

def test_committed_files_match_the_generator() -> None:
    assert vocabulary.drift() == [], "vocab/*.ttl are stale: run `wipo-bc vocab build`"


def test_generator_is_deterministic(tmp_path: Path) -> None:
    first = [p.read_bytes() for p in vocabulary.build(tmp_path / "a")]
    second = [p.read_bytes() for p in vocabulary.build(tmp_path / "b")]
    assert first == second


def test_graph_loads_the_bundled_files() -> None:
    assert {p.name for p in data_dir("vocab").glob("*.ttl")} >= set(vocabulary.FILES)


def test_every_code_list_is_its_own_scheme_with_exactly_its_codes(g: Graph) -> None:
    for list_id, code_list in vocabulary.code_lists().items():
        scheme = URIRef(vocabulary.scheme_iri(list_id))
        assert (scheme, RDF.type, SKOS.ConceptScheme) in g, list_id
        members = set(g.subjects(SKOS.inScheme, scheme))
        notations = {str(g.value(m, SKOS.notation)) for m in members}
        assert notations == set(code_list.values), list_id
        for code in code_list.codes:
            iri = URIRef(vocabulary.code_iri(list_id, code.value))
            assert rdflib.Literal(code.label, lang="en") in set(g.objects(iri, SKOS.prefLabel))


def test_st3_codes_are_in_the_vocabulary(g: Graph) -> None:
    if "st3" not in vocabulary.code_lists():
        pytest.skip("codelists/st3.py is not there")
    assert (URIRef(vocabulary.code_iri("st3", "EM")), SKOS.notation, rdflib.Literal("EM")) in g


def _enums(node: object) -> Iterator[list[object]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "enum":
                yield value
            yield from _enums(value)
    elif isinstance(node, list):
        for item in node:
            yield from _enums(item)


def test_schema_enums_are_all_concept_notations(g: Graph) -> None:
    notations = {str(n) for c in concepts(g) for n in g.objects(c, SKOS.notation)}
    # The data model's schemas; the report's schema describes the tool's output, not IP data.
    paths = sorted(p for p in (ROOT / "schemas").glob("*.schema.json") if p.name != "report.schema.json")
    assert paths
    for path in paths:
        for enum in _enums(json.loads(path.read_text(encoding="utf-8"))):
            missing = {str(v) for v in enum} - notations
            assert not missing, f"{path.name}: enum values not in the vocabulary: {sorted(missing)}"


# --- SKOS integrity ------------------------------------------------------------------------------

def test_at_least_60_terms(g: Graph) -> None:
    assert len(term_concepts(g)) >= 60


def test_terms_have_en_and_zh_labels_and_definitions(g: Graph) -> None:
    for c in term_concepts(g):
        for predicate in (SKOS.prefLabel, SKOS.definition):
            langs = {lit.language for lit in g.objects(c, predicate)}
            assert {"en", "zh"} <= langs, f"{c} {predicate}"


def test_one_prefLabel_per_language_and_only_wipo_languages(g: Graph) -> None:
    for c in concepts(g):
        langs = [lit.language for lit in g.objects(c, SKOS.prefLabel)]
        assert langs and len(langs) == len(set(langs)), c
        assert set(langs) <= set(vocabulary.LANGUAGES), c
        pref = {(lit.language, str(lit)) for lit in g.objects(c, SKOS.prefLabel)}
        alt = {(lit.language, str(lit)) for lit in g.objects(c, SKOS.altLabel)}
        assert not pref & alt, c  # SKOS S13: prefLabel and altLabel are disjoint


def test_term_labels_are_unique_per_language(g: Graph) -> None:
    # A label then finds exactly one term (``wipo-bc vocab show <label>``).
    seen: dict[tuple[str | None, str], URIRef] = {}
    for c in term_concepts(g):
        for lit in g.objects(c, SKOS.prefLabel):
            key = (lit.language, str(lit).casefold())
            assert key not in seen, f"{c} and {seen[key]} share the label {lit!r}"
            seen[key] = c


def test_notations_are_unique_within_a_scheme(g: Graph) -> None:
    for scheme in schemes(g):
        members = list(g.subjects(SKOS.inScheme, scheme))
        notations = [str(n) for m in members for n in g.objects(m, SKOS.notation)]
        assert len(notations) == len(members) == len(set(notations)), scheme


def test_every_link_resolves(g: Graph) -> None:
    all_concepts, all_schemes = concepts(g), schemes(g)
    for predicate in (SKOS.broader, SKOS.related, SKOS.closeMatch, TYPICAL_LEDGER_ROLE):
        for s, o in g.subject_objects(predicate):
            assert s in all_concepts and o in all_concepts, f"{s} {predicate} {o}"
    for predicate in (SKOS.inScheme, SKOS.topConceptOf):
        for s, o in g.subject_objects(predicate):
            assert s in all_concepts and o in all_schemes, f"{s} {predicate} {o}"
    for s, o in g.subject_objects(SKOS.hasTopConcept):
        assert s in all_schemes and (o, SKOS.topConceptOf, s) in g


def test_typical_ledger_roles_are_iso_23257_roles(g: Graph) -> None:
    roles = URIRef(vocabulary.scheme_iri("dlt-roles"))
    targets = set(g.objects(None, TYPICAL_LEDGER_ROLE))
    assert targets and all((t, SKOS.inScheme, roles) in g for t in targets)


def test_no_orphans_and_every_term_reaches_a_top_concept(g: Graph) -> None:
    for c in concepts(g):
        assert len(list(g.objects(c, SKOS.inScheme))) == 1, c
    for c in term_concepts(g):
        seen = set()
        node = c
        while (node, SKOS.topConceptOf, TERM_SCHEME) not in g:
            assert node not in seen, f"broader cycle through {node}"
            seen.add(node)
            parents = list(g.objects(node, SKOS.broader))
            assert parents, f"{c} is neither a top concept nor below one"
            node = parents[0]


def test_related_is_disjoint_from_broader(g: Graph) -> None:
    # SKOS S27: skos:related is disjoint with skos:broaderTransitive.
    for c in term_concepts(g):
        ancestors = set(g.transitive_objects(c, SKOS.broader)) - {c}
        descendants = set(g.transitive_subjects(SKOS.broader, c)) - {c}
        related = set(g.objects(c, SKOS.related)) | set(g.subjects(SKOS.related, c))
        assert not related & (ancestors | descendants), c


def test_unverified_clause_numbers_are_marked(g: Graph) -> None:
    # A term whose ISO 22739 source has no clause number says so in an editorial note.
    consensus_mechanism = URIRef(vocabulary.concept_iri("term", "consensus-mechanism"))
    assert any("not verified" in str(n) for n in g.objects(consensus_mechanism, SKOS.editorialNote))
    blockchain = URIRef(vocabulary.concept_iri("term", "blockchain"))
    assert str(g.value(blockchain, URIRef("http://purl.org/dc/terms/source"))) == "ISO 22739:2020, 3.6 blockchain"


def test_unverified_use_cases_are_marked(g: Graph) -> None:
    for (list_id, value), note in vocabulary.CODE_NOTES.items():
        assert rdflib.Literal(note) in set(g.objects(URIRef(vocabulary.code_iri(list_id, value)), SKOS.editorialNote))


# --- the Python API ------------------------------------------------------------------------------

def test_term_lookup_by_slug_notation_and_label() -> None:
    blockchain = vocabulary.term("blockchain")
    assert blockchain.label("zh") == "区块链"
    assert vocabulary.term("T005") == blockchain
    assert vocabulary.term("区块链") == blockchain
    assert vocabulary.term("Chaîne de blocs", lang="fr") == blockchain
    assert vocabulary.term("DLT").name == "distributed-ledger-technology"
    assert vocabulary.term("SHA-256").iri == vocabulary.code_iri("hash-algorithms", "sha-256")


def test_term_lookup_failures_are_explained() -> None:
    with pytest.raises(vocabulary.UnknownTerm) as unknown:
        vocabulary.term("blokchain")
    assert "blockchain" in unknown.value.suggestions
    with pytest.raises(vocabulary.AmbiguousTerm):
        vocabulary.term("none")
    assert vocabulary.term("none", scheme_id="erasure-mechanisms").scheme == "erasure-mechanisms"


def test_code_iris_need_no_escaping() -> None:
    # The JSON-LD context maps an enum value to <vocab/><code-list>/<value> by plain concatenation
    # (a property-scoped @vocab), so every code must be IRI-safe as it stands.
    for list_id, code_list in vocabulary.code_lists().items():
        for value in code_list.values:
            assert vocabulary.code_iri(list_id, value) == f"{vocabulary.VOCAB}{list_id}/{value}"


def test_code_iri() -> None:
    iri = vocabulary.code_iri("ip-right-kinds", "trademark")
    assert iri == "https://wipo-bc-standard.org/vocab/ip-right-kinds/trademark"
    with pytest.raises(KeyError):
        vocabulary.code_iri("ip-right-kinds", "trade-mark")
    with pytest.raises(KeyError):
        vocabulary.code_iri("no-such-list", "x")


# --- exports -------------------------------------------------------------------------------------

# rdflib 7's own JSON-LD parser builds a ConjunctiveGraph and warns about it; not our code.
_RDFLIB_JSONLD_WARNING = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


@pytest.mark.parametrize("fmt, parser", [("ttl", "turtle"),
                                         pytest.param("jsonld", "json-ld", marks=_RDFLIB_JSONLD_WARNING)])
def test_rdf_exports_parse_back_to_the_bundled_graph(g: Graph, fmt: str, parser: str) -> None:
    exported = Graph().parse(data=vocabulary.export(fmt), format=parser)
    assert isomorphic(exported, g)


def test_csv_and_markdown_exports_contain_every_term() -> None:
    rows = list(csv.DictReader(io.StringIO(vocabulary.export("csv"))))
    by_iri = {row["iri"]: row for row in rows}
    markdown = vocabulary.export("md")
    for t in vocabulary.terms():
        assert by_iri[t.iri]["prefLabel@zh"] == t.label("zh")
        assert f"### {t.label('en')} ({t.notation})" in markdown
        assert t.definition("zh") in markdown
    assert len(rows) == sum(len(s.concepts) for s in vocabulary.schemes())


def test_unknown_export_format() -> None:
    with pytest.raises(ValueError):
        vocabulary.export("xml")


# --- the command line ----------------------------------------------------------------------------

def test_cli_show_in_chinese() -> None:
    result = CliRunner().invoke(vocab, ["show", "blockchain", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("区块链\n")
    assert vocabulary.term("blockchain").definition("zh") in result.output


def test_cli_show_unknown_term_exits_2_with_suggestions() -> None:
    result = CliRunner().invoke(vocab, ["show", "blokchain"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "did you mean: blockchain" in result.stderr


def test_cli_list_and_export(tmp_path: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(vocab, ["list", "--lang", "zh"])
    assert listed.exit_code == 0 and "区块链" in listed.output
    assert len(listed.output.splitlines()) == len(vocabulary.terms())
    codes = runner.invoke(vocab, ["list", "--scheme", "record-types"])
    assert codes.output.splitlines()[0].startswith("application")
    assert runner.invoke(vocab, ["list", "--scheme", "nope"]).exit_code == 2
    out = tmp_path / "vocab.ttl"
    exported = runner.invoke(vocab, ["export", "--format", "ttl", "-o", str(out)])
    assert exported.exit_code == 0
    assert out.read_text(encoding="utf-8") == vocabulary.export("ttl")


def test_cli_build_check() -> None:
    result = CliRunner().invoke(vocab, ["build", "--check"])
    assert result.exit_code == 0, result.output


# --- Chinese labels of the codes -----------------------------------------------------------------

def test_every_code_has_exactly_one_nonempty_zh_label_in_the_labels_file() -> None:
    # vocab/codelists.ttl, `wipo-bc vocab show CODE --lang zh` and the docs' code-list pages read them from here.
    from wipo_bc_standard import codelists

    labels = vocabulary.code_labels_zh()
    assert set(labels) == set(codelists.ALL), "labels_zh.toml: tables other than the code lists'"
    for list_id, code_list in codelists.ALL.items():
        assert set(labels[list_id]) == set(code_list.values), f"[{list_id}]: codes missing or extra"
        empty = [value for value, text in labels[list_id].items() if not text.strip()]
        assert not empty, f"[{list_id}]: empty labels for {empty}"


def test_every_code_concept_has_exactly_one_zh_prefLabel_from_the_labels_file(g: Graph) -> None:
    labels = vocabulary.code_labels_zh()
    for list_id, code_list in vocabulary.code_lists().items():
        for value in code_list.values:
            iri = URIRef(vocabulary.code_iri(list_id, value))
            zh = [lit for lit in g.objects(iri, SKOS.prefLabel) if lit.language == "zh"]
            assert zh == [rdflib.Literal(labels[list_id][value], lang="zh")], f"{list_id}/{value}"


def test_cli_shows_a_code_in_chinese() -> None:
    result = CliRunner().invoke(vocab, ["show", "EP", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("欧洲专利局\n")
    assert vocabulary.term("商标").iri == vocabulary.code_iri("ip-right-kinds", "trademark")
