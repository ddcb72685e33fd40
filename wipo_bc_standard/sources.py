"""Sources: turn paths, stdin, bytes or Python objects into a stream of items, each file read by
the reader its ending names in :data:`READERS`.

Every item carries where it came from (source, index, line). Nothing is dropped: a line that is
not JSON is still an item, with its parse error, so that items in always equals items reported.
NDJSON is read line by line, so memory does not grow with the size of the input.
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

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
            elif suffix in JSON_SUFFIXES:
                head = safe_io.read_at_most(stream, ARRAY_CHUNK)
                if head.lstrip(_BLANKS)[:1] == b"[":
                    # A JSON array is streamed element by element: memory stays flat in its length.
                    for item in items_of_array(name, head, stream.read):
                        index = item.index + 1
                        yield item
                else:
                    rest = safe_io.read_bounded(stream, max(LIMITS.file_bytes - len(head), 0), name)
                    yield from items_of_bytes(name, head + rest, sniff=False)
            else:
                yield from items_of_bytes(name, safe_io.read_bounded(stream, LIMITS.file_bytes, name), sniff=True)
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
    if data.lstrip(_BLANKS)[:1] == b"[":
        items = list(items_of_array(name, data, None))
        broken = bool(items) and items[-1].error is not None and items[-1].error.rule == _BROKEN_ARRAY
        if not broken:
            yield from items
            return
    elif len(data) > LIMITS.item_bytes:
        if sniff:
            lines = data.splitlines()
            first = next((ln for ln in lines if ln.strip()), b"")
            if len(lines) > 1 and len(first) <= LIMITS.item_bytes and not isinstance(jsontext.parse(first), ParseError):
                yield from items_of_lines(name, lines)
                return
        yield Item(name, 0, 1, error=ParseError.of("limit.item-bytes", limit=LIMITS.item_bytes, size=len(data)))
        return
    parsed = jsontext.parse(data)
    if isinstance(parsed, ParseError):
        lines = data.splitlines()
        first = next((ln for ln in lines if ln.strip()), b"")
        if sniff and parsed.rule == "json.syntax" and len(lines) > 1 and not isinstance(jsontext.parse(first), ParseError):
            yield from items_of_lines(name, lines)
        else:
            yield Item(name, 0, 1, error=parsed)
    else:
        yield Item(name, 0, 1, doc=parsed)


_BLANKS = b" \t\r\n"
#: NDJSON lines (and array elements) parsed together (their pre-checks run once over the batch).
LINE_BATCH = 256
#: Bytes of a JSON array file read at a time.
ARRAY_CHUNK = 1 << 22
#: Nesting inside an array element that the compiled element pattern follows; a deeper element is
#: delimited by the token scan (slower, same result).
_PATTERN_DEPTH = 8
_BROKEN_ARRAY = "json.syntax"


@functools.cache
def _element_pattern() -> re.Pattern[bytes]:
    """One array element and the ',' or ']' after it, matched by the regex engine in C.

    Alternatives inside each repetition start with different bytes and every quantifier is
    possessive, so a match never backtracks: linear time on any input. An opening bracket may be
    closed by the other kind here: in well-formed JSON it never is, and a malformed element is a
    finding of its own parse either way.
    """
    string = rb'"(?:[^"\\]++|\\.)*+"'
    plain = rb'[^{}\[\]"]++'
    inner = rb"(?:" + string + rb"|" + plain + rb")*+"
    for _ in range(_PATTERN_DEPTH):
        inner = rb"(?:" + string + rb"|" + plain + rb"|[{\[]" + inner + rb"[}\]])*+"
    element = rb"[{\[]" + inner + rb"[}\]]|" + string + rb'|[^,\[\]{}" \t\r\n]++'
    return re.compile(rb"[ \t\r\n]*+(" + element + rb")[ \t\r\n]*+([,\]])", re.DOTALL)


_ARRAY_END = re.compile(rb"[ \t\r\n]*+\]")
#: Strings (skipped whole, escapes included; group 1 is empty when the data ends inside one) and
#: the brackets and commas that delimit array elements.
_ARRAY_TOKENS = re.compile(rb'"(?:[^"\\]++|\\.)*+("?)|[\[\]{},]', re.DOTALL)


class _Scan(NamedTuple):
    """How far the token scan of an element got when the data ran out."""

    depth: int
    #: Where to go on, counted from the element's position (the window is rebased on every read).
    offset: int


def _scan_element(data: bytes, pos: int, resume: _Scan | None = None) -> tuple[int, int, bytes, int] | _Scan:
    """Where the element at ``pos`` starts and ends, its separator and the end of that, found token
    by token (any depth); when the data ends before the element does, how far the scan got, to go on
    from there once more data is read (each byte is scanned once, not once per read)."""
    start = pos
    while start < len(data) and data[start] in _BLANKS:
        start += 1
    depth, at = (0, start) if resume is None else (resume.depth, pos + resume.offset)
    for token in _ARRAY_TOKENS.finditer(data, at):
        text = token.group()
        if token.group(1) == b"":  # a string the data ends inside: scanned again when it goes on
            return _Scan(depth, token.start() - pos)
        if text in (b"[", b"{"):
            depth += 1
        elif text in (b"]", b"}") and depth:
            depth -= 1
        elif text in (b"]", b",") and depth == 0:
            return start, start + len(data[start:token.start()].rstrip(_BLANKS)), text, token.end()
    return _Scan(depth, len(data) - pos)


def items_of_array(name: str, data: bytes, read: Callable[[int], bytes] | None) -> Iterator[Item]:
    """The elements of the top-level JSON array that ``data`` starts (after blanks), read on with
    ``read`` (None: ``data`` is all of it). Each element is an item with its own line, parsed on its
    own: a duplicate key or a number out of range is a finding on that element only. If the array
    itself is not well-formed, the items delimited so far are followed by one ``json.syntax`` item."""
    for batch in array_elements(name, data, read):
        if isinstance(batch, Item):
            yield batch
        else:
            yield from items_of_elements(name, batch)


def array_elements(name: str, data: bytes, read: Callable[[int], bytes] | None,
                   size: int = LINE_BATCH) -> Iterator[list[tuple[int, int, bytes]] | Item]:
    """:func:`items_of_array`'s elements, not yet parsed: batches of (index, line, text), and last,
    if the array is not well-formed, the ``json.syntax`` item."""
    state = _ArrayReader(data, read)
    element = _element_pattern()
    index = 0
    batch: list[tuple[int, int, bytes]] = []
    closed = state.empty_array()
    scan: _Scan | None = None  # an element being token-scanned across reads
    while not closed:
        # The compiled pattern first; once it has failed on an element, the token scan goes on
        # from where it stopped (matching again from the element's start on every read of a broken
        # array's rest would take time quadratic in its size).
        match = element.match(state.data, state.pos) if scan is None else None
        if match is not None:
            start, end, separator, after = match.start(1), match.end(1), match.group(2), match.end()
        else:
            found = _scan_element(state.data, state.pos, scan)
            if isinstance(found, _Scan):
                scan = found
                if state.more():
                    continue
                break  # the data ends inside an element
            start, end, separator, after = found
            scan = None
        batch.append((index, state.line_of(start), state.data[start:end]))
        index += 1
        if len(batch) == size:
            yield batch
            batch = []
        state.pos = after
        closed = separator == b"]"
    if batch:
        yield batch
    if closed and state.rest_is_blank():
        return
    line = state.line_of(state.pos)
    detail = ("text after the end of the array" if closed
              else "the array is not well-formed here: an element, ',' or ']' was expected")
    yield Item(name, index, line, error=ParseError.of(_BROKEN_ARRAY, detail=f"{detail} (line {line})"))


class _ArrayReader:
    """The window of an array's bytes being delimited, refilled from ``read``, and line numbers."""

    def __init__(self, data: bytes, read: Callable[[int], bytes] | None) -> None:
        self.data, self.read = data, read
        self.pos = data.index(b"[") + 1
        self.line, self.counted = 1, 0  # newlines before ``counted`` are counted in ``line``

    def more(self) -> bool:
        """Read on (dropping what was delimited); False at the end of the data."""
        chunk = self.read(ARRAY_CHUNK) if self.read is not None else b""
        if not chunk:
            self.read = None
            return False
        self.line += self.data.count(b"\n", self.counted, self.pos)
        self.data, self.pos, self.counted = self.data[self.pos:] + chunk, 0, 0
        return True

    def line_of(self, position: int) -> int:
        self.line += self.data.count(b"\n", self.counted, position)
        self.counted = position
        return self.line

    def empty_array(self) -> bool:
        while self.data[self.pos:].strip(_BLANKS) == b"" and self.more():
            pass
        end = _ARRAY_END.match(self.data, self.pos)
        if end is None:
            return False
        self.pos = end.end()
        return True

    def rest_is_blank(self) -> bool:
        while self.data[self.pos:].strip(_BLANKS) == b"":
            if not self.more():
                return True
        return False


def items_of_elements(name: str, batch: list[tuple[int, int, bytes]]) -> Iterator[Item]:
    """Items of array elements delimited by :func:`array_elements`."""
    for (index, line, _), result in zip(batch, jsontext.parse_many([text for _, _, text in batch], outer=1)):
        if isinstance(result, ParseError):
            yield Item(name, index, line, error=result)
        else:
            yield Item(name, index, line, doc=result)




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

__all__ = ["JSON_SUFFIXES", "KNOWN_SUFFIXES", "NDJSON_SUFFIXES", "READERS", "Item", "SourceError", "items_of_array",
           "expand", "items_of_bytes", "items_of_lines", "iter_items"]
