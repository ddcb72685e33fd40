"""Renderers: one interface, one registry; a new output format is one new class.

A renderer is fed the results one at a time (``item``) and the summary at the end (``finish``),
so that output can be streamed and memory stays bounded on large runs.
"""

from __future__ import annotations

from typing import IO, Any, ClassVar

from ..report import ItemResult, Summary


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
