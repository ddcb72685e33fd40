"""The cluster engines give a local run's report, item for item: the split of the input into tasks,
the ledger checks split by right, network and recordId (here shuffled in this process), and Dask
on a LocalCluster of two worker processes. Spark is in test_engine_spark.py (its start-up is slow)."""

from __future__ import annotations

import ipaddress
import socket
import sys
from pathlib import Path
from typing import Any

import pytest

from wipo_bc_standard.engines import ledger_split, tasks
from wipo_bc_standard.locations import Locator
from wipo_bc_standard.report import Report
from wipo_bc_standard.runner import Run, RunOptions, input_sources

from .conftest import EXAMPLES, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from datagen import Generator


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """As conftest's, but a local cluster's processes talk over the loopback interface."""
    connect = socket.socket.connect

    def loopback_only(sock: socket.socket, address: Any) -> Any:
        if isinstance(address, tuple):
            host = address[0]
            if host != "localhost" and not ipaddress.ip_address(host).is_loopback:
                raise AssertionError("a test tried to reach the network")
        return connect(sock, address)
    monkeypatch.setattr(socket.socket, "connect", loopback_only)


def ledger_file(directory: Path, records: int = 600, seed: int = 11) -> Path:
    """A generated ledger (several offices, networks, rights) with planted chain faults."""
    path = directory / "ledger.ndjson"
    gen = Generator(seed, fault_rate=0.15)
    path.write_bytes(b"".join(line + b"\n" for line in gen.ledger(records, rights=40)))
    assert {"tampered", "fork", "duplicate-id", "block-backwards"} <= set(gen.faults)
    return path


def local_report(paths: list[Path], **options: Any) -> dict[str, Any]:
    return Report.of(Run(RunOptions(**options)).results(input_sources(paths))).to_dict()


def split_report(paths: list[Path], block_bytes: int, **options: Any) -> dict[str, Any]:
    """What a cluster engine does, with the shuffles done in this process: the engines' shared logic."""
    checker_options = RunOptions(**options).checker_options()
    planned = tasks.plan([str(p) for p in paths], block_bytes)
    counts = {n: tasks.count_lines(t) for n, t in enumerate(planned) if t.length is not None}
    checker = tasks.worker_checker(checker_options)
    checked = [row for task in tasks.with_first_lines(planned, counts) for row in tasks.check(task, checker)]
    if checker_options["target"] == "ledger":
        firsts = ledger_split.merge_firsts(ledger_split.alg_firsts(checked[i:i + 50]) for i in range(0, len(checked), 50))
        groups: dict[Any, list[Any]] = {}
        for key, row in ledger_split.shuffled(checked, buckets=3):
            groups.setdefault(key, []).append(row)
        hits = [hit for (kind, _key), rows in groups.items()
                for hit in ledger_split.check_group(checker_options, kind, rows[::-1], firsts)]
        checked = list(ledger_split.attach(checked, ledger_split.by_position(hits), checker.fail_on))
    locate = Locator()  # as the runner does with every engine's results
    return Report.of(locate(r) for r in ledger_split.results_only(checked)).to_dict()


def assert_same(got: dict[str, Any], expected: dict[str, Any]) -> None:
    assert got["summary"] == expected["summary"]
    assert len(got["items"]) == len(expected["items"])
    for mine, theirs in zip(got["items"], expected["items"], strict=True):
        assert mine == theirs
    assert got == expected


def test_split_ledger_checks_equal_one_process(tmp_path: Path) -> None:
    path = ledger_file(tmp_path)
    expected = local_report([path], target="ledger")
    rules = expected["summary"]
    assert rules["nonConformant"] > 0
    found = {f["rule"] for item in expected["items"] for f in item["findings"]}
    assert {"CH-01", "CH-02", "ID-04", "DT-05"} <= found
    assert_same(split_report([path], block_bytes=20_000, target="ledger"), expected)


@pytest.mark.parametrize("example", sorted((EXAMPLES / "ledger").rglob("*.ndjson")), ids=lambda p: p.name)
def test_split_ledger_examples_equal_one_process(example: Path) -> None:
    """The examples include a ledger whose first links are in rights seen before any algorithm was known."""
    assert_same(split_report([example], block_bytes=2_000, target="ledger"), local_report([example], target="ledger"))


def test_split_ledger_learns_hash_algorithms_as_one_process(tmp_path: Path) -> None:
    """The algorithms records are hashed with are ledger-wide state: learnt from the ledger's first
    link (SHA-384; records of other rights kept as bytes until then are hashed with it alone),
    extended by the first SHA-512 link (records hashed before it cannot be checked against a
    SHA-512 link: a warning; those after can). The split run, right by right, learns them alike."""
    import orjson

    from wipo_bc_standard.jcs import record_hash
    records = [orjson.loads(line) for line in Generator(21, fault_rate=0).ledger(300, rights=60)]
    last: dict[Any, Any] = {}
    linked = 0
    for record in records:
        right = tuple(record["ipRight"][k] for k in ("office", "kind", "applicationNumber"))
        if right in last:
            alg = "sha-384" if linked == 0 else "sha-512"
            record["previousRecordHash"] = {"alg": alg, "value": record_hash(last[right], alg)}
            linked += 1
        last[right] = record
    path = tmp_path / "algs.ndjson"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    expected = local_report([path], target="ledger")
    links = [(f["rule"], f["level"]) for item in expected["items"] for f in item["findings"] if f["rule"] == "CH-01"]
    assert ("CH-01", "warning") in links and ("CH-01", "error") not in links
    assert links.count(("CH-01", "warning")) < linked - 1  # most SHA-512 links were checked
    assert_same(split_report([path], 5_000, target="ledger"), expected)


def test_split_ledger_with_a_network_profile(tmp_path: Path) -> None:
    path = ledger_file(tmp_path, records=200, seed=5)
    network = {"hashAlgorithms": ["sha-384", "sha-256"], "timeSource": {"maxSkewSeconds": 30}}
    assert_same(split_report([path], 5_000, target="ledger", network=network),
                local_report([path], target="ledger", network=network))


def test_split_examples_equal_one_process() -> None:
    paths = [EXAMPLES / "valid", EXAMPLES / "invalid", EXAMPLES / "advisory"]
    assert_same(split_report(paths, 1_000), local_report(paths))


def test_a_split_file_keeps_its_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "r.ndjson"
    path.write_bytes(b"".join(line + b"\n" for line in Generator(3).lines(300)) + b"\n{\n")
    report = split_report([path], 3_000)
    assert [item["line"] for item in report["items"]] == list(range(1, 303))
    assert_same(report, local_report([path]))


# Dask, on a local cluster of two worker processes.

@pytest.fixture(scope="module")
def dask_client() -> Any:
    pytest.importorskip("dask.bag", reason="dask is not installed (pip install '.[dask]')")
    distributed = pytest.importorskip("distributed", reason="distributed is not installed (pip install '.[dask]')")
    import dask
    # Generous time-outs: on a loaded machine (CI beside other jobs) worker processes start slowly.
    with dask.config.set({"distributed.comm.timeouts.connect": "180s", "distributed.comm.timeouts.tcp": "180s"}):
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=None, memory_limit="2GiB")
        client = distributed.Client(cluster, timeout="180s")
    yield client
    client.close()
    cluster.close()


def dask_report(client: Any, paths: list[Path], block_bytes: int, **options: Any) -> dict[str, Any]:
    from wipo_bc_standard.engines.dask_engine import DaskRun
    checker_options = RunOptions(**options).checker_options()
    run = DaskRun([str(p) for p in paths], checker_options, client, block_bytes=block_bytes)
    locate = Locator()
    return Report.of(locate(r) for r in run.results()).to_dict()


def test_dask_ledger_equals_local(dask_client: Any, tmp_path: Path) -> None:
    path = ledger_file(tmp_path)
    assert_same(dask_report(dask_client, [path], 20_000, target="ledger"), local_report([path], target="ledger"))


def test_dask_examples_equal_local(dask_client: Any) -> None:
    paths = [EXAMPLES / "valid", EXAMPLES / "invalid", EXAMPLES / "ledger"]
    assert_same(dask_report(dask_client, paths, 2_000), local_report(paths))


def test_dask_findings_dataframe(dask_client: Any, tmp_path: Path) -> None:
    from wipo_bc_standard.engines.dask_engine import DaskRun
    path = ledger_file(tmp_path, records=200)
    checker_options = RunOptions(target="ledger").checker_options()
    run = DaskRun([str(path)], checker_options, dask_client, block_bytes=10_000)
    findings = run.findings().compute()
    expected = local_report([path], target="ledger")
    assert len(findings) == sum(expected["summary"]["findings"].values())
    assert set(findings.columns) >= {"source", "line", "index", "rule", "level", "path", "message", "conformant"}
    chain = findings[findings["rule"] == "ID-04"]
    assert len(chain) == sum(1 for i in expected["items"] for f in i["findings"] if f["rule"] == "ID-04")
    items = run.items().compute()
    assert len(items) == expected["summary"]["items"]
    assert int(items["conformant"].sum()) == expected["summary"]["conformant"]


def test_cli_engine_dask_gives_the_local_report(dask_client: Any, tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from wipo_bc_standard.cli import main
    path = ledger_file(tmp_path, records=150)
    address = dask_client.scheduler.address
    args = ["validate", "--target", "ledger", "--format", "json", str(path)]
    local = CliRunner().invoke(main, args)
    remote = CliRunner().invoke(main, [*args, "--engine", "dask", "--scheduler", address])
    assert remote.exit_code == local.exit_code == 1, remote.output
    assert json.loads(remote.output) == json.loads(local.output)
    url = CliRunner().invoke(main, [*args[:-1], path.as_uri(), "--engine", "dask", "--scheduler", address])
    def unlocated(report: dict[str, Any]) -> list[Any]:  # a URL's text is not read again for columns
        return [[{k: v for k, v in f.items() if k not in ("line", "column")} for f in i["findings"]]
                for i in report["items"]]
    got = json.loads(url.output)
    assert [i["source"] for i in got["items"]] == [path.as_uri()] * 150
    assert unlocated(got) == unlocated(json.loads(local.output))


def test_cli_engine_failures_are_one_line(dask_client: Any) -> None:
    from click.testing import CliRunner

    from wipo_bc_standard.cli import main
    address = dask_client.scheduler.address
    unread = CliRunner().invoke(main, ["validate", "--engine", "dask", "--scheduler", address, "nosuch://bucket/x"])
    assert unread.exit_code == 2 and "Traceback" not in unread.output
    assert unread.output.startswith("wipo-bc: error: --engine dask:") and unread.output.count("\n") == 1
    mixed = CliRunner().invoke(main, ["validate", "--engine", "spark", "--scheduler", address, str(EXAMPLES / "valid")])
    assert mixed.exit_code == 2 and "--scheduler goes with --engine dask" in mixed.output
