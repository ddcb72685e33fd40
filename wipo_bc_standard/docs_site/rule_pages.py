"""The rule catalogue: an index and one page per rule."""

from __future__ import annotations

import re
from typing import Any

from wipo_bc_standard.basis import KIND_MEANINGS
from wipo_bc_standard.rules import CATALOGUE, PROFILES, RuleContext

from .markdown import GENERATED, Page, banner, cell, json_block, table


def rule_pages() -> list[Page]:
    """An index of the rule catalogue and one page per rule."""
    rules = sorted(CATALOGUE.values(), key=lambda r: r.id)
    rows = [(f"[{r.id}]({r.id}.md)", cell(r.title), r.level.keyword, r.basis.kind if r.basis else "",
             ", ".join(r.targets), cell(r.clause)) for r in rules]
    index = (banner() + "# Rule catalogue\n\n"
             "Every conformance rule `wipo-bc validate` applies, rendered from `wipo_bc_standard.rules.CATALOGUE`. "
             "MUST rules are errors, SHOULD rules warnings, MAY rules information. "
             "The profiles select them: `core` runs MUST rules, `interop` MUST and SHOULD, `strict` all.\n\n"
             "Each rule states its basis: " + "; ".join(f"*{k}*, {m}" for k, m in KIND_MEANINGS.items())
             + ". A rule is MUST only when a seed paragraph or a public standard makes it mandatory "
             "(`wipo-bc rules list --basis proposal` lists this project's proposals).\n\n"
             + table(("Rule", "Title", "Level", "Basis", "Targets", "Clause"), rows)
             + "\nFindings that are not rules (reading, JSON Schema, ledger exports): "
               "[Other findings](other-findings.md).\n")
    pages = [Page(f"{GENERATED}/rules/index.md", "Overview", index), other_findings_page()]
    for r in rules:
        parts = [banner(), f"# {r.id}: {r.title}\n",
                 table(("Property", "Value"), [("Level", f"{r.level.keyword} ({r.level.label})"),
                                   ("Profiles", ", ".join(f"`{name}`" for name, levels in PROFILES.items()
                                                          if r.level in levels)),
                                   ("Targets", ", ".join(f"`{t}`" for t in r.targets)),
                                   ("Clause", cell(r.clause)),
                                   ("Basis", cell(r.basis.text()) if r.basis else "(none stated)"),
                                   ("Needs `--network`", "yes" if r.needs_network else "no"),
                                   ("Looks across items", "yes (ledger)" if r.stateful else "no"),
                                   ("Skipped on ordinary documents", "yes (guard: " + ", ".join(sorted(r.guards)) + ")"
                                    if r.guards else "no")]),
                 f"\n## Rationale\n\n{r.rationale}\n",
                 f"## Message\n\n- en: `{r.message}`\n" + (f"- zh: `{r.message_zh}`\n" if r.message_zh else ""),
                 "## Valid example\n\n" + json_block(r.valid_example) + "\n",
                 "## Invalid example\n\n" + json_block(r.invalid_example) + "\n"]
        reported = _reported(r)
        if reported:
            parts.append("What the rule reports on the invalid example:\n\n"
                         + "\n".join(f"- `{f.path or '/'}`: {cell(f.message)}" for f in reported) + "\n")
        pages.append(Page(f"{GENERATED}/rules/{r.id}.md", r.id, "\n".join(parts), group=r.id.split("-")[0]))
    return pages


def other_findings_page() -> Page:
    """The ids a finding can carry besides the rules: reading, JSON Schema, ledger exports, the tool."""
    from wipo_bc_standard.finding_catalogue import KINDS
    parts = [banner(), "# Other findings\n",
             "What the readers, the JSON Schema check, the ledger readers and the checker itself report, "
             "rendered from `wipo_bc_standard.finding_catalogue`. `wipo-bc rules show ID` says the same.\n",
             table(("Id", "Title", "Level"), [(f"[`{k.id}`](#{_anchor(k.id)})", cell(k.title), k.level.label)
                                             for k in KINDS]) + "\n"]
    for k in KINDS:
        parts.append(f"## {k.id}\n\n**{cell(k.title)}** ({k.level.label}; rests on: {cell(k.source)})\n\n"
                     f"{k.explanation}\n\nExample:\n\n```text\n{k.example}\n```\n\n**Fix:** {k.fix}\n")
    return Page(f"{GENERATED}/rules/other-findings.md", "Other findings", "\n".join(parts))


def _anchor(finding_id: str) -> str:
    """The anchor mkdocs (Python-Markdown toc) gives a heading of this id."""
    return re.sub(r"[^\w\- ]", "", finding_id.lower()).replace(" ", "-")


def _reported(rule: Any) -> list[Any]:
    """The rule's findings on its own invalid example (none when it needs context the example lacks)."""
    try:
        return list(rule.findings(rule.invalid_example, RuleContext()))
    except Exception:
        return []
