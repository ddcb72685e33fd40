"""``wipo-bc compat``'s verdict as JSON or as text (the compatibility verdict's renderers).

A verdict is not a stream of validated items, so it is not one of the :data:`REGISTRY` formats;
it is rendered here, beside them, for the CLI, the API and the docs alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson

from ..compat.verdict import Issue, Verdict
from ..report import header
from ..safe_io import printable

#: The formats a verdict is rendered in.
VERDICT_FORMATS = ("text", "json")


def render_verdict(verdict: Verdict, fmt: str = "text") -> str:
    """The verdict in ``fmt`` (``text`` or ``json``), ending with a newline."""
    if fmt == "json":
        data = verdict_dict(verdict)
        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n"
        except TypeError:  # an integer beyond 64 bits, from a profile: the standard library writes it exactly
            import json
            return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "text":
        return verdict_text(verdict) + "\n"
    raise ValueError(f"unknown verdict format {fmt!r}; expected one of {', '.join(VERDICT_FORMATS)}")


def verdict_dict(verdict: Verdict) -> dict[str, Any]:
    """The verdict as the JSON object ``wipo-bc compat --format json`` prints."""
    return {**header(),
            "a": {"name": verdict.a.name, "source": verdict.a.source, "governance": verdict.a.governance is not None},
            "b": {"name": verdict.b.name, "source": verdict.b.source, "governance": verdict.b.governance is not None},
            "compatible": verdict.compatible,
            "summary": {"blockers": len(verdict.blockers), "warnings": len(verdict.warnings),
                        "notes": len(verdict.notes)},
            "issues": [issue_dict(i) for i in verdict.issues]}


def issue_dict(issue: Issue) -> dict[str, Any]:
    return {"id": issue.id, "level": issue.kind, "message": issue.message, "a": issue.a, "b": issue.b}


def verdict_text(verdict: Verdict) -> str:
    """The verdict for people: a headline, then each issue with both sides' values."""
    lines = [f"A: {verdict.a.name} ({verdict.a.source or 'given'})",
             f"B: {verdict.b.name} ({verdict.b.source or 'given'})"]
    for issue in verdict.issues:
        lines.append(f"{issue.kind.upper():8} {issue.id}: {issue.message}")
        for side, value in (("A", issue.a), ("B", issue.b)):
            if value is not None or not issue.one_sided:
                lines.append(f"         {side}: {_show(value)}")
    counts = ", ".join(_count(len(group), name) for group, name in
                       ((verdict.blockers, "blocker"), (verdict.warnings, "warning"), (verdict.notes, "note")))
    lines.append(("compatible: the networks can exchange records" if verdict.compatible
                  else "NOT compatible: resolve the blockers first") + f" ({counts})")
    # Names and values come from the profiles: each line is made printable (no forged lines).
    return "\n".join(printable(line) for line in lines)


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
