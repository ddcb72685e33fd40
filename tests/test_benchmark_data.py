"""The benchmarks' data generator (benchmarks/datagen.py): seeded, varied, and faulty only where it
plants a fault, so that the benchmark's figures are about realistic data and not copies of one example."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import orjson

from wipo_bc_standard import codelists as cl
from wipo_bc_standard.api import iter_validate
from wipo_bc_standard.findings import Level

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from datagen import Generator


def test_the_same_seed_gives_the_same_data() -> None:
    assert list(Generator(3).lines(50)) == list(Generator(3).lines(50))
    assert list(Generator(3).lines(50)) != list(Generator(4).lines(50))


def test_records_are_varied_and_faulty_at_the_set_rate() -> None:
    gen = Generator(7, fault_rate=0.1)
    lines = list(gen.lines(600))
    docs = []
    for line in lines:
        try:
            docs.append(orjson.loads(line))
        except orjson.JSONDecodeError:
            pass
    kinds = Counter(d.get("ipRight", {}).get("kind") for d in docs if isinstance(d.get("ipRight"), dict))
    assert set(kinds) >= {c.value for c in cl.IP_RIGHT_KINDS.codes} - {None}
    assert {d.get("recordType") for d in docs} >= {c.value for c in cl.RECORD_TYPES.codes}
    assert len({d["ipRight"]["office"] for d in docs if isinstance(d.get("ipRight"), dict)}) >= 10
    assert 5 < sum("proof" in d for d in docs) < 200
    assert len(gen.faults) >= 12
    results = list(iter_validate(b"\n".join(lines)))
    failing = sum(not r.conformant for r in results)
    planted = sum(gen.faults.values())
    # Only planted faults make a record fail (a planted fault may be harmless in rare combinations).
    assert planted * 0.8 <= failing <= planted
    assert any(f.level is Level.ERROR for r in results for f in r.findings)


def test_a_ledger_is_chained_with_planted_chain_faults() -> None:
    gen = Generator(5, fault_rate=0.05)
    lines = list(gen.ledger(400))
    results = list(iter_validate(b"\n".join(lines), target="ledger"))
    rules = Counter(f.rule for r in results for f in r.findings)
    assert len(results) == 400 and rules
    assert {k for k in gen.faults} <= {"tampered", "fork", "duplicate-id", "block-backwards"}
    assert sum(1 for line in lines if b"previousRecordHash" in line) > 300
