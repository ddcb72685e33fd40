"""No input crashes a run: documents of every target, mutated at random (seeded), give a result
per item and never an ``internal.error`` finding (the engine's safety net for unforeseen input)."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from wipo_bc_standard import validate
from wipo_bc_standard.rules.examples import EXAMPLE_LEDGER, example_record
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


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01"])
def test_dates_at_the_ends_of_the_calendar_are_judged_not_crashed_on(date: str) -> None:
    # Date arithmetic (a day after the ledger time, the end of a priority period) runs past the
    # calendar here; no date is later than 9999-12-31, so those rules find nothing.
    record = example_record(ledger=dict(EXAMPLE_LEDGER, timestamp=f"{date}T10:00:00Z"),
                            ipRight__priorityClaims=[{"office": "FR", "applicationNumber": "4712345", "date": date}])
    report = validate(record, profile="strict")
    assert [f.message for f in report.items[0].findings if f.rule == "internal.error"] == []


def test_python_values_json_cannot_carry_are_findings() -> None:
    report = validate([{"a": float("nan")}, {"a": 2**64}, {"a": object()}, {"a": {1, 2}}])
    assert [item.findings[0].rule for item in report.items] == [
        "json.non-finite-number", "json.number-range", "json.syntax", "json.syntax"]


def _mutate_export(value: Any, rng: random.Random) -> Any:
    odd: list[Any] = [None, 1, -1.5, "", "x", [], {}, True, "0x", "0xzz", "AAAA", 2**40]
    if isinstance(value, dict):
        return {k: rng.choice(odd) if rng.random() < 0.08 else _mutate_export(v, rng)
                for k, v in value.items() if rng.random() > 0.03}
    if isinstance(value, list):
        return [_mutate_export(v, rng) for v in value if rng.random() > 0.03]
    return rng.choice(odd) if rng.random() < 0.05 else value


@pytest.mark.parametrize(("kind", "export"), [("evm", "evm/blocks.json"), ("evm", "evm/anchor-logs.json"),
                                              ("multichain", "multichain/liststreamitems.json"),
                                              ("fabric", "fabric/blocks.ndjson")])
def test_mangled_ledger_exports_give_findings_or_one_line_errors(kind: str, export: str, tmp_path: Any) -> None:
    from pathlib import Path

    from click.testing import CliRunner

    from wipo_bc_standard.cli import main
    source = Path(__file__).parent / "fixtures" / "ledgers" / export
    rng = random.Random(f"export {export}")
    lines = source.read_text(encoding="utf-8").splitlines()
    for n in range(12):
        path = tmp_path / f"{n}{source.suffix}"
        if source.suffix == ".ndjson":
            path.write_text("\n".join(json.dumps(_mutate_export(json.loads(ln), rng)) for ln in lines[:40]))
        else:
            path.write_text(json.dumps(_mutate_export(json.loads(source.read_text(encoding="utf-8")), rng)))
        extra = ["--chain", "c"] if kind == "multichain" else []
        for args in (["ledger", "read", "--from", kind, *extra, str(path)], ["validate", "--from", kind, str(path)]):
            result = CliRunner().invoke(main, args)
            assert result.exit_code in (0, 1, 2), result.output
            assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


def test_corrupted_xml_and_rdf_files_give_findings(tmp_path: Any) -> None:
    forms = [p for p in expand([EXAMPLES / "valid"]) if p.suffix in (".xml", ".jsonld", ".ttl")]
    assert forms
    rng = random.Random("forms")
    for source in forms:
        data = source.read_bytes()
        for n in range(6):
            corrupted = bytearray(data)
            for _ in range(rng.randint(1, 4)):
                corrupted[rng.randrange(len(corrupted))] = rng.randrange(256)
            path = tmp_path / f"{source.stem}-{n}{source.suffix}"
            path.write_bytes(bytes(corrupted))
            report = validate(path)
            assert report.summary.items >= 1
            assert not [f for item in report.items for f in item.findings if f.rule == "internal.error"]
