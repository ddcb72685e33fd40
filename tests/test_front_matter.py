"""The standard's front matter: one source (front_matter.toml) for the site's pages, tied to the rule
catalogue and the use-case code list, and, where the seed is at hand, quoting it verbatim."""

from __future__ import annotations

from pathlib import Path

import pytest

import wipo_bc_standard.cli  # noqa: F401  (registers every rule)
from wipo_bc_standard import codelists, front_matter, vocabulary
from wipo_bc_standard.docs_site.front_matter_pages import front_matter_pages
from wipo_bc_standard.rules import CATALOGUE

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
MATTER = front_matter.load()
RULE_IDS = sorted(CATALOGUE)


def test_every_rule_belongs_to_a_common_practice() -> None:
    covered = {r for p in MATTER.practices for r in front_matter.matching(p.rules, RULE_IDS)}
    assert sorted(set(RULE_IDS) - covered) == [], "add the rule to a practice in front_matter.toml"


@pytest.mark.parametrize("entry", MATTER.principles + MATTER.practices, ids=lambda p: p.id)
def test_each_principle_and_practice_names_existing_rules_and_its_origin(entry: front_matter.Principle) -> None:
    for pattern in entry.rules:
        assert front_matter.matching([pattern], RULE_IDS), f"{entry.id}: {pattern} names no rule"
    assert entry.bases and entry.title["zh"] and entry.statement["zh"]


def test_every_use_case_has_its_advantage() -> None:
    assert [a.use_case for a in MATTER.advantages] == list(codelists.USE_CASES.values)
    assert all(a.en and a.zh and a.bases for a in MATTER.advantages)


def test_the_scope_statement_is_a_term_citing_the_same_paragraph() -> None:
    term = vocabulary.term(MATTER.scope.term)
    assert term.label("zh") == "范围说明" and MATTER.scope.cited in " ".join(term.sources)


def test_pages_are_rendered_from_the_front_matter_and_the_catalogue() -> None:
    pages = {p.path.rsplit("/", 1)[-1]: p.text for p in front_matter_pages()}
    assert set(pages) == {"index.md", "principles.md", "practices.md", "use-cases.md"}
    assert MATTER.scope.en[0] in pages["index.md"] and MATTER.scope.zh[0] in pages["index.md"]
    assert all(item in pages["index.md"] for item in MATTER.task.zh)
    for practice in MATTER.practices:
        for rule_id in front_matter.matching(practice.rules, RULE_IDS):
            assert f"[{rule_id}](../rules/{rule_id}.md)" in pages["practices.md"]
    for code in codelists.USE_CASES.codes:
        assert f"`{code.value}`" in pages["use-cases.md"]


def test_the_chinese_is_the_seeds_own_words() -> None:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip("../shared/seeds is absent (a user's clone has no ../shared)")
    seed = "".join("".join(path.read_text(encoding="utf-8").split()) for path in seeds)
    quoted = [*MATTER.scope.zh, *MATTER.task.zh, *(i.zh for i in MATTER.subtasks), *(i.zh for i in MATTER.focus)]
    assert [text for text in quoted if "".join(text.split()) not in seed] == []
    # The labels the terms take from the seed are in it too.
    for term in vocabulary.terms():
        if term.label_bases["zh"].kind == "seed":
            assert term.label("zh") in seed, term.name
