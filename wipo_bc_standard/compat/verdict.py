"""What ``compat`` says: each issue with its level and both sides' values, and the verdict over them, as JSON or text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import safe_io
from ..findings import Level
from ..report import EXIT_CONFORMANT, EXIT_NOT_CONFORMANT
from .network import Network

#: How each level is named in a verdict.
LEVEL_NAMES = {Level.ERROR: "blocker", Level.WARNING: "warning", Level.INFO: "note"}


@dataclass(frozen=True, slots=True)
class Issue:
    """One thing that blocks or limits the exchange of records between the two networks."""

    id: str
    level: Level
    message: str
    #: Network A's and network B's values for what was compared (None: not declared).
    a: Any = None
    b: Any = None
    #: The issue is about one side only (its input): the other side's value means nothing.
    one_sided: bool = field(default=False, compare=False)

    @property
    def kind(self) -> str:
        """``blocker``, ``warning`` or ``note``."""
        return LEVEL_NAMES[self.level]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "level": self.kind, "message": self.message, "a": self.a, "b": self.b}


@dataclass(slots=True)
class Verdict:
    """The outcome of :func:`compare`: compatible unless some issue is a blocker."""

    a: Network
    b: Network
    issues: list[Issue] = field(default_factory=list)

    @property
    def blockers(self) -> list[Issue]:
        return [i for i in self.issues if i.level is Level.ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.level is Level.WARNING]

    @property
    def notes(self) -> list[Issue]:
        return [i for i in self.issues if i.level is Level.INFO]

    @property
    def compatible(self) -> bool:
        return not self.blockers

    @property
    def exit_code(self) -> int:
        """0 when the networks can interoperate, 1 when something blocks."""
        return EXIT_CONFORMANT if self.compatible else EXIT_NOT_CONFORMANT

    def to_dict(self) -> dict[str, Any]:
        from ..report import header
        return {**header(),
                "a": {"name": self.a.name, "source": self.a.source, "governance": self.a.governance is not None},
                "b": {"name": self.b.name, "source": self.b.source, "governance": self.b.governance is not None},
                "compatible": self.compatible,
                "summary": {"blockers": len(self.blockers), "warnings": len(self.warnings), "notes": len(self.notes)},
                "issues": [i.to_dict() for i in self.issues]}

    def to_text(self) -> str:
        """The verdict for people: a headline, then each issue with both sides' values."""
        lines = [f"A: {self.a.name} ({self.a.source or 'given'})", f"B: {self.b.name} ({self.b.source or 'given'})"]
        for issue in self.issues:
            lines.append(f"{issue.kind.upper():8} {issue.id}: {issue.message}")
            for side, value in (("A", issue.a), ("B", issue.b)):
                if value is not None or not issue.one_sided:
                    lines.append(f"         {side}: {_show(value)}")
        counts = ", ".join(_count(len(group), name) for group, name in
                           ((self.blockers, "blocker"), (self.warnings, "warning"), (self.notes, "note")))
        lines.append(("compatible: the networks can exchange records" if self.compatible
                      else "NOT compatible: resolve the blockers first") + f" ({counts})")
        # Names and values come from the profiles: each line is made printable (no forged lines).
        return "\n".join(safe_io.printable(line) for line in lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _show(value: Any) -> str:
    if value is None:
        return "(not declared)"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if value else "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {_show(v)}" for k, v in value.items())
    return str(value)
