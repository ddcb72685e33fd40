"""The cluster engines from 1 to 2 workers, beside a local run, on the same generated data.

    .venv/bin/python benchmarks/engines.py [--records 40000] [--ledger] [--block-mib 4] [--no-spark]

One seeded data set (benchmarks/datagen.py; ``--ledger``: one ledger, each right's records chained,
with chain faults, checked with ``--target ledger``). Printed for each way of running: wall seconds
of the check (cluster start-up excluded, the report's results brought back included), records/s,
the speed-up from 1 to 2 workers, and whether the summary equals the local run's. Dask runs on a
LocalCluster of worker processes (one thread each), Spark on ``local[N]``.

A machine's cores bound what 2 workers can gain here; on a real cluster each worker is a machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from datagen import Generator  # noqa: E402

from wipo_bc_standard.engines import tasks  # noqa: E402
from wipo_bc_standard.report import Report  # noqa: E402
from wipo_bc_standard.runner import Run, RunOptions  # noqa: E402


def timed(results: Any) -> tuple[float, dict[str, Any]]:
    start = time.perf_counter()
    report = Report.of(results() if callable(results) else results)
    return time.perf_counter() - start, report.summary.to_dict()


def local(path: Path, options: RunOptions) -> tuple[float, dict[str, Any]]:
    return timed(lambda: Run(options).results([path]))


def dask(path: Path, options: RunOptions, workers: int, block_bytes: int) -> tuple[float, dict[str, Any]]:
    import distributed

    from wipo_bc_standard.engines.dask_engine import DaskRun
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        client.run(lambda: None)  # the workers are up
        return timed(lambda: DaskRun([str(path)], options.checker_options(), client, block_bytes).results())


def spark(path: Path, options: RunOptions, workers: int, block_bytes: int) -> tuple[float, dict[str, Any]]:
    from pyspark.sql import SparkSession

    from wipo_bc_standard.engines.spark_engine import SparkRun
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (SparkSession.builder.master(f"local[{workers}]").appName("wipo-bc benchmark")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    try:
        session.sparkContext.parallelize(range(workers), workers).count()  # the Python workers are up
        return timed(lambda: SparkRun([str(path)], options.checker_options(), session, block_bytes).results())
    finally:
        session.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=40_000)
    parser.add_argument("--ledger", action="store_true", help="one chained ledger, checked with --target ledger")
    parser.add_argument("--block-mib", type=float, default=4, help="NDJSON bytes per task (MiB)")
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--no-spark", action="store_true")
    args = parser.parse_args()
    block_bytes = int(args.block_mib * (1 << 20))
    options = RunOptions(target="ledger" if args.ledger else "auto")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.ndjson"
        gen = Generator(7)
        lines = gen.ledger(args.records) if args.ledger else gen.lines(args.records)
        with path.open("wb") as out:
            for line in lines:
                out.write(line + b"\n")
        size = path.stat().st_size
        print(f"{args.records} {'ledger ' if args.ledger else ''}records, {size / 2**20:.1f} MiB, "
              f"{len(tasks.plan([str(path)], block_bytes))} tasks of {args.block_mib} MiB; {os.cpu_count()} cores\n")
        rows = [("local, --jobs 1", *local(path, options))]
        for name, engine in (("dask", dask), ("spark", spark)):
            if getattr(args, f"no_{name}"):
                continue
            for workers in (1, 2):
                rows.append((f"{name}, {workers} worker{'s' if workers > 1 else ''}",
                             *engine(path, options, workers, block_bytes)))
    reference = rows[0][2]
    print("| run | wall s | records/s | 2 vs 1 worker | same summary as local |\n|---|---|---|---|---|")
    one: dict[str, float] = {}
    for name, seconds, summary in rows:
        engine = name.split(",")[0]
        gain = f"{one[engine] / seconds:.2f}x" if engine in one else ""
        one.setdefault(engine, seconds)
        print(f"| {name} | {seconds:.1f} | {args.records / seconds:,.0f} | {gain} | {summary == reference} |")


if __name__ == "__main__":
    main()
