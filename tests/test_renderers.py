"""Every report format says the same as the JSON report of the run, and obeys its own format's rules.

Also: a long run's progress display, and an interrupted run's partial report (exit code 2).
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import lxml.etree as etree
import lxml.html
import orjson
import pytest
from click.testing import CliRunner

from wipo_bc_standard import parallel
from wipo_bc_standard.api import iter_validate
from wipo_bc_standard.cli import main
from wipo_bc_standard.progress import Progress
from wipo_bc_standard.renderers import REGISTRY
from wipo_bc_standard.renderers.github import escape_data, escape_property
from wipo_bc_standard.report import ItemResult, Summary
from wipo_bc_standard.rules import CATALOGUE
from wipo_bc_standard.rules.examples import example_record

from .conftest import EXAMPLES

FORMATS = ("text", "json", "ndjson", "junit", "sarif", "github", "html")


# --- inputs -----------------------------------------------------------------------------------------

def _lines() -> list[bytes]:
    """Records with findings of every kind: rule findings, schema findings, JSON syntax, hostile text."""
    docs: list[Any] = [
        example_record(),
        example_record(event__standard="ST.27"),
        example_record(previousRecordHash={"alg": "sha-1", "value": "0" * 40}),
        {"recordId": "x, y: <script>alert(1)</script> 100% \r\n::error::forged"},
        {"recordId": "\u0001 control \u2028 characters"},
        [1, 2],
    ]
    # The invalid example of every per-document rule of the catalogue: findings at every level.
    docs += [r.invalid_example for r in CATALOGUE.values() if not r.stateful and not r.needs_network]
    return [orjson.dumps(d) for d in docs] + [b'{"recordId": "broken",', b"NaN"]


@pytest.fixture(scope="module")
def built_inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("inputs")
    ndjson = folder / "records.ndjson"
    ndjson.write_bytes(b"\n".join(_lines()) + b"\n")
    array = folder / "odd, name: 100%.json"  # a file name that needs escaping in every format
    array.write_bytes(orjson.dumps([example_record(), example_record(ipRight__kind="patent")]))
    return [ndjson, array]


def _example_inputs() -> list[Path]:
    """Every example file (JSON, XML, JSON-LD, Turtle...): findings of every reader and rule."""
    return sorted(p for d in ("valid", "invalid") for p in (EXAMPLES / d).rglob("*") if p.is_file())


def _run(paths: list[Path]) -> list[ItemResult]:
    return list(iter_validate([str(p) for p in paths], profile="strict"))


def render(fmt: str, results: list[ItemResult], partial: bool = False) -> str:
    out = io.StringIO()
    renderer = REGISTRY[fmt](out)
    summary = Summary()
    renderer.begin()
    for result in results:
        summary.add(result)
        renderer.item(result)
    summary.partial = partial
    renderer.finish(summary)
    return out.getvalue()


@pytest.fixture(scope="module", params=["built", "examples"])
def run(request: pytest.FixtureRequest, built_inputs: list[Path]) -> tuple[list[ItemResult], dict[str, Any]]:
    """The results of one run and its JSON report, the reference every other format is held to."""
    paths = built_inputs if request.param == "built" else _example_inputs()
    if not paths:
        pytest.skip("examples/ holds no example files yet")
    results = _run(paths)
    report = json.loads(render("json", results))
    assert report["summary"]["items"] == len(results)
    return results, report


def _rules(report: dict[str, Any]) -> Counter[str]:
    return Counter(f["rule"] for item in report["items"] for f in item["findings"])


def _finding_count(report: dict[str, Any]) -> int:
    return sum(len(item["findings"]) for item in report["items"])


def test_the_built_run_has_findings_of_every_level(built_inputs: list[Path]) -> None:
    report = json.loads(render("json", _run(built_inputs)))
    assert all(report["summary"]["findings"][lv] > 0 for lv in ("error", "warning", "info"))
    rules = _rules(report)
    assert {"json.syntax", "LS-01", "HASH-01"} <= set(rules) and any(r.startswith("schema.") for r in rules)


# --- JUnit ------------------------------------------------------------------------------------------

# A schema written from the public description of the JUnit XML format as Jenkins and GitLab read it
# (Jenkins xUnit plugin, junit-10.xsd, github.com/jenkinsci/xunit-plugin, MIT; Apache Ant's
# XMLJUnitResultFormatter). It is stricter than junit-10.xsd (counts are numbers, testsuites holds
# only testsuite elements), so whatever passes it passes that schema too.
JUNIT_XSD = b"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:complexType name="outcome" mixed="true">
    <xs:attribute name="type" type="xs:string"/>
    <xs:attribute name="message" type="xs:string"/>
  </xs:complexType>
  <xs:element name="testsuites">
    <xs:complexType>
      <xs:sequence><xs:element ref="testsuite" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
      <xs:attribute name="name" type="xs:string"/>
      <xs:attribute name="time" type="xs:decimal"/>
      <xs:attribute name="tests" type="xs:nonNegativeInteger"/>
      <xs:attribute name="failures" type="xs:nonNegativeInteger"/>
      <xs:attribute name="errors" type="xs:nonNegativeInteger"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="testsuite">
    <xs:complexType>
      <xs:choice minOccurs="0" maxOccurs="unbounded">
        <xs:element name="properties">
          <xs:complexType><xs:sequence>
            <xs:element name="property" minOccurs="0" maxOccurs="unbounded">
              <xs:complexType>
                <xs:attribute name="name" type="xs:string" use="required"/>
                <xs:attribute name="value" type="xs:string" use="required"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element ref="testcase"/>
        <xs:element name="system-out" type="xs:string"/>
        <xs:element name="system-err" type="xs:string"/>
      </xs:choice>
      <xs:attribute name="name" type="xs:string" use="required"/>
      <xs:attribute name="tests" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="failures" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="errors" type="xs:nonNegativeInteger" use="required"/>
      <xs:attribute name="skipped" type="xs:nonNegativeInteger"/>
      <xs:attribute name="time" type="xs:decimal"/>
      <xs:attribute name="timestamp" type="xs:string"/>
      <xs:attribute name="hostname" type="xs:string"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="testcase">
    <xs:complexType>
      <xs:choice minOccurs="0" maxOccurs="unbounded">
        <xs:element name="skipped" type="outcome"/>
        <xs:element name="error" type="outcome"/>
        <xs:element name="failure" type="outcome"/>
        <xs:element name="system-out" type="xs:string"/>
        <xs:element name="system-err" type="xs:string"/>
      </xs:choice>
      <xs:attribute name="name" type="xs:string" use="required"/>
      <xs:attribute name="classname" type="xs:string"/>
      <xs:attribute name="time" type="xs:decimal"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""

_FINDING_LINE = re.compile(r"^(error|warning|info) \[([^\]]+)\]", re.M)


def _junit(text: str) -> etree._Element:
    root = etree.fromstring(text.encode())
    schema = etree.XMLSchema(etree.fromstring(JUNIT_XSD))
    assert schema.validate(root), schema.error_log
    return root


def test_junit_is_valid_and_its_counts_add_up(run: tuple[list[ItemResult], dict[str, Any]]) -> None:
    results, report = run
    root = _junit(render("junit", results))
    suites = root.findall("testsuite")
    cases = root.findall("testsuite/testcase")
    assert int(root.get("tests")) == len(cases) == report["summary"]["items"]
    assert int(root.get("failures")) == report["summary"]["nonConformant"]
    for suite in suites:
        assert int(suite.get("tests")) == len(suite.findall("testcase"))
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))
        assert suite.get("errors") == "0" and suite.get("skipped") == "0"
    # One testcase per item, named by source and line or index, in input order.
    for case, item in zip(cases, report["items"], strict=True):
        where = f":{item['line']}" if item["line"] is not None else f"[{item['index']}]"
        assert case.get("name") == item["source"] + where
        assert (case.find("failure") is not None) == (not item["conformant"])
    # Every finding is listed once, in the failure or (below --fail-on) in system-out.
    text = "".join(el.text or "" for el in root.iter("failure", "system-out"))
    assert Counter(m.group(2) for m in _FINDING_LINE.finditer(text)) == _rules(report)


# --- SARIF ------------------------------------------------------------------------------------------

SARIF_LEVELS = {"none", "note", "warning", "error"}


def test_sarif_has_the_required_structure_and_the_same_findings(run: tuple[list[ItemResult], dict[str, Any]]) -> None:
    results, report = run
    sarif = json.loads(render("sarif", results))
    assert sarif["version"] == "2.1.0"
    assert sarif["$schema"].endswith("sarif-schema-2.1.0.json")
    (sarif_run,) = sarif["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "wipo-bc-standard" and driver["version"]
    assert driver["informationUri"].startswith("https://")
    rules = {r["id"]: r for r in driver["rules"]}
    assert len(rules) == len(driver["rules"]), "rule ids are unique"
    assert set(CATALOGUE) <= set(rules), "the whole catalogue is published"
    for rule_id, rule in CATALOGUE.items():
        descriptor = rules[rule_id]
        assert descriptor["shortDescription"]["text"] == rule.title
        assert descriptor["fullDescription"]["text"] == rule.rationale
        assert rule.clause in descriptor["help"]["text"]
        assert descriptor["defaultConfiguration"]["level"] in SARIF_LEVELS
    found = sarif_run["results"]
    assert len(found) == _finding_count(report)
    assert Counter(r["ruleId"] for r in found) == _rules(report)
    json_findings = [f for item in report["items"] for f in item["findings"]]
    for result, finding in zip(found, json_findings, strict=True):
        assert result["ruleId"] in rules
        assert result["level"] in SARIF_LEVELS
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding["level"]]
        assert finding["message"] in result["message"]["text"]
        assert result["properties"]["jsonPointer"] == finding["path"]
        for location in result.get("locations", []):
            physical = location["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
            assert " " not in uri and "," not in uri, "the URI is percent-encoded"
            if "region" in physical:
                assert isinstance(physical["region"]["startLine"], int) and physical["region"]["startLine"] >= 1
    assert sarif_run["invocations"][0]["executionSuccessful"] is True


def test_sarif_locations_are_relative_for_relative_inputs(built_inputs: list[Path],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(built_inputs[0].parent)
    results = list(iter_validate(["records.ndjson"], profile="strict"))
    sarif = json.loads(render("sarif", results))
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "LS-01")
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": "records.ndjson"} and physical["region"]["startLine"] == 2
    # The column is that of the member the finding's path points at (/event/standard), 1-based.
    line = (built_inputs[0].parent / "records.ndjson").read_text(encoding="utf-8").splitlines()[1]
    assert line[physical["region"]["startColumn"] - 1:].startswith('"standard"')
    assert result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "/event/standard"


# --- GitHub annotations -----------------------------------------------------------------------------

_ANNOTATION = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<data>.*)$")


def _unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def test_github_escaping_follows_the_actions_toolkit() -> None:
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_writes_one_annotation_per_finding(run: tuple[list[ItemResult], dict[str, Any]]) -> None:
    results, report = run
    lines = render("github", results).split("\n")[:-1]  # the runner splits on LF only (not U+2028)
    annotations = [_ANNOTATION.match(line) for line in lines if line.startswith("::")]
    assert all(annotations), "every command line is well formed (nothing unescaped split it)"
    assert len(annotations) == _finding_count(report)
    json_findings = [(item, f) for item in report["items"] for f in item["findings"]]
    for match, (item, finding) in zip(annotations, json_findings, strict=True):
        assert match is not None
        props = dict(p.split("=", 1) for p in match["props"].split(","))
        assert _unescape(props["title"]) == finding["rule"]
        assert match[1] == {"error": "error", "warning": "warning", "info": "notice"}[finding["level"]]
        if not item["source"].startswith("<"):
            assert Path(_unescape(props["file"])).name == Path(item["source"]).name
        assert ("line" in props) == (item["line"] is not None)
        assert finding["message"] in _unescape(match["data"])
    assert len(lines) == len(annotations) + 1 and lines[-1].startswith("wipo-bc: "), "then one summary line"


# --- HTML -------------------------------------------------------------------------------------------

def test_html_is_one_self_contained_page_with_every_rule(run: tuple[list[ItemResult], dict[str, Any]]) -> None:
    results, report = run
    page = render("html", results)
    doc = lxml.html.fromstring(page)
    text = doc.text_content()
    for rule in _rules(report):
        assert rule in text
    for el in doc.iter():
        for name in ("src", "href", "xlink:href", "action", "data", "srcset"):
            value = (el.get(name) or "").strip().lower()
            assert not re.match(r"^(https?:)?//", value), f"<{el.tag} {name}={value}> loads a remote resource"
    assert not doc.xpath("//link | //img | //iframe | //object | //embed | //script[@src]")
    assert len(doc.xpath("//script")) == 1, "hostile input text stays text"
    # Ours only (hostile text stays text): the chart by rule and level and the files with most findings.
    assert [svg.get("class") for svg in doc.xpath("//svg")] == ["chart", "chart files"] or not report["items"]
    rows = doc.xpath("//table[@id='findings']/tbody/tr")
    assert len(rows) == _finding_count(report)
    assert Counter(r.get("data-rule") for r in rows) == _rules(report)


# --- partial reports --------------------------------------------------------------------------------

def test_every_format_marks_a_partial_report_visibly(built_inputs: list[Path]) -> None:
    results = _run(built_inputs)[:3]
    assert "partial" not in render("text", results)
    marks = {
        "text": lambda out: "(partial: interrupted)" in out.splitlines()[-1],
        "json": lambda out: json.loads(out)["summary"]["partial"] is True,
        "ndjson": lambda out: json.loads(out.splitlines()[-1])["summary"]["partial"] is True,
        "junit": lambda out: "partial" in _junit(out).get("name")
                             and _junit(out).find("testsuite/properties/property[@name='partial']") is not None,
        "sarif": lambda out: json.loads(out)["runs"][0]["invocations"][0]["executionSuccessful"] is False,
        "github": lambda out: "::warning title=wipo-bc::partial report" in out,
        "html": lambda out: "Partial report" in lxml.html.fromstring(out).text_content(),
    }
    assert set(marks) == set(REGISTRY), "a new format needs a partial mark here"
    for fmt, is_marked in marks.items():
        assert is_marked(render(fmt, results, partial=True)), fmt


def test_an_interrupted_run_reports_what_it_has_and_exits_2(built_inputs: list[Path],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    real_run = parallel.run

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        for n, result in enumerate(real_run(*args, **kwargs)):
            if n == 2:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(parallel, "run", interrupted)
    outcome = CliRunner().invoke(main, ["validate", str(built_inputs[0]), "--format", "json"])
    assert outcome.exit_code == 2
    summary = json.loads(outcome.stdout)["summary"]
    assert summary["partial"] is True and summary["items"] == 2


def test_empty_run_gives_valid_reports() -> None:
    assert int(_junit(render("junit", [])).get("tests")) == 0
    assert json.loads(render("sarif", []))["runs"][0]["results"] == []
    assert lxml.html.fromstring(render("html", [])).xpath("//h1")


# --- progress on a terminal -------------------------------------------------------------------------

class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_progress_unless_stderr_is_a_terminal() -> None:
    assert Progress.for_terminal(io.StringIO()) is None
    assert Progress.for_terminal(_Terminal()) is not None


def test_progress_counts_every_item_and_redraws_at_most_ten_times_a_second() -> None:
    now = [0.0]

    def clock() -> float:
        now[0] += 0.01  # each reading of the clock: 10 ms later
        return now[0]

    screen = _Terminal()
    progress = Progress(screen, clock=clock)
    assert list(progress.wrap(range(5000))) == list(range(5000))
    assert progress.count == 5000
    draws = screen.getvalue().count("\r")
    elapsed = now[0]
    assert 1 <= draws <= elapsed / 0.1 + 1
    assert "items/s" in screen.getvalue()
    progress.clear()
    assert screen.getvalue().endswith("\r") and progress.guard(io.StringIO()).__class__ is io.StringIO


def test_progress_reads_the_clock_only_every_few_items_when_items_are_fast() -> None:
    readings = [0]

    def clock() -> float:
        readings[0] += 1
        return readings[0] * 1e-6  # a fast run: a microsecond between readings

    progress = Progress(_Terminal(), clock=clock)
    for _ in progress.wrap(range(100_000)):
        pass
    assert readings[0] < 100, readings[0]


def test_report_text_on_the_same_terminal_clears_the_progress_line_first() -> None:
    screen = _Terminal()
    progress = Progress(screen)
    progress.draw("wipo-bc: 10 items checked")
    out = progress.guard(screen)
    out.write("FAIL a.json\n")
    assert screen.getvalue().endswith("\r" + " " * len("wipo-bc: 10 items checked") + "\rFAIL a.json\n")


def test_html_lists_a_bounded_number_of_findings_and_counts_them_all(monkeypatch: pytest.MonkeyPatch) -> None:
    from wipo_bc_standard.renderers import html as html_renderer
    from wipo_bc_standard.rules.examples import example_record
    monkeypatch.setattr(html_renderer, "MAX_ROWS", 5)
    out = io.StringIO()
    renderer = REGISTRY["html"](out)
    renderer.begin()
    summary = Summary()
    for result in iter_validate([example_record(ipRight__office="EUIPO") for _ in range(12)]):
        summary.add(result)
        renderer.item(result)
    renderer.finish(summary)
    page = out.getvalue()
    assert page.count('<tr data-level=') == 5
    assert "The table lists the first 5 findings" in page and str(summary.findings[html_renderer.Level.ERROR]) in page


def test_the_html_report_of_a_ledger_draws_each_rights_chain_with_its_faults(tmp_path: Path) -> None:
    """Planted faults: a tampered record (the link after it breaks), a fork, a reused record id."""
    import copy

    from .ledger_factory import chain_20, ndjson
    records = chain_20()
    records[3]["event"]["nationalCode"] = "PUB2"                                      # CH-01 on record 6
    records[9]["previousRecordHash"] = copy.deepcopy(records[6]["previousRecordHash"])  # CH-02 on record 10
    records[14]["recordId"] = records[1]["recordId"]                                  # ID-04 on record 15
    ledger = tmp_path / "planted.ndjson"
    ledger.write_bytes(ndjson(records))
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["validate", "--target", "ledger", str(ledger), "--format", "html",
                                       "-o", str(out)])
    assert result.exit_code == 1
    page = out.read_text(encoding="utf-8")
    picture = page[page.index('<svg class="ledger"'):]
    picture = picture[:picture.index("</svg>")]
    assert picture.count('class="rec"') == 20
    assert all(f">{right}</text>" in picture for right in ("EM trademark 018123456", "EP patent 21123456.7",
                                                        "RU industrial-design 2021500123"))
    assert 'stroke-dasharray="4 3"' in picture.split("broken link", 1)[1]  # a broken link drawn on a chain
    marked = re.findall(r'<circle class="rec"[^>]*stroke="([^"]+)"[^>]*><title>([^<]*)</title>', picture)
    assert any("CH-01" in title for _, title in marked)                    # each fault named on its record
    assert any("CH-02" in title and colour == "#e65100" for colour, title in marked)   # the fork ringed
    assert any("ID-04" in title and colour == "#6a1b9a" for colour, title in marked)   # the duplicate ringed
    assert "Files with the most findings" in page and "http" not in picture


def test_the_ledger_picture_escapes_record_ids_as_the_table_does(tmp_path: Path) -> None:
    """A record id holding markup or a control character: escaped, as everywhere in the HTML report."""
    from .ledger_factory import chain_20, ndjson
    records = chain_20()[:3]
    records[0]["recordId"] = "<b>x</b>\x00\x1b"
    ledger = tmp_path / "odd.ndjson"
    ledger.write_bytes(ndjson(records))
    out = tmp_path / "report.html"
    CliRunner().invoke(main, ["validate", "--target", "ledger", str(ledger), "--format", "html", "-o", str(out)])
    page = out.read_text(encoding="utf-8")
    picture = page[page.index('<svg class="ledger"'):]
    picture = picture[:picture.index("</svg>")]
    assert "&lt;b&gt;x&lt;/b&gt;\\u0000\\u001b" in picture and "\x00" not in page and "\x1b" not in page
