"""Sources: turn paths, stdin, bytes or Python objects into a stream of items, each file read by
the reader its ending names in :data:`READERS`.

Every item carries where it came from (source, index, line). Nothing is dropped: a line that is
not JSON is still an item, with its parse error, so that items in always equals items reported.
NDJSON is read line by line, so memory does not grow with the size of the input.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from . import jsontext, safe_io
from .items import Item, SourceError
from .jsontext import ParseError
from .limits import LIMITS

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

    Directories are walked without following symbolic links to directories (no loops); entries
    that are not regular files (FIFOs, devices, sockets) are kept, so that each is reported as an
    item that could not be read rather than skipped in silence. Raises SourceError for a path that
    does not exist or cannot be looked at.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            exists = is_dir or os.path.lexists(path)
        except OSError as exc:  # a name too long, say
            raise SourceError(f"{safe_io.display_name(raw)}: {safe_io.reason(exc)}") from None
        if is_dir:
            files.extend(_walk(path))
        elif exists:
            files.append(path)
        else:
            raise SourceError(f"{safe_io.display_name(raw)}: no such file or directory")
    return files


def _walk(top: Path) -> list[Path]:
    found: list[Path] = []
    known = set(KNOWN_SUFFIXES) | set(READERS)
    for folder, dirnames, filenames in os.walk(top, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in known:
                continue
            path = Path(folder) / name
            if os.path.islink(path) and os.path.isdir(path):
                continue  # a link to a directory is not walked (it may loop)
            found.append(path)
    # The order of a sorted recursive listing of every path, as before: parents before children.
    return sorted(found)


def _read_path(path: Path) -> Iterator[Item]:
    """The items of a file. A file that cannot be read (not a regular file, permissions, an I/O
    error, too large) is an item with a ``source.unreadable`` finding: the other files of the run
    are still checked and reported."""
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    name = safe_io.display_name(path)
    index = 0
    try:
        if reader is not None:
            for item in reader(path):
                index = item.index + 1
                yield item
            return
        with safe_io.open_regular(path) as stream:
            if suffix in NDJSON_SUFFIXES:
                for item in items_of_lines(name, safe_io.bounded_lines(stream, LIMITS.item_bytes)):
                    index = item.index + 1
                    yield item
            else:
                data = safe_io.read_bounded(stream, LIMITS.file_bytes, name)
                yield from items_of_bytes(name, data, sniff=suffix not in JSON_SUFFIXES)
    except (OSError, SourceError, safe_io.NotReadable) as exc:
        yield Item(name, index, None, error=ParseError.of("source.unreadable", detail=safe_io.reason(exc)))


def _read_stream(name: str, stream: BinaryIO) -> Iterator[Item]:
    """Standard input: read to its end, at most the ``file_bytes`` limit; input that cannot be JSON
    or NDJSON (its first byte says so: /dev/zero, binary data) is not read any further."""
    head = stream.read(safe_io.CHUNK)
    first = head.lstrip(b" \t\r\n")[:1]
    if head and first and first not in b'{["-0123456789tfn\xef':
        yield Item(name, 0, 1, error=ParseError.of("json.syntax", detail="not JSON or NDJSON (first byte "
                                                     f"0x{first[0]:02x}); the rest was not read"))
        return
    try:
        data = head + safe_io.read_bounded(stream, max(LIMITS.file_bytes - len(head), 0), name)
    except safe_io.NotReadable as exc:
        yield Item(name, 0, None, error=ParseError.of("source.unreadable", detail=safe_io.reason(exc)))
        return
    yield from items_of_bytes(name, data, sniff=True)


def items_of_bytes(name: str, data: bytes, sniff: bool = True) -> Iterator[Item]:
    """A JSON document (an array is a list of items), or, when sniffing, NDJSON if the whole is
    not one document but its first line is (a broken pretty-printed document stays one item).

    A document that is not an array and is larger than the ``item_bytes`` limit is refused before
    it is parsed (read as NDJSON lines when sniffing finds lines)."""
    if len(data) > LIMITS.item_bytes and data.lstrip()[:1] != b"[":
        if sniff:
            lines = data.splitlines()
            first = next((ln for ln in lines if ln.strip()), b"")
            if len(lines) > 1 and len(first) <= LIMITS.item_bytes and not isinstance(jsontext.parse(first), ParseError):
                yield from items_of_lines(name, lines)
                return
        yield Item(name, 0, 1, error=ParseError.of("limit.item-bytes", limit=LIMITS.item_bytes, size=len(data)))
        return
    parsed = jsontext.parse_items(data)
    if isinstance(parsed, ParseError) and parsed.rule not in ("json.syntax", "json.encoding", "json.empty", "json.depth"):
        # A well-formed array with one bad element (a huge number, a duplicate key): each element
        # is judged on its own, so that the others are still items.
        elements = split_array(data)
        if elements is not None:
            for index, (at, text) in enumerate(elements):
                result = jsontext.parse(text)
                if isinstance(result, ParseError):
                    yield Item(name, index, at, error=result)
                else:
                    yield Item(name, index, at, doc=result)
            return
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
            line = starts[index] if starts else None
            if isinstance(doc, jsontext.LimitExceeded):
                yield Item(name, index, line, error=doc.error)
            else:
                yield Item(name, index, line, doc=doc)
    else:
        yield Item(name, 0, 1, doc=parsed)


#: Strings (skipped whole, escapes included) and the brackets and commas that delimit array elements.
#: Possessive (no backtracking state kept), so a long string costs no memory per character.
_ARRAY_TOKENS = re.compile(rb'"(?:[^"\\]++|\\.)*+"|[\[\]{},]')


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


def split_array(data: bytes) -> list[tuple[int, bytes]] | None:
    """The elements of a top-level JSON array as (line, bytes), found by its brackets and commas;
    None when ``data`` is not an array whose elements can be told apart."""
    if data.lstrip()[:1] != b"[":
        return None
    elements: list[tuple[int, bytes]] = []
    depth, start, line, counted_to = 0, -1, 1, 0
    for token in _ARRAY_TOKENS.finditer(data):
        text = token.group()
        if text in (b"[", b"{"):
            depth += 1
            if depth == 1:
                start = token.end()
        elif text in (b"]", b"}") or (text == b"," and depth == 1):
            if depth == 1:
                piece = data[start:token.start()]
                if piece.strip() or text == b",":
                    begin = start + len(piece) - len(piece.lstrip())
                    line += data.count(b"\n", counted_to, begin)
                    counted_to = begin
                    elements.append((line, piece))
                start = token.end()
            if text != b",":
                depth -= 1
                if depth == 0:
                    return elements if not data[token.end():].strip() else None
    return None


#: NDJSON lines parsed together (their pre-checks run once over the batch).
LINE_BATCH = 256


def items_of_lines(name: str, lines: Iterable[bytes | safe_io.Oversized], first_index: int = 0,
                   end: bool = True) -> Iterator[Item]:
    """Items of NDJSON lines. Blank lines at the end of the input are not items (editors add them);
    a blank line before another line is an item with a ``json.empty`` finding. ``end=False``: the
    lines are a batch of a larger input, whose blank lines at the end have been left out already.
    A line longer than the ``item_bytes`` limit is an item with its finding."""
    batch: list[tuple[int, bytes]] = []
    blanks = 0  # blank lines seen and not yet known to be followed by a line
    for index, line in enumerate(lines, first_index):
        oversized = isinstance(line, safe_io.Oversized) or len(line) > LIMITS.item_bytes
        text = b"" if oversized else line.rstrip(b"\r\n")  # type: ignore[union-attr]
        if not oversized and not text.strip() and end:
            blanks += 1
            continue
        for blank in range(index - blanks, index):
            batch.append((blank, b""))
            if len(batch) == LINE_BATCH:
                yield from _items_of_batch(name, batch)
                batch = []
        blanks = 0
        if oversized:
            yield from _items_of_batch(name, batch)
            batch = []
            size = line.size if isinstance(line, safe_io.Oversized) else len(line)
            yield Item(name, index, index + 1, error=ParseError.of("limit.item-bytes", limit=LIMITS.item_bytes,
                                                                   size=size))
            continue
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
    yield from rdf_form.items_from_jsonld(safe_io.display_name(path), xml_form.read_bounded(path, LIMITS.form_bytes))


def _read_turtle(path: Path) -> Iterator[Item]:
    from .formats import rdf_form, xml_form
    yield from rdf_form.items_from_turtle(safe_io.display_name(path), xml_form.read_bounded(path, LIMITS.form_bytes))


#: The reader of each file ending other than JSON's and NDJSON's (read above): a new form is one
#: function here and its module in :mod:`wipo_bc_standard.formats`.
READERS: dict[str, Callable[[Path], Iterator[Item]]] = {
    ".xml": _read_xml,
    ".jsonld": _read_jsonld,
    ".ttl": _read_turtle,
}

__all__ = ["JSON_SUFFIXES", "KNOWN_SUFFIXES", "NDJSON_SUFFIXES", "READERS", "Item", "SourceError", "element_lines",
           "expand", "items_of_bytes", "items_of_lines", "iter_items"]
