"""The report: one result per input item, and the summary that decides the exit code."""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from ._version import __version__
from .constants import STANDARD_VERSION
from .findings import Finding, Level

EXIT_CONFORMANT = 0
EXIT_NOT_CONFORMANT = 1
EXIT_CANNOT_RUN = 2


def header() -> dict[str, Any]:
    """What every report starts with: the tool that made it and the version of the standard it checks."""
    return {"tool": {"name": "wipo-bc-standard", "version": __version__}, "standardVersion": STANDARD_VERSION}


@dataclass(slots=True)
class ItemResult:
    """What the checks found on one input item."""

    source: str
    index: int
    line: int | None
    target: str | None
    findings: list[Finding]
    conformant: bool
    position: Mapping[str, Any] | None = None
    #: For a ledger's records: its recordId and its right ("office kind number"), what the HTML
    #: report's picture of the chains needs (not part of the JSON report).
    record: Mapping[str, str] | None = None
    #: The item's own id (recordId, profileId, declarationId or id), for baselines' content fingerprints.
    identity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source, "index": self.index, "line": self.line,
                               "target": self.target, "conformant": self.conformant,
                               "findings": [f.to_dict() for f in self.findings]}
        if self.position:
            out["ledger"] = dict(self.position)
        return out

    def __reduce__(self) -> tuple[Any, ...]:
        # As Finding's: results cross from worker processes by pickle, a hundred thousand a run.
        return ItemResult, _ITEM_RESULT_FIELDS(self)


_ITEM_RESULT_FIELDS = operator.attrgetter(*(f.name for f in fields(ItemResult)))


@dataclass(slots=True)
class Summary:
    """Counts over a run, kept as items stream past (nothing else is retained)."""

    items: int = 0
    conformant: int = 0
    findings: dict[Level, int] = field(default_factory=lambda: {lv: 0 for lv in Level})
    by_rule: dict[str, int] = field(default_factory=dict)
    partial: bool = False
    #: Findings a baseline accepted (not counted above); see :mod:`wipo_bc_standard.baseline`.
    suppressed: int = 0
    #: Findings the configuration's per-file-ignores left out (not counted above).
    ignored: int = 0
    #: The files read and those passed over, by reason (:meth:`wipo_bc_standard.selection.Selection.to_dict`);
    #: None when the run was not given paths (the Python API with documents).
    files: dict[str, Any] | None = None

    def add(self, result: ItemResult) -> None:
        self.items += 1
        self.conformant += result.conformant
        for f in result.findings:
            self.findings[f.level] += 1
            self.by_rule[f.rule] = self.by_rule.get(f.rule, 0) + 1

    @property
    def non_conformant(self) -> int:
        return self.items - self.conformant

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"items": self.items, "conformant": self.conformant,
                               "nonConformant": self.non_conformant,
                               "findings": {lv.label: self.findings[lv] for lv in sorted(Level, reverse=True)}}
        if self.partial:
            out["partial"] = True
        if self.suppressed:
            out["suppressed"] = self.suppressed
        if self.ignored:
            out["ignored"] = self.ignored
        if self.files is not None:
            out["files"] = self.files
        return out

    def verdict(self) -> str:
        if self.items == 0:
            return "nothing checked"
        return "conformant" if self.non_conformant == 0 else "NOT conformant"

    def files_line(self) -> str | None:
        """What was read and what was passed over, in words (None when the run was not given paths)."""
        if self.files is None:
            return None
        read = self.files["read"]
        line = f"read {read} file{'s' if read != 1 else ''}"
        skipped = self.files["skipped"]
        if skipped:
            parts = [f"{v['count']} {v['why']}, e.g. {', '.join(v['examples'])}" for v in skipped.values()]
            line += "; skipped " + "; ".join(parts)
        return line

    def exit_code(self) -> int:
        return EXIT_NOT_CONFORMANT if self.non_conformant else EXIT_CONFORMANT


@dataclass(slots=True)
class Report:
    """The results of a run, in input order, with their summary."""

    items: list[ItemResult]
    summary: Summary

    @classmethod
    def of(cls, results: Iterable[ItemResult]) -> Report:
        summary = Summary()
        items = []
        for result in results:
            summary.add(result)
            items.append(result)
        return cls(items, summary)

    @property
    def conformant(self) -> bool:
        """Every item checked is conformant, and there was at least one: nothing checked is not a
        pass (an empty directory, ``[]``; ``summary.verdict()`` then says "nothing checked"), as
        ``wipo-bc validate`` exits 2 on it."""
        return self.summary.items > 0 and self.summary.non_conformant == 0

    @property
    def exit_code(self) -> int:
        return self.summary.exit_code()

    def to_dict(self) -> dict[str, Any]:
        return {**header(), "summary": self.summary.to_dict(), "items": [i.to_dict() for i in self.items]}
