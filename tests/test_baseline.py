"""Baselines: an office adopts the checks on an existing ledger and from then on sees only new findings."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from wipo_bc_standard import parallel
from wipo_bc_standard.api import iter_validate
from wipo_bc_standard.baseline import (
    BASELINE_VERSION,
    Baseline,
    BaselineError,
    BaselineFilter,
    apply_baseline,
    fingerprint,
    normalise_source,
    write,
)
from wipo_bc_standard.cli import main
from wipo_bc_standard.findings import Finding, Level
from wipo_bc_standard.report import ItemResult, Report
from wipo_bc_standard.rules.examples import example_record

LEDGER_TODAY = [
    example_record(),
    example_record(event__standard="ST.27"),                                     # LS-01
    example_record(previousRecordHash={"alg": "sha-1", "value": "0" * 40}),     # HASH-01
    {"recordId": "x"},                                                          # schema findings
]


def _ndjson(path: Path, docs: list[object]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(d) + b"\n" for d in docs))
    return path


def _results(path: Path, **options: object) -> list[ItemResult]:
    return list(iter_validate(str(path), profile="strict", **options))


def test_a_fingerprint_is_stable_across_versions() -> None:
    # Baseline files are committed by users: changing this value breaks every baseline in the field.
    finding = Finding("LS-01", Level.ERROR, "any message", path="/event/standard")
    assert fingerprint("records.ndjson", 1, finding) == "e7dfe0960af2ae3038738ba4914c215a"
    # ...which is the documented method: sha256 of the compact JSON array, first 32 hex digits.
    key = b'["records.ndjson",1,"LS-01","/event/standard"]'
    assert fingerprint("./records.ndjson", 1, finding) == hashlib.sha256(key).hexdigest()[:32]


def test_a_fingerprint_ignores_message_line_and_language(tmp_path: Path) -> None:
    path = _ndjson(tmp_path / "ledger.ndjson", LEDGER_TODAY)
    english, chinese = _results(path, lang="en"), _results(path, lang="zh")
    assert [f.message for r in english for f in r.findings] != [f.message for r in chinese for f in r.findings]
    assert Baseline.from_results(english).fingerprints == Baseline.from_results(chinese).fingerprints
    a = Finding("LS-01", Level.ERROR, "one wording", path="/event/standard")
    b = Finding("LS-01", Level.WARNING, "another wording", path="/event/standard", clause="x")
    assert fingerprint("f.json", 0, a) == fingerprint("f.json", 0, b)


def test_a_fingerprint_depends_on_source_index_rule_and_path() -> None:
    base = Finding("LS-01", Level.ERROR, "m", path="/a")
    key = fingerprint("f.json", 0, base)
    assert fingerprint("g.json", 0, base) != key
    assert fingerprint("f.json", 1, base) != key
    assert fingerprint("f.json", 0, Finding("LS-02", Level.ERROR, "m", path="/a")) != key
    assert fingerprint("f.json", 0, Finding("LS-01", Level.ERROR, "m", path="/b")) != key


def test_one_spelling_of_a_source_path_across_systems() -> None:
    assert normalise_source("./data/a.json") == normalise_source("data/a.json") == "data/a.json"
    assert normalise_source("data\\a.json") == "data/a.json"
    assert normalise_source("/abs/./a.json") == "/abs/a.json"
    assert normalise_source("<stdin>") == "<stdin>"


def test_a_baseline_file_is_sorted_versioned_and_reads_back(tmp_path: Path) -> None:
    results = _results(_ndjson(tmp_path / "ledger.ndjson", LEDGER_TODAY))
    out = io.StringIO()
    count = write(results, out)
    doc = json.loads(out.getvalue())
    assert doc["baselineVersion"] == BASELINE_VERSION
    keys = [e["fingerprint"] for e in doc["findings"]]
    assert keys == sorted(keys) and count == len(keys) == sum(len(r.findings) for r in results)
    assert {"rule", "source", "index", "path"} <= set(doc["findings"][0]), "entries say what they accept"
    assert Baseline.parse(out.getvalue().encode()).fingerprints == Baseline.from_results(results).fingerprints


def test_only_new_findings_are_reported(tmp_path: Path) -> None:
    path = _ndjson(tmp_path / "ledger.ndjson", LEDGER_TODAY)
    baseline = Baseline.from_results(_results(path))
    # Tomorrow: the same ledger with one more bad record appended, and a new problem on record 0.
    tomorrow = [example_record(ipRight__kind="patent")] + LEDGER_TODAY[1:] + [example_record(event__standard="ST.87")]
    _ndjson(path, tomorrow)
    unfiltered = _results(path)
    suppress = BaselineFilter(baseline, Level.ERROR)
    report = Report.of(suppress(_results(path)))
    assert report.summary.items == len(tomorrow), "items are never dropped, only findings"
    new = [(r.index, f.rule) for r in report.items for f in r.findings]
    assert new and all(index in (0, len(tomorrow) - 1) for index, _ in new)
    assert suppress.suppressed == sum(len(r.findings) for r in unfiltered) - len(new)
    # Items whose findings were all accepted count as conformant again.
    assert [r.conformant for r in report.items[1:-1]] == [True, True, True]


def test_the_python_api_takes_a_baseline_file_as_the_cli_does(tmp_path: Path) -> None:
    from wipo_bc_standard import validate
    path = _ndjson(tmp_path / "ledger.ndjson", LEDGER_TODAY)
    with (tmp_path / "baseline.json").open("w", encoding="utf-8") as out:
        write(_results(path), out)
    before = validate(path)
    after = validate(path, baseline=tmp_path / "baseline.json")
    found = sum(len(item.findings) for item in before.items)
    assert found and after.conformant and after.summary.suppressed == found
    assert after.summary.items == before.summary.items


def test_an_accepted_finding_is_accepted_as_often_as_it_was_seen() -> None:
    twice = [Finding("X-1", Level.ERROR, "m", path="/a")] * 2
    baseline = Baseline.from_results([ItemResult("f.json", 0, None, "record", twice[:1], False)])
    results = list(apply_baseline([ItemResult("f.json", 0, None, "record", list(twice), False)], baseline))
    assert len(results[0].findings) == 1 and results[0].conformant is False


@pytest.mark.parametrize("content, message", [
    (b"not json", "not JSON"),
    (b"{}", "not a baseline"),
    (b'{"baselineVersion": 99, "findings": []}', "version 99"),
    (b'{"baselineVersion": 1, "findings": [{"rule": "x"}]}', "fingerprint"),
])
def test_a_bad_baseline_file_is_a_clear_error(content: bytes, message: str) -> None:
    with pytest.raises(BaselineError, match=message):
        Baseline.parse(content, "b.json")


def test_cli_create_then_validate_with_the_baseline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _ndjson(tmp_path / "ledger.ndjson", LEDGER_TODAY)
    runner = CliRunner()
    created = runner.invoke(main, ["baseline", "create", "--profile", "strict", "ledger.ndjson", "-o", "base.json"])
    assert created.exit_code == 0, created.output
    assert json.loads((tmp_path / "base.json").read_text())["findings"]

    # Not conformant without the baseline; conformant with it, and the JSON summary says what it hid.
    plain = runner.invoke(main, ["validate", "--profile", "strict", "ledger.ndjson"])
    assert plain.exit_code == 1
    adopted = runner.invoke(main, ["validate", "--profile", "strict", "--baseline", "base.json",
                                   "--format", "json", "./ledger.ndjson"])
    assert adopted.exit_code == 0, adopted.output
    summary = json.loads(adopted.stdout)["summary"]
    assert summary["suppressed"] > 0 and summary["nonConformant"] == 0 and summary["items"] == len(LEDGER_TODAY)

    # A new bad record fails the run again.
    _ndjson(tmp_path / "ledger.ndjson", LEDGER_TODAY + [example_record(event__standard="ST.27")])
    regressed = runner.invoke(main, ["validate", "--profile", "strict", "--baseline", "base.json",
                                     "--format", "json", "ledger.ndjson"])
    assert regressed.exit_code == 1
    items = json.loads(regressed.stdout)["items"]
    assert [(i["index"], f["rule"]) for i in items for f in i["findings"]] == [(len(LEDGER_TODAY), "LS-01")]


def test_cli_refuses_a_missing_baseline_with_one_line(tmp_path: Path) -> None:
    path = _ndjson(tmp_path / "ledger.ndjson", LEDGER_TODAY)
    outcome = CliRunner().invoke(main, ["validate", "--baseline", str(tmp_path / "nope.json"), str(path)])
    assert outcome.exit_code == 2
    assert outcome.stderr.count("\n") == 1 and "--baseline" in outcome.stderr


@pytest.mark.parametrize("fmt, shows", [
    ("json", lambda out, n: json.loads(out)["summary"]["suppressed"] == n),
    ("sarif", lambda out, n: json.loads(out)["runs"][0]["properties"]["summary"]["suppressed"] == n),
    ("junit", lambda out, n: f'<property name="suppressed" value="{n}"/>' in out),
    ("github", lambda out, n: f"{n} suppressed by the baseline" in out.splitlines()[-1]),
    ("html", lambda out, n: f"<b>{n}</b>suppressed by baseline" in out),
])
def test_every_report_says_how_many_findings_the_baseline_hid(tmp_path: Path, fmt: str, shows: object) -> None:
    path = _ndjson(tmp_path / "ledger.ndjson", LEDGER_TODAY)
    with open(tmp_path / "base.json", "w") as out:
        accepted = write(_results(path), out)
    outcome = CliRunner().invoke(main, ["validate", "--profile", "strict", "--baseline", str(tmp_path / "base.json"),
                                        "--format", fmt, str(path)])
    assert outcome.exit_code == 0, outcome.output
    assert shows(outcome.stdout, accepted)  # type: ignore[operator]


def test_an_interrupted_baseline_create_writes_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt
        yield

    monkeypatch.setattr(parallel, "run", interrupted)
    path = _ndjson(tmp_path / "ledger.ndjson", LEDGER_TODAY)
    outcome = CliRunner().invoke(main, ["baseline", "create", str(path), "-o", str(tmp_path / "base.json")])
    assert outcome.exit_code == 2 and "interrupted" in outcome.stderr
    assert not (tmp_path / "base.json").exists()


def test_a_baseline_holds_from_any_working_directory_and_any_spelling(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys are relative to the configuration root: `dir`, `./dir`, an absolute path and a
    subdirectory as working directory all name the same findings."""
    records = tmp_path / "records"
    records.mkdir()
    _ndjson(records / "ledger.ndjson", LEDGER_TODAY)
    (tmp_path / "wipo-bc.toml").write_text('baseline = "accepted.json"\n')
    monkeypatch.chdir(tmp_path)
    made = CliRunner().invoke(main, ["baseline", "create", "records", "-o", "accepted.json"])
    assert made.exit_code == 0
    for cwd, path in ((tmp_path, "./records"), (tmp_path, str(records)), (records, "."), (records, "ledger.ndjson")):
        monkeypatch.chdir(cwd)
        result = CliRunner().invoke(main, ["validate", path, "--format", "json"])
        summary = json.loads(result.stdout)["summary"]
        assert result.exit_code == 0 and summary["suppressed"] > 0, (cwd, path)


def test_a_finding_of_an_item_that_moved_stays_accepted(tmp_path: Path) -> None:
    first = example_record(recordId="urn:uuid:00000000-0000-4000-8000-000000000001", ipRight__kind="patent")
    second = example_record(recordId="urn:uuid:00000000-0000-4000-8000-000000000002", event__standard="ST.87")
    path = _ndjson(tmp_path / "ledger.ndjson", [first, second])
    baseline = Baseline.from_results(_results(path))
    _ndjson(path, [example_record(recordId="urn:uuid:00000000-0000-4000-8000-000000000003"), second, first])
    suppress = BaselineFilter(baseline, Level.ERROR)
    report = Report.of(suppress(_results(path)))
    assert [r.findings for r in report.items[1:]] == [[], []] and suppress.suppressed == len(baseline)
