"""The terms speak the seed's words: its Chinese labels first, then national and international standards,
each term saying where its label and definition come from."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from wipo_bc_standard import vocabulary
from wipo_bc_standard.basis import SEED_DOCUMENT
from wipo_bc_standard.cli import main

TERMS = vocabulary.terms()


def test_vertical_use_case_is_the_seeds_zongxiang_yongli() -> None:
    result = CliRunner().invoke(main, ["vocab", "show", "vertical-use-case", "--lang", "zh"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "纵向用例"
    assert f"{SEED_DOCUMENT}, para. 4" in result.output


@pytest.mark.parametrize(("slug", "zh", "replaced"), [
    ("vertical-use-case", "纵向用例", "垂直用例"),
    ("horizontal-use-case", "横向用例", "水平用例"),
    ("common-identifier", "共同身份标识", None),
    ("register", "注册簿", "登记簿"),
    ("distributed-ledger-technology", "分布式记账技术", "分布式账本技术"),
    ("hash-value", "杂凑值", "哈希值"),
    ("cryptographic-hash-function", "密码杂凑函数", "哈希函数"),
])
def test_preferred_labels_and_the_labels_they_replace(slug: str, zh: str, replaced: str | None) -> None:
    term = vocabulary.term(slug)
    assert term.label("zh") == zh
    if replaced:  # the former label still finds the term
        assert replaced in term.alt_labels["zh"]
        assert vocabulary.term(replaced, lang="zh") is term


@pytest.mark.parametrize(("slug", "zh", "paragraph"), [
    ("regulation", "监管", "6"), ("technical-standard", "技术标准", "6"),
    ("high-level-configuration", "高层配置", "11"), ("sustainability", "可持续性", "11"),
    ("scope-statement", "范围说明", "3"), ("task-description", "任务说明", "3"),
    ("guiding-principle", "指导原则", "3"), ("common-practice", "通行做法", "3"),
    ("reference-model", "参考模型", "3"), ("system-configuration", "系统配置", "10"),
])
def test_the_seeds_concepts_are_terms_in_english_and_chinese(slug: str, zh: str, paragraph: str) -> None:
    term = vocabulary.term(zh, lang="zh")
    assert term.name == slug and term.definitions["en"] and term.definitions["zh"]
    assert term.label_bases["zh"].kind == "seed" and term.label_bases["zh"].reference.endswith(f"para. {paragraph}")


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.name)
def test_every_term_says_where_its_labels_and_definition_come_from(term: vocabulary.Concept) -> None:
    assert {"en", "zh"} <= set(term.label_bases) == set(term.labels)
    assert term.definition_bases
    assert all(b.kind in ("seed", "standard", "proposal") and b.reference for b in term.definition_bases)


def test_one_chinese_term_for_hash_and_for_dlt_in_every_definition() -> None:
    for term in TERMS:
        text = term.definitions["zh"] + term.label("zh")
        assert "哈希" not in text and "散列" not in text, term.name
        assert "分布式账本技术" not in text, term.name
    codes_zh = " ".join(label for labels in vocabulary.code_labels_zh().values() for label in labels.values())
    assert "哈希" not in codes_zh and "登记簿" not in codes_zh and "通用数字身份" not in codes_zh


def test_the_turtle_records_the_origin_of_labels_and_definitions() -> None:
    from rdflib import Literal, URIRef
    g = vocabulary.graph()
    ns = URIRef(vocabulary.NS + "labelSource")
    concept = URIRef(vocabulary.concept_iri("term", "vertical-use-case"))
    assert Literal(f"zh: seed: {SEED_DOCUMENT}, para. 4") in set(g.objects(concept, ns))


def test_the_glossary_says_where_each_label_comes_from() -> None:
    from wipo_bc_standard.docs_site import glossary_pages
    zh = next(p.text for p in glossary_pages() if p.path.endswith("/zh.md"))
    entry = zh[zh.index("## 纵向用例"):]
    entry = entry[:entry.index("\n## ")]
    assert "垂直用例" in entry and f"label from seed: {SEED_DOCUMENT}, para. 4" in entry
