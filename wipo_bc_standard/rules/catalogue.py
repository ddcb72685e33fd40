"""The rule catalogue: one rule = one small function with its metadata.

``wipo-bc rules``, the docs' rule pages, the SARIF rule table and the tests are all rendered from
:data:`CATALOGUE`, so the published rules and the checks cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import messages
from ..basis import Basis
from ..findings import PROFILES, Finding, Level  # PROFILES re-exported: the catalogue's selections
from .bases import BASES

#: A rule's check yields (JSON Pointer, template parameters) for each violation it finds.
Hit = tuple[str, Mapping[str, Any]]
CheckFn = Callable[[Any, "RuleContext"], Iterable[Hit]]



@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a rule may know besides the document: the network it is checked for."""

    network: Mapping[str, Any] | None = None
    lang: str = "en"
    #: DID documents supplied alongside (by DID), for resolving keys offline.
    did_documents: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Rule:
    """A conformance rule and everything the catalogue publishes about it.

    Examples: a document; a list of documents for stateful rules; for ``needs_network`` rules a dict
    ``{"network": <network profile>, "document": <document>}`` (checked with ``RuleContext(network=...)``).
    """

    id: str
    title: str
    level: Level
    targets: tuple[str, ...]
    clause: str
    rationale: str
    message: str
    valid_example: Any
    invalid_example: Any
    check: CheckFn = field(repr=False)
    message_zh: str = ""
    #: Rules that need ``--network`` context say so; without it they do not run.
    needs_network: bool = False
    #: Stateful rules look across items (a ledger); their ``check`` takes a list of documents,
    #: their examples are lists, and at run time a stateful checker emits their findings.
    stateful: bool = False
    #: Top-level members the check reads; when a document has none of them the rule is skipped
    #: without being called (a test proves each such rule finds nothing without them).
    reads: tuple[str, ...] = ()
    #: Per target, a JSON Schema every document of which the check finds nothing on (see
    #: :mod:`.guards`); the engine skips the check on documents that satisfy it.
    guards: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    #: What makes the rule a requirement (:mod:`.bases`); None only for a rule not yet given one.
    basis: Basis | None = None

    def findings(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        for path, params in self.check(doc, ctx):
            yield self.finding(path, params, ctx.lang)

    def finding(self, path: str, params: Mapping[str, Any], lang: str = "en") -> Finding:
        """The finding of one hit, its message in ``lang`` (en or zh)."""
        return messages.finding(self.id, self.level, self.templates, params, lang, path=path, clause=self.clause)

    @property
    def templates(self) -> dict[str, str]:
        """The rule's message templates by language."""
        return {"en": self.message, "zh": self.message_zh}


CATALOGUE: dict[str, Rule] = {}


def rule(*, id: str, title: str, level: Level, targets: tuple[str, ...] | str, clause: str,
         rationale: str, message: str, valid: Any, invalid: Any, message_zh: str = "",
         needs_network: bool = False, stateful: bool = False,
         reads: tuple[str, ...] = (),
         guards: Mapping[str, Mapping[str, Any]] | None = None) -> Callable[[CheckFn], CheckFn]:
    """Register the decorated check function as a rule of the catalogue."""
    def register(check: CheckFn) -> CheckFn:
        if id in CATALOGUE:
            raise ValueError(f"rule {id} registered twice")
        CATALOGUE[id] = Rule(id=id, title=title, level=level,
                             targets=(targets,) if isinstance(targets, str) else targets,
                             clause=clause, rationale=rationale, message=message,
                             valid_example=valid, invalid_example=invalid, check=check,
                             message_zh=message_zh, needs_network=needs_network, stateful=stateful,
                             reads=reads, guards=dict(guards or {}), basis=BASES.get(id))
        return check
    return register


def select(target: str, profile: str, network: bool, stateful: bool = False) -> tuple[Rule, ...]:
    """The rules that run on a target's documents under a profile (per document, or the stateful ones)."""
    levels = PROFILES[profile]
    return tuple(r for r in CATALOGUE.values()
                 if target in r.targets and r.level in levels and (network or not r.needs_network)
                 and r.stateful == stateful)
