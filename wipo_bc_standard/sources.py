"""Sources: turn paths, stdin, bytes or Python objects into a stream of items, each file read by
the reader its ending names in :data:`READERS`.

Every item carries where it came from (source, index, line). Nothing is dropped: a line that is
not JSON is still an item, with its parse error, so that items in always equals items reported.
NDJSON is read line by line, so memory does not grow with the size of the input.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from . import jsontext
from .items import Item, SourceError
from .jsontext import ParseError

#: File name endings read when a directory is walked, and how each is read.
JSON_SUFFIXES = (".json",)
NDJSON_SUFFIXES = (".ndjson", ".jsonl")
KNOWN_SUFFIXES = JSON_SUFFIXES + NDJSON_SUFFIXES

def iter_items(sources: Iterable[Any]) -> Iterator[Item]:
    """Items of each source in order: a path, ``-`` (stdin), bytes, a mapping or an iterable of mappings."""
    for source in sources:
        if isinstance(source, Mapping):
            yield _from_object("<object>", 0, source)
        elif isinstance(source, (bytes, bytearray)):
            yield from items_of_bytes("<bytes>", bytes(source))
        elif isinstance(source, (str, Path)):
            if str(source) == "-":
                yield from _read_stream("<stdin>", sys.stdin.buffer)
            else:
                yield from _read_path(Path(source))
        elif isinstance(source, Iterable):
            for index, doc in enumerate(source):
                yield _from_object("<object>", index, doc)
        else:
            raise SourceError(f"cannot read a {type(source).__name__} as a source")


def _from_object(name: str, index: int, obj: Any) -> Item:
    """A Python object given to the API is judged as the JSON text it stands for: NaN, integers
    beyond I-JSON's range, values JSON has no form for and deep nesting are findings here too."""
    try:
        text = json.dumps(obj, allow_nan=False, ensure_ascii=False)
    except ValueError:
        return Item(name, index, None, error=ParseError.of("json.non-finite-number", name="NaN or Infinity"))
    except (TypeError, RecursionError) as exc:
        return Item(name, index, None, error=ParseError.of("json.syntax", detail=f"not a JSON value: {exc}"))
    parsed = jsontext.parse(text.encode("utf-8", "surrogatepass"))
    if isinstance(parsed, ParseError):
        return Item(name, index, None, error=parsed)
    return Item(name, index, None, doc=parsed)


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and files with a known ending under directories named (recursively, sorted).

    Raises SourceError for a path that does not exist.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*"))
                         if p.is_file() and (p.suffix.lower() in KNOWN_SUFFIXES or p.suffix.lower() in READERS)
                         and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.exists():
            files.append(path)
        else:
            raise SourceError(f"{raw}: no such file or directory")
    return files


def _read_path(path: Path) -> Iterator[Item]:
    """The items of a file. A file that cannot be read (permissions, an I/O error) is an item with
    a ``source.unreadable`` finding: the other files of the run are still checked and reported."""
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    index = 0
    try:
        if reader is not None:
            for item in reader(path):
                index = item.index + 1
                yield item
            return
        with path.open("rb") as stream:
            if suffix in NDJSON_SUFFIXES:
                for item in items_of_lines(str(path), stream):
                    index = item.index + 1
                    yield item
            else:
                yield from items_of_bytes(str(path), stream.read(), sniff=suffix not in JSON_SUFFIXES)
    except (OSError, SourceError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        yield Item(str(path), index, None, error=ParseError.of("source.unreadable", detail=detail))


def _read_stream(name: str, stream: BinaryIO) -> Iterator[Item]:
    yield from items_of_bytes(name, stream.read(), sniff=True)


def items_of_bytes(name: str, data: bytes, sniff: bool = True) -> Iterator[Item]:
    """A JSON document (an array is a list of items), or, when sniffing, NDJSON if the whole is
    not one document but its first line is (a broken pretty-printed document stays one item)."""
    parsed = jsontext.parse(data)
    if isinstance(parsed, ParseError):
        lines = data.splitlines()
        first = next((ln for ln in lines if ln.strip()), b"")
        if sniff and parsed.rule == "json.syntax" and len(lines) > 1 and not isinstance(jsontext.parse(first), ParseError):
            yield from items_of_lines(name, lines)
        else:
            yield Item(name, 0, 1, error=parsed)
    elif isinstance(parsed, list):
        starts = element_lines(data, len(parsed))
        for index, doc in enumerate(parsed):
            yield Item(name, index, starts[index] if starts else None, doc=doc)
    else:
        yield Item(name, 0, 1, doc=parsed)


#: Strings (skipped whole, escapes included) and the brackets and commas that delimit array elements.
_ARRAY_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{},]')


def element_lines(data: bytes, count: int) -> list[int] | None:
    """The line (from 1) on which each element of a top-level JSON array starts, so that reports
    (SARIF, GitHub annotations) can point at it; None when they cannot be told apart reliably."""
    starts: list[int] = []
    depth, expecting, after = 0, False, 0
    line, counted_to = 1, 0  # newlines are counted once, incrementally
    for token in _ARRAY_TOKENS.finditer(data):
        text = token.group()
        if expecting and not (text == b"]" and depth == 1 and not starts):
            # The element begins at the first non-blank byte after the "[" or "," before it.
            begin = token.start() - len(data[after:token.start()].lstrip())
            line += data.count(b"\n", counted_to, begin)
            counted_to = begin
            starts.append(line)
        expecting = False
        if text in (b"[", b"{"):
            depth += 1
            expecting = depth == 1 and text == b"["
        elif text in (b"]", b"}"):
            depth -= 1
        elif text == b"," and depth == 1:
            expecting = True
        after = token.end()
    return starts if len(starts) == count else None


#: NDJSON lines parsed together (their pre-checks run once over the batch).
LINE_BATCH = 256


def items_of_lines(name: str, lines: Iterable[bytes], first_index: int = 0, end: bool = True) -> Iterator[Item]:
    """Items of NDJSON lines. Blank lines at the end of the input are not items (editors add them);
    a blank line before another line is an item with a ``json.empty`` finding. ``end=False``: the
    lines are a batch of a larger input, whose blank lines at the end have been left out already."""
    batch: list[tuple[int, bytes]] = []
    blanks = 0  # blank lines seen and not yet known to be followed by a line
    for index, line in enumerate(lines, first_index):
        text = line.rstrip(b"\r\n")
        if not text.strip() and end:
            blanks += 1
            continue
        for blank in range(index - blanks, index):
            batch.append((blank, b""))
            if len(batch) == LINE_BATCH:
                yield from _items_of_batch(name, batch)
                batch = []
        blanks = 0
        batch.append((index, text))
        if len(batch) == LINE_BATCH:
            yield from _items_of_batch(name, batch)
            batch = []
    if batch:
        yield from _items_of_batch(name, batch)


def _items_of_batch(name: str, batch: list[tuple[int, bytes]]) -> Iterator[Item]:
    texts = [text for _, text in batch if text.strip()]
    parsed = iter(jsontext.parse_many(texts))
    for index, text in batch:
        if not text.strip():
            yield Item(name, index, index + 1, error=ParseError.of("json.empty"))
            continue
        result = next(parsed)
        if isinstance(result, ParseError):
            yield Item(name, index, index + 1, error=result)
        else:
            yield Item(name, index, index + 1, doc=result)


# The other forms' readers import lxml and rdflib only when such a file is read: most runs read
# JSON, and rdflib alone costs a tenth of a second of start-up.

def _read_xml(path: Path) -> Iterator[Item]:
    from .formats import xml_form
    yield from xml_form.read_path(path)


def _read_jsonld(path: Path) -> Iterator[Item]:
    from .formats import rdf_form, xml_form
    yield from rdf_form.items_from_jsonld(str(path), xml_form.read_bounded(path, rdf_form.MAX_RDF_BYTES))


def _read_turtle(path: Path) -> Iterator[Item]:
    from .formats import rdf_form, xml_form
    yield from rdf_form.items_from_turtle(str(path), xml_form.read_bounded(path, rdf_form.MAX_RDF_BYTES))


#: The reader of each file ending other than JSON's and NDJSON's (read above): a new form is one
#: function here and its module in :mod:`wipo_bc_standard.formats`.
READERS: dict[str, Callable[[Path], Iterator[Item]]] = {
    ".xml": _read_xml,
    ".jsonld": _read_jsonld,
    ".ttl": _read_turtle,
}

__all__ = ["JSON_SUFFIXES", "KNOWN_SUFFIXES", "NDJSON_SUFFIXES", "READERS", "Item", "SourceError", "element_lines",
           "expand", "items_of_bytes", "items_of_lines", "iter_items"]
