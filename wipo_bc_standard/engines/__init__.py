"""Where a run's items are checked: on this machine (``local``, the runner's own processes) or on a
cluster engine people already run (``dask``, ``spark``), with the same results in the same order.

The cluster engines' libraries are optional (extras ``[dask]``, ``[spark]``): they are imported
only when such an engine is chosen.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..constants import ENGINES
from ..report import ItemResult

__all__ = ["ENGINES", "results"]


def results(engine: str, address: str | None, paths: list[str], checker_options: dict[str, Any]) -> Iterator[ItemResult]:
    """Every item's result, in a local run's order, checked by a cluster engine; ``address`` is the
    Dask scheduler or the Spark master (None: a local cluster of this machine's cores)."""
    if engine == "dask":
        from . import dask_engine
        dask_engine.import_dask()  # ImportError now, with what to install, not mid-report
        return dask_engine.results(paths, checker_options, address)
    if engine == "spark":
        from . import spark_engine
        spark_engine.import_spark()
        return spark_engine.results(paths, checker_options, address)
    raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
