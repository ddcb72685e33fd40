"""Renderers: one interface, one registry; a new output format is one new class.

A renderer is fed the results one at a time (``item``) and the summary at the end (``finish``),
so that output can be streamed and memory stays bounded on large runs.
"""

from __future__ import annotations

import codecs
from typing import IO, Any, BinaryIO, ClassVar

from ..report import ItemResult, Summary

#: Bytes copied at a time from a renderer's spool to its output.
COPY_CHUNK = 1 << 20


class Renderer:
    """Base of every output format."""

    name: ClassVar[str]
    description: ClassVar[str]

    def __init__(self, out: IO[str], options: dict[str, Any] | None = None) -> None:
        self.out = out
        self.options = options or {}

    def begin(self) -> None:
        """Called once before the first item."""

    def item(self, result: ItemResult) -> None:
        """Called once per item, in input order."""

    def finish(self, summary: Summary) -> None:
        """Called once after the last item (also after an interrupted run, with summary.partial)."""


REGISTRY: dict[str, type[Renderer]] = {}


def register(cls: type[Renderer]) -> type[Renderer]:
    REGISTRY[cls.name] = cls
    return cls


def copy_bytes(out: IO[str], source: BinaryIO, size: int | None = None) -> None:
    """Copy UTF-8 bytes (all of ``source`` from where it is, or ``size`` bytes) to ``out``: straight to
    the binary stream under it when it has one, else decoded incrementally, so that a multi-byte
    character split between two chunks is never a decoding error."""
    buffer = getattr(out, "buffer", None)
    decoder = None if buffer is not None else codecs.getincrementaldecoder("utf-8")()
    if buffer is not None:
        out.flush()  # what was written as text goes first
    left = -1 if size is None else size
    while left:
        chunk = source.read(COPY_CHUNK if left < 0 else min(left, COPY_CHUNK))
        if not chunk:
            break
        if left > 0:
            left -= len(chunk)
        if decoder is not None:
            out.write(decoder.decode(chunk))
        elif buffer is not None:
            buffer.write(chunk)
    if decoder is not None:
        out.write(decoder.decode(b"", final=True))
