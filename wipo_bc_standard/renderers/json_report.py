"""The JSON report (its schema: schemas/report.schema.json) and its streaming cousin, NDJSON."""

from __future__ import annotations

import tempfile

import orjson

from ..report import ItemResult, Summary, header
from .base import Renderer, copy_bytes, register


@register
class JsonRenderer(Renderer):
    """One JSON document; items are spooled to a temporary file so memory stays bounded."""

    name = "json"
    description = "the JSON report: tool, summary, and every item with its findings"

    def begin(self) -> None:
        self._spool = tempfile.TemporaryFile()
        self._count = 0

    def item(self, result: ItemResult) -> None:
        self._spool.write(b"," if self._count else b"")
        self._spool.write(orjson.dumps(result.to_dict()))
        self._count += 1

    def finish(self, summary: Summary) -> None:
        head = orjson.dumps({**header(), "summary": summary.to_dict()})
        self.out.write(head[:-1].decode() + ',"items":[')
        self._spool.seek(0)
        copy_bytes(self.out, self._spool)
        self.out.write("]}\n")
        self._spool.close()


@register
class NdjsonRenderer(Renderer):
    """One line per item as it is checked, then a last line with the summary."""

    name = "ndjson"
    description = "one JSON object per item, streamed, then a summary line"

    def item(self, result: ItemResult) -> None:
        self.out.write(orjson.dumps(result.to_dict()).decode() + "\n")

    def finish(self, summary: Summary) -> None:
        self.out.write(orjson.dumps({**header(), "summary": summary.to_dict()}).decode() + "\n")
