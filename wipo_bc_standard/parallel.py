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
import time
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from . import safe_io
from .engine import Checker
from .findings import conformant_at
from .limits import LIMITS
from .report import ItemResult
from .rules.ledger_chain import canonical_record_bytes, chain_view
from .sources import (
    ARRAY_CHUNK,
    JSON_SUFFIXES,
    NDJSON_SUFFIXES,
    Item,
    array_elements,
    items_of_elements,
    items_of_lines,
    iter_items,
)

#: Lines per batch sent to a worker (array elements): large enough that the cost of the hand-over is small.
BATCH_LINES = 2000
#: Bytes of an NDJSON file per worker task (about 2,000 records).
BATCH_BYTES = 2 << 20
#: Small files are sent to a worker together, up to this many files or this cost (:data:`FILE_COST`)
#: per task: a few JSON-LD or Turtle files make a task, hundreds of small JSON or XML files.
BATCH_FILES = 256
BATCH_FILE_COST = 1 << 20
#: A JSON file from this size on, if an array, has its elements checked in batches (not as one task).
BATCH_FILE_BYTES = 1 << 20
#: Cost of reading an input, in bytes of NDJSON that take as long to check, per file of each form
#: beside the file's own bytes (measured with benchmarks/realistic.py, one process: NDJSON about
#: 0.09 CPU s a MB; a small JSON file about 0.24 ms, its opening; an XML file about 0.31 ms, its parse
#: and XSD validation; a JSON-LD or Turtle file about 23 ms, its graph and SHACL shapes).
FILE_COST = {".xml": 2_500, ".jsonld": 250_000, ".ttl": 250_000}
FILE_COST_DEFAULT = 2_000
#: Below this cost (about 0.35 CPU s of checking) one process does the run. Above it the work
#: splits into at least two tasks, and workers (forked: about 0.02 s to start) with their hand-over
#: (about 7% more CPU in all, pickling items out and results back) already take less wall time than
#: one process: measured 1.1x at 500 small files, 1.3x at 5,000 NDJSON records or array elements.
AUTO_PARALLEL_COST = 4 << 20

Task = tuple[str, Any, Any]
_checker: Checker | None = None


def auto_jobs(sources: Iterable[Any], target: str) -> int:
    """How many processes ``--jobs 0`` (the default) uses: one, unless the input's estimated cost
    (its bytes, and a cost per file by form) pays for workers; never more than the cores, nor than
    the cores idle. A ledger
    is checked in one process: its chain is fed in order in the parent, which would be the bottleneck."""
    if target == "ledger":
        return 1
    if sum(map(_cost, sources)) < AUTO_PARALLEL_COST:
        return 1
    return max(1, min(os.cpu_count() or 1, 8, _idle_cores()))


def _cost(source: Any) -> int:
    """A source's estimated checking cost, in bytes of NDJSON (:data:`FILE_COST`)."""
    if not isinstance(source, Path):
        return 0
    try:
        return os.path.getsize(source) + FILE_COST.get(source.suffix.lower(), FILE_COST_DEFAULT)
    except OSError:
        return 0


def _idle_cores() -> int:
    """Cores not busy with other work, to the nearest: on a machine already saturated, more processes
    only add their hand-over costs. Rounded, not truncated: with one other busy process on 2 cores,
    two workers still took 1.15-1.2x less wall time than one process (benchmarks/realistic.py)."""
    cores = os.cpu_count() or 1
    busy = _busy_cores()
    return cores if busy is None else round(cores - busy)


#: How long the processor's counters are watched before a parallel run (only one that is worth it).
BUSY_SAMPLE_SECONDS = 0.05


def _busy_cores() -> float | None:
    """How many cores other work keeps busy now: from the kernel's counters over
    :data:`BUSY_SAMPLE_SECONDS` (this process sleeps meanwhile), else the last minute's load
    average less this process (it lags: a machine that just got busy looks idle for a minute)."""
    before = _cpu_ticks()
    if before is not None:
        time.sleep(BUSY_SAMPLE_SECONDS)
        after = _cpu_ticks()
        if after is not None and after[0] > before[0]:
            total, idle = after[0] - before[0], after[1] - before[1]
            return (os.cpu_count() or 1) * (total - idle) / total
    try:
        return max(0.0, os.getloadavg()[0] - 1.0)
    except OSError:  # not measurable here
        return None


def _cpu_ticks() -> tuple[int, int] | None:
    """(all, idle) clock ticks of every core since boot (Linux ``/proc/stat``), or None elsewhere."""
    try:
        with open("/proc/stat", "rb") as stat:
            fields = stat.readline().split()
    except OSError:
        return None
    if fields[:1] != [b"cpu"] or len(fields) < 6:
        return None
    # user nice system idle iowait irq softirq steal (guest time is already counted in user)
    ticks = [int(x) for x in fields[1:9]]
    return sum(ticks), ticks[3] + ticks[4]


def run(sources: list[Any], checker_options: dict[str, Any], jobs: int) -> Iterator[ItemResult]:
    """Results of every item of the sources, in order, checked by ``jobs`` processes."""
    jobs = min(jobs, os.cpu_count() or 1)  # more processes than cores only compete for them
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
    ledger = checker_options.get("target") == "ledger"
    with context.Pool(jobs, initializer=_start_worker, initargs=(checker_options,)) as pool:
        pending: deque[Any] = deque()
        done: dict[str, int] = {}  # items of each NDJSON file before its next byte range
        for task in _tasks(sources):
            pending.append((task, pool.apply_async(_check_task, (task,))))
            if len(pending) > 2 * jobs:
                task_done, result = pending.popleft()
                yield _numbered(task_done, result, done, ledger)
        while pending:
            task_done, result = pending.popleft()
            yield _numbered(task_done, result, done, ledger)


def _numbered(task: Task, pending: Any, done: dict[str, int], ledger: bool) -> list[Any]:
    """A task's results; those of a byte range renumbered from its local count to the file's
    (an NDJSON item's line is its index plus one)."""
    batch: list[Any] = pending.get()
    if task[0] == "range":
        name = task[1][0]
        offset = done.get(name, 0)
        for entry in batch:
            result = entry[0] if ledger else entry
            result.index += offset
            result.line = result.index + 1
        done[name] = offset + len(batch)
    return batch


def _tasks(sources: list[Any]) -> Iterator[Task]:
    files: list[Any] = []
    size = 0
    for source in sources:
        if isinstance(source, Path) and source.suffix.lower() in NDJSON_SUFFIXES and source.is_file():
            if files:
                yield ("sources", files, None)
                files, size = [], 0
            # Workers read their own byte ranges of the file (split at line starts): this process
            # neither reads nor ships the lines. (Anything but a regular file, a FIFO or a dangling
            # link, goes with the small files: the reader refuses or reports it.)
            length = _content_end(source)
            for start in range(0, max(length, 1), BATCH_BYTES):
                yield ("range", (str(source), start, min(start + BATCH_BYTES, length)), None)
        elif (isinstance(source, Path) and source.suffix.lower() in JSON_SUFFIXES
              and _is_big_array(source)):
            if files:
                yield ("sources", files, None)
                files, size = [], 0
            # The parent only delimits the elements (compiled code); workers parse and check them.
            with source.open("rb") as stream:
                for part in array_elements(str(source), stream.read(ARRAY_CHUNK), stream.read, BATCH_LINES):
                    yield ("item", None, part) if isinstance(part, Item) else ("elements", str(source), part)
        elif source == "-":
            # Read here as one process reads it (bounded; refused unread when it cannot be JSON):
            # workers do not have this process's stdin. They check the items.
            items: list[Item] = []
            for item in iter_items(["-"]):
                items.append(item)
                if len(items) == BATCH_LINES:
                    yield ("items", None, items)
                    items = []
            if items:
                yield ("items", None, items)
        else:
            # Small files go together: one task per file would cost more to hand over than to check.
            files.append(source)
            size += _cost(source)
            if len(files) >= BATCH_FILES or size >= BATCH_FILE_COST:
                yield ("sources", files, None)
                files, size = [], 0
    if files:
        yield ("sources", files, None)


def _is_big_array(path: Path) -> bool:
    try:
        if os.path.getsize(path) < BATCH_FILE_BYTES:
            return False
        with path.open("rb") as stream:
            return stream.read(4096).lstrip(b" \t\r\n")[:1] == b"["
    except OSError:
        return False


def _content_end(path: Path) -> int:
    """Where the blank lines at the end of a file begin (they are not items): one past its last
    byte that is not white space, found reading backwards from the end."""
    with path.open("rb") as stream:
        end = stream.seek(0, os.SEEK_END)
        while end > 0:
            start = max(0, end - (1 << 16))
            stream.seek(start)
            chunk = stream.read(end - start)
            kept = len(chunk.rstrip())
            if kept:
                return start + kept
            end = start
    return 0


def _lines_starting_in(name: str, start: int, end: int) -> list[bytes | safe_io.Oversized]:
    """The lines of a file that start at a byte in [start, end), each whole. Ranges are cut after
    LF; within one, lines end as the one-process reader ends them (LF, CRLF or a lone CR). The last
    line is read on past the range to its end, as the one-process reader reads it: one over the
    ``item_bytes`` limit is counted, never held."""
    with open(name, "rb") as stream:
        partial = False
        if start:
            stream.seek(start - 1)
            partial = stream.read(1) != b"\n"  # the range starts inside a line of the previous one
        data = stream.read(end - start)
        if partial:
            cut = data.find(b"\n")
            data = b"" if cut < 0 else data[cut + 1:]  # no LF: no line starts in the range
        if not data:
            return []
        return list(safe_io.bounded_lines(_ToLineEnd(data, stream), LIMITS.item_bytes))


class _ToLineEnd:
    """A range's bytes, then the file's up to the end of the line the range ends in (a stream for
    :func:`safe_io.bounded_lines`, read a chunk at a time)."""

    def __init__(self, data: bytes, stream: Any) -> None:
        self._data = data
        self._stream = stream
        self._done = data.endswith(b"\n")

    def read(self, size: int) -> bytes:
        if self._data:
            data, self._data = self._data, b""
            return data
        if self._done:
            return b""
        chunk: bytes = self._stream.readline(size)  # at most ``size`` bytes, up to and with LF
        self._done = not chunk or chunk.endswith(b"\n")
        return chunk


def _start_worker(checker_options: dict[str, Any]) -> None:
    global _checker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C for everyone
    _checker = Checker(**checker_options)


def _check_task(task: Task) -> list[Any]:
    """The results of a batch; for a ledger, each with its (chain view, canonical bytes) or None."""
    kind, where, payload = task
    items: Iterable[Item]
    if kind == "range":
        name, start, end = where
        # Blank lines at the end of the file lie past the last range: every line here is an item.
        items = items_of_lines(name, _lines_starting_in(name, start, end), end=False)
    elif kind == "items":
        items = payload
    elif kind == "elements":
        items = items_of_elements(where, payload)
    elif kind == "item":
        items = [payload]
    else:
        items = iter_items(where)
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
