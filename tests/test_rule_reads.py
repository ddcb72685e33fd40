"""A rule that declares the members it reads is skipped on documents without them: that is only
sound if the rule finds nothing there. Proven here on each such rule's own examples."""

from __future__ import annotations

from typing import Any

import pytest

from wipo_bc_standard.rules import CATALOGUE, Rule, RuleContext

READING = [r for r in CATALOGUE.values() if r.reads and not r.stateful]


def _document_and_context(example: Any, rule: Rule) -> tuple[Any, RuleContext]:
    if rule.needs_network:
        return example["document"], RuleContext(network=example["network"])
    return example, RuleContext()


def test_some_rules_declare_what_they_read() -> None:
    assert len(READING) >= 5


@pytest.mark.parametrize("rule", READING, ids=lambda r: r.id)
def test_rule_finds_nothing_without_the_members_it_reads(rule: Rule) -> None:
    for example in (rule.valid_example, rule.invalid_example):
        doc, ctx = _document_and_context(example, rule)
        stripped = {k: v for k, v in doc.items() if k not in rule.reads}
        assert list(rule.check(stripped, ctx)) == []


@pytest.mark.parametrize("rule", READING, ids=lambda r: r.id)
def test_rule_still_fires_when_it_reads_its_members(rule: Rule) -> None:
    doc, ctx = _document_and_context(rule.invalid_example, rule)
    assert not doc.keys().isdisjoint(rule.reads)
    assert list(rule.check(doc, ctx))
