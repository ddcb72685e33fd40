"""Checking on several cores: items are read in batches, checked in worker processes, and their
results come back in input order, with a bounded number of batches in flight (bounded memory).

For the ledger target the workers do every per-record check and send back, with each result, the
few members the chain reads and the record's canonical bytes; this process feeds the chain in
ledger order, so its checks see the records exactly as in one process.
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
from .findings import conformant_at
from .report import ItemResult
from .rules.ledger_chain import canonical_record_bytes, chain_view
from .sources import NDJSON_SUFFIXES, Item, items_of_bytes, items_of_lines, iter_items

#: Lines per batch sent to a worker: large enough that the cost of the hand-over is small.
BATCH_LINES = 2000
#: Inputs smaller than this are checked in one process; a pool would cost more than it saves.
AUTO_PARALLEL_BYTES = 4 << 20

Task = tuple[str, Any, Any]
_checker: Checker | None = None


def auto_jobs(sources: Iterable[Any], target: str) -> int:
    """How many processes ``--jobs 0`` (the default) uses: all cores for large inputs, else one."""
    size = sum(_size(s) for s in sources if isinstance(s, Path))
    return min(os.cpu_count() or 1, 8) if size >= AUTO_PARALLEL_BYTES else 1


def _size(path: Path) -> int:
    try:
        return os.path.getsize(path)
    except OSError:  # a dangling link, a loop: the reader reports it as an item
        return 0


def run(sources: list[Any], checker_options: dict[str, Any], jobs: int) -> Iterator[ItemResult]:
    """Results of every item of the sources, in order, checked by ``jobs`` processes."""
    if jobs <= 1:
        yield from Checker(**checker_options).run(iter_items(sources))
        return
    ledger = checker_options.get("target") == "ledger"
    batches = _checked_batches(sources, {**checker_options, "chain": False} if ledger else checker_options, jobs)
    if not ledger:
        for batch in batches:
            yield from batch
        return
    parent = Checker(**checker_options)  # its LedgerChain, fed in order
    chain, fail_on = parent.ledger_chain, parent.fail_on
    assert chain is not None
    for batch in batches:
        for result, view in batch:
            if view is not None:
                found = chain.feed(*view)
                if found:
                    result.findings.extend(found)
                    result.conformant = conformant_at(result.findings, fail_on)
            yield result


def _checked_batches(sources: list[Any], checker_options: dict[str, Any], jobs: int) -> Iterator[list[Any]]:
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_start_worker, initargs=(checker_options,)) as pool:
        pending: deque[Any] = deque()
        for task in _tasks(sources):
            pending.append(pool.apply_async(_check_task, (task,)))
            if len(pending) > 2 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _tasks(sources: list[Any]) -> Iterator[Task]:
    for source in sources:
        if isinstance(source, Path) and source.suffix.lower() in NDJSON_SUFFIXES:
            with source.open("rb") as stream:
                batch: list[bytes] = []
                start = 0
                blanks = 0  # blank lines at the end of a file are not items: counted till a line follows
                for line in stream:
                    if not line.strip():
                        blanks += 1
                        continue
                    while blanks:  # they were not at the end: each is an item (json.empty)
                        batch.append(b"")
                        blanks -= 1
                        if len(batch) == BATCH_LINES:
                            yield ("lines", (str(source), start), batch)
                            start, batch = start + len(batch), []
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


def _check_task(task: Task) -> list[Any]:
    """The results of a batch; for a ledger, each with its (chain view, canonical bytes) or None."""
    kind, where, payload = task
    items: Iterable[Item]
    if kind == "lines":
        name, start = where
        items = items_of_lines(name, payload, start, end=False)
    elif kind == "bytes":
        items = items_of_bytes(where, payload, sniff=True)
    else:
        items = iter_items([where])
    checker = _checker
    assert checker is not None
    if checker.target != "ledger":
        return list(checker.run(items))
    out: list[Any] = []
    for item in items:
        doc = item.doc if item.error is None else None
        view = (chain_view(doc), canonical_record_bytes(doc)) if isinstance(doc, dict) else None
        out.append((checker.check(item), view))
    return out
