"""Every example's JSON report is the one recorded in tests/fixtures/example-reports.json, and every
`compat` verdict between example networks the one in tests/fixtures/compat-verdicts.json: code that
moves about must not change what a user gets. After an intended change of behaviour, record the
reports again with ``.venv/bin/python -m tests.example_reports --update`` and review the diff."""

from __future__ import annotations

import json

import pytest

from .example_reports import RECORDED, RECORDED_VERDICTS, network_pairs, report, runs, verdict

RUNS = dict(runs())
RECORDED_REPORTS = json.loads(RECORDED.read_text(encoding="utf-8"))
PAIRS = {f"{a} {b}": (a, b) for a, b in network_pairs()}


def test_every_run_is_recorded() -> None:
    assert sorted(RUNS) == sorted(RECORDED_REPORTS)


@pytest.mark.parametrize("name", sorted(RUNS))
def test_example_report_is_unchanged(name: str) -> None:
    assert report(RUNS[name]) == RECORDED_REPORTS[name], (
        "the report changed; if that is intended: .venv/bin/python -m tests.example_reports --update")


def test_a_ledger_checked_on_two_processes_reports_the_same() -> None:
    name = "examples/ledger/invalid/CH-01--tampered-record.ndjson"
    assert report(["--jobs", "2", *RUNS[name]]) == RECORDED_REPORTS[name]


def test_every_pair_of_networks_is_recorded() -> None:
    assert len(PAIRS) == 16 and sorted(PAIRS) == sorted(json.loads(RECORDED_VERDICTS.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_compat_verdict_is_unchanged(name: str) -> None:
    recorded = json.loads(RECORDED_VERDICTS.read_text(encoding="utf-8"))[name]
    assert verdict(*PAIRS[name]) == recorded, (
        "the verdict changed; if that is intended: .venv/bin/python -m tests.example_reports --update")
