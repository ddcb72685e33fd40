"""What every cluster engine runs: the input split into tasks (whole files, or line-aligned byte
ranges of NDJSON files), a task checked by the same :class:`~wipo_bc_standard.engine.Checker` as a
local run, and the results put back in input order.

Files are named by local paths (read by the workers, which must see the same files: a shared
file system) or by URLs that fsspec reads (``file://``, ``s3://`` with s3fs, ``hdfs://`` with
pyarrow). A local path keeps the name a local run gives it, so the reports are equal.

An item's position in the run is ``(file rank, index in file)``: the order of a local run, and the
order the ledger checks (:mod:`.ledger_split`) are fed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..engine import Checker
from ..items import Item
from ..report import ItemResult
from ..rules.ledger_chain import canonical_record_bytes, chain_view
from ..sources import (
    JSON_SUFFIXES,
    KNOWN_SUFFIXES,
    NDJSON_SUFFIXES,
    SourceError,
    expand,
    items_of_bytes,
    items_of_lines,
    iter_items,
)

#: Bytes of NDJSON per task: large enough that a task's overhead is small, small enough to spread.
BLOCK_BYTES = 16 << 20

Position = tuple[int, int]
#: A checked item: its position, its result, and for a ledger what the chain reads (view, canonical bytes).
Checked = tuple[Position, ItemResult, Any]


@dataclass(frozen=True, slots=True)
class InputSlice:
    """A piece of the input one worker checks."""

    rank: int           # the file's place in the run
    name: str           # the file's name in the report
    url: str            # what the worker opens (a local path or a URL)
    offset: int = 0     # NDJSON: the byte range, moved to line starts by the reader
    length: int | None = None  # None: the whole file
    first_line: int = 0  # NDJSON: lines of the file before this range (set by :func:`with_first_lines`)

    @property
    def ndjson(self) -> bool:
        return self.name.lower().endswith(NDJSON_SUFFIXES)


def is_url(path: str) -> bool:
    return "://" in path


def plan(paths: list[str], block_bytes: int = BLOCK_BYTES) -> list[InputSlice]:
    """The tasks of the files named or under the directories named, in a local run's order.

    Raises SourceError for a path that does not exist."""
    files: list[tuple[str, str, int]] = []  # (name, url, size)
    for raw in paths:
        if raw == "-":
            raise SourceError("a cluster engine cannot read stdin: name files or URLs")
        if is_url(raw):
            files.extend(_url_files(raw))
        else:
            files.extend((str(p), str(p), p.stat().st_size) for p in expand([raw]))
    tasks: list[InputSlice] = []
    for rank, (name, url, size) in enumerate(files):
        if name.lower().endswith(NDJSON_SUFFIXES) and size > block_bytes:
            tasks.extend(InputSlice(rank, name, url, offset, block_bytes) for offset in range(0, size, block_bytes))
        else:
            tasks.append(InputSlice(rank, name, url))
    return tasks


def _url_files(url: str) -> list[tuple[str, str, int]]:
    import fsspec
    fs, root = fsspec.core.url_to_fs(url)
    if not fs.exists(root):
        raise SourceError(f"{url}: no such file or directory")
    if not fs.isdir(root):
        return [(url, url, int(fs.size(root)))]
    found = []
    for path, info in sorted(fs.find(root, detail=True).items()):
        relative = path[len(root.rstrip("/")) + 1:]
        if path.lower().endswith(KNOWN_SUFFIXES) and not any(p.startswith(".") for p in relative.split("/")):
            full = fs.unstrip_protocol(path)
            found.append((full, full, int(info.get("size") or 0)))
    return found


def read(task: InputSlice) -> bytes:
    """The task's bytes: the whole file, or its lines that start within the byte range."""
    if task.length is None and not is_url(task.url):
        return Path(task.url).read_bytes()
    import fsspec
    from fsspec.utils import read_block
    with fsspec.open(task.url, "rb") as stream:
        if task.length is None:
            return bytes(stream.read())
        return bytes(read_block(stream, task.offset, task.length, delimiter=b"\n"))


def split_lines(data: bytes) -> list[bytes]:
    """NDJSON lines as a file's iteration gives them (split at ``\\n`` only; no empty last line)."""
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return lines


def count_lines(task: InputSlice) -> int:
    """Lines in a task's range (the first pass of a split file, to number the lines)."""
    return len(split_lines(read(task)))


def with_first_lines(tasks: list[InputSlice], counts: dict[int, int]) -> list[InputSlice]:
    """The tasks with the line each range starts at; ``counts``: lines per task of split files, by task index."""
    out: list[InputSlice] = []
    lines_before: dict[int, int] = {}
    for number, task in enumerate(tasks):
        if task.length is None:
            out.append(task)
            continue
        first = lines_before.get(task.rank, 0)
        lines_before[task.rank] = first + counts[number]
        out.append(InputSlice(task.rank, task.name, task.url, task.offset, task.length, first))
    return out


def check(task: InputSlice, checker: Checker) -> Iterator[Checked]:
    """The results of a task's items, each with its position and (ledger) what the chain reads.

    ``checker`` is made with ``chain=False`` for a ledger: the chain runs after the shuffle."""
    ledger = checker.target == "ledger"
    items: Iterable[Item]
    if not is_url(task.url) and task.length is None:
        items = iter_items([Path(task.url)])  # as a local run reads it, every form (XML, JSON-LD, Turtle)
    elif task.ndjson:
        items = items_of_lines(task.name, split_lines(read(task)), task.first_line)
    else:
        items = items_of_bytes(task.name, read(task), sniff=not task.name.lower().endswith(JSON_SUFFIXES))
    for item in items:
        result = checker.check(item)
        view = None
        if ledger and item.error is None and isinstance(item.doc, dict):
            view = (chain_view(item.doc), canonical_record_bytes(item.doc))
        yield (task.rank, result.index), result, view


#: A worker's checkers, by their options: made once a process, not once a partition (schemas compile once).
_checkers: dict[str, Checker] = {}


def worker_checker(checker_options: dict[str, Any]) -> Checker:
    """The checker of a worker: a ledger's chain is left to the shuffle."""
    key = repr(sorted(checker_options.items()))
    checker = _checkers.get(key)
    if checker is None:
        ledger = checker_options.get("target") == "ledger"
        checker = _checkers[key] = Checker(**({**checker_options, "chain": False} if ledger else checker_options))
    return checker
