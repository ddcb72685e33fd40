"""No input crashes a run: documents of every target, mutated at random (seeded), give a result
per item and never an ``internal.error`` finding (the engine's safety net for unforeseen input)."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from wipo_bc_standard import validate
from wipo_bc_standard.sources import expand

from .conftest import EXAMPLES

ODD_VALUES: list[Any] = [None, 0, -1, 1.5, "", "x", "did:", "2021-13-45", "Cafe\u0301", [], {}, [1], {"a": None},
                         True, 2**53 - 1]


def _examples() -> list[Any]:
    docs = []
    for path in expand([EXAMPLES / "valid", EXAMPLES / "invalid", EXAMPLES / "networks", EXAMPLES / "identity"]):
        if path.suffix == ".json":
            try:
                docs.append(json.loads(path.read_text(encoding="utf-8")))
            except ValueError:
                continue
    return docs


def _mutate(value: Any, rng: random.Random) -> Any:
    if isinstance(value, dict):
        return {k: rng.choice(ODD_VALUES) if rng.random() < 0.12 else _mutate(v, rng)
                for k, v in value.items() if rng.random() > 0.05}
    if isinstance(value, list):
        return [_mutate(v, rng) for v in value] + ([rng.choice(ODD_VALUES)] if rng.random() < 0.1 else [])
    return rng.choice(ODD_VALUES) if rng.random() < 0.08 else value


@pytest.mark.parametrize("target", ["auto", "record", "ledger", "profile", "governance", "did", "vc"])
def test_mutated_documents_never_break_a_check(target: str) -> None:
    rng = random.Random(f"wipo-bc {target}")
    examples = _examples()
    network = json.loads((EXAMPLES / "networks" / "euipo-multichain" / "profile.json").read_text())
    batch = [_mutate(rng.choice(examples), rng) for _ in range(300)]
    for context in (None, network, _mutate(network, rng)):
        report = validate(batch, target=target, profile="strict", network=context)
        assert report.summary.items == len(batch)
        broken = [f.message for item in report.items for f in item.findings if f.rule == "internal.error"]
        assert broken == []


def test_python_values_json_cannot_carry_are_findings() -> None:
    report = validate([{"a": float("nan")}, {"a": 2**64}, {"a": object()}, {"a": {1, 2}}])
    assert [item.findings[0].rule for item in report.items] == [
        "json.non-finite-number", "json.number-range", "json.syntax", "json.syntax"]
