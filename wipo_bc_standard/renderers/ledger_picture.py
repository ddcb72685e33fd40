"""The picture of a ledger run in the HTML report: each right's chain of records, in ledger order,
with the chain findings marked on it (inline SVG, no script, no external resource).

A record is a circle; the line from the record before it on the same right is the hash link. A
broken link (CH-01, or CH-00 for a first record naming an unknown predecessor) is a red dashed
line; a fork (CH-02) an orange ring; a duplicate record id (ID-04) a purple ring; a record out of
ledger order (DT-05) a blue ring. Records with other errors are filled red, with warnings amber.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from ..findings import Level
from ..report import ItemResult
from .junit import xml_safe

#: Rights drawn, records drawn per right: a picture, not a listing (the table lists everything).
MAX_RIGHTS = 25
MAX_RECORDS = 60
#: Chain findings and how they are drawn: (what, colour).
MARKS = {"CH-01": ("broken link", "#c62828"), "CH-00": ("link to an unknown record", "#c62828"),
         "CH-02": ("fork", "#e65100"), "ID-04": ("duplicate record id", "#6a1b9a"),
         "DT-05": ("out of ledger order", "#1565c0")}
FILL = {Level.ERROR: "#ef9a9a", Level.WARNING: "#ffe082", Level.INFO: "#bbdefb"}


def esc(value: str) -> str:
    """Text from the records, escaped as the rest of the HTML report escapes it (no control characters)."""
    return html.escape(xml_safe(value), quote=True)


@dataclass(slots=True)
class _Node:
    index: int
    source: str
    record_id: str
    rules: set[str]
    worst: Level | None


@dataclass(slots=True)
class LedgerPicture:
    """Collects the records of a ledger run as they stream past (bounded), then draws them."""

    rights: dict[str, list[_Node]] = field(default_factory=dict)
    more_rights: int = 0
    records: int = 0

    def add(self, result: ItemResult) -> None:
        record = result.record
        if not record:
            return
        self.records += 1
        right = str(record.get("right") or "(no right)")
        nodes = self.rights.get(right)
        if nodes is None:
            if len(self.rights) >= MAX_RIGHTS:
                self.more_rights += 1
                return
            nodes = self.rights[right] = []
        if len(nodes) > MAX_RECORDS:
            return
        levels = [f.level for f in result.findings]
        nodes.append(_Node(result.index, result.source, str(record.get("recordId") or ""),
                           {f.rule for f in result.findings}, max(levels) if levels else None))

    def svg(self) -> str:
        if not self.rights:
            return ""
        label_w, step, row_h, head = 260, 26, 34, 30
        longest = max(min(len(n), MAX_RECORDS) for n in self.rights.values())
        width = max(label_w + step * (longest + 1) + 40, 1000)
        height = head + row_h * len(self.rights) + 10
        out = [f'<svg class="ledger" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
               'aria-label="Each right\'s chain of records in ledger order, with chain findings marked">']
        out.append('<line x1="4" y1="12" x2="30" y2="12" stroke="#c62828" stroke-width="3" stroke-dasharray="4 3"/>'
                   '<text x="36" y="16">broken link</text>')
        x = 130
        for rule in ("CH-02", "ID-04", "DT-05"):
            what, colour = MARKS[rule]
            label = f"{what} ({rule})"
            out.append(f'<circle cx="{x + 6}" cy="12" r="6" fill="#fff" stroke="{colour}" stroke-width="3"/>'
                       f'<text x="{x + 16}" y="16">{esc(label)}</text>')
            x += 34 + 7 * len(label)
        for level, colour in ((Level.ERROR, FILL[Level.ERROR]), (Level.WARNING, FILL[Level.WARNING])):
            out.append(f'<circle cx="{x + 6}" cy="12" r="6" fill="{colour}" stroke="#555"/>'
                       f'<text x="{x + 16}" y="16">other {level.label}s</text>')
            x += 110
        for row, (right, nodes) in enumerate(self.rights.items()):
            y = head + row * row_h + row_h // 2
            out.append(f'<text x="{label_w - 10}" y="{y + 4}" text-anchor="end"><title>{esc(right)}</title>'
                       f'{esc(right if len(right) <= 34 else right[:33] + "…")}</text>')
            for i, node in enumerate(nodes[:MAX_RECORDS]):
                cx = label_w + step * i + 10
                if i:
                    broken = node.rules & {"CH-01", "CH-00"}
                    style = 'stroke="#c62828" stroke-width="3" stroke-dasharray="4 3"' if broken \
                        else 'stroke="#888" stroke-width="2"'
                    out.append(f'<line x1="{cx - step + 8}" y1="{y}" x2="{cx - 8}" y2="{y}" {style}/>')
                elif node.rules & {"CH-00"}:
                    out.append(f'<line x1="{cx - 22}" y1="{y}" x2="{cx - 8}" y2="{y}" stroke="#c62828" '
                               'stroke-width="3" stroke-dasharray="4 3"/>')
                marks = [MARKS[r] for r in ("CH-02", "ID-04", "DT-05") if r in node.rules]
                fill = FILL[node.worst] if node.worst is not None and not marks else "#fff"
                stroke, width_ = (marks[0][1], 3) if marks else ("#555", 1.5)
                title = f"{node.record_id or '(no recordId)'} — {node.source} item {node.index}"
                if node.rules:
                    title += ": " + ", ".join(sorted(node.rules))
                out.append(f'<circle class="rec" cx="{cx}" cy="{y}" r="7" fill="{fill}" stroke="{stroke}" '
                           f'stroke-width="{width_}"><title>{esc(title)}</title></circle>')
                if len(marks) > 1:
                    out.append(f'<circle cx="{cx}" cy="{y}" r="10.5" fill="none" stroke="{marks[1][1]}" '
                               'stroke-width="2"/>')
            if len(nodes) > MAX_RECORDS:
                out.append(f'<text x="{label_w + step * MAX_RECORDS + 6}" y="{y + 4}">…</text>')
        out.append("</svg>")
        note = ""
        if self.more_rights:
            note = f'<p class="muted">{self.more_rights} records of further rights are not drawn.</p>'
        return "".join(out) + note
