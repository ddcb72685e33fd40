"""The checking step: an item in, its result out; schemas and rule sets compiled once per run."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from . import messages, schemas
from .checks.schema_check import SchemaCheck, compile_schema
from .findings import Finding, Level, conformant_at
from .items import Item
from .limits import LIMITS, LIMITS_CLAUSE
from .report import ItemResult
from .resources import data_dir
from .rules import PROFILES, Rule, RuleContext, select
from .rules.ledger_chain import LedgerChain, ledger_record_view
from .targets import TARGETS, detect

_CLAUSE_UNKNOWN = "this standard (proposal): conformance targets (record, ledger, profile, governance, did, vc)"
_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean", type(None): "null"}


@dataclass(frozen=True, slots=True)
class _Plan:
    """A target's rules as (check, reads, rule): all of them, and those without a guard (all that
    run on a document the compiled union of the guards accepts)."""

    steps: tuple[tuple[Any, tuple[str, ...], Rule], ...]
    unguarded: tuple[tuple[Any, tuple[str, ...], Rule], ...]
    guard: Any

    @classmethod
    def of(cls, rules: tuple[Rule, ...], guard_target: str) -> _Plan:
        guards = [r.guards[guard_target] for r in rules if guard_target in r.guards]
        # Rules sharing one guard (ID-01, ID-06, ID-09) have it checked once.
        unique = list({orjson.dumps(g, option=orjson.OPT_SORT_KEYS): g for g in guards}.values())
        guard = compile_schema({"allOf": unique}) if unique else None
        steps = tuple((r.check, r.reads, r) for r in rules)
        return cls(steps, tuple(step for step in steps if guard_target not in step[2].guards), guard)


def _capped(findings: list[Finding], lang: str) -> list[Finding]:
    """The first findings up to the ``findings_per_item`` limit, the most severe first, then one
    ``limit.findings`` finding counting the rest (the item's verdict was made on all of them)."""
    limit = LIMITS.findings_per_item
    ranked = sorted(findings, key=lambda f: -f.level)
    params = {"more": len(findings) - limit, "limit": limit}
    return ranked[:limit] + [Finding("limit.findings", Level.INFO, messages.message("limit.findings", params, lang),
                                     clause=LIMITS_CLAUSE, params=tuple(params.items()))]
#: Members that name a document of each target, in the order they are looked for.
_ID_MEMBERS = ("recordId", "profileId", "declarationId", "id")


def _identity(doc: dict[str, Any]) -> str | None:
    for member in _ID_MEMBERS:
        value = doc.get(member)
        if isinstance(value, str) and value:
            return value
    return None


#: Schema keywords that a rule of the catalogue says better (with why) when it reports the same member.
_SAID_BETTER_BY_A_RULE = frozenset({"schema.pattern", "schema.format"})


def _one_per_mistake(findings: list[Finding], schema_found: int) -> list[Finding]:
    """Without the schema's pattern or format finding on a member a rule reports at the same level
    or above (``issuer: "did:web"`` is one mistake: DID-01 says which part is wrong)."""
    by_rules: dict[str, Level] = {}
    for finding in findings[schema_found:]:
        if finding.level > by_rules.get(finding.path, 0):
            by_rules[finding.path] = finding.level
    return [f for i, f in enumerate(findings)
            if i >= schema_found or f.rule not in _SAID_BETTER_BY_A_RULE or by_rules.get(f.path, 0) < f.level]


def internal_error(exc: Exception) -> Finding:
    """The finding on an item whose checks failed on an input nobody foresaw (a bug of ours)."""
    return Finding("internal.error", Level.ERROR,
                   f"the checks failed on this item ({type(exc).__name__}: {exc}); please report it",
                   clause="wipo-bc-standard")


class Checker:
    """Checks items of one run: ``target`` is one of :data:`TARGETS` or ``auto``."""

    def __init__(self, target: str = "auto", profile: str = "interop",
                 network: Mapping[str, Any] | None = None, fail_on: Level = Level.ERROR,
                 lang: str = "en", did_documents: Mapping[str, Any] | None = None, chain: bool = True) -> None:
        """``chain=False`` leaves a ledger's cross-record checks to the caller (worker processes do
        the per-record checks; the parent feeds the chain in ledger order)."""
        if target != "auto" and target not in TARGETS:
            raise ValueError(f"unknown target {target!r}; choose auto or one of {', '.join(TARGETS)}")
        if profile not in PROFILES:
            raise ValueError(f"unknown profile {profile!r}; choose one of {', '.join(PROFILES)}")
        self.target = target
        self.profile = profile
        self.fail_on = fail_on
        self.context = RuleContext(network=network, lang=lang, did_documents=did_documents or {})
        self._schema_checks: dict[str, SchemaCheck | None] = {}
        self._rules: dict[str, tuple[Rule, ...]] = {}
        self._plans: dict[str, _Plan] = {}
        self._ledger = (LedgerChain(select("ledger", profile, network is not None, stateful=True), self.context)
                        if target == "ledger" and chain else None)

    @property
    def ledger_chain(self) -> LedgerChain | None:
        """The chain checks of a ledger run (None for other targets, or with ``chain=False``)."""
        return self._ledger

    def run(self, items: Iterable[Item]) -> Iterator[ItemResult]:
        for item in items:
            yield self.check(item)

    def check(self, item: Item) -> ItemResult:
        """The result of one item. A check that fails on an input nobody foresaw becomes an
        ``internal.error`` finding on that item (the item is not called conformant), never a crash."""
        try:
            return self._check(item)
        except Exception as exc:
            target = self.target if self.target != "auto" else None
            return ItemResult(item.source, item.index, item.line, target, [internal_error(exc)], False, item.position)

    def _check(self, item: Item) -> ItemResult:
        target: str | None = self.target
        if item.error is not None:
            findings = self._from_reader(item) + [item.error.finding(self.context.lang)]
            if target == "auto":
                target = None
        else:
            doc = item.doc
            if target == "auto":
                target = detect(doc)
            findings = self._from_reader(item) + self._check_doc(doc, target)
        conformant = conformant_at(findings, self.fail_on)
        if len(findings) > LIMITS.findings_per_item:
            findings = _capped(findings, self.context.lang)
        result = ItemResult(item.source, item.index, item.line, target, findings, conformant, item.position)
        if item.error is None and isinstance(item.doc, dict):
            result.identity = _identity(item.doc)
            if target == "ledger":
                result.record = ledger_record_view(item.doc)
        return result

    def _check_doc(self, doc: Any, target: str | None) -> list[Finding]:
        if not isinstance(doc, dict):
            kind = _KINDS.get(type(doc), "a value")
            return [self._said("json.not-an-object", kind=kind)]
        if target is None:
            return [self._said("target.unknown")]
        schema_target = "record" if target == "ledger" else target
        findings: list[Finding] = []
        schema_check = self._schema_check(schema_target)
        if schema_check is not None:
            findings.extend(schema_check(doc))
        context = self.context
        members = doc.keys()
        plan = self._plan_for(target)
        # Hot path. One compiled-code call tells whether the document is ordinary for every guarded
        # rule; those are then skipped, as are rules whose members are all absent. A check is
        # called directly, and a Finding is built only for a hit.
        steps = plan.unguarded if plan.guard is not None and plan.guard.is_valid(doc) else plan.steps
        schema_found = len(findings)
        for check, reads, rule in steps:
            if reads and members.isdisjoint(reads):
                continue
            for path, params in check(doc, context):
                findings.append(rule.finding(path, params, context.lang))
        if schema_found and len(findings) > schema_found:
            findings = _one_per_mistake(findings, schema_found)
        if self._ledger is not None:
            findings.extend(self._ledger.feed(doc))
        return findings

    def _from_reader(self, item: Item) -> list[Finding]:
        if not item.findings or self.context.lang == "en":
            return list(item.findings)
        return [messages.localised(f, self.context.lang) for f in item.findings]

    def _said(self, rule: str, **params: Any) -> Finding:
        return Finding(rule, Level.ERROR, messages.message(rule, params, self.context.lang),
                       clause=_CLAUSE_UNKNOWN, params=tuple(params.items()))

    def _schema_check(self, target: str) -> SchemaCheck | None:
        if target not in self._schema_checks:
            path = data_dir("schemas") / schemas.file_name(target)
            self._schema_checks[target] = (SchemaCheck(schemas.load(target), schemas.file_name(target),
                                                       self.context.lang)
                                           if path.is_file() else None)
        return self._schema_checks[target]

    def _plan_for(self, target: str) -> _Plan:
        """How a target's rules run, worked out once per run, not per document."""
        plan = self._plans.get(target)
        if plan is None:
            plan = self._plans[target] = _Plan.of(self._rules_for(target), "record" if target == "ledger" else target)
        return plan

    def _rules_for(self, target: str) -> tuple[Rule, ...]:
        if target not in self._rules:
            # A ledger's items are records: they get the record rules and the ledger rules.
            wanted = ("record", "ledger") if target == "ledger" else (target,)
            network = self.context.network is not None
            chosen = {r.id: r for t in wanted for r in select(t, self.profile, network)}
            self._rules[target] = tuple(chosen.values())
        return self._rules[target]
