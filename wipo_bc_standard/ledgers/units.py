"""Streaming the JSON values of a ledger export, one unit at a time, with the place each came from.

Exports come as users save them: one JSON document (a response, a block, an array of them, or an
RPC envelope whose ``result`` is an array), NDJSON (one value a line), or the ``.io`` transcripts of
the Ethereum execution-API tests (``>> request`` / ``<< response`` lines). Top-level arrays, and the
``result`` array of an envelope, are streamed element by element (ijson), so memory is bounded by
the largest element (a block), not by the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import ijson
import orjson

from .. import safe_io
from ..limits import LIMITS, walk_exceeds

#: File endings read line by line.
LINE_SUFFIXES = (".ndjson", ".jsonl", ".io")


@dataclass(frozen=True, slots=True)
class Unit:
    """One JSON value of an export: the value, or why it could not be read."""

    source: str
    #: Where in the file: a JSONPath-like place (``$[3]``, ``$.result[12]``) or ``line 7``.
    place: str
    line: int | None
    value: Any = None
    error: str | None = None


def iter_units(path: Path) -> Iterator[Unit]:
    """The values of one export file, in file order. Raises OSError when it cannot be opened, and
    :class:`~wipo_bc_standard.safe_io.NotReadable` when it is not a regular file."""
    name = safe_io.display_name(path)
    with safe_io.open_regular(path) as stream:
        if path.suffix.lower() in LINE_SUFFIXES:
            yield from _lines(name, stream)
            return
        first = _first_byte(stream)
        if first == b"[":
            yield from _array(name, stream)
        elif first == b"{":
            yield from _object(name, stream)
        elif first == b"":
            yield Unit(name, "$", 1, error="empty file: no JSON value")
        elif _binary(stream):
            # One finding, not one per "line" of bytes: the file is not a JSON export at all.
            yield Unit(name, "$", None, error="binary data, not JSON: export the ledger as JSON (a Fabric block in "
                                              "protobuf form: `configtxlator proto_decode --type common.Block`)")
        else:
            # Not one JSON document: perhaps NDJSON without its ending.
            yield from _lines(name, stream)


def _binary(stream: BinaryIO) -> bool:
    """Whether the file's first 4 KiB hold a NUL byte or bytes that are not UTF-8 (protobuf, images...)."""
    head = stream.read(4096)
    stream.seek(0)
    if b"\0" in head:
        return True
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start < len(head) - 3  # a character cut at the end of the 4 KiB is not binary
    return False


def _first_byte(stream: BinaryIO) -> bytes:
    head = stream.read(4096)
    stream.seek(0)
    stripped = head.lstrip()
    if stripped.startswith(b"\xef\xbb\xbf"):
        return b"\xef"
    return stripped[:1]


def _lines(name: str, stream: BinaryIO) -> Iterator[Unit]:
    for number, raw in enumerate(safe_io.bounded_lines(stream, LIMITS.item_bytes), start=1):
        if isinstance(raw, safe_io.Oversized):
            yield Unit(name, f"line {number}", number, error=f"a line of {raw.size} bytes, more than the limit of "
                                                             f"{LIMITS.item_bytes} (item_bytes, docs/limits.md)")
            continue
        text = raw.strip()
        if not text or text.startswith(b"//") or text.startswith(b">>"):
            continue  # blank lines, comments and requests of an .io transcript carry no ledger data
        if text.startswith(b"<<"):
            text = text[2:].strip()
        try:
            value = orjson.loads(text)
        except orjson.JSONDecodeError as exc:
            yield Unit(name, f"line {number}", number, error=f"not JSON: {exc}")
            continue
        exceeded = _exceeds(text, value)
        if exceeded is not None:
            yield Unit(name, f"line {number}", number, error=exceeded)
        else:
            yield Unit(name, f"line {number}", number, value=value)


def _exceeds(text: bytes, value: Any) -> str | None:
    """Why a parsed value goes past the limits (nesting, members, string length, integers), if it does."""
    current = LIMITS
    if (text.count(b"[") + text.count(b"{") <= current.depth and len(text) <= current.string_chars
            and text.count(b",") < current.members and not _has_wide_int(value)):
        return None
    exceeded = walk_exceeds(value)
    if exceeded is not None:
        return _limit_message(*exceeded)
    return "an integer beyond 64 bits" if _has_wide_int(value) else None


def _has_wide_int(value: Any) -> bool:
    stack = [value]
    while stack:
        node = stack.pop()
        if type(node) is int and not -(2**63) <= node < 2**64:
            return True
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def _limit_message(rule: str, params: dict[str, Any]) -> str:
    what = {"json.depth": "nesting deeper than {limit} levels",
            "limit.members": "an object or array of {size} members, more than the limit of {limit}",
            "limit.string-length": "a string of {size} characters, more than the limit of {limit}"}[rule]
    return what.format(**params) + " (docs/limits.md)"


_SCALARS = frozenset(("null", "boolean", "integer", "double", "number", "string"))


def _take_value(event: str, value: Any, events: Iterator[tuple[str, Any]]) -> tuple[Any, str | None]:
    """One JSON value built from its first event and the events that follow, within the limits.

    A value past a limit is not built: its events are consumed (memory stays bounded) and the
    reason is returned instead. Events come from ``ijson.basic_parse``, which gives no prefixes
    (a prefix grows with the depth, so deep nesting would cost quadratic memory).
    """
    current = LIMITS
    error: str | None = None
    if event in _SCALARS:
        return _scalar(value, current)
    builder = ijson.ObjectBuilder()
    arrays: list[bool] = []  # for each open container: is it an array?
    sizes: list[int] = []  # its members so far
    while True:
        if event == "map_key" or (event != "end_map" and event != "end_array" and arrays and arrays[-1]):
            sizes[-1] += 1
            if error is None and sizes[-1] > current.members:
                error = _limit_message("limit.members", {"limit": current.members, "size": sizes[-1]})
        if event in ("start_map", "start_array"):
            arrays.append(event == "start_array")
            sizes.append(0)
            if error is None and len(arrays) > current.depth:
                error = _limit_message("json.depth", {"limit": current.depth})
        elif event in ("end_map", "end_array"):
            arrays.pop()
            sizes.pop()
        elif error is None and event in _SCALARS:
            error = _scalar(value, current)[1]
        if error is None:
            builder.event(event, value)
        if not arrays:
            return (None, error) if error is not None else (builder.value, None)
        event, value = next(events)


def _scalar(value: Any, current: Any) -> tuple[Any, str | None]:
    if isinstance(value, str) and len(value) > current.string_chars:
        return None, _limit_message("limit.string-length", {"limit": current.string_chars, "size": len(value)})
    if type(value) is int and not -(2**63) <= value < 2**64:
        return None, "an integer beyond 64 bits"
    return value, None


def _array(name: str, stream: BinaryIO) -> Iterator[Unit]:
    """A top-level array, element by element."""
    events = ijson.basic_parse(stream, use_float=True)
    index = 0
    try:
        next(events)  # the array's start
        for event, value in events:
            if event == "end_array":
                return
            element, error = _take_value(event, value, events)
            yield Unit(name, f"$[{index}]", None, value=element, error=error)
            index += 1
    except (ijson.JSONError, ValueError, StopIteration) as exc:
        yield Unit(name, f"$[{index}]", None, error=f"not JSON: {_ijson_message(exc)}")


def _object(name: str, stream: BinaryIO) -> Iterator[Unit]:
    """A top-level object: an RPC envelope whose ``result`` array is streamed, or one whole value."""
    events = ijson.basic_parse(stream, use_float=True)
    envelope: dict[str, Any] = {}
    streamed = False
    try:
        next(events)  # the object's start
        for event, value in events:
            if event == "end_map":
                break
            key = value  # a map_key: the events of the member's value follow
            event, value = next(events)
            if key == "result" and event == "start_array":
                streamed = True
                yield from _stream_result(name, events)
                continue
            member, error = _take_value(event, value, events)
            if error is not None:
                yield Unit(name, f"$.{key}", 1, error=error)
                return
            envelope[str(key)] = member
            if len(envelope) > LIMITS.members:
                yield Unit(name, "$", 1, error=_limit_message("limit.members", {"limit": LIMITS.members,
                                                                                 "size": len(envelope)}))
                return
    except (ijson.JSONError, ValueError, StopIteration) as exc:
        yield Unit(name, "$", None, error=f"not JSON: {_ijson_message(exc)}")
        return
    if streamed:
        if envelope.get("error") not in (None, {}):
            yield Unit(name, "$", None, value={"error": envelope["error"], "result": None})
        return
    yield Unit(name, "$", 1, value=envelope)


def _stream_result(name: str, events: Iterator[tuple[str, Any]]) -> Iterator[Unit]:
    index = 0
    for event, value in events:
        if event == "end_array":
            return
        element, error = _take_value(event, value, events)
        yield Unit(name, f"$.result[{index}]", None, value=element, error=error)
        index += 1


def _ijson_message(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
