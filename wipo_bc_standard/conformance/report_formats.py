"""Implementation reports as files: JSON, EARL (Turtle) and a self-contained HTML comparison table.

EARL is the W3C Evaluation and Report Language (https://www.w3.org/TR/EARL10-Schema/), the format
of W3C implementation reports: one ``earl:Assertion`` per implementation and test case (and per
rule, as an ``earl:TestRequirement``). The HTML table sets several reports side by side, rule by
rule and case by case, as W3C implementation reports do.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import quote

import orjson

from .evaluate import FAILED, PASSED, REPORT_FORMAT, UNSUPPORTED

SUITE_IRI = "https://wipo-bc-standard.org/conformance/"
REPORT_FORMATS = ("json", "earl", "html")


class ReportError(Exception):
    """A file given as a report is not one."""


def to_json(report: Mapping[str, Any]) -> str:
    return orjson.dumps(report, option=orjson.OPT_INDENT_2).decode() + "\n"


_OUTCOME = {"enum": [PASSED, FAILED, UNSUPPORTED]}
_COUNT = {"type": "integer", "minimum": 0}
_TOTALS = {"type": "object", "required": ["total", PASSED, FAILED, UNSUPPORTED],
           "properties": {k: _COUNT for k in ("total", PASSED, FAILED, UNSUPPORTED)}}
#: What the writers rely on in a JSON report (checked before a report read from a file is used).
REPORT_SCHEMA = {
    "type": "object", "required": ["format", "implementation", "suite", "totals", "rules", "cases"],
    "properties": {
        "format": {"const": REPORT_FORMAT},
        "implementation": {"type": "object", "properties": {"name": {"type": "string"}}},
        "suite": {"type": "object", "required": ["name", "standardVersion", "cases", "rules"],
                  "properties": {"name": {"type": "string"}, "standardVersion": {"type": "string"},
                                 "cases": _COUNT, "rules": _COUNT}},
        "totals": {"type": "object", "required": ["cases", "rules"], "properties": {"cases": _TOTALS, "rules": _TOTALS}},
        "rules": {"type": "array", "items": {
            "type": "object", "required": ["id", "keyword", "title", "outcome", "cases"],
            "properties": {"id": {"type": "string"}, "keyword": {"type": "string"}, "title": {"type": "string"},
                           "outcome": _OUTCOME, "cases": _COUNT,
                           "failedCases": {"type": "array", "items": {"type": "string"}}}}},
        "cases": {"type": "array", "items": {
            "type": "object", "required": ["id", "outcome"],
            "properties": {"id": {"type": "string"}, "outcome": _OUTCOME, "reason": {"type": "string"}}}},
    },
}


def load_report(data: bytes, name: str) -> dict[str, Any]:
    """A JSON implementation report read from a file, or ReportError saying what is wrong with it."""
    import jsonschema_rs

    try:
        report = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise ReportError(f"{name}: not JSON ({exc})") from None
    if not isinstance(report, dict) or report.get("format") != REPORT_FORMAT:
        raise ReportError(f"{name}: not a conformance report (made by `wipo-bc conformance run --format json`)")
    error = next(jsonschema_rs.validator_for(REPORT_SCHEMA).iter_errors(report), None)
    if error is not None:
        where = "/".join(str(p) for p in error.instance_path) or "the top level"
        raise ReportError(f"{name}: not a well-formed conformance report at {where}: {error.message}")
    return report


def to_earl(report: Mapping[str, Any]) -> str:
    """The report as EARL in Turtle."""
    from rdflib import BNode, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, DOAP, FOAF, RDF

    earl = Namespace("http://www.w3.org/ns/earl#")
    outcomes = {PASSED: earl.passed, FAILED: earl.failed}
    graph = Graph()
    graph.bind("earl", earl)
    graph.bind("dct", DCTERMS)
    graph.bind("doap", DOAP)
    graph.bind("foaf", FOAF)
    suite = Namespace(SUITE_IRI)
    graph.bind("suite", suite)
    impl = report["implementation"]
    subject = URIRef(f"{SUITE_IRI}implementations/{_slug(impl.get('name', 'implementation'))}")
    graph.add((subject, RDF.type, earl.TestSubject))
    graph.add((subject, RDF.type, DOAP.Project))
    graph.add((subject, DOAP.name, Literal(impl.get("name", "implementation"))))
    if impl.get("version"):
        release = BNode()
        graph.add((subject, DOAP.release, release))
        graph.add((release, DOAP.revision, Literal(impl["version"])))
    if impl.get("command"):
        graph.add((subject, DCTERMS.description, Literal(f"run as: {impl['command']}")))
    runner = URIRef(f"{SUITE_IRI}runner")
    graph.add((runner, RDF.type, earl.Software))
    graph.add((runner, DOAP.name, Literal("wipo-bc conformance run")))

    def assert_(test: URIRef, outcome: str, unsupported: URIRef, reason: str | None) -> None:
        assertion, result = BNode(), BNode()
        graph.add((assertion, RDF.type, earl.Assertion))
        graph.add((assertion, earl.assertedBy, runner))
        graph.add((assertion, earl.subject, subject))
        graph.add((assertion, earl.test, test))
        graph.add((assertion, earl.mode, earl.automatic))
        graph.add((assertion, earl.result, result))
        graph.add((result, RDF.type, earl.TestResult))
        graph.add((result, earl.outcome, outcomes.get(outcome, unsupported)))
        if reason:
            graph.add((result, DCTERMS.description, Literal(reason)))

    for rule in report["rules"]:
        test = suite[f"rules/{_iri_part(rule['id'])}"]
        graph.add((test, RDF.type, earl.TestRequirement))
        graph.add((test, DCTERMS.title, Literal(f"{rule['id']} ({rule['keyword']}): {rule['title']}")))
        failed = rule.get("failedCases") or []
        assert_(test, rule["outcome"], earl.cantTell, "failed in " + ", ".join(failed) if failed else None)
    for case in report["cases"]:
        test = suite[f"cases/{_iri_part(case['id'])}"]
        graph.add((test, RDF.type, earl.TestCase))
        graph.add((test, DCTERMS.title, Literal(case["id"])))
        assert_(test, case["outcome"], earl.inapplicable, case.get("reason"))
    return graph.serialize(format="turtle")


def _iri_part(identifier: str) -> str:
    """An id, from a report that may come from anywhere, percent-encoded into an IRI (the suite's
    ids, letters, digits, ``-``, ``.``, ``_`` and ``/``, are unchanged)."""
    return quote(identifier, safe="/")


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-._" else "-" for c in name) or "implementation"


_LABELS = {PASSED: "PASS", FAILED: "FAIL", UNSUPPORTED: "N/S"}
_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:1.5rem;color:#1b1b1b}
h1{font-size:1.5rem;margin:0 0 .3rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem}
p.lede{margin:.2rem 0 1rem;color:#444;max-width:60rem}
table{border-collapse:collapse;font-size:.85rem;margin-bottom:1rem}
th,td{border:1px solid #c8c8c8;padding:.25rem .5rem;text-align:left;vertical-align:top}
thead th{background:#eef1f5;position:sticky;top:0}
td.o{text-align:center;font-weight:600;white-space:nowrap}
td.passed{background:#d9f2dc;color:#14531c}td.failed{background:#f9d6d5;color:#7a1712}
td.unsupported{background:#eceff1;color:#555}
td.kw{font-family:ui-monospace,monospace;font-size:.8rem}code{font-size:.8rem}
small.why{display:block;font-weight:400;color:#5b1d1a;max-width:22rem;text-align:left;white-space:normal;
overflow-wrap:anywhere}td.zero{background:#fff;color:#777;font-weight:400}
.legend span{display:inline-block;padding:.1rem .5rem;margin-right:.5rem;border:1px solid #c8c8c8}
"""


def to_html(reports: Sequence[Mapping[str, Any]], title: str = "Implementation report") -> str:
    """One report, or several side by side, as a self-contained HTML page."""
    if not reports:
        raise ReportError("no report to show")
    suite = reports[0]["suite"]
    names = [r["implementation"].get("name", f"implementation {i + 1}") for i, r in enumerate(reports)]
    esc = html.escape
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{esc(title)}</title><style>{_STYLE}</style></head><body>",
           f"<h1>{esc(title)}</h1>",
           f'<p class="lede">{esc(suite["name"])}, standard version {esc(suite["standardVersion"])}: '
           f'{suite["cases"]} test cases over {suite["rules"]} rules. A rule passes when every case that checks it '
           "passes for that rule and a violation of it was shown; N/S (not supported) when no case could tell, "
           "because the implementation declined the cases or reports only verdicts that the rule does not change.</p>",
           '<p class="legend"><span style="background:#d9f2dc">PASS</span><span style="background:#f9d6d5">FAIL'
           '</span><span style="background:#eceff1">N/S not supported</span></p>',
           "<h2>Summary</h2><table><thead><tr><th>Implementation</th><th>Version</th><th>Run as</th>"
           "<th>Reports</th><th>Rules passed</th><th>Rules failed</th><th>Rules N/S</th><th>Cases passed</th><th>Cases failed</th>"
           "<th>Cases N/S</th></tr></thead><tbody>"]
    for name, report in zip(names, reports):
        impl, rules, cases = report["implementation"], report["totals"]["rules"], report["totals"]["cases"]
        out.append(f"<tr><th>{esc(name)}</th><td>{esc(str(impl.get('version', '')))}</td>"
                   f"<td><code>{esc(str(impl.get('command', '')))}</code></td>"
                   + f"<td>{esc(str(impl.get('reports', '')))}</td>"
                   + "".join(f'<td class="o {k if totals[k] else "zero"}">{totals[k]} / {totals["total"]}</td>'
                             for totals in (rules, cases) for k in (PASSED, FAILED, UNSUPPORTED))
                   + "</tr>")
    out.append("</tbody></table>")
    header = "".join(f"<th>{esc(n)}</th>" for n in names)
    out.append(f"<h2>Rules</h2><table><thead><tr><th>Rule</th><th>Keyword</th><th>Title</th><th>Cases</th>{header}"
               "</tr></thead><tbody>")
    rows = [{row["id"]: row for row in r["rules"]} for r in reports]
    for rule in reports[0]["rules"]:
        cells = _outcome_cells(rows, rule["id"], _failed_cases)
        out.append(f'<tr id="rule-{esc(rule["id"])}"><th>{esc(rule["id"])}</th><td class="kw">{esc(rule["keyword"])}'
                   f'</td><td>{esc(rule["title"])}</td><td>{rule["cases"]}</td>{cells}</tr>')
    out.append("</tbody></table>")
    out.append(f"<h2>Test cases</h2><table><thead><tr><th>Case</th>{header}</tr></thead><tbody>")
    case_rows = [{row["id"]: row for row in r["cases"]} for r in reports]
    for case in reports[0]["cases"]:
        cells = _outcome_cells(case_rows, case["id"], lambda row: row.get("reason", "")[:200])
        out.append(f'<tr><td><code>{esc(case["id"])}</code></td>{cells}</tr>')
    out.append("</tbody></table></body></html>\n")
    return "\n".join(out)


def _outcome_cells(reports: Sequence[Mapping[str, Mapping[str, Any]]], key: str,
                   why: Callable[[Mapping[str, Any]], str]) -> str:
    """One cell per report: its outcome for ``key`` (a rule or case id), with ``why`` in small print."""
    cells = []
    for by_id in reports:
        row = by_id.get(key)
        if row is None:
            cells.append('<td class="o unsupported">-</td>')
            continue
        note = why(row)
        small = f'<small class="why">{html.escape(note)}</small>' if note else ""
        cells.append(f'<td class="o {row["outcome"]}">{_LABELS[row["outcome"]]}{small}</td>')
    return "".join(cells)


def _failed_cases(row: Mapping[str, Any]) -> str:
    failed = row.get("failedCases") or []
    return ", ".join(failed[:3]) + (f" and {len(failed) - 3} more" if len(failed) > 3 else "")


def render(reports: Sequence[Mapping[str, Any]], fmt: str) -> str:
    """``fmt`` is json or earl (one report) or html (one or more)."""
    if fmt == "html":
        return to_html(reports, "Implementation report" if len(reports) == 1 else "Implementation comparison")
    if len(reports) != 1:
        raise ReportError(f"--format {fmt} takes one report; use --format html to compare several")
    return to_json(reports[0]) if fmt == "json" else to_earl(reports[0])
