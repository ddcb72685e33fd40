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
    """The values of one export file, in file order. Raises OSError when it cannot be opened."""
    name = str(path)
    with path.open("rb") as stream:
        if path.suffix.lower() in LINE_SUFFIXES:
            yield from _lines(name, stream)
            return
        first = _first_byte(stream)
        if first == b"[":
            yield from _array(name, stream, "item", "$")
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
    for number, raw in enumerate(stream, start=1):
        text = raw.strip()
        if not text or text.startswith(b"//") or text.startswith(b">>"):
            continue  # blank lines, comments and requests of an .io transcript carry no ledger data
        if text.startswith(b"<<"):
            text = text[2:].strip()
        try:
            yield Unit(name, f"line {number}", number, value=orjson.loads(text))
        except orjson.JSONDecodeError as exc:
            yield Unit(name, f"line {number}", number, error=f"not JSON: {exc}")


def _array(name: str, stream: BinaryIO, prefix: str, place: str) -> Iterator[Unit]:
    index = -1
    try:
        for index, value in enumerate(ijson.items(stream, prefix, use_float=True)):
            yield Unit(name, f"{place}[{index}]", None, value=value)
    except ijson.JSONError as exc:
        yield Unit(name, f"{place}[{index + 1}]", None, error=f"not JSON: {_ijson_message(exc)}")


def _object(name: str, stream: BinaryIO) -> Iterator[Unit]:
    """A top-level object: an RPC envelope whose ``result`` array is streamed, or one whole value."""
    events = ijson.parse(stream, use_float=True)
    builder: ijson.ObjectBuilder | None = None
    envelope: dict[str, Any] = {}
    key: str | None = None
    streamed = False
    try:
        for prefix, event, value in events:
            if prefix == "" and event in ("start_map", "end_map"):
                continue
            if prefix == "" and event == "map_key":
                key, builder = value, None
                continue
            if builder is None:
                if key == "result" and event == "start_array":
                    streamed = True
                    yield from _stream_result(name, events)
                    continue
                builder = ijson.ObjectBuilder()
            builder.event(event, value)
            if "." not in prefix and event in ("end_map", "end_array", "null", "boolean", "integer", "double",
                                                "number", "string"):
                envelope[str(key)] = builder.value
    except ijson.JSONError as exc:
        yield Unit(name, "$", None, error=f"not JSON: {_ijson_message(exc)}")
        return
    if streamed:
        if envelope.get("error") not in (None, {}):
            yield Unit(name, "$", None, value={"error": envelope["error"], "result": None})
        return
    yield Unit(name, "$", 1, value=envelope)


def _stream_result(name: str, events: Iterator[tuple[str, str, Any]]) -> Iterator[Unit]:
    index = 0
    builder: ijson.ObjectBuilder | None = None
    depth = 0
    for prefix, event, value in events:
        if builder is None:
            if event == "end_array" and prefix == "result":
                return
            builder = ijson.ObjectBuilder()
            depth = 0
        builder.event(event, value)
        if event in ("start_map", "start_array"):
            depth += 1
        elif event in ("end_map", "end_array"):
            depth -= 1
        if depth == 0 and event != "map_key":
            yield Unit(name, f"$.result[{index}]", None, value=builder.value)
            index += 1
            builder = None


def _ijson_message(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
