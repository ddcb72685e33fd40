"""Findings that say how to fix the problem, and point at the line and column of the member."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from wipo_bc_standard import validate
from wipo_bc_standard.cli import main
from wipo_bc_standard.hints import date_rewritten, nearest
from wipo_bc_standard.rules.record_rules import example_record


def _record(**ip_right: object) -> dict[str, object]:
    record = example_record()
    record["ipRight"] = {**record["ipRight"], **ip_right}
    return record


def _finding(report: object, rule: str) -> object:
    return next(f for f in report.items[0].findings if f.rule == rule)  # type: ignore[attr-defined]


def test_a_misspelt_member_gets_the_member_meant() -> None:
    record = _record()
    record["ipRight"]["filingDat"] = record["ipRight"].pop("filingDate", "2023-02-14")
    finding = _finding(validate(record), "schema.additionalProperties")
    assert finding.path == "/ipRight/filingDat" and "'filingDate'" in finding.hint


def test_each_unexpected_member_is_its_own_finding() -> None:
    record = _record(filingDat="2023-02-14", titel="x")
    found = [f for f in validate(record).items[0].findings if f.rule == "schema.additionalProperties"]
    assert sorted(f.path for f in found) == ["/ipRight/filingDat", "/ipRight/titel"]


def test_a_date_in_another_form_gets_the_expected_form_and_the_date_rewritten() -> None:
    finding = _finding(validate(_record(filingDate="14/02/2023")), "schema.format")
    assert "YYYY-MM-DD" in finding.hint and "2023-02-14" in finding.hint
    assert date_rewritten("02/03/2023") is None  # day and month cannot be told apart: no guess


def test_a_value_not_in_the_list_gets_the_nearest() -> None:
    finding = _finding(validate(_record(kind="trade-mark")), "schema.enum")
    assert "'trademark'" in finding.hint
    assert nearest("zzzzzz", ["patent", "trademark"]) is None


def test_hints_in_chinese_are_chinese() -> None:
    finding = _finding(validate(_record(filingDate="14/02/2023"), lang="zh"), "schema.format")
    assert "日期应写作" in finding.hint


PRETTY = """{
  "recordId": "urn:uuid:00000000-0000-4000-8000-000000000000",
  "ipRight": {
    "office": "GB",
    "kind": "trade-mark"
  }
}
"""


def test_a_pretty_printed_records_finding_points_at_the_member_in_every_format(tmp_path: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("rec.json").write_text(PRETTY, encoding="utf-8")
    text = CliRunner().invoke(main, ["validate", "rec.json"]).stdout
    assert "rec.json:5:5: error: [schema.enum] at /ipRight/kind" in text
    sarif = json.loads(CliRunner().invoke(main, ["validate", "rec.json", "--format", "sarif"]).stdout)
    enum = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "schema.enum")
    assert enum["locations"][0]["physicalLocation"]["region"] == {"startLine": 5, "startColumn": 5}
    github = CliRunner().invoke(main, ["validate", "rec.json", "--format", "github"]).stdout
    assert "::error file=rec.json,line=5,col=5,title=schema.enum::" in github
    report = json.loads(CliRunner().invoke(main, ["validate", "rec.json", "--format", "json"]).stdout)
    enum_json = next(f for f in report["items"][0]["findings"] if f["rule"] == "schema.enum")
    assert (enum_json["line"], enum_json["column"]) == (5, 5) and enum_json["hint"]
    # A missing member points at the object that lacks it.
    missing = next(f for f in report["items"][0]["findings"] if f["path"] == "/ipRight/applicationNumber")
    assert (missing["line"], missing["column"]) == (3, 14)


def test_array_elements_and_ndjson_lines_are_located(tmp_path: Path) -> None:
    good = json.dumps(example_record())
    bad = json.dumps(_record(kind="trade-mark"))
    array = tmp_path / "items.json"
    array.write_text(f"[\n  {good},\n  {bad}\n]\n", encoding="utf-8")
    lines = tmp_path / "items.ndjson"
    lines.write_text(f"{good}\n{bad}\n", encoding="utf-8")
    for path, line in ((array, 3), (lines, 2)):
        report = json.loads(CliRunner().invoke(main, ["validate", str(path), "--format", "json"]).stdout)
        finding = next(f for f in report["items"][1]["findings"] if f["rule"] == "schema.enum")
        assert finding["line"] == line
        text_line = path.read_text(encoding="utf-8").splitlines()[line - 1]
        assert text_line[finding["column"] - 1:].startswith('"kind"')


def test_ndjson_findings_are_located_in_characters_without_reading_the_file_whole(tmp_path: Path) -> None:
    """Columns count characters (Chinese text before the member included), and locating the findings
    of a large NDJSON file of Chinese text holds one line at a time, not the file."""
    import tracemalloc

    from wipo_bc_standard.findings import Finding
    from wipo_bc_standard.locations import Locator
    from wipo_bc_standard.report import ItemResult

    line_text = json.dumps({"title": "区块链知识产权" * 40, "ipRight": {"kind": "trade-mark"}}, ensure_ascii=False)
    path = tmp_path / "big.ndjson"
    count = 4000
    with path.open("w", encoding="utf-8") as out:
        for _ in range(count):
            out.write(line_text + "\n")
    size = path.stat().st_size
    assert size > 3_000_000
    locate = Locator()
    tracemalloc.start()
    try:
        results = [locate(ItemResult(str(path), i, i + 1, None, [Finding("schema.enum", "error", "bad kind",
                                                                         "/ipRight/kind")], False))
                   for i in range(0, count, 7)]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < size / 10, (peak, size)
    finding = results[-1].findings[0]
    assert finding.line == results[-1].line
    assert finding.column is not None and line_text[finding.column - 1:].startswith('"kind"')


@pytest.mark.parametrize("issuer, words", [("did:web", "method-specific id is missing"),
                                           ("did:WEB:office.example", "method name 'WEB'")])
def test_a_bad_did_is_one_finding_that_says_which_part_is_wrong(issuer: str, words: str) -> None:
    findings = [f for f in validate(example_record(issuer=issuer)).items[0].findings if f.path == "/issuer"]
    assert [f.rule for f in findings] == ["DID-01"] and words in findings[0].hint
    zh = [f for f in validate(example_record(issuer=issuer), lang="zh").items[0].findings if f.path == "/issuer"]
    assert zh[0].hint and not any("a" <= ch <= "z" for ch in zh[0].hint.split("did:")[0].split("'")[0])


def test_an_xml_records_finding_points_at_the_line_of_its_element(tmp_path: Path) -> None:
    from .conftest import EXAMPLES
    text = (EXAMPLES / "valid" / "record" / "trademark-assignment.xml").read_text(encoding="utf-8")
    path = tmp_path / "bad.xml"
    path.write_text(text.replace("<Country>NZ</Country>", "<Country>ZZ</Country>"), encoding="utf-8")
    report = json.loads(CliRunner().invoke(main, ["validate", str(path), "--format", "json"]).stdout)
    finding = next(f for f in report["items"][0]["findings"] if f["path"] == "/parties/1/country")
    assert path.read_text(encoding="utf-8").splitlines()[finding["line"] - 1].strip() == "<Country>ZZ</Country>"
    assert "column" not in finding  # lxml gives lines only
    github = CliRunner().invoke(main, ["validate", str(path), "--format", "github"]).stdout
    assert f"line={finding['line']},title=ID-01" in github


def test_a_long_value_is_not_compared_nor_kept() -> None:
    """A value far longer than every option cannot be near one: no suggestion, and nothing cached
    (a hostile file could otherwise fill the cache with megabyte strings)."""
    from wipo_bc_standard.hints import _nearest
    before = _nearest.cache_info().currsize
    assert nearest("assignment" * 100_000, ["assignment", "licence"]) is None
    assert nearest("x" * 19, ["abcdefgh"]) is None and nearest("abcdefghabcdefgh", ["abcdefgh"]) == "abcdefgh"
    assert _nearest.cache_info().currsize == before + 1
