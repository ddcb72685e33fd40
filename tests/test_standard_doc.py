"""The draft standard as a document: laid out as a WIPO standard, one numbered requirement per rule,
Chinese headings and terms in the zh version, and a Word file that Word's own model (python-docx) opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from wipo_bc_standard import codelists, vocabulary
from wipo_bc_standard.cli import main
from wipo_bc_standard.rules import CATALOGUE
from wipo_bc_standard.standard_doc import build_document, render
from wipo_bc_standard.standard_doc.blocks import Document, Heading, Para, Table, from_markdown, runs


@pytest.fixture(scope="module", params=["en", "zh"])
def document(request: pytest.FixtureRequest) -> Document:
    return build_document(request.param)


def test_one_numbered_requirement_per_rule(document: Document) -> None:
    requirements = document.requirements
    assert sorted(p.rule for p in requirements) == sorted(CATALOGUE)
    for para in requirements:
        rule = CATALOGUE[para.rule]
        assert para.number and para.text.startswith(f"**{rule.id}**")
        assert rule.clause in para.text and rule.title in para.text


def test_body_paragraphs_are_numbered_consecutively(document: Document) -> None:
    numbers = [b.number for b in document.blocks if isinstance(b, Para) and b.number]
    assert numbers == list(range(1, len(numbers) + 1))


def test_sections_in_the_order_of_a_wipo_standard(document: Document) -> None:
    top = [b.text for b in document.blocks if isinstance(b, Heading) and b.level == 1]
    expected = {"en": ["INTRODUCTION", "DEFINITIONS AND TERMINOLOGY", "SCOPE", "GUIDING PRINCIPLES AND COMMON PRACTICES",
                       "REQUIREMENTS", "ANNEX I: DATA MODEL",
                       "ANNEX II: CODE LISTS", "ANNEX III: ON-CHAIN ENCODINGS", "ANNEX IV: XML SCHEMA",
                       "ANNEX V: EXAMPLES"],
                "zh": ["引言", "定义和术语", "范围", "指导原则和通行做法", "要求", "附件一：数据模型", "附件二：代码表", "附件三：链上编码",
                       "附件四：XML模式", "附件五：示例"]}[document.lang]
    assert top == expected


def test_introduction_quotes_the_scope_statement_and_the_principles_name_their_rules(document: Document) -> None:
    from wipo_bc_standard import front_matter
    front = front_matter.load()
    paragraphs = [b.text for b in document.blocks if isinstance(b, Para)]
    assert paragraphs[0].startswith("“" + " ".join(getattr(front.scope, document.lang)))
    for principle in (*front.principles, *front.practices):
        para = next(p for p in paragraphs if p.startswith(f"**{principle.id}** "))
        assert all(rule in para for rule in front_matter.matching(principle.rules, sorted(CATALOGUE)))


def test_definitions_are_the_vocabulary_in_the_documents_language(document: Document) -> None:
    terms_table = next(b for b in document.blocks if isinstance(b, Table))
    assert len(terms_table.rows) == len(vocabulary.terms())
    blockchain = vocabulary.term("blockchain")
    row = next(r for r in terms_table.rows if blockchain.label("en") in r[0])
    assert row[1] == blockchain.definition(document.lang)
    if document.lang == "zh":
        assert row[0].startswith(blockchain.label("zh"))


def test_annexes_carry_every_code_list_and_the_xml_schema(document: Document) -> None:
    headings = " ".join(b.text for b in document.blocks if isinstance(b, Heading))
    assert all(f"`{cl.id}`" in headings for cl in codelists.ALL.values())
    text = render(document, "md")
    assert 'targetNamespace="https://wipo-bc-standard.org/ns/xml/' in text  # the XSD, in full
    assert "IPRecordAnchored(bytes32,string,string)" in text  # the encodings annex


def test_docx_opens_with_headings_numbered_paragraphs_and_tables(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx", reason="python-docx (the standard and test extras) opens the document")
    for lang, first_heading in (("en", "INTRODUCTION"), ("zh", "引言")):
        out = tmp_path / f"draft-{lang}.docx"
        result = CliRunner().invoke(main, ["docs", "standard", "--lang", lang, "--format", "docx", "-o", str(out)])
        assert result.exit_code == 0, result.output
        word = docx.Document(str(out))
        headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
        assert headings[0] == first_heading
        numbered = [p.text for p in word.paragraphs if p.style.name == "List Number"]
        requirements = [t for t in numbered if t.split(" ", 1)[0] in CATALOGUE]
        assert len(requirements) == len(CATALOGUE)
        assert len(word.tables) >= len(codelists.ALL) + 5  # terms, scope, a table per schema and code list
        if lang == "zh":
            cells = {c.text for t in word.tables[:1] for row in t.rows for c in row.cells}
            assert any(text.startswith("区块链") for text in cells)


def test_markdown_and_html_from_the_cli() -> None:
    md = CliRunner().invoke(main, ["docs", "standard", "--format", "md"])
    assert md.exit_code == 0 and md.output.count('<a id="') == len(CATALOGUE)
    html = CliRunner().invoke(main, ["docs", "standard", "--lang", "zh", "--format", "html"])
    assert html.exit_code == 0 and html.output.startswith("<!DOCTYPE html>") and "<h2>要求</h2>" in html.output
    assert "<script" not in html.output and "<link" not in html.output  # self-contained


def test_docx_needs_an_output_file() -> None:
    result = CliRunner().invoke(main, ["docs", "standard", "--format", "docx"])
    assert result.exit_code == 2 and "-o FILE" in result.output


def test_markdown_pages_become_blocks() -> None:
    blocks = from_markdown("# T\n\nSome `code` and **bold**\ntext.\n\n| a | b |\n|---|---|\n| 1 | x\\|y |\n\n"
                           "- one\n- two\n\n```json\n{}\n```\n", base_level=1)
    assert [type(b).__name__ for b in blocks] == ["Heading", "Para", "Table", "Bullets", "Code"]
    assert runs(blocks[1].text) == [("Some ", ""), ("code", "code"), (" and ", ""), ("bold", "b"), (" text.", "")]
    assert blocks[2].rows == (("1", "x|y"),)


def test_a_requirement_states_its_basis_where_the_catalogue_records_one() -> None:
    from types import SimpleNamespace

    from wipo_bc_standard.standard_doc.content import requirement_text
    rule = CATALOGUE["LS-01"]
    assert "*Basis*" not in requirement_text(rule, "en") or getattr(rule, "basis", None)
    basis = SimpleNamespace(text=lambda: "standard: WIPO ST.27, paragraph 6")
    with_basis = SimpleNamespace(**{name: getattr(rule, name) for name in
                                    ("id", "title", "level", "targets", "clause", "rationale", "needs_network",
                                     "stateful")}, basis=basis)
    text = requirement_text(with_basis, "en")  # type: ignore[arg-type]
    assert text.endswith("*Basis*: standard: WIPO ST.27, paragraph 6.")
    assert "*依据*：standard: WIPO ST.27" in requirement_text(with_basis, "zh")  # type: ignore[arg-type]
