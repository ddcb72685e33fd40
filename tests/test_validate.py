"""``validate`` as users call it: inputs of every shape, every item reported, exit codes, formats."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from wipo_bc_standard import Finding, Level, Report, validate
from wipo_bc_standard.cli import main
from wipo_bc_standard.jsontext import MAX_DEPTH
from wipo_bc_standard.rules.examples import example_record


def rules_of(report: Report) -> list[list[str]]:
    return [[f.rule for f in item.findings] for item in report.items]


def test_a_mapping_an_iterable_and_bytes_are_accepted() -> None:
    record = example_record()
    assert validate(record).conformant
    assert validate([record, record]).summary.items == 2
    assert validate(json.dumps(record).encode()).conformant
    assert validate(iter([record])).summary.items == 1


def test_findings_carry_rule_level_path_clause_and_message() -> None:
    report = validate(example_record(ipRight__office="EUIPO"))
    (finding,) = report.items[0].findings
    assert isinstance(finding, Finding)
    assert (finding.rule, finding.level, finding.path) == ("schema.pattern", Level.ERROR, "/ipRight/office")
    assert finding.clause.startswith("record.schema.json#") and "EUIPO" in finding.message


def test_required_points_at_the_missing_member() -> None:
    report = validate(example_record(ipRight__applicationNumber=None))
    assert [(f.rule, f.path) for f in report.items[0].findings] == [("schema.required", "/ipRight/applicationNumber")]


def test_ndjson_with_garbage_lines_reports_every_line(tmp_path: Path) -> None:
    good = json.dumps(example_record())
    garbage = ["not json", "", "[1, 2]", "42", "{}", '{"a": NaN}', "\xff\xfe", '{"recordId": 1, "recordId": 2}',
               "null", '"text"']
    lines = [good if i % 10 else garbage[(i // 10) % len(garbage)] for i in range(500)]
    path = tmp_path / "records.ndjson"
    path.write_bytes(b"\n".join(ln.encode("utf-8", "surrogateescape") if ln != "\xff\xfe" else b"\xff\xfe"
                                for ln in lines) + b"\n")
    result = CliRunner().invoke(main, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["summary"]["items"] == len(report["items"]) == 500
    assert report["summary"]["nonConformant"] == 50
    assert [i["line"] for i in report["items"]] == list(range(1, 501))
    assert all(i["findings"][0]["level"] == "error" for i in report["items"] if not i["conformant"])


@pytest.mark.parametrize(("text", "rule"), [
    (b'{"a": 1, "a": 2}', "json.duplicate-key"),
    (b'{"a": {"b": 1, "b": 1}}', "json.duplicate-key"),
    (b'{"k\\u0065y": 1, "key": 2}', "json.duplicate-key"),
    (b'{"a": NaN}', "json.non-finite-number"),
    (b'{"a": -Infinity}', "json.non-finite-number"),
    (b'{"a": 9007199254740992}', "json.number-range"),
    (b'{"a": 1e400}', "json.number-range"),
    (b'{"a": "\xff"}', "json.encoding"),
    (b'\xef\xbb\xbf{"a": 1}', "json.encoding"),
    (b'{"a": "\\ud800"}', "json.encoding"),
    (b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1), "json.depth"),
    (b'{"a":' * 5000 + b"1" + b"}" * 5000, "json.depth"),
    (b'{"a": 1,}', "json.syntax"),
    (b"", "json.empty"),
])
def test_json_that_other_implementations_would_read_differently_is_a_finding(text: bytes, rule: str) -> None:
    report = validate(text)
    assert report.summary.items == 1
    assert rules_of(report)[0][0] == rule


def test_largest_exact_integer_and_ordinary_unicode_pass() -> None:
    record = example_record(ledger={"platform": "evm", "network": "1", "transactionId": "0xab",
                                    "blockNumber": 2**53 - 1, "timestamp": "2021-06-01T10:00:00Z"},
                            ipRight__title="区块链 «marque» \u2028")
    assert validate(json.dumps(record).encode()).conformant


@pytest.mark.parametrize(("doc", "rule"), [([], "json.not-an-object"), (3, "json.not-an-object"),
                                           ({}, "target.unknown"), ({"x": 1}, "target.unknown")])
def test_items_that_are_not_documents_of_a_target_are_findings(doc: object, rule: str) -> None:
    report = validate(json.dumps([doc]).encode())
    assert rules_of(report) == [[rule]]


def test_anyof_failure_reports_best_match_with_children() -> None:
    from wipo_bc_standard.checks.schema_check import SchemaCheck
    check = SchemaCheck({"anyOf": [{"type": "string", "minLength": 3}, {"type": "integer"}]}, "t.json")
    (finding,) = check("x")
    assert finding.rule == "schema.anyOf"
    assert "closest" in finding.message and "shorter than 3" in finding.message
    assert [c.rule for c in finding.children] == ["schema.minLength", "schema.type"]
    check = SchemaCheck({"oneOf": [{"type": "object", "required": ["x", "y"]},
                                   {"type": "object", "properties": {"z": {"type": "string"}}, "required": ["z"]}]},
                        "t.json")
    (finding,) = check({"z": 1})
    assert finding.rule == "schema.oneOf" and finding.children[0].path == "/z"


def test_stdin_is_read_with_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = (json.dumps(example_record()) + "\nnot json\n").encode()
    result = CliRunner().invoke(main, ["validate", "--format", "ndjson", "-"], input=lines)
    assert result.exit_code == 1
    rows = [json.loads(x) for x in result.output.splitlines()]
    assert [r.get("conformant") for r in rows[:2]] == [True, False]
    assert rows[-1]["summary"]["items"] == 2


def test_output_file_and_exit_codes(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(example_record()))
    result = CliRunner().invoke(main, ["validate", "--format", "json", "-o", str(out), str(good)])
    assert result.exit_code == 0
    assert json.loads(out.read_text())["summary"] == {
        "items": 1, "conformant": 1, "nonConformant": 0, "findings": {"error": 0, "warning": 0, "info": 0},
        "files": {"read": 1, "skipped": {}}}


@pytest.mark.parametrize("args", [["validate", "/no/such/path"], ["validate"], ["validate", "--target", "x", "."],
                                  ["validate", "--network", "/no/such.json", "."]])
def test_a_run_that_cannot_be_done_exits_2_with_one_line(args: list[str]) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_json_report_shape_matches_design() -> None:
    buf = io.StringIO()
    from wipo_bc_standard.engine import Checker
    from wipo_bc_standard.renderers import REGISTRY
    from wipo_bc_standard.report import Summary
    from wipo_bc_standard.sources import iter_items
    renderer = REGISTRY["json"](buf)
    renderer.begin()
    summary = Summary()
    for result in Checker().run(iter_items([example_record(), {"recordId": "x"}])):
        summary.add(result)
        renderer.item(result)
    renderer.finish(summary)
    report = json.loads(buf.getvalue())
    assert set(report) == {"tool", "standardVersion", "summary", "items"}
    assert report["tool"]["name"] == "wipo-bc-standard"
    assert set(report["items"][1]) >= {"source", "index", "line", "target", "conformant", "findings"}
    assert set(report["items"][1]["findings"][0]) >= {"rule", "level", "clause", "path", "message"}


def test_committed_schemas_match_the_model() -> None:
    from wipo_bc_standard import schemas
    assert schemas.drift() == [], "run `wipo-bc schemas export`"


def test_schemas_are_2020_12_with_ids_titles_and_descriptions() -> None:
    from wipo_bc_standard import schemas
    for target in schemas.GENERATED_TARGETS:
        schema = schemas.load(target)
        assert schema["$schema"] == schemas.DIALECT
        assert schema["$id"].endswith(f"/{target}.schema.json")
        assert schema["title"] and schema["description"]
        for name, prop in schema["properties"].items():
            assert prop.get("description") or "$ref" in prop, f"{target}.{name} has no definition"


def test_fast_json_path_never_misses_a_duplicate_key() -> None:
    """The byte-level pre-check must send every document with a duplicate key to the exact path."""
    import random

    from wipo_bc_standard import jsontext
    rng = random.Random(8785)
    spaces = ["", " ", "\n  ", "\t", "\r\n"]
    for _ in range(2000):
        keys = [rng.choice(["a", "b", "c", 'q\\"', "k:", "\u00e9", "\u4e2d"]) for _ in range(rng.randint(1, 5))]
        members = []
        for key in keys:
            value = rng.choice(['1', '"x"', '"\\":"', '[1, {"z": 2}]', 'null', '"a\\" : b"'])
            members.append(f'"{key}"{rng.choice(spaces)}:{rng.choice(spaces)}{value}')
        text = "{" + ",".join(members) + "}"
        parsed = jsontext.parse(text.encode())
        has_duplicates = len(set(keys)) != len(keys)
        assert isinstance(parsed, jsontext.ParseError) == has_duplicates, text


def test_jobs_give_the_same_report_in_the_same_order(tmp_path: Path) -> None:
    from wipo_bc_standard import parallel
    good, bad = json.dumps(example_record()), json.dumps(example_record(ipRight__office="x"))
    path = tmp_path / "many.ndjson"
    path.write_text("\n".join(good if i % 7 else bad for i in range(parallel.BATCH_LINES * 2 + 5)) + "\n")
    single = CliRunner().invoke(main, ["validate", "--format", "json", "--jobs", "1", str(path)])
    double = CliRunner().invoke(main, ["validate", "--format", "json", "--jobs", "2", str(path)])
    assert single.exit_code == double.exit_code == 1
    assert json.loads(single.output) == json.loads(double.output)


def test_a_ledger_checked_on_several_cores_gives_the_same_report() -> None:
    from .conftest import EXAMPLES
    ledgers = sorted((EXAMPLES / "ledger").rglob("*.ndjson"))
    assert ledgers
    for path in ledgers:
        runs = [CliRunner().invoke(main, ["validate", "--target", "ledger", "--profile", "strict", "--format", "json",
                                          "--jobs", jobs, str(path)]) for jobs in ("1", "2")]
        assert runs[0].exit_code == runs[1].exit_code
        assert json.loads(runs[0].output) == json.loads(runs[1].output), path.name


def test_iterables_of_paths_or_documents_whatever_their_first_element() -> None:
    from wipo_bc_standard.sources import expand

    from .conftest import EXAMPLES
    profiles = EXAMPLES / "valid" / "profile"
    assert validate(p for p in [profiles]).summary.items == len(expand([profiles]))
    assert [i.findings[0].rule for i in validate(iter([None, example_record()])).items[:1]] == ["json.not-an-object"]
    assert validate(iter([None, example_record()])).summary.items == 2
    assert validate([]).summary.items == 0


def test_the_json_report_follows_its_published_schema(tmp_path: Path) -> None:
    """`schemas/report.schema.json` is what CI systems and other tools may rely on."""
    import jsonschema_rs

    from wipo_bc_standard.resources import data_dir

    from .conftest import EXAMPLES
    schema = json.loads((data_dir("schemas") / "report.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema_rs.validator_for(schema, validate_formats=True)
    runs = [["validate", "--format", "json", "--profile", "strict", str(EXAMPLES)],
            ["validate", "--format", "json", "--target", "ledger", str(EXAMPLES / "ledger")]]
    for args in runs:
        result = CliRunner().invoke(main, args)
        report = json.loads(result.output)
        errors = [e.message for e in validator.iter_errors(report)]
        assert errors == []
        summary = report["summary"]
        assert summary["items"] == summary["conformant"] + summary["nonConformant"] == len(report["items"])


def test_items_of_a_json_array_carry_the_line_they_start_on(tmp_path: Path) -> None:
    docs = [example_record(), {"recordId": "x, ] \" [ {"}, [1, 2], 3]
    path = tmp_path / "records.json"
    path.write_text(json.dumps(docs, indent=2))
    starts = [n for n, text in enumerate(path.read_text().splitlines(), 1) if text.startswith("  ")
              and not text.startswith("   ") and text.strip() not in ("}", "},", "]", "],")]
    report = validate(path)
    assert [item.line for item in report.items] == starts
    assert [item.line for item in validate(json.dumps(docs).encode()).items] == [1, 1, 1, 1]


def test_batched_parsing_judges_every_line_as_parse_does() -> None:
    """NDJSON lines are parsed in batches whose pre-checks run once: the verdict per line must be
    exactly that of parsing the line alone."""
    import random

    from wipo_bc_standard import jsontext
    rng = random.Random(256)
    pool = [b'{"a": 1}', b'{"a": 1, "a": 2}', b'{"k\\u0065y": 1, "key": 2}', b'{"q\\u0022": 1, "q\\"": 2}',
            b'{"a": "\\u00e9", "a": 3}', b'{"a": 9007199254740993}', b'9007199254740993', b'{"a": "9007199254740993"}',
            b'{"a": NaN}', b"not json", b'"text"', b"[1, 2]", b"[" * 70 + b"]" * 70, b'{"x": "\\u4e2d", "y": [1]}',
            b'{"a": {"b": 1, "b": 1}}', b'{"\\u003a": 1, ":": 2}', b'{"s": "a\\":b", "t": 1}', b"{}"]
    for _ in range(400):
        texts = [rng.choice(pool) for _ in range(rng.randint(1, 12))]
        alone = [jsontext.parse(t) for t in texts]
        together = jsontext.parse_many(texts)
        for one, many, text in zip(alone, together, texts):
            if isinstance(one, jsontext.ParseError):
                assert isinstance(many, jsontext.ParseError) and many.rule == one.rule, text
            else:
                assert many == one, text


@pytest.mark.parametrize(("text", "suspicious"), [
    (b'{"a": 12345678901234567}', True), (b"12345678901234567", True), (b'{"a": [1,\n 12345678901234567]}', True),
    (b'{"a": -12345678901234567}', True), (b'{"a": "x"}\n12345678901234567', True),
    (b'{"h": "ab12345678901234567cd"}', False), (b'{"h": "0x12345678901234567"}', False),
    (b'{"a": 123456789012345}', False), (b'{"tx": "3f5e1b6c978812345678901234567890abcdef"}', False),
])
def test_long_numbers_are_told_from_long_digit_runs_in_strings(text: bytes, suspicious: bool) -> None:
    from wipo_bc_standard.jsontext import _long_number_in
    assert _long_number_in(text) is suspicious


def test_a_file_that_cannot_be_read_is_an_item_and_the_others_are_still_checked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good, locked = tmp_path / "a.json", tmp_path / "b.ndjson"
    good.write_text(json.dumps(example_record()))
    locked.write_text(json.dumps(example_record()) + "\n")
    from wipo_bc_standard import safe_io
    real_open = safe_io.open_regular

    def refusing_open(path: Any) -> Any:  # as a file the user may not read (the tests may run as root)
        if Path(path).name == "b.ndjson":
            raise PermissionError(13, "Permission denied")
        return real_open(path)

    monkeypatch.setattr(safe_io, "open_regular", refusing_open)
    result = CliRunner().invoke(main, ["validate", "--format", "json", str(tmp_path)])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert [(i["source"].rsplit("/", 1)[-1], i["conformant"]) for i in report["items"]] == [
        ("a.json", True), ("b.ndjson", False)]
    assert report["items"][1]["findings"][0]["rule"] == "source.unreadable"
    assert "Permission denied" in report["items"][1]["findings"][0]["message"]


def test_nothing_checked_is_not_conformant_in_the_api(tmp_path: Path) -> None:
    """As `wipo-bc validate` exits 2 on a run that checks no item, the API does not call it conformant."""
    for report in (validate([]), validate(tmp_path)):
        assert report.summary.items == 0 and not report.conformant
        assert report.summary.verdict() == "nothing checked"
