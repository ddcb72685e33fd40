"""Text for people: each failing item with its findings, then one summary line."""

from __future__ import annotations

from ..findings import Finding
from ..report import ItemResult, Summary
from ..safe_io import printable
from .base import Renderer, register


def location(result: ItemResult) -> str:
    where = printable(result.source)
    if result.line is not None:
        where += f":{result.line}"
    elif result.index or result.source.startswith("<"):
        where += f"[{result.index}]"
    return where


@register
class TextRenderer(Renderer):
    name = "text"
    description = "findings of non-conformant items and a summary line (the default)"

    def item(self, result: ItemResult) -> None:
        if not result.findings:
            return
        status = "FAIL" if not result.conformant else "ok  "
        target = f" ({result.target})" if result.target else ""
        self.out.write(f"{status} {location(result)}{target}\n")
        for finding in result.findings:
            self._finding(finding, "  ", result.source)

    def _finding(self, finding: Finding, indent: str, source: str = "") -> None:
        # Values in messages and paths come from the input: one line each, no control characters,
        # so that no line can be forged (a GitHub workflow command, a terminal escape).
        path = f" at {printable(finding.path)}" if finding.path else ""
        # file:line:col first, as compilers and linters write it: editors and terminals jump to it.
        column = f":{finding.column}" if finding.column is not None else ""
        where = f"{printable(source)}:{finding.line}{column}: " if finding.line is not None and source else ""
        self.out.write(f"{indent}{where}{finding.level.label}: [{printable(finding.rule)}]{path}: "
                       f"{printable(finding.message)}\n")
        if finding.hint:
            self.out.write(f"{indent}    hint: {printable(finding.hint)}\n")
        for child in finding.children:
            self._finding(child, indent + "    ")

    def finish(self, summary: Summary) -> None:
        counts = ", ".join(f"{n} {lv.label}{'s' if n != 1 else ''}" for lv, n in
                           sorted(summary.findings.items(), reverse=True))
        verdict = summary.verdict()
        partial = " (partial: interrupted)" if summary.partial else ""
        suppressed = f", {summary.suppressed} suppressed by the baseline" if summary.suppressed else ""
        if summary.ignored:
            suppressed += f", {summary.ignored} ignored by per-file-ignores"
        files = summary.files_line()
        if files:
            self.out.write(files + "\n")
        if len(summary.by_rule) > 1:
            # Where the findings are: the rules that say most, so that a long run reads at a glance.
            ranked = sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
            shown = ", ".join(f"{printable(rule)} {n}" for rule, n in ranked[:8])
            more = f", {len(ranked) - 8} more rules" if len(ranked) > 8 else ""
            self.out.write(f"findings by rule: {shown}{more}\n")
        self.out.write(f"{summary.items} items: {summary.conformant} conformant, "
                       f"{summary.non_conformant} not; {counts}{suppressed} -> {verdict}{partial}\n")
