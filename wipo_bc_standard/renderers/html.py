"""One self-contained HTML page: summary, a chart of findings by rule and level, a filterable table.

Nothing is loaded from anywhere (inline CSS, SVG and JS; a Content-Security-Policy forbids the rest),
and every piece of input text is escaped, since records are untrusted data. Table rows are spooled
to a temporary file while the counts for the summary and the chart build up: memory stays bounded.
"""

from __future__ import annotations

import html
import tempfile
from collections import Counter

from .._version import __version__
from ..findings import Finding, Level
from ..report import ItemResult, Summary
from .base import Renderer, copy_bytes, register
from .junit import case_name, xml_safe
from .ledger_picture import LedgerPicture

LEVELS = sorted(Level, reverse=True)
COLOURS = {Level.ERROR: "#c62828", Level.WARNING: "#e08600", Level.INFO: "#1565c0"}
CHART_RULES = 25  # bars shown; the rest are summed into one "other rules" bar


def esc(value: object) -> str:
    return html.escape(xml_safe(str(value)), quote=True)


def _finding_html(finding: Finding) -> str:
    out = esc(finding.message)
    if finding.hint:
        out += f' <span class="hint">hint: {esc(finding.hint)}</span>'
    if finding.children:
        out += "<ul>" + "".join(f"<li>{_finding_html(c)}"
                                + (f" <code>{esc(c.path)}</code>" if c.path else "") + "</li>"
                                for c in finding.children) + "</ul>"
    return out


def chart(counts: Counter[tuple[str, Level]]) -> str:
    """Horizontal bars, one per rule, stacked by level (inline SVG)."""
    totals: Counter[str] = Counter()
    for (rule, _), n in counts.items():
        totals[rule] += n
    if not totals:
        return '<p class="muted">No findings.</p>'
    ranked = [r for r, _ in totals.most_common()]
    shown, rest = ranked[:CHART_RULES], ranked[CHART_RULES:]
    bars: list[tuple[str, str, dict[Level, int]]] = [
        (r, r, {lv: counts.get((r, lv), 0) for lv in LEVELS}) for r in shown]
    if rest:
        bars.append(("", f"{len(rest)} other rules",
                     {lv: sum(counts.get((r, lv), 0) for r in rest) for lv in LEVELS}))
    top = max(sum(b[2].values()) for b in bars)
    label_w, bar_w, row_h, head = 190, 520, 22, 26
    height = head + row_h * len(bars) + 4
    parts = [f'<svg class="chart" viewBox="0 0 {label_w + bar_w + 80} {height}" width="{label_w + bar_w + 80}" '
             f'height="{height}" role="img" aria-label="Findings by rule and level">']
    x: float = label_w
    for lv in LEVELS:  # legend
        parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{COLOURS[lv]}"/>'
                     f'<text x="{x + 16}" y="14">{lv.label}</text>')
        x += 90
    for i, (rule, label, by_level) in enumerate(bars):
        y = head + i * row_h
        total = sum(by_level.values())
        from ..rules import CATALOGUE  # loaded with the checks, not with the renderer
        title = CATALOGUE[rule].title if rule in CATALOGUE else label
        parts.append(f'<g class="bar" data-rule="{esc(rule)}"><title>{esc(label)}: {esc(title)} ({total})</title>'
                     f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{esc(label)}</text>')
        x = label_w
        for lv in LEVELS:
            n = by_level[lv]
            if n:
                w = max(1.0, bar_w * n / top)
                parts.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" '
                             f'fill="{COLOURS[lv]}"/>')
                x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 15}">{total}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def files_chart(by_file: Counter[str], shown: int = 10) -> str:
    """Horizontal bars: the files with the most findings (inline SVG)."""
    ranked = by_file.most_common(shown)
    top = ranked[0][1]
    label_w, bar_w, row_h = 360, 360, 22
    height = row_h * len(ranked) + 4
    parts = [f'<svg class="chart files" viewBox="0 0 {label_w + bar_w + 60} {height}" width="{label_w + bar_w + 60}" '
             f'height="{height}" role="img" aria-label="Files with the most findings">']
    for i, (source, n) in enumerate(ranked):
        y = i * row_h
        name = source if len(source) <= 52 else "…" + source[-51:]
        w = max(1.0, bar_w * n / top)
        parts.append(f'<g><title>{esc(source)}: {n}</title><text x="{label_w - 8}" y="{y + 15}" text-anchor="end">'
                     f'{esc(name)}</text><rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" '
                     f'fill="#78909c"/><text x="{label_w + w + 6:.1f}" y="{y + 15}">{n}</text></g>')
    more = len(by_file) - len(ranked)
    parts.append("</svg>")
    note = f'<p class="muted">{more} more files with findings.</p>' if more > 0 else ""
    return "".join(parts) + note


STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 2rem 2rem;color:#1d1d1f}
h1{font-size:1.4rem;margin:1.2rem 0 .2rem}h2{font-size:1.1rem;margin:1.6rem 0 .5rem}
.muted{color:#666}.banner{padding:.6rem 1rem;border-radius:6px;margin:.8rem 0;font-weight:600}
.ok{background:#e7f5e9;color:#1b5e20}.bad{background:#fdecea;color:#8e1b1b}.partial{background:#fff4d6;color:#6b4c00}
.cards{display:flex;flex-wrap:wrap;gap:.6rem}
.card{border:1px solid #ddd;border-radius:6px;padding:.4rem .9rem;min-width:7rem}
.card b{display:block;font-size:1.3rem}.chart text{font-size:12px;fill:#333}.chart .bar{cursor:pointer}
.chart .bar:hover text{font-weight:700}.ledger text{font-size:12px;fill:#333}.hint{color:#2e7d32}
.filters{display:flex;gap:.6rem;align-items:center;flex-wrap:wrap;margin:.5rem 0}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;
border-bottom:1px solid #eee}th{position:sticky;top:0;background:#f6f6f6}
td ul{margin:.2rem 0 0 1rem;padding:0}code{font-size:12px;word-break:break-all}
td:nth-child(5) code,td:nth-child(3){white-space:nowrap;word-break:normal}
td{overflow-wrap:anywhere}td:nth-child(1){min-width:11rem}td:nth-child(6){min-width:10rem}td:last-child{min-width:18rem}
td:nth-child(6) code{word-break:normal}
.lv{white-space:nowrap;overflow-wrap:normal;display:inline-block;padding:0 .4rem;border-radius:4px;color:#fff;font-size:12px}
.lv-error{background:#c62828}.lv-warning{background:#e08600}.lv-info{background:#1565c0}
.nc{color:#8e1b1b;font-weight:600}
"""

SCRIPT = """
(function(){
var rows=Array.prototype.slice.call(document.querySelectorAll('#findings tbody tr'));
var level=document.getElementById('f-level'),rule=document.getElementById('f-rule'),
    q=document.getElementById('f-text'),nc=document.getElementById('f-nc'),shown=document.getElementById('shown');
function apply(){
  var lv=level.value,ru=rule.value,t=q.value.toLowerCase(),only=nc.checked,n=0;
  rows.forEach(function(r){
    if(r._t===undefined){r._t=r.textContent.toLowerCase();}
    var ok=(!lv||r.dataset.level===lv)&&(!ru||r.dataset.rule===ru)&&(!only||r.dataset.nc==='1')
           &&(!t||r._t.indexOf(t)>=0);
    r.hidden=!ok;if(ok){n++;}
  });
  shown.textContent=n;
}
[level,rule,nc].forEach(function(e){e.addEventListener('change',apply);});
q.addEventListener('input',apply);
Array.prototype.forEach.call(document.querySelectorAll('.chart .bar'),function(b){
  b.addEventListener('click',function(){if(b.dataset.rule){rule.value=b.dataset.rule;apply();}});
});
})();
"""


#: Rows of the findings table at most; beyond it findings are counted, not listed.
MAX_ROWS = 20_000


@register
class HtmlRenderer(Renderer):
    name = "html"
    description = "one self-contained HTML page: summary, chart by rule and level, filterable table"

    def begin(self) -> None:
        self._spool = tempfile.TemporaryFile()
        self._counts: Counter[tuple[str, Level]] = Counter()
        self._by_file: Counter[str] = Counter()
        self._picture = LedgerPicture()
        self._rows = 0
        self._items_listed = 0
        self._unlisted_findings = 0

    def item(self, result: ItemResult) -> None:
        if result.record is not None:
            self._picture.add(result)
        if not result.findings:
            return
        self._by_file[result.source] += len(result.findings)
        self._items_listed += 1
        where = esc(case_name(result))
        target = esc(result.target or "")
        nc = "0" if result.conformant else "1"
        status = "ok" if result.conformant else '<span class="nc">not conformant</span>'
        rows: list[str] = []
        for finding in result.findings:
            self._counts[(finding.rule, finding.level)] += 1
            if self._rows + len(rows) >= MAX_ROWS:
                # A page a browser can open: the counts and the chart still cover every finding.
                self._unlisted_findings += 1
                continue
            rule = esc(finding.rule)
            from ..rules import CATALOGUE
            title = f' title="{esc(CATALOGUE[finding.rule].title)}"' if finding.rule in CATALOGUE else ""
            rows.append(f'<tr data-level="{finding.level.label}" data-rule="{rule}" data-nc="{nc}">'
                        f"<td><code>{where}</code></td><td>{target}</td><td>{status}</td>"
                        f'<td><span class="lv lv-{finding.level.label}">{finding.level.label}</span></td>'
                        f"<td><code{title}>{rule}</code></td><td><code>{esc(finding.path)}</code></td>"
                        f"<td>{_finding_html(finding)}</td></tr>\n")
        self._rows += len(rows)
        self._spool.write("".join(rows).encode())

    def finish(self, summary: Summary) -> None:
        w = self.out.write
        verdict_ok = summary.non_conformant == 0
        w("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
          f"<title>wipo-bc report{' (partial)' if summary.partial else ''}</title>"
          f"<style>{STYLE}</style></head><body>\n")
        w(f'<h1>Conformance report</h1><p class="muted">wipo-bc-standard {esc(__version__)}</p>\n')
        if summary.partial:
            w('<div class="banner partial">Partial report: the run was interrupted; '
              "items after the interruption were not checked.</div>\n")
        w(f'<div class="banner {"ok" if verdict_ok else "bad"}">'
          f'{"Conformant" if verdict_ok else "Not conformant"}: {summary.conformant} of {summary.items} items '
          "conformant</div>\n")
        cards = [("items", summary.items), ("conformant", summary.conformant),
                 ("not conformant", summary.non_conformant)]
        cards += [(lv.label if lv is Level.INFO else f"{lv.label}s", summary.findings[lv]) for lv in LEVELS]
        cards.append(("rules triggered", len({r for r, _ in self._counts})))
        if summary.suppressed:
            cards.append(("suppressed by baseline", summary.suppressed))
        w('<div class="cards">' + "".join(f'<div class="card"><b>{n}</b>{esc(label)}</div>' for label, n in cards)
          + "</div>\n")
        w("<h2>Findings by rule and level</h2>\n" + chart(self._counts) + "\n")
        if self._by_file:
            w("<h2>Files with the most findings</h2>\n" + files_chart(self._by_file) + "\n")
        picture = self._picture.svg()
        if picture:
            w("<h2>The ledger: each right's chain in ledger order</h2>\n"
              '<p class="muted">One row per right, its records left to right in ledger order; the line between '
              "two records is the hash link. Hover a record for its id and findings.</p>\n" + picture + "\n")
        w("<h2>Findings</h2>\n")
        unlisted = summary.items - self._items_listed
        if unlisted:
            w(f'<p class="muted">{unlisted} item{"s" if unlisted != 1 else ""} without findings '
              "not listed.</p>\n")
        if self._unlisted_findings:
            w(f'<p class="muted">The table lists the first {MAX_ROWS:,} findings; {self._unlisted_findings:,} more '
              "are counted above (the JSON, SARIF or JUnit report of the same run lists them all).</p>\n")
        rules = sorted({r for r, _ in self._counts})
        w('<div class="filters"><label>Level <select id="f-level"><option value="">all</option>'
          + "".join(f'<option value="{lv.label}">{lv.label}</option>' for lv in LEVELS)
          + '</select></label><label>Rule <select id="f-rule"><option value="">all</option>'
          + "".join(f'<option value="{esc(r)}">{esc(r)}</option>' for r in rules)
          + '</select></label><label>Text <input id="f-text" type="search" placeholder="path, message, file">'
          '</label><label><input id="f-nc" type="checkbox"> not conformant only</label>'
          f'<span class="muted">showing <span id="shown">{self._rows}</span> of {self._rows}</span></div>\n')
        w('<table id="findings"><thead><tr><th>Item</th><th>Target</th><th>Status</th><th>Level</th>'
          "<th>Rule</th><th>Path</th><th>Message</th></tr></thead><tbody>\n")
        self._spool.seek(0)
        copy_bytes(self.out, self._spool)
        self._spool.close()
        w(f"</tbody></table>\n<script>{SCRIPT}</script>\n</body></html>\n")
