"""What every ledger reader shares: accounting of entries, and turning payloads into items."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import messages
from ..findings import Finding, Level
from ..items import Item, SourceError
from ..jsontext import ParseError
from ..safe_io import NotReadable, display_name
from . import payload
from .units import Unit, iter_units

if TYPE_CHECKING:
    from .anchors import OffChainStore

#: Where the on-chain encodings are specified; the clause of the readers' own findings.
ENCODINGS_CLAUSE = "docs/encodings.md (on-chain encodings)"


@dataclass(frozen=True, slots=True)
class ReaderError(ParseError):
    """A ledger entry that cannot be read (a malformed response), or an anchor without its record."""

    clause: str = ENCODINGS_CLAUSE

    def finding(self, lang: str = "en") -> Finding:
        from ..rules.catalogue import CATALOGUE
        rule = CATALOGUE.get(self.rule)
        if rule is not None:  # a rule of the catalogue (ANC-02): its own templates, in the run's language
            return messages.finding(self.rule, rule.level, rule.templates, dict(self.params), lang, clause=self.clause)
        return Finding(rule=self.rule, level=Level.ERROR, message=self.message(lang), clause=self.clause,
                       params=self.params)


class Malformed(Exception):
    """Raised inside a reader for a value that is not what the platform's API returns."""

    def __init__(self, place: str, message: str) -> None:
        super().__init__(message)
        self.place = place
        self.message = message


@dataclass(slots=True)
class ReadStats:
    """Counts over a read: every entry is a record, an anchor, an error, or skipped for a reason."""

    entries: int = 0
    records: int = 0
    anchors: int = 0
    errors: int = 0
    findings: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    #: Things worth telling that are not entries (records lacking a field the export does not carry).
    notes: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        parts = [f"{self.entries} entries read", f"{self.records} records found"]
        if self.anchors:
            parts.append(f"{self.anchors} of them through anchors")
        parts.append(f"{sum(self.skipped.values())} entries skipped")
        if self.errors:
            parts.append(f"{self.errors} entries unreadable")
        if self.findings:
            parts.append(f"{self.findings} findings")
        lines = ["; ".join(parts)]
        lines.extend(f"  skipped {count}: {reason}" for reason, count in self.skipped.most_common())
        lines.extend(f"  note {count}: {note}" for note, count in self.notes.most_common())
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"entries": self.entries, "records": self.records, "anchors": self.anchors,
                "errors": self.errors, "findings": self.findings, "skipped": dict(self.skipped),
                "notes": dict(self.notes)}


class LedgerReader:
    """Base of the platform readers: subclasses implement :meth:`_entries` for one unit of an export."""

    platform = "other"

    def __init__(self, *, chain: str | None = None, store: OffChainStore | None = None) -> None:
        self.chain = chain
        self.store = store
        self.stats = ReadStats()
        self._index: dict[str, int] = {}

    def read(self, paths: Iterable[str | Path]) -> Iterator[Item]:
        """Items of the records in the export files, in ledger order, then those the store adds."""
        for path in paths:
            try:
                for unit in iter_units(Path(path)):
                    yield from self._read_unit(unit)
            except OSError as exc:
                raise SourceError(f"{display_name(path)}: {exc.strerror or exc}") from None
            except NotReadable as exc:
                raise SourceError(str(exc)) from None
        if self.store is not None:
            for item in self.store.unanchored():
                self.stats.findings += len(item.findings)
                yield item

    def _read_unit(self, unit: Unit) -> Iterator[Item]:
        if unit.error is not None:
            yield self._error(unit, unit.place, unit.error)
            return
        try:
            yield from self._entries(unit, unit.value, unit.place)
        except Malformed as exc:
            yield self._error(unit, exc.place, exc.message)

    def _entries(self, unit: Unit, value: Any, place: str) -> Iterator[Item]:
        raise NotImplementedError

    # -- outcomes of one entry ------------------------------------------------------------------

    def skip(self, reason: str, count: int = 1) -> None:
        self.stats.entries += count
        self.stats.skipped[reason] += count

    def _error(self, unit: Unit, place: str, message: str) -> Item:
        self.stats.entries += 1
        self.stats.errors += 1
        return Item(unit.source, self._next(unit.source), unit.line,
                    error=ReaderError("ledger.malformed", f"{unit.source}: {place}: {message}",
                                      (("source", unit.source), ("place", place), ("detail", message))))

    def _next(self, source: str) -> int:
        index = self._index.get(source, 0)
        self._index[source] = index + 1
        return index

    def payload(self, unit: Unit, place: str, data: bytes | Mapping[str, Any],
                position: dict[str, Any]) -> Iterator[Item]:
        """One entry's payload: a record, an anchor, or not IP data (skipped)."""
        decoded = payload.decode(data)
        if decoded.kind == "not-ip":
            self.skip(decoded.reason)
            return
        if decoded.kind == "malformed":
            self.stats.entries += 1
            self.stats.errors += 1
            yield Item(unit.source, self._next(unit.source), unit.line, error=decoded.error,
                       position=_clean(position))
            return
        if decoded.kind == "anchor":
            yield from self.anchor(unit, place, decoded.doc, position)
            return
        yield self.record(unit, decoded.doc, position)

    def record(self, unit: Unit, doc: dict[str, Any], position: dict[str, Any],
               findings: list[Finding] | None = None) -> Item:
        self.stats.entries += 1
        self.stats.records += 1
        position = _clean(position)
        for key in ("network", "timestamp", "blockNumber"):
            if key not in position:
                self.stats.notes[f"records without ledger.{key} (the export does not carry it)"] += 1
        found = list(findings or [])
        found.extend(payload.claimed_ledger(doc))
        record = {**doc, "ledger": position}
        if self.store is not None:
            found.extend(self.store.document_findings(record))
        self.stats.findings += len(found)
        return Item(unit.source, self._next(unit.source), unit.line, doc=record, position=position,
                    findings=found)

    def anchor(self, unit: Unit, place: str, anchor: Mapping[str, Any], position: dict[str, Any]) -> Iterator[Item]:
        if self.store is None:
            self.skip("anchor: its off-chain record was not supplied (give --records)")
            return
        position = _clean(position)
        record, findings, error = self.store.resolve(anchor, position)
        if error is not None:
            self.stats.entries += 1
            self.stats.findings += 1
            yield Item(unit.source, self._next(unit.source), unit.line, error=error, position=position)
            return
        self.stats.anchors += 1
        yield self.record(unit, record, position, findings)


def _clean(position: Mapping[str, Any]) -> dict[str, Any]:
    """The envelope without the members the export did not give."""
    return {k: v for k, v in position.items() if v is not None}
