"""What ``compat`` says: each issue with its level and both sides' values, and the verdict over them.

Rendered as text or JSON by :mod:`wipo_bc_standard.renderers.verdict`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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
