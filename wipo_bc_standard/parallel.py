"""Checking on several cores: items are read in batches, checked in worker processes, and their
results come back in input order, with a bounded number of batches in flight (bounded memory).

The ledger target is never split: its checks look across items in order.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .engine import Checker
from .report import ItemResult
from .sources import NDJSON_SUFFIXES, Item, _items_of_lines, _read_bytes, iter_items

#: Lines per batch sent to a worker: large enough that the cost of the hand-over is small.
BATCH_LINES = 2000
#: Inputs smaller than this are checked in one process; a pool would cost more than it saves.
AUTO_PARALLEL_BYTES = 4 << 20

Task = tuple[str, Any, Any]
_checker: Checker | None = None


def auto_jobs(sources: Iterable[Any], target: str) -> int:
    """How many processes ``--jobs 0`` (the default) uses: all cores for large inputs, else one."""
    if target == "ledger":
        return 1
    size = sum(os.path.getsize(s) for s in sources if isinstance(s, Path))
    return min(os.cpu_count() or 1, 8) if size >= AUTO_PARALLEL_BYTES else 1


def run(sources: list[Any], checker_options: dict[str, Any], jobs: int) -> Iterator[ItemResult]:
    """Results of every item of the sources, in order, checked by ``jobs`` processes."""
    if jobs <= 1 or checker_options.get("target") == "ledger":
        yield from Checker(**checker_options).run(iter_items(sources))
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_start_worker, initargs=(checker_options,)) as pool:
        pending: deque[Any] = deque()
        for task in _tasks(sources):
            pending.append(pool.apply_async(_check_task, (task,)))
            if len(pending) > 2 * jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _tasks(sources: list[Any]) -> Iterator[Task]:
    for source in sources:
        if isinstance(source, Path) and source.suffix.lower() in NDJSON_SUFFIXES:
            with source.open("rb") as stream:
                batch: list[bytes] = []
                start = 0
                for line in stream:
                    batch.append(line)
                    if len(batch) == BATCH_LINES:
                        yield ("lines", (str(source), start), batch)
                        start += len(batch)
                        batch = []
                if batch:
                    yield ("lines", (str(source), start), batch)
        elif source == "-":
            import sys
            yield ("bytes", "<stdin>", sys.stdin.buffer.read())
        else:
            yield ("source", source, None)


def _start_worker(checker_options: dict[str, Any]) -> None:
    global _checker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C for everyone
    _checker = Checker(**checker_options)


def _check_task(task: Task) -> list[ItemResult]:
    kind, where, payload = task
    items: Iterable[Item]
    if kind == "lines":
        name, start = where
        items = _items_of_lines(name, payload, start)
    elif kind == "bytes":
        items = _read_bytes(where, payload, sniff=True)
    else:
        items = iter_items([where])
    assert _checker is not None
    return list(_checker.run(items))
