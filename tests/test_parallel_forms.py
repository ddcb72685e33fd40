"""Several processes give the same report as one, item for item, on every input form; the automatic
job count is one unless the input's cost pays for workers, and never more than the cores."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import orjson
import pytest

from wipo_bc_standard import parallel
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


def test_busy_cores_are_read_now_not_from_a_lagging_average(monkeypatch: pytest.MonkeyPatch) -> None:
    busy = parallel._busy_cores()
    assert busy is not None and 0.0 <= busy <= (os.cpu_count() or 1)
    if parallel._cpu_ticks() is not None:  # Linux: the load average is not needed
        monkeypatch.setattr(os, "getloadavg", lambda: (9.0, 9.0, 9.0))
        assert parallel._busy_cores() < 9.0
    monkeypatch.setattr(parallel, "_cpu_ticks", lambda: None)  # elsewhere: the load average, less this process
    monkeypatch.setattr(os, "getloadavg", lambda: (1.5, 1.0, 1.0))
    assert parallel._busy_cores() == 0.5
