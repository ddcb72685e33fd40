"""The SHACL step: the harvested shapes reused across graphs give pySHACL's own results, in a stable order."""

from __future__ import annotations

import json

import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from wipo_bc_standard.constants import NS
from wipo_bc_standard.formats import rdf_form, shacl_check
from wipo_bc_standard.rules.examples import example_record


def _graph(doc: dict) -> Graph:
    graph = rdf_form.jsonld_graph(doc)
    assert isinstance(graph, Graph)
    return graph


def _faulty_graphs() -> list[Graph]:
    """Graphs of a record with faults of several SHACL components, each parsed on its own."""
    doc = rdf_form.to_jsonld(example_record(), "record")
    unknown_kind = {**doc, "ipRight": {**doc["ipRight"], "kind": "trade-mark"}}
    no_id = {key: value for key, value in doc.items() if key != "recordId"}
    graphs = [_graph(doc), _graph(unknown_kind), _graph(no_id)]
    extra = _graph(doc)  # a member outside the model on every node, a second value on the root
    for node in set(extra.subjects()):
        extra.add((node, URIRef(NS + "unknownMember"), Literal("x")))
    root = next(iter(extra.subjects(rdf_form.RDF.type, rdf_form.WBC.Record)))
    extra.add((root, URIRef(NS + "recordId"), Literal("second")))
    extra.add((root, URIRef(NS + "recordType"), Literal("second")))  # three results of one path: in, maxCount, nodeKind
    return [*graphs, extra]


@pytest.mark.parametrize("index", range(4))
def test_reused_shapes_give_pyshacls_own_results(index: int) -> None:
    """Each graph validated after others (the shapes harvested once, then reused) gets the results
    ``pyshacl.validate`` gives it with fresh shapes."""
    graphs = _faulty_graphs()
    for graph in graphs:  # the shapes are harvested and used on every graph before the one compared
        shacl_check._validate(graph, "record")
    graph = graphs[index]
    conforms, results = shacl_check._validate(graph, "record")
    fresh = Graph().parse(data=shacl_check.shapes("record").serialize(format="turtle"), format="turtle")
    expected_conforms, expected, _ = pyshacl.validate(graph, shacl_graph=fresh, inference="none", advanced=False,
                                                      do_owl_imports=False, allow_warnings=True)
    assert conforms == expected_conforms == (index == 0)
    assert isomorphic(results, expected)


def test_findings_come_in_the_same_order_every_time() -> None:
    """pySHACL's results are blank nodes in no stable order; findings of the same result path (here
    three about a second, literal ``recordType``) are ordered by what they say, so a report is the
    same from one run to the next."""
    graph = _faulty_graphs()[-1]
    roots = rdf_form.documents(graph)
    runs = [shacl_check.shacl_findings(graph, roots) for _ in range(8)]
    assert all(run == runs[0] for run in runs)
    assert [f.rule for f in runs[0][0] if f.path == "/recordType"] == ["shacl.in", "shacl.maxCount", "shacl.nodeKind"]
    assert ("shacl.maxCount", "/recordId") in {(f.rule, f.path) for f in runs[0][0]}


def test_items_of_a_file_keep_their_own_findings() -> None:
    """Two records in one graph are validated together; each item has the findings about its own nodes."""
    good = rdf_form.to_jsonld(example_record(), "record")
    bad = {**good, "recordId": "urn:second", "ipRight": {**good["ipRight"], "kind": "trade-mark"}}
    data = json.dumps({"@context": good["@context"], "@graph": [
        {key: value for key, value in doc.items() if key != "@context"} for doc in (good, bad)]}).encode()
    items = list(rdf_form.items_from_jsonld("two.jsonld", data))
    by_id = {item.doc["recordId"]: item.findings for item in items}
    assert by_id[good["recordId"]] == []
    assert [(f.rule, f.path) for f in by_id["urn:second"]] == [("shacl.in", "/ipRight/kind")]


def test_a_blank_node_where_a_code_is_expected_is_named_without_its_label() -> None:
    """A parser makes blank-node labels up anew each run: a message naming one would differ every run."""
    graph = _faulty_graphs()[0]
    root = next(iter(graph.subjects(rdf_form.RDF.type, rdf_form.WBC.Record)))
    graph.set((root, URIRef(NS + "recordType"), BNode()))
    [root_doc] = rdf_form.documents(graph)
    [findings] = shacl_check.shacl_findings(graph, [root_doc])
    assert "a blank node is not one of the values allowed for recordType" in [f.message for f in findings]
    assert root_doc.doc["recordType"] == rdf_form.BLANK_NODE_VALUE  # and so are the JSON checks' messages
