"""The run on a Dask cluster: a ``dask.bag`` of tasks (files, line-aligned byte ranges of NDJSON
files), each checked by a worker with the same Checker as a local run; for a ledger, the chain
checks after shuffles by IP right, ledger network and recordId (:mod:`.ledger_split`).

Needs the ``[dask]`` extra (``pip install 'wipo-bc-standard[dask]'``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..report import ItemResult
from . import ledger_split, tasks
from .rows import FINDING_COLUMNS, ITEM_COLUMNS, finding_rows, item_rows


def import_dask() -> Any:
    try:
        import dask.bag
        import distributed
    except ImportError:
        raise ImportError("the dask engine needs dask and distributed: pip install 'wipo-bc-standard[dask]'") from None
    return dask.bag, distributed


def _check_partition(part: list[tasks.InputSlice], checker_options: dict[str, Any]) -> list[tasks.Checked]:
    checker = tasks.worker_checker(checker_options)
    return [row for task in part for row in tasks.check(task, checker)]


def _attach(part: list[tasks.Checked], hits: dict[Any, Any], fail_on: Any) -> list[tasks.Checked]:
    return list(ledger_split.attach(part, hits, fail_on))


class DaskRun:
    """A run's checked items on the cluster: :meth:`results` (in input order, for the report),
    :meth:`findings` and :meth:`items` (dask dataframes)."""

    def __init__(self, paths: list[str], checker_options: dict[str, Any], client: Any,
                 block_bytes: int = tasks.BLOCK_BYTES) -> None:
        bag, _distributed = import_dask()
        from dask import delayed
        self.client = client
        planned = tasks.plan(paths, block_bytes)
        # A few partitions a worker thread: small files share one, a split file's ranges spread.
        threads = sum(client.nthreads().values()) or 1
        split = [n for n, t in enumerate(planned) if t.length is not None]
        counts: dict[int, int] = {}
        if split:  # the first pass over split files: lines per range, to number the lines
            numbers = bag.from_sequence([planned[n] for n in split], npartitions=min(len(split), 4 * threads))
            counts = dict(zip(split, numbers.map(tasks.count_lines).compute(), strict=True))
        planned = tasks.with_first_lines(planned, counts)
        partitions = max(1, min(len(planned), 4 * threads))
        checked = bag.from_sequence(planned, npartitions=partitions).map_partitions(_check_partition,
                                                                                   checker_options)
        if checker_options.get("target") == "ledger":
            checked = checked.persist()
            firsts = ledger_split.merge_firsts(checked.map_partitions(
                lambda part: [ledger_split.alg_firsts(part)]).compute())
            # The shuffle: each partition puts its rows in as many buckets as there are partitions;
            # bucket b of every partition goes to one task, which runs the chain over it.
            buckets = max(1, checked.npartitions)
            sent = [delayed(ledger_split.into_buckets)(part, buckets) for part in checked.to_delayed()]
            received = [delayed(ledger_split.check_bucket)(checker_options, [part[b] for part in sent], firsts)
                        for b in range(buckets)]
            hits = [hit for bucket_hits in client.compute(received, sync=True) for hit in bucket_hits]
            by_position = client.scatter(ledger_split.by_position(hits), broadcast=True)
            checked = checked.map_partitions(_attach, by_position, checker_options.get("fail_on"))
        self.checked = checked.persist()

    def results(self) -> Iterator[ItemResult]:
        """Every item's result, in a local run's order; one partition at a time on this side."""
        futures = self.client.compute(self.checked.to_delayed())
        for future in futures:
            for _position, result, _chain in future.result():
                yield result
            future.release()

    def findings(self) -> Any:
        """One row per finding (:data:`~.rows.FINDING_COLUMNS`)."""
        import pandas as pd
        meta = pd.DataFrame({name: pd.Series(dtype=kind) for name, kind in FINDING_COLUMNS})
        return self.checked.map_partitions(finding_rows).to_dataframe(meta=meta)

    def items(self) -> Any:
        """One row per item, with its conformance (:data:`~.rows.ITEM_COLUMNS`)."""
        import pandas as pd
        meta = pd.DataFrame({name: pd.Series(dtype=kind) for name, kind in ITEM_COLUMNS})
        return self.checked.map_partitions(item_rows).to_dataframe(meta=meta)


def connect(scheduler: str | None) -> Any:
    """A client of the scheduler at ``scheduler``, or of a local cluster of this machine's cores."""
    _bag, distributed = import_dask()
    if scheduler:
        return distributed.Client(scheduler)
    import os
    return distributed.Client(distributed.LocalCluster(n_workers=min(os.cpu_count() or 1, 8), threads_per_worker=1,
                                                       processes=True, dashboard_address=None))


def results(paths: list[str], checker_options: dict[str, Any], scheduler: str | None) -> Iterator[ItemResult]:
    """The runner's entry: every item's result, in order, checked on the cluster."""
    client = connect(scheduler)
    try:
        yield from DaskRun(paths, checker_options, client).results()
    finally:
        cluster = client.cluster if not scheduler else None
        client.close()
        if cluster is not None:
            cluster.close()
