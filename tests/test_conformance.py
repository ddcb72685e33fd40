"""The conformance suite: complete, valid against its schema, in step with its sources; and the runner:
wipo-bc passes all of it, any command can be run through the protocol, the reports are well-formed."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from wipo_bc_standard.cli import main
from wipo_bc_standard.conformance import build as suite_build
from wipo_bc_standard.conformance.evaluate import evaluate, passed_all
from wipo_bc_standard.conformance.protocol import command_implementation, in_process_reference, run_suite
from wipo_bc_standard.conformance.report_formats import to_earl, to_html
from wipo_bc_standard.conformance.suite import Suite
from wipo_bc_standard.rules import CATALOGUE

from .conftest import ROOT

MANIFEST = ROOT / "conformance" / "manifest.json"
PYTHON = shlex.quote(sys.executable)


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def suite() -> Suite:
    return Suite.load()


@pytest.fixture(scope="module")
def reference_report(suite: Suite) -> dict[str, Any]:
    return evaluate(suite, run_suite(suite, in_process_reference()), {"name": "wipo-bc"})


def test_manifest_validates_against_its_schema(manifest: dict[str, Any]) -> None:
    import jsonschema
    schema = json.loads((ROOT / "conformance" / "manifest.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(manifest)]
    assert errors == []


def test_committed_suite_is_what_the_build_makes() -> None:
    """The suite is generated from the examples and the rule catalogue: `wipo-bc conformance build` rewrites it."""
    files = suite_build.build(ROOT)
    stale = [p for p, data in files.items() if not (ROOT / p).is_file() or (ROOT / p).read_bytes() != data]
    extra = sorted(set(suite_build.committed(ROOT)) - set(files))
    assert stale == [] and extra == [], "run `wipo-bc conformance build`"


def test_every_rule_has_a_positive_and_a_negative_case(manifest: dict[str, Any]) -> None:
    assert suite_build.check_coverage(manifest["cases"]) == []
    assert {r["id"] for r in manifest["rules"]} == set(CATALOGUE)


def test_a_rule_without_cases_fails_the_coverage_check(manifest: dict[str, Any]) -> None:
    negatives = [c for c in manifest["cases"] if any(f["rule"] == "LS-01" for f in c["expected"]["findings"])]
    without_negatives = [c for c in manifest["cases"] if c not in negatives]
    assert suite_build.check_coverage(without_negatives) == ["LS-01: no negative case (one the rule reports)"]
    unchecked = [{**c, "checks": [r for r in c["checks"] if r != "LS-01"]} for c in without_negatives]
    assert suite_build.check_coverage(unchecked) == ["LS-01: no negative case (one the rule reports)",
                                                     "LS-01: no positive case (one the rule checks and passes)"]


def test_every_example_is_a_case_and_every_path_exists(manifest: dict[str, Any]) -> None:
    inputs = {c["input"] for c in manifest["cases"]}
    examples = {p.relative_to(ROOT).as_posix() for p in (ROOT / "examples").rglob("*")
                if p.is_file() and p.name != "README.md"}
    assert examples <= inputs
    for case in manifest["cases"]:
        paths = [case["input"], case.get("network"), *case.get("didDocuments", ()),
                 (case.get("ledger") or {}).get("records")]
        assert all((ROOT / p).exists() for p in paths if p), case["id"]


def test_wipo_bc_passes_every_case_and_rule(reference_report: dict[str, Any]) -> None:
    totals = reference_report["totals"]
    failed = [c for c in reference_report["cases"] if c["outcome"] != "passed"]
    assert failed == [] and passed_all(reference_report)
    assert totals["rules"] == {"total": len(CATALOGUE), "passed": len(CATALOGUE), "failed": 0, "unsupported": 0}


def test_run_writes_a_json_report_and_exits_0(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["conformance", "run", "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["totals"]["cases"]["passed"] == report["totals"]["cases"]["total"] > 200
    assert "passed" in result.output


def test_earl_report_parses_with_rdflib(reference_report: dict[str, Any], suite: Suite) -> None:
    from rdflib import Graph, Namespace
    from rdflib.namespace import RDF
    earl = Namespace("http://www.w3.org/ns/earl#")
    graph = Graph().parse(data=to_earl(reference_report), format="turtle")
    assertions = list(graph.subjects(RDF.type, earl.Assertion))
    assert len(assertions) == len(suite.cases) + len(suite.rules)
    outcomes = {graph.value(graph.value(a, earl.result), earl.outcome) for a in assertions}
    assert outcomes == {earl.passed}


def test_protocol_runs_a_command_like_in_process(suite: Suite) -> None:
    """wipo-bc answering through the protocol (a process per case) says what it says in process."""
    cases = [c for c in suite.cases if c.id.startswith(("rules/LS-01", "rules/CH-01", "ledgers/ANC-01",
                                                        "examples/identity/signed-ed25519"))]
    command = command_implementation(f"{PYTHON} -m wipo_bc_standard conformance case {{request}}")
    by_command = evaluate(suite, run_suite(suite, command, cases=cases, jobs=2), {"name": "wipo-bc (command)"})
    assert [c["outcome"] for c in by_command["cases"]] == ["passed"] * len(cases)


def _script(tmp_path: Path, body: str) -> str:
    script = tmp_path / "impl.py"
    script.write_text("import json, sys\nrequest = json.load(sys.stdin)\n" + body, encoding="utf-8")
    return f"{PYTHON} {shlex.quote(str(script))}"


def test_a_wrong_implementation_fails_with_reasons(tmp_path: Path) -> None:
    command = _script(tmp_path, "print(json.dumps({'conformant': True, 'findings': [{'rule': 'LS-01', 'path': ''}]}))")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["conformance", "run", "--implementation", command, "--case", "rules/LS-01/",
                                       "-o", str(out)])
    assert result.exit_code == 1
    cases = {c["id"]: c for c in json.loads(out.read_text(encoding="utf-8"))["cases"]}
    assert cases["rules/LS-01/valid"]["reason"] == "unexpected LS-01 at /"
    assert cases["rules/LS-01/invalid"]["reason"] == "said conformant; missed LS-01 at /event/standard; " \
                                                     "unexpected LS-01 at /"


def test_verdicts_only_and_declined_cases(tmp_path: Path, suite: Suite) -> None:
    """An implementation that cannot name rules is judged on verdicts; one that declines a case gets
    'unsupported' there; output that is not a result is that case's failure."""
    body = ("if request['target'] == 'ledger': print(json.dumps({'unsupported': 'no ledgers'}))\n"
            "elif request['target'] == 'did': print('not json')\n"
            "else: print(json.dumps({'conformant': 'invalid' not in request['id']}))\n")
    cases = [c for c in suite.cases if c.id.startswith(("rules/LS-01/", "rules/CH-01/", "rules/DID-05/",
                                                        "rules/CFG-07/"))]
    report = evaluate(suite, run_suite(suite, command_implementation(_script(tmp_path, body)), cases=cases),
                      {"name": "verdicts"})
    outcome = {c["id"]: (c["outcome"], c.get("reason")) for c in report["cases"]}
    assert outcome["rules/CH-01/valid"] == ("unsupported", "no ledgers")
    assert outcome["rules/DID-05/valid"][0] == "failed" and "no JSON result" in outcome["rules/DID-05/valid"][1]
    assert outcome["rules/LS-01/invalid"] == ("passed", None)
    assert outcome["rules/CFG-07/invalid"] == ("failed", "said not conformant")  # a SHOULD rule: still conformant
    rules = {r["id"]: r["outcome"] for r in report["rules"]}
    assert rules["LS-01"] == "passed" and rules["CH-01"] == "unsupported" and rules["DID-05"] == "failed"
    assert rules["CFG-07"] == "unsupported"  # its violation does not change a verdict: a verdict cannot show it
    assert report["implementation"]["reports"] == "verdicts only"


def test_a_missing_program_is_a_failure_not_a_crash(suite: Suite) -> None:
    cases = list(suite.cases[:1])
    report = evaluate(suite, run_suite(suite, command_implementation("no-such-program-wipo-bc"), cases=cases),
                      {"name": "x"})
    assert report["cases"][0]["outcome"] == "failed" and "no such program" in report["cases"][0]["reason"]


def test_check_jsonschema_adapter_covers_the_schema_but_not_the_rules(tmp_path: Path) -> None:
    from wipo_bc_standard.conformance.check_jsonschema_adapter import executable
    if executable() is None:
        pytest.skip("check-jsonschema is not installed (the test extra has it)")
    out = tmp_path / "cj.json"
    command = f"{PYTHON} -m wipo_bc_standard.conformance.check_jsonschema_adapter"
    picked = ["examples/invalid/record/schema.required", "examples/valid/record/patent-licence",
              "rules/LS-01/", "rules/CH-01/invalid", "examples/valid/record/trademark-assignment"]
    args = ["conformance", "run", "--implementation", command, "--name", "check-jsonschema", "-o", str(out),
            "--jobs", "2"] + [a for p in picked for a in ("--case", p)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output  # it misses LS-01
    report = json.loads(out.read_text(encoding="utf-8"))
    cases = {c["id"]: c["outcome"] for c in report["cases"]}
    assert cases["examples/invalid/record/schema.required--missing-record-id"] == "passed"
    assert cases["examples/valid/record/patent-licence"] == "passed"
    assert cases["rules/LS-01/invalid"] == "failed"
    assert cases["rules/CH-01/invalid"] == "unsupported"
    assert cases["examples/valid/record/trademark-assignment"] == "unsupported"  # XML
    rules = {r["id"]: r["outcome"] for r in report["rules"]}
    assert rules["LS-01"] == "failed" and rules["CH-01"] == "unsupported"


def test_report_merges_reports_into_one_html_table(tmp_path: Path, reference_report: dict[str, Any]) -> None:
    other = json.loads(json.dumps(reference_report))
    other["implementation"] = {"name": "other <impl>", "reports": "verdicts only"}
    other["rules"][0]["outcome"] = "failed"
    paths = []
    for name, report in (("a.json", reference_report), ("b.json", other)):
        (tmp_path / name).write_text(json.dumps(report), encoding="utf-8")
        paths.append(str(tmp_path / name))
    out = tmp_path / "compare.html"
    result = CliRunner().invoke(main, ["conformance", "report", *paths, "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<th>wipo-bc</th>" in page and "other &lt;impl&gt;" in page
    assert page.count('<tr id="rule-') == len(CATALOGUE)
    assert "<script" not in page and "http" not in page.split("</style>")[0]  # self-contained
    refused = CliRunner().invoke(main, ["conformance", "report", *paths, "--format", "earl"])
    assert refused.exit_code == 2 and "takes one report" in refused.output
    over_input = CliRunner().invoke(main, ["conformance", "report", paths[0], "-o", paths[0]])
    assert over_input.exit_code == 2 and "is an input" in over_input.output
    not_report = CliRunner().invoke(main, ["conformance", "report", str(out)])
    assert not_report.exit_code == 2 and "not JSON" in not_report.output
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({**reference_report, "rules": [{"id": "LS-01"}]}), encoding="utf-8")
    malformed = CliRunner().invoke(main, ["conformance", "report", str(broken)])
    assert malformed.exit_code == 2 and "not a well-formed conformance report at rules/0" in malformed.output


def test_single_report_html_is_a_table_of_rules_and_cases(reference_report: dict[str, Any], suite: Suite) -> None:
    page = to_html([reference_report])
    assert page.count("PASS</td>") == len(suite.cases) + len(suite.rules)


def test_case_command_answers_one_request() -> None:
    request = Suite.load().cases[0].request(ROOT)
    result = CliRunner().invoke(main, ["conformance", "case"], input=json.dumps(request))
    assert result.exit_code == 0
    assert json.loads(result.output)["conformant"] is Suite.load().cases[0].expected.conformant
    bad = CliRunner().invoke(main, ["conformance", "case"], input="[]")
    assert bad.exit_code == 2 and "not a conformance request" in bad.output


def test_report_and_case_read_regular_files_only(tmp_path: Path) -> None:
    """A FIFO named as a report or a request is refused at once (reading it would wait forever)."""
    import os
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    for args in (["conformance", "report", str(fifo)], ["conformance", "case", str(fifo)]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2 and "only regular files are read" in result.output


def test_a_hanging_or_flooding_implementation_cannot_hold_the_run(tmp_path: Path, suite: Suite) -> None:
    """A case whose implementation hangs, leaves a child holding its output open, or prints without
    end fails with the reason, within the timeout; the run goes on."""
    import time
    cases = list(suite.cases[:1])
    bodies = {"sleep": "import time; time.sleep(60)\n",
              "child": "import subprocess; subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
                       "print(json.dumps({'conformant': True}))\n",
              "flood": "while True: sys.stdout.buffer.write(b'x' * 65536)\n"}
    for name, body in bodies.items():
        folder = tmp_path / name
        folder.mkdir()
        started = time.monotonic()
        report = evaluate(suite, run_suite(suite, command_implementation(_script(folder, body), timeout=1.5),
                                           cases=cases), {"name": name})
        assert time.monotonic() - started < 20, name
        case = report["cases"][0]
        assert case["outcome"] == "failed", name
        expected = "more than" if name == "flood" else "no result within 1.5 s"
        assert expected in case["reason"], (name, case["reason"])


def test_earl_of_a_report_with_any_ids_is_turtle(tmp_path: Path, reference_report: dict[str, Any]) -> None:
    """A report read from a file may hold any id; EARL percent-encodes it into the test's IRI."""
    from rdflib import Graph
    odd = json.loads(json.dumps(reference_report))
    odd["cases"][0]["id"] = "a b>c\n<http://example.org/x> <p> <o> ."
    odd["rules"][0]["id"] = "R 1>"
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(odd), encoding="utf-8")
    result = CliRunner().invoke(main, ["conformance", "report", str(path), "--format", "earl"])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.stdout, format="turtle")
    assert "https://wipo-bc-standard.org/conformance/cases/a%20b%3Ec%0A%3Chttp%3A//example.org/x%3E%20%3Cp%3E%20%3Co%3E%20." \
        in {str(s) for s in graph.subjects()}
