"""Ledger integrity: hash links, first records, duplicate ids, forks and order, streamed record by record."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from wipo_bc_standard import jcs, validate
from wipo_bc_standard.cli import main
from wipo_bc_standard.findings import Level
from wipo_bc_standard.rules import CATALOGUE, RuleContext
from wipo_bc_standard.rules.ledger_chain import CHAIN_RULES, FORK_WINDOW, LedgerChain

from .ledger_factory import EXAMPLE_LEDGERS, EXAMPLES, chain_20, link, ndjson

VALID = EXAMPLES / "valid" / "chain-20.ndjson"
INVALID = sorted((EXAMPLES / "invalid").glob("*.ndjson"))


def chain(context: RuleContext | None = None, rules: tuple[str, ...] = CHAIN_RULES) -> LedgerChain:
    return LedgerChain([CATALOGUE[r] for r in rules], context)


def feed_all(ledger: LedgerChain, records: list[dict[str, Any]]) -> list[tuple[int, str, str]]:
    return [(i, f.rule, f.path) for i, r in enumerate(records) for f in ledger.feed(r)]


# --- the committed examples -------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(EXAMPLE_LEDGERS))
def test_committed_example_ledgers_are_what_the_factory_builds(name: str) -> None:
    assert (EXAMPLES / name).read_bytes() == ndjson(EXAMPLE_LEDGERS[name]()), \
        "run: python -m tests.ledger_factory"


def test_valid_chain_exits_0_with_no_finding_even_under_strict() -> None:
    result = CliRunner().invoke(main, ["validate", "--target", "ledger", str(VALID)])
    assert result.exit_code == 0, result.output
    report = validate(VALID, target="ledger", profile="strict")
    assert report.summary.items == 20
    assert [f.to_dict() for item in report.items for f in item.findings] == []


def test_valid_chain_covers_three_rights_with_real_links() -> None:
    records = chain_20()
    rights = {(r["ipRight"]["office"], r["ipRight"]["applicationNumber"]) for r in records}
    assert len(records) == 20 and len(rights) == 3
    assert sum("previousRecordHash" in r for r in records) == 17


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_ledger_reports_its_rule_from_the_cli(path: Path) -> None:
    rule = path.name.split("--", 1)[0]
    level = CATALOGUE[rule].level.label  # SHOULD rules fail the run only with --fail-on warning
    result = CliRunner().invoke(main, ["validate", "--target", "ledger", "--fail-on", level, "--format", "json",
                                       str(path)])
    assert result.exit_code == 1, result.output
    assert f'"rule":"{rule}"' in result.output.replace(" ", "")


def test_tampered_record_shows_only_on_its_successor() -> None:
    report = validate(EXAMPLES / "invalid" / "CH-01--tampered-record.ndjson", target="ledger", profile="strict")
    found = [(item.line, f.rule, f.path) for item in report.items for f in item.findings]
    # Record 4 was altered; record 6 is the next record of the same right and holds its old hash.
    assert found == [(6, "CH-01", "/previousRecordHash/value")]


# --- the rules ---------------------------------------------------------------------------------

@pytest.mark.parametrize("rule_id", CHAIN_RULES)
def test_rule_metadata_and_examples(rule_id: str) -> None:
    rule = CATALOGUE[rule_id]
    assert rule.stateful and rule.targets == ("ledger",) and rule.level >= Level.WARNING
    assert rule.title and rule.clause and rule.rationale and "{" in rule.message and rule.message_zh
    assert isinstance(rule.valid_example, list) and isinstance(rule.invalid_example, list)
    ctx = RuleContext()
    assert list(rule.check(rule.valid_example, ctx)) == []
    hits = list(rule.check(rule.invalid_example, ctx))
    assert hits and all(path.startswith("/") for path, _ in hits)
    for finding in rule.findings(rule.invalid_example, RuleContext(lang="zh")):
        assert "{" not in finding.message and finding.message != rule.message_zh


@pytest.mark.parametrize("rule_id", CHAIN_RULES)
def test_rule_examples_as_ledgers_show_exactly_their_rule(rule_id: str) -> None:
    rule = CATALOGUE[rule_id]
    valid = validate(rule.valid_example, target="ledger", profile="strict")
    assert [f.to_dict() for item in valid.items for f in item.findings] == []
    invalid = validate(rule.invalid_example, target="ledger", profile="strict")
    assert {f.rule for item in invalid.items for f in item.findings} == {rule_id}


def test_only_the_rules_given_produce_findings() -> None:
    records = chain_20()[:6]
    records[5] = {**records[5], "recordId": records[0]["recordId"]}  # ID-04, and CH-01 on nothing (first of right)
    records[3]["previousRecordHash"] = {"alg": "sha-256", "value": "00" * 32}
    assert {rule for _, rule, _ in feed_all(chain(), records)} == {"ID-04", "CH-01"}
    assert {rule for _, rule, _ in feed_all(chain(rules=("ID-04",)), records)} == {"ID-04"}
    assert feed_all(chain(rules=()), records) == []


def test_missing_link_on_a_later_record_is_ch01() -> None:
    records = chain_20()[:6]
    del records[5]["previousRecordHash"]
    assert feed_all(chain(), records) == [(5, "CH-01", "/previousRecordHash")]


def test_first_record_with_a_link_is_ch00() -> None:
    records = chain_20()[3:4]
    assert feed_all(chain(), records) == [(0, "CH-00", "/previousRecordHash")]


def test_fork_is_ch02_and_not_also_a_broken_link() -> None:
    records = chain_20()[:4]
    fork = copy.deepcopy(records[3])
    fork["recordId"] = "urn:uuid:00000000-0000-4000-8000-0000000000ff"
    fork["ledger"]["blockNumber"] += 1
    assert feed_all(chain(), records + [fork]) == [(4, "CH-02", "/previousRecordHash/value")]


def test_a_fork_off_an_earlier_record_of_the_right_is_ch02() -> None:
    records = chain_20()
    def right(record: dict[str, Any]) -> tuple[str, str, str]:
        return record["ipRight"]["office"], record["ipRight"]["kind"], record["ipRight"]["applicationNumber"]
    same_right = [i for i, r in enumerate(records) if right(r) == right(records[0]) and "previousRecordHash" in r]
    assert len(same_right) >= 3
    # A record naming the predecessor of the right's second-to-last linked record: a fork two back.
    sibling = records[same_right[-2]]
    fork = copy.deepcopy(sibling)
    fork["recordId"] = "urn:uuid:00000000-0000-4000-8000-0000000000fe"
    fork["ledger"]["blockNumber"] = records[-1]["ledger"]["blockNumber"] + 1
    fork["ledger"]["timestamp"] = records[-1]["ledger"]["timestamp"]
    found = feed_all(chain(), records + [fork])
    assert found == [(len(records), "CH-02", "/previousRecordHash/value")]


def test_an_exact_replay_is_a_duplicate_id_and_a_fork() -> None:
    records = chain_20()[:4]
    assert {rule for _, rule, _ in feed_all(chain(), records + [records[3]])} == {"ID-04", "CH-02"}


def test_links_in_another_algorithm_are_checked_with_it() -> None:
    records = link(chain_20(), alg="sha3-256")
    assert feed_all(chain(RuleContext(network={"hashAlgorithms": ["sha3-256"]})), records) == []
    # Without a network profile the algorithm is learnt from the first link, and every link is checked.
    assert feed_all(chain(), records) == []
    records[18]["previousRecordHash"]["value"] = "0" * 64  # the trade mark's last record
    assert feed_all(chain(), records) == [(18, "CH-01", "/previousRecordHash/value")]


def test_a_link_that_cannot_be_checked_is_a_warning_not_an_error() -> None:
    # The network names sha-256 only, so records are not hashed with sha-512; the first sha-512 link of
    # each right cannot be checked here (a migration between algorithms: give the network's list).
    records = link(chain_20(), alg="sha-512")
    ledger = chain(RuleContext(network={"hashAlgorithms": ["sha-256"]}))
    found = [(i, f.rule, f.level) for i, r in enumerate(records) for f in ledger.feed(r)]
    assert found == [(3, "CH-01", Level.WARNING), (4, "CH-01", Level.WARNING), (6, "CH-01", Level.WARNING)]


def test_order_going_backwards_within_the_tolerated_skew_is_accepted() -> None:
    records = chain_20()[:3]
    records[2]["ledger"]["timestamp"] = "2024-07-01T09:01:30Z"  # 30 s before record 2's time
    assert feed_all(chain(), records) == [(2, "DT-05", "/ledger/timestamp")]
    skew = RuleContext(network={"timeSource": {"maxSkewSeconds": 60}})
    assert feed_all(chain(skew), records) == []
    records[2]["ledger"]["blockNumber"] = 1  # block numbers have no tolerance
    assert feed_all(chain(skew), records) == [(2, "DT-05", "/ledger/blockNumber")]


def test_times_at_the_start_of_the_calendar_are_compared_not_crashed_on() -> None:
    records = chain_20()[:3]
    for record, time in zip(records, ("0001-01-01T00:00:00Z", "0001-01-01T00:00:30Z", "0001-01-01T00:00:00+00:01")):
        record["ledger"]["timestamp"] = time  # the last: 90 s before the one before it
    assert feed_all(chain(RuleContext(network={"timeSource": {"maxSkewSeconds": 100}})), records) == []
    assert feed_all(chain(RuleContext(network={"timeSource": {"maxSkewSeconds": 60}})), records) == [
        (2, "DT-05", "/ledger/timestamp")]


def test_messages_in_chinese() -> None:
    records = chain_20()[3:4]
    [finding] = chain(RuleContext(lang="zh")).feed(records[0])
    assert "第一条记录" in finding.message and finding.clause == CATALOGUE["CH-00"].clause


def test_records_that_are_not_records_are_skipped_not_crashed_on() -> None:
    ledger = chain()
    for odd in (None, [], "x", {"ipRight": "EM"}, {"ipRight": {"office": 1}}, {"ledger": {"blockNumber": "7"}},
                {"recordId": "urn:x", "ledger": {"timestamp": "not a time"}},
                {"ipRight": {"office": "EM", "kind": "trademark", "applicationNumber": "1"}, "x": float("nan")}):
        assert ledger.feed(odd) == []


def test_state_is_bounded_by_rights_not_records() -> None:
    ledger = chain()
    base = chain_20()
    previous: dict[str, dict[str, Any]] = {}
    for n in range(3000):
        record = copy.deepcopy(base[n % 3])
        record["recordId"] = f"urn:uuid:00000000-0000-4000-8000-{n:012d}"
        record["ledger"]["blockNumber"] = n
        record["ledger"]["timestamp"] = f"2024-07-01T{n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}Z"
        right = record["ipRight"]["applicationNumber"]
        record.pop("previousRecordHash", None)
        if right in previous:
            record["previousRecordHash"] = {"alg": "sha-256", "value": jcs.record_hash(previous[right])}
        previous[right] = record
        assert ledger.feed(record) == []
    assert len(ledger.state.rights) == 3 and len(ledger.state.positions) == 1
    assert len(ledger.state.record_ids) == 3000  # the documented per-record cost (ID-04)


def _one_right_chain(count: int, ids: Callable[[int], str]) -> list[dict[str, Any]]:
    """``count`` records of one right, each linked to the one before it."""
    base = chain_20()[2]  # the trade mark's first record
    records: list[dict[str, Any]] = []
    for n in range(count):
        record = copy.deepcopy(base)
        record["recordId"] = ids(n)
        record["ledger"]["blockNumber"] = 1000 + n
        record.pop("previousRecordHash", None)
        if records:
            record["previousRecordHash"] = {"alg": "sha-256", "value": jcs.record_hash(records[-1])}
        records.append(record)
    return records


_ID_STYLES: dict[str, Callable[[int], str]] = {
    "varied": lambda n: f"urn:x:{'é' * n}-{'商标' * (n % 3)}-{n}",
    "uuid, packed or not": lambda n: (f"urn:uuid:{uuid.UUID(int=n * 104729)}" if n % 2
                                      else f"urn:uuid:{uuid.UUID(int=n * 104729)}".upper().replace("URN:UUID", "urn:uuid")),
}


@pytest.mark.parametrize("back", [1, 2, FORK_WINDOW - 1, FORK_WINDOW])
@pytest.mark.parametrize("ids", sorted(_ID_STYLES))
def test_a_fork_names_its_sibling_within_the_window_whatever_the_ids(back: int, ids: str) -> None:
    # Ids of varied forms: the window keeps them packed, and must give the right one back.
    records = _one_right_chain(FORK_WINDOW + 3, _ID_STYLES[ids])
    sibling = records[-back]
    fork = {**copy.deepcopy(sibling), "recordId": "urn:x:fork"}
    fork["ledger"]["blockNumber"] = 2000
    found = chain_fed(records).feed(fork)
    assert [(f.rule, dict(f.params)["other"]) for f in found] == [("CH-02", sibling["recordId"])]


def chain_fed(records: list[dict[str, Any]]) -> LedgerChain:
    ledger = chain()
    for record in records:
        assert ledger.feed(record) == []
    return ledger


def test_a_fork_older_than_the_window_is_a_broken_link() -> None:
    records = _one_right_chain(FORK_WINDOW + 3, lambda n: f"urn:uuid:00000000-0000-4000-8000-{n:012d}")
    fork = {**copy.deepcopy(records[-FORK_WINDOW - 1]), "recordId": "urn:x:fork"}
    fork["ledger"]["blockNumber"] = 2000
    assert [f.rule for f in chain_fed(records).feed(fork)] == ["CH-01"]


def test_duplicate_ids_are_found_among_many_and_only_the_repeats() -> None:
    ledger = chain(rules=("ID-04",))
    ids = [f"urn:uuid:{uuid.UUID(int=n * 7919)}" for n in range(200_000)]
    assert all(ledger.feed({"recordId": i}) == [] for i in ids)
    repeats = ids[::997]
    assert [dict(f.params)["recordId"] for i in repeats for f in ledger.feed({"recordId": i})] == repeats
    assert len(ledger.state.record_ids) == len(ids)
