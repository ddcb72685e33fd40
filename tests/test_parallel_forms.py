"""Several processes give the same report as one, item for item, on every input form; the automatic
job count is one unless the input's cost pays for workers, and never more than the cores."""

from __future__ import annotations

import os
import sys
import tracemalloc
from pathlib import Path

import orjson
import pytest

from wipo_bc_standard import parallel, safe_io
from wipo_bc_standard.limits import LIMITS
from wipo_bc_standard.report import ItemResult
from wipo_bc_standard.rules.record_rules import example_record


def _records(count: int) -> list[bytes]:
    docs = [example_record(recordId=f"urn:uuid:00000000-0000-4000-8000-{n:012d}") for n in range(count)]
    lines = [orjson.dumps(d) for d in docs]
    lines[3] = lines[3].replace(b'"recordType":', b'"recordType":"x","recordType":', 1)  # a duplicate key
    lines[7] = lines[7].replace(b'"EM"', b'"eu"')  # a schema finding
    return lines


def _report(results: list[ItemResult]) -> list[dict[str, object]]:
    return [r.to_dict() for r in results]


@pytest.mark.parametrize("form", ["array", "files", "ndjson", "ledger"])
def test_two_processes_say_what_one_says(form: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _records(600)
    if form == "array":
        (tmp_path / "a.json").write_bytes(b"[\n" + b",\n".join(lines) + b"\n]")
        monkeypatch.setattr(parallel, "BATCH_FILE_BYTES", 1000)  # a "big" array, split into tasks
        monkeypatch.setattr(parallel, "BATCH_LINES", 50)
    elif form == "files":
        for n, line in enumerate(lines[:120]):
            (tmp_path / f"{n:04d}.json").write_bytes(line)
        monkeypatch.setattr(parallel, "BATCH_FILES", 16)
    else:
        lines.insert(100, b"")  # an empty line is an item too
        (tmp_path / "a.ndjson").write_bytes(b"\r\n".join(lines) + b"\r\n\n  \n")  # blank lines at the end: no items
        monkeypatch.setattr(parallel, "BATCH_BYTES", 1001)  # workers read byte ranges cut inside lines
    if form == "ledger":
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
        from datagen import Generator
        (tmp_path / "a.ndjson").write_bytes(b"\n".join(Generator(3, fault_rate=0.1).ledger(500)) + b"\n")
        monkeypatch.setattr(parallel, "BATCH_BYTES", 5000)
    sources = sorted(tmp_path.iterdir())
    options = {"target": "ledger" if form == "ledger" else "auto", "profile": "interop"}
    one = _report(list(parallel.run(sources, options, 1)))
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    two = _report(list(parallel.run(sources, options, 2)))
    assert two == one
    assert len({(item["source"], item["line"]) for item in one}) == len(one)
    if form != "ledger":
        assert any(f["rule"] == "json.duplicate-key" for item in one for f in item["findings"])  # type: ignore[attr-defined]


def test_a_chain_check_that_fails_is_a_finding_with_workers_as_in_one_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wipo_bc_standard.rules.ledger_chain import LedgerChain

    def broken(self: LedgerChain, *args: object) -> list[object]:
        raise RuntimeError("unforeseen")

    monkeypatch.setattr(LedgerChain, "feed", broken)  # the parent feeds the chain; forked workers copy it
    path = tmp_path / "a.ndjson"
    path.write_bytes(b"\n".join(_records(30)) + b"\n")
    monkeypatch.setattr(parallel, "BATCH_BYTES", 1001)
    options = {"target": "ledger", "profile": "interop"}
    one = _report(list(parallel.run([path], options, 1)))
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    two = _report(list(parallel.run([path], options, 2)))
    failed = [["internal.error" in [f["rule"] for f in item["findings"]] for item in report]  # type: ignore[attr-defined]
              for report in (one, two)]
    assert len(one) == len(two) == 30 and failed[0] == failed[1] and sum(failed[0]) > 20


def test_results_cross_from_workers_whole() -> None:
    """Results come back from worker processes pickled: every field survives, those left out of
    comparisons too (hint, line, column, params)."""
    import pickle
    from dataclasses import fields

    from wipo_bc_standard.findings import Finding, Level
    child = Finding("schema.type", Level.INFO, "n", "/a/0", line=3, column=7)
    finding = Finding("schema.required", Level.ERROR, "m", "/a", "clause", (child,), (("member", "a"),), "hint", 2, 5)
    result = ItemResult("s.ndjson", 4, 5, "record", [finding], False, {"block": 9}, {"recordId": "x"}, "urn:x")
    back = pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    assert [getattr(back, f.name) for f in fields(ItemResult)] == [getattr(result, f.name) for f in fields(ItemResult)]
    for old, new in ((finding, back.findings[0]), (child, back.findings[0].children[0])):
        assert [getattr(new, f.name) for f in fields(Finding)] == [getattr(old, f.name) for f in fields(Finding)]


def test_the_automatic_job_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel, "_busy_cores", lambda: 0.0)  # only this process running
    small = tmp_path / "small.ndjson"
    small.write_bytes(b"{}\n")
    big = tmp_path / "big.ndjson"
    big.write_bytes(b"{}\n" * (parallel.AUTO_PARALLEL_COST // 3 + 1))
    assert parallel.auto_jobs([small], "auto") == 1
    assert parallel.auto_jobs([big], "auto") == 2
    assert parallel.auto_jobs([big], "ledger") == 1  # the chain is fed in one process anyway
    many = [tmp_path / f"{n}.xml" for n in range(parallel.AUTO_PARALLEL_COST // parallel.FILE_COST[".xml"] + 1)]
    for path in many:
        path.write_bytes(b"<r/>")
    assert parallel.auto_jobs(many, "auto") == 2  # many XML files cost more than their bytes say
    graphs = [tmp_path / f"{n}.ttl" for n in range(parallel.AUTO_PARALLEL_COST // parallel.FILE_COST[".ttl"] + 1)]
    for path in graphs:
        path.write_bytes(b"")
    assert parallel.auto_jobs(graphs, "auto") == 2  # a few dozen RDF graphs are worth two processes...
    tasks = list(parallel._tasks(graphs))  # ...when not all in one task: small files batch by cost, not bytes
    assert len(tasks) >= len(graphs) // 5 and sum(len(task[1]) for task in tasks) == len(graphs)
    monkeypatch.setattr(parallel, "_busy_cores", lambda: 8.0)  # a saturated machine
    assert parallel.auto_jobs([big], "auto") == 1
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    monkeypatch.setattr(parallel, "_busy_cores", lambda: 0.0)
    assert parallel.auto_jobs([big], "auto") == 1


def test_ndjson_line_endings_and_odd_files_read_alike_in_parallel(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Byte ranges end lines as the one-process reader does (a lone CR, CRLF or LF); a FIFO or a
    dangling link named .ndjson is reported as in one process, not opened by the parent (where a
    FIFO would block and a dangling link raise)."""
    lines = _records(60)
    endings = [b"\r", b"\r\n", b"\n"]
    data = b"".join(line + endings[n % 3] for n, line in enumerate(lines))
    (tmp_path / "a.ndjson").write_bytes(data)
    os.mkfifo(tmp_path / "b.ndjson")
    (tmp_path / "c.ndjson").symlink_to(tmp_path / "nowhere.ndjson")
    monkeypatch.setattr(parallel, "BATCH_BYTES", 1001)
    sources = sorted(tmp_path.iterdir())
    options = {"target": "auto", "profile": "interop"}
    one = _report(list(parallel.run(sources, options, 1)))
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    two = _report(list(parallel.run(sources, options, 2)))
    assert two == one and len(one) == len(lines) + 2


def test_a_line_over_the_limit_across_ranges_is_counted_not_held(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker whose range ends inside a line over the ``item_bytes`` limit reads on to its end as
    one process does: the same items (one with limit.item-bytes), and no line held past the limit."""
    monkeypatch.setattr(LIMITS, "item_bytes", 3000)
    lines = _records(20)
    lines[7] = b'{"recordId": "' + b"x" * 9000 + b'"}'  # runs over several 1001-byte ranges
    path = tmp_path / "a.ndjson"
    path.write_bytes(b"\n".join(lines) + b"\n")
    monkeypatch.setattr(parallel, "BATCH_BYTES", 1001)
    size = path.stat().st_size
    for start in range(0, size, 1001):
        got = parallel._lines_starting_in(str(path), start, min(start + 1001, size))
        assert all(isinstance(line, safe_io.Oversized) or len(line) <= 3000 for line in got)
    huge = tmp_path / "huge.ndjson"
    huge.write_bytes(b'{"a": "' + b"x" * (32 << 20) + b'"}\n{}\n')
    tracemalloc.start()
    try:
        got = parallel._lines_starting_in(str(huge), 0, 1001)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert got == [safe_io.Oversized((32 << 20) + 9)] and peak < 8 << 20
    options = {"target": "auto", "profile": "interop"}
    one = _report(list(parallel.run([path], options, 1)))
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    two = _report(list(parallel.run([path], options, 2)))
    assert two == one and len(one) == len(lines)
    assert [f["rule"] for f in one[7]["findings"]] == ["limit.item-bytes"]  # type: ignore[index]


def test_stdin_in_parallel_is_read_as_in_one_process(tmp_path: Path) -> None:
    """`-` with --jobs 2: bounded and refused unread when it cannot be JSON (/dev/zero does not end),
    and the same items as one process when it is NDJSON."""
    import subprocess
    command = [sys.executable, "-m", "wipo_bc_standard", "validate", "-", "--format", "json", "--jobs"]
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run([*command, "2"], stdin=zero, capture_output=True, timeout=120)
    assert done.returncode == 1 and b"first byte" in done.stdout
    data = b"\n".join(_records(30)) + b"\n"
    one, two = (subprocess.run([*command, jobs], input=data, capture_output=True, timeout=120) for jobs in "12")
    assert orjson.loads(one.stdout)["items"] == orjson.loads(two.stdout)["items"]
    assert len(orjson.loads(two.stdout)["items"]) == 30


def test_busy_cores_are_read_now_not_from_a_lagging_average(monkeypatch: pytest.MonkeyPatch) -> None:
    busy = parallel._busy_cores()
    assert busy is not None and 0.0 <= busy <= (os.cpu_count() or 1)
    if parallel._cpu_ticks() is not None:  # Linux: the load average is not needed
        monkeypatch.setattr(os, "getloadavg", lambda: (9.0, 9.0, 9.0))
        assert parallel._busy_cores() < 9.0
    monkeypatch.setattr(parallel, "_cpu_ticks", lambda: None)  # elsewhere: the load average, less this process
    monkeypatch.setattr(os, "getloadavg", lambda: (1.5, 1.0, 1.0))
    assert parallel._busy_cores() == 0.5
