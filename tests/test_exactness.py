"""The fast paths say exactly what the slow ones say, on every example and on the benchmark's
varied generated data (benchmarks/datagen.py): speed never changes a finding."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import orjson
import pytest

from wipo_bc_standard import engine, jsontext
from wipo_bc_standard.api import iter_validate

from .conftest import EXAMPLES

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from datagen import Generator


def _variants(lines: list[bytes], seed: int) -> list[bytes]:
    """The lines, and the same lines written as other writers write them: blanks around colons,
    pretty-printed, escapes, numbers at the edge of I-JSON's range, duplicate keys in nested objects."""
    rng = random.Random(seed)
    out = list(lines)
    for line in lines[:400]:
        choice = rng.randrange(7)
        if choice == 0:
            out.append(line.replace(b'":', b'" :', 3))
        elif choice == 1:
            try:
                out.append(orjson.dumps(orjson.loads(line), option=orjson.OPT_INDENT_2).replace(b"\n", b" "))
            except orjson.JSONDecodeError:
                out.append(line)
        elif choice == 2:
            out.append(line.replace(b'"office":', b'"offic\\u0065":', 1).replace(b"urn:", b"urn\\u003a", 1))
        elif choice == 3:
            out.append(line[:-1] + b',"n":[1,%d]}' % rng.choice([2**53 - 1, 2**53, -(2**53), 10**16]))
        elif choice == 4:
            out.append(line.replace(b'"ipRight":{', b'"ipRight":{"kind":"patent",', 1))
        elif choice == 5:
            out.append(line[:-1] + b',"h":"ab%dcd"}' % (10**17))
        else:
            out.append(b"[" * rng.randint(60, 70) + line + b"]" * rng.randint(60, 70))
    return out


@pytest.mark.parametrize("outer", [0, 1])
def test_batched_parsing_equals_the_exact_parser(outer: int) -> None:
    lines = _variants(list(Generator(11, fault_rate=0.2).lines(1500)), 11)
    fast = []
    for start in range(0, len(lines), 256):
        fast += jsontext.parse_many(lines[start:start + 256], outer=outer)
    limit = jsontext.MAX_DEPTH - outer
    for line, got in zip(lines, fast):
        want = jsontext._parse_exactly(line, limit)
        if isinstance(want, jsontext.ParseError):
            assert isinstance(got, jsontext.ParseError) and got.rule == want.rule, line
        else:
            assert got == want, line


def _all_rules_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine without its guards: every rule's check runs on every document."""
    monkeypatch.setattr(engine._Plan, "of", classmethod(
        lambda cls, rules, target: cls(tuple((r.check, r.reads, r) for r in rules), (), None)))


@pytest.mark.parametrize("profile", ["core", "interop", "strict"])
def test_guards_and_fast_paths_change_no_finding(profile: str, monkeypatch: pytest.MonkeyPatch) -> None:
    gen = Generator(5, fault_rate=0.2)
    sources: list[object] = [b"\n".join(gen.lines(1500)),
                             *sorted(p for p in (EXAMPLES / "valid").rglob("*.json")),
                             *sorted(p for p in (EXAMPLES / "invalid").rglob("*.json"))]
    fast = [r.to_dict() for r in iter_validate(sources, profile=profile)]
    ledger = b"\n".join(Generator(6, fault_rate=0.1).ledger(600))
    fast_ledger = [r.to_dict() for r in iter_validate(ledger, target="ledger", profile=profile)]
    _all_rules_always(monkeypatch)
    assert [r.to_dict() for r in iter_validate(sources, profile=profile)] == fast
    assert [r.to_dict() for r in iter_validate(ledger, target="ledger", profile=profile)] == fast_ledger
