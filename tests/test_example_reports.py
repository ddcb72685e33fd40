"""Every example's JSON report is the one recorded in tests/fixtures/example-reports.json: code that
moves about must not change what a user gets. After an intended change of behaviour, record the
reports again with ``.venv/bin/python -m tests.example_reports --update`` and review the diff."""

from __future__ import annotations

import json

import pytest

from .example_reports import RECORDED, report, runs

RUNS = dict(runs())
RECORDED_REPORTS = json.loads(RECORDED.read_text(encoding="utf-8"))


def test_every_run_is_recorded() -> None:
    assert sorted(RUNS) == sorted(RECORDED_REPORTS)


@pytest.mark.parametrize("name", sorted(RUNS))
def test_example_report_is_unchanged(name: str) -> None:
    assert report(RUNS[name]) == RECORDED_REPORTS[name], (
        "the report changed; if that is intended: .venv/bin/python -m tests.example_reports --update")


def test_a_ledger_checked_on_two_processes_reports_the_same() -> None:
    name = "examples/ledger/invalid/CH-01--tampered-record.ndjson"
    assert report(["--jobs", "2", *RUNS[name]]) == RECORDED_REPORTS[name]
