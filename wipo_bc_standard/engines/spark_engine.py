"""The run on Apache Spark: an RDD of tasks (files, line-aligned byte ranges of NDJSON files), each
checked in ``mapPartitions`` by the same Checker as a local run; for a ledger, the chain checks
after shuffles (``groupByKey``) by IP right, ledger network and recordId (:mod:`.ledger_split`).

The workers read the files themselves through fsspec (local paths on a shared file system,
``file://``, ``s3://`` with s3fs, ``hdfs://`` with pyarrow) and need this package installed.
Needs the ``[spark]`` extra (``pip install 'wipo-bc-standard[spark]'``) and Java 17.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from ..report import ItemResult
from . import ledger_split, tasks
from .rows import FINDING_COLUMNS, ITEM_COLUMNS, finding_rows, item_rows

_SPARK_TYPES = {"object": "string", "Int64": "bigint", "int64": "bigint", "bool": "boolean"}


def import_spark() -> Any:
    try:
        import pyspark.sql
    except ImportError:
        raise ImportError("the spark engine needs pyspark: pip install 'wipo-bc-standard[spark]'") from None
    return pyspark.sql


def _schema(columns: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"`{name}` {_SPARK_TYPES[kind]}" for name, kind in columns)


class SparkRun:
    """A run's checked items as an RDD: :meth:`results` (in input order, for the report),
    :meth:`findings` and :meth:`items` (Spark DataFrames)."""

    def __init__(self, paths: list[str], checker_options: dict[str, Any], spark: Any,
                 block_bytes: int = tasks.BLOCK_BYTES) -> None:
        self.spark = spark
        context = spark.sparkContext
        planned = tasks.plan(paths, block_bytes)
        split = [n for n, t in enumerate(planned) if t.length is not None]
        counts: dict[int, int] = {}
        if split:  # the first pass over split files: lines per range, to number the lines
            numbers = context.parallelize([planned[n] for n in split], min(len(split), 4 * context.defaultParallelism)).map(tasks.count_lines).collect()
            counts = dict(zip(split, numbers, strict=True))
        planned = tasks.with_first_lines(planned, counts)

        def check_partition(part: Iterable[tasks.InputSlice]) -> Iterator[tasks.Checked]:
            checker = tasks.worker_checker(checker_options)
            for task in part:
                yield from tasks.check(task, checker)

        # A few partitions a core: small files share one, a split file's ranges spread.
        partitions = max(1, min(len(planned), 4 * context.defaultParallelism))
        checked = context.parallelize(planned, partitions).mapPartitions(check_partition, preservesPartitioning=True)
        if checker_options.get("target") == "ledger":
            checked = checked.cache()
            firsts = ledger_split.merge_firsts(checked.mapPartitions(
                lambda part: [ledger_split.alg_firsts(part)]).collect())

            def check_group(group: tuple[Any, Iterable[Any]]) -> list[ledger_split.ChainFindings]:
                (kind, _key), rows = group
                return ledger_split.check_group(checker_options, kind, rows, firsts)

            buckets = max(1, checked.getNumPartitions())
            hits = (checked.mapPartitions(lambda part: ledger_split.shuffled(part, buckets))
                    .groupByKey(buckets).flatMap(check_group).collect())
            by_position = context.broadcast(ledger_split.by_position(hits))
            fail_on = checker_options.get("fail_on")
            checked = checked.mapPartitions(lambda part: ledger_split.attach(part, by_position.value, fail_on),
                                            preservesPartitioning=True)
        self.checked = checked.cache()

    def results(self) -> Iterator[ItemResult]:
        """Every item's result, in a local run's order, a partition at a time on this side."""
        for _position, result, _chain in self.checked.toLocalIterator(prefetchPartitions=True):
            yield result

    def findings(self) -> Any:
        """One row per finding (:data:`~.rows.FINDING_COLUMNS`)."""
        return self.spark.createDataFrame(self.checked.mapPartitions(finding_rows), _schema(FINDING_COLUMNS))

    def items(self) -> Any:
        """One row per item, with its conformance (:data:`~.rows.ITEM_COLUMNS`)."""
        return self.spark.createDataFrame(self.checked.mapPartitions(item_rows), _schema(ITEM_COLUMNS))


def session(master: str | None) -> tuple[Any, bool]:
    """The Spark session of the master at ``master`` (default ``local[*]``), and whether it is new
    (a session already active in this process, an application's, is used and left running)."""
    sql = import_spark()
    active = sql.SparkSession.getActiveSession()
    if active is not None:
        return active, False
    builder = sql.SparkSession.builder.master(master or "local[*]").appName("wipo-bc validate")
    if (master or "local").startswith("local"):
        # Local workers run this interpreter (with this package), not whatever python3 is on PATH.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return builder.config("spark.ui.showConsoleProgress", "false").getOrCreate(), True


def results(paths: list[str], checker_options: dict[str, Any], master: str | None) -> Iterator[ItemResult]:
    """The runner's entry: every item's result, in order, checked on the cluster."""
    spark, new = session(master)
    try:
        yield from SparkRun(paths, checker_options, spark).results()
    finally:
        if new:
            spark.stop()
