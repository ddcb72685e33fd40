"""Judging an implementation's results: per case and per rule, passed / failed / unsupported.

A case passes when the verdict (conformant or not) is the expected one and, when the
implementation names rules, its findings of the rules the case checks are exactly the expected
(rule, path) pairs. A rule passes when every case that checks it passed as far as that rule is
concerned and at least one of its negative cases showed the violation; it is *unsupported* when
no case could tell (the implementation declined them, or gives verdicts only and the rule's
violations do not change the verdict, as with SHOULD and MAY rules).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from .suite import Case, Suite

PASSED, FAILED, UNSUPPORTED = "passed", "failed", "unsupported"
OUTCOMES = (PASSED, FAILED, UNSUPPORTED)
REPORT_FORMAT = "wipo-bc-conformance-report/1"


def judge_case(case: Case, result: Mapping[str, Any]) -> dict[str, Any]:
    """One case's outcome, with why it failed."""
    out: dict[str, Any] = {"id": case.id}
    if "unsupported" in result:
        return {**out, "outcome": UNSUPPORTED, "reason": result["unsupported"]}
    if "error" in result:
        return {**out, "outcome": FAILED, "reason": result["error"]}
    reasons = []
    if result["conformant"] != case.expected.conformant:
        said = "conformant" if result["conformant"] else "not conformant"
        reasons.append(f"said {said}")
    if "findings" in result:
        reported = {(f["rule"], f["path"]) for f in result["findings"] if f["rule"] in case.checks}
        missing = sorted(case.expected.findings - reported)
        unexpected = sorted(reported - case.expected.findings)
        if missing:
            reasons.append("missed " + ", ".join(f"{r} at {p or '/'}" for r, p in missing))
        if unexpected:
            reasons.append("unexpected " + ", ".join(f"{r} at {p or '/'}" for r, p in unexpected))
    out["outcome"] = FAILED if reasons else PASSED
    if reasons:
        out["reason"] = "; ".join(reasons)
    return out


def _rule_evidence(rule: str, case: Case, result: Mapping[str, Any], keywords: Mapping[str, str]) -> str | None:
    """What one case says about one rule: passed, failed, or None (it cannot tell)."""
    if "unsupported" in result:
        return None
    if "error" in result:
        return FAILED
    negative = case.negative_for(rule)
    if "findings" in result:
        expected = {p for r, p in case.expected.findings if r == rule}
        reported = {f["path"] for f in result["findings"] if f["rule"] == rule}
        return PASSED if expected == reported else FAILED
    # Verdict only: a verdict tells about a rule only when the rule alone decides it (findings outside
    # the catalogue, schema.* and the like, are errors).
    deciding = {r for r, _ in case.expected.findings if keywords.get(r, "MUST") == "MUST"}
    if negative and not case.expected.conformant and deciding == {rule}:
        return PASSED if result["conformant"] is False else FAILED
    if not negative and case.expected.conformant:
        return PASSED if result["conformant"] is True else FAILED
    return None


def evaluate(suite: Suite, results: Iterable[tuple[Case, Mapping[str, Any]]],
             implementation: Mapping[str, Any]) -> dict[str, Any]:
    """The implementation report (JSON-ready)."""
    case_rows = []
    named_rules = False
    by_rule: dict[str, list[tuple[str, str | None, bool]]] = {r.id: [] for r in suite.rules}
    keywords = {r.id: r.keyword for r in suite.rules}
    for case, result in results:
        case_rows.append(judge_case(case, result))
        named_rules = named_rules or "findings" in result
        for rule in case.checks:
            if rule in by_rule:
                by_rule[rule].append((case.id, _rule_evidence(rule, case, result, keywords), case.negative_for(rule)))
    rule_rows = []
    for info in suite.rules:
        evidence = by_rule[info.id]
        failed = [case_id for case_id, said, _ in evidence if said == FAILED]
        shown = any(said == PASSED and negative for _, said, negative in evidence)
        outcome = FAILED if failed else PASSED if shown else UNSUPPORTED
        row: dict[str, Any] = {"id": info.id, "keyword": info.keyword, "title": info.title, "outcome": outcome,
                               "cases": len(evidence), "failedCases": failed}
        rule_rows.append(row)
    about = {**implementation, "reports": "findings (rule and path)" if named_rules else "verdicts only"}
    return {"format": REPORT_FORMAT, "implementation": about,
            "suite": {"name": suite.name, "standardVersion": suite.version, "cases": len(suite.cases),
                      "rules": len(suite.rules)},
            "totals": {"cases": _totals(case_rows), "rules": _totals(rule_rows)},
            "rules": rule_rows, "cases": case_rows}


def _totals(rows: list[dict[str, Any]]) -> dict[str, int]:
    counts = Counter(row["outcome"] for row in rows)
    return {"total": len(rows), **{outcome: counts.get(outcome, 0) for outcome in OUTCOMES}}


def passed_all(report: Mapping[str, Any]) -> bool:
    cases = report["totals"]["cases"]
    return bool(cases["total"]) and cases["passed"] == cases["total"]
