"""Guards let the engine skip a rule's check on ordinary documents; they must never hide a finding.

Each guard is held to its rule: its rule's invalid example fails it, and on thousands of documents bred from every rule's examples (and mutated at random), a document
the guard accepts is one the check finds nothing on. The engine's findings are the same with and
without guards.
"""

from __future__ import annotations

import copy
import random
from typing import Any

import pytest

from wipo_bc_standard.checks.schema_check import compile_schema
from wipo_bc_standard.engine import Checker
from wipo_bc_standard.items import Item
from wipo_bc_standard.rules import CATALOGUE, Rule, RuleContext

GUARDED = [(rule, target) for rule in CATALOGUE.values() for target in rule.guards]

#: Values that sit on the edges the guarded rules look at.
EDGE_VALUES: list[Any] = [
    None, 0, 1.5, True, "", " ", "x", [], {}, [1], {"a": 1}, "EM", "XX", "DD", "SU", "EU", "A1", "em", "EP", "XN",
    "patent", "trademark", "plant-variety", "ST.27", "sha-1", "md5", "sha-256", "sha-512", "a" * 64, "a" * 63,
    " 018123456", "0181\u00a023456", "018\x0723456", "urn:uuid:5F0C6C3E-1B7A-4D0E-9A57-0B1F3C2D4E5F",
    "did:web:x", "did:Web:x", "did:ethr:0xb9c5714089478a327f09197987f16f9e5d936e8a", "did:", "Holder SA",
    "inventor", "creator", "2021-06-01T10:00:00Z", "2021-06-01T10:00:00-00:00", "2021-06-01T10:00:00+02:00",
    "2021-06-01T10:00:00z", "A1", "3456789",
]


def _sources() -> list[dict[str, Any]]:
    docs = []
    for rule in CATALOGUE.values():
        for example in (rule.valid_example, rule.invalid_example):
            doc = example.get("document") if isinstance(example, dict) and "network" in example else example
            if isinstance(doc, dict):
                docs.append(doc)
    return docs


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(doc, dict):
        for key, value in doc.items():
            out += _paths(value, prefix + (key,))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            out += _paths(value, prefix + (i,))
    return out


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        doc = doc[part]
    if isinstance(doc, dict) and value is _DELETE:
        del doc[path[-1]]
    elif value is not _DELETE:
        doc[path[-1]] = value


_DELETE = object()


def _bred(rng: random.Random, sources: list[dict[str, Any]], pool: list[Any]) -> dict[str, Any]:
    doc = copy.deepcopy(rng.choice(sources))
    for _ in range(rng.randint(1, 4)):
        paths = _paths(doc)
        if not paths:
            break
        choice = rng.random()
        value = _DELETE if choice < 0.1 else rng.choice(EDGE_VALUES) if choice < 0.6 else copy.deepcopy(rng.choice(pool))
        _set(doc, rng.choice(paths), value)
    return doc


def _values(docs: list[Any]) -> list[Any]:
    pool = []
    for doc in docs:
        for path in _paths(doc):
            node = doc
            for part in path:
                node = node[part]
            pool.append(node)
    return pool


BRED = None


def _neighbours(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Every document one step away: each member deleted, or set to each edge value."""
    out = []
    for path in _paths(doc):
        for value in [_DELETE, *EDGE_VALUES]:
            changed = copy.deepcopy(doc)
            _set(changed, path, value)
            out.append(changed)
    return out


def bred_documents() -> list[dict[str, Any]]:
    """Random crossings and mutations of every rule's examples, and every one-step neighbour of
    the guarded rules' own examples."""
    global BRED
    if BRED is None:
        rng = random.Random(20261125)
        sources = _sources()
        pool = _values(sources)
        guarded_examples = [r.valid_example for r, _ in GUARDED] + [r.invalid_example for r, _ in GUARDED]
        BRED = [_bred(rng, sources, pool) for _ in range(4000)] + sources
        BRED += [n for doc in guarded_examples if isinstance(doc, dict) for n in _neighbours(doc)]
    return BRED


def test_some_rules_are_guarded() -> None:
    assert len(GUARDED) >= 10


@pytest.mark.parametrize(("rule", "target"), GUARDED, ids=lambda x: x.id if isinstance(x, Rule) else x)
def test_guard_rejects_the_invalid_example(rule: Rule, target: str) -> None:
    assert not compile_schema(dict(rule.guards[target])).is_valid(rule.invalid_example)


@pytest.mark.parametrize(("rule", "target"), GUARDED, ids=lambda x: x.id if isinstance(x, Rule) else x)
def test_guard_never_accepts_a_document_its_rule_finds_something_on(rule: Rule, target: str) -> None:
    guard = compile_schema(dict(rule.guards[target]))
    ctx = RuleContext()
    accepted = 0
    for doc in bred_documents():
        if guard.is_valid(doc):
            accepted += 1
            assert list(rule.check(doc, ctx)) == [], doc
    assert accepted > 100  # the guard does let ordinary documents through


def test_findings_are_the_same_with_and_without_guards() -> None:
    guarded, plain = Checker(target="record", profile="strict"), Checker(target="record", profile="strict")
    plan = plain._plan_for("record")
    plain._plans["record"] = type(plan)(plan.steps, plan.steps, None)  # the same rules, no guard: all run
    for doc in bred_documents():
        item = Item("x", 0, 1, doc=doc)
        assert [f.to_dict() for f in guarded.check(item).findings] == [f.to_dict() for f in plain.check(item).findings]
