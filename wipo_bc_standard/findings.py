"""Findings: what a check says about one item.

A finding is rich (rule id, level, clause, JSON Pointer path, message, child findings) because
CI systems, baselines and people all key on different parts of it.
"""

from __future__ import annotations

import enum
import operator
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any


class Level(enum.IntEnum):
    """Severity of a finding; ordered so that ``level >= fail_on`` decides the exit code.

    The standard's requirement keywords map onto it: MUST -> error, SHOULD -> warning, MAY -> info.
    """

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    def __str__(self) -> str:
        # "error", not "3": what users read in messages and f-strings (the int stays for ordering).
        return self.label

    def __format__(self, spec: str) -> str:
        return format(self.label, spec)

    @property
    def keyword(self) -> str:
        """The RFC 2119 keyword of a rule at this level."""
        return {Level.ERROR: "MUST", Level.WARNING: "SHOULD", Level.INFO: "MAY"}[self]

    @classmethod
    def parse(cls, text: str) -> Level:
        """Accept ``error``/``warning``/``info`` or ``MUST``/``SHOULD``/``MAY``."""
        by_name = {"error": cls.ERROR, "warning": cls.WARNING, "info": cls.INFO,
                   "must": cls.ERROR, "should": cls.WARNING, "may": cls.INFO}
        try:
            return by_name[text.lower()]
        except KeyError:
            raise ValueError(f"unknown level {text!r} (use error, warning or info)") from None


def conformant_at(findings: Iterable[Finding], fail_on: Level) -> bool:
    """Whether an item with these findings is conformant: none is at or above ``fail_on``. The one
    place this is decided (the checker, the baseline filter and the parallel chain all ask here)."""
    return not any(f.level >= fail_on for f in findings)


#: The rule sets by name, as the levels of the rules each runs (``--profile``). Here, beside Level,
#: so that the CLI's options know them without loading the rules.
PROFILES: dict[str, frozenset[Level]] = {
    "core": frozenset({Level.ERROR}),
    "interop": frozenset({Level.ERROR, Level.WARNING}),
    "strict": frozenset({Level.ERROR, Level.WARNING, Level.INFO}),
}


def json_pointer(parts: list[str | int] | tuple[str | int, ...]) -> str:
    """RFC 6901 pointer for a list of keys and indexes."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a check found wrong (or worth saying) about an item."""

    rule: str
    level: Level
    message: str
    path: str = ""
    clause: str = ""
    children: tuple[Finding, ...] = field(default=())
    #: A stable, language-neutral key for messages and baselines (the template's parameters).
    params: tuple[tuple[str, Any], ...] = field(default=(), compare=False)
    #: How to fix it, where the checks can tell (:mod:`wipo_bc_standard.hints`); "" otherwise.
    hint: str = field(default="", compare=False)
    #: Line and column (from 1) of the member ``path`` points at in the source file, where known
    #: (:mod:`wipo_bc_standard.locations`, computed only for items with findings).
    line: int | None = field(default=None, compare=False)
    column: int | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rule": self.rule, "level": self.level.label, "clause": self.clause,
                               "path": self.path, "message": self.message}
        if self.hint:
            out["hint"] = self.hint
        if self.line is not None:
            out["line"] = self.line
            if self.column is not None:
                out["column"] = self.column
        if self.children:
            out["children"] = [c.to_dict() for c in self.children]
        return out

    def __reduce__(self) -> tuple[Any, ...]:
        # Results cross from worker processes by pickle; a slots dataclass's own pickling runs
        # Python per object, construction from the fields does not (about 6x faster to load).
        return Finding, _FINDING_FIELDS(self)


_FINDING_FIELDS = operator.attrgetter(*(f.name for f in fields(Finding)))
