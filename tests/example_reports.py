"""The JSON reports of every bundled example, as users get them from `wipo-bc validate`, recorded in
``tests/fixtures/example-reports.json``: moving code about must not change a single report.

    .venv/bin/python -m tests.example_reports --update   # after an intended change of behaviour

``tests/test_example_reports.py`` compares today's reports with the recorded ones.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
LEDGER_FIXTURES = ROOT / "tests" / "fixtures" / "ledgers"
RECORDED = ROOT / "tests" / "fixtures" / "example-reports.json"


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def runs() -> Iterator[tuple[str, list[str]]]:
    """(name, arguments of `wipo-bc validate`) of every run, each folder judged as examples/README.md says."""
    strict = ["--profile", "strict", "--fail-on", "info"]
    for folder in ("valid", "invalid", "advisory"):
        yield folder, [*strict, _rel(EXAMPLES / folder)]
    yield "invalid (zh)", [*strict, "--lang", "zh", _rel(EXAMPLES / "invalid")]
    for net in sorted(p.name for p in (EXAMPLES / "networks").iterdir() if p.is_dir()):
        profile = _rel(EXAMPLES / "networks" / net / "profile.json")
        yield f"networks/{net}", [*strict, "--network", profile, _rel(EXAMPLES / "networks" / net)]
        if (EXAMPLES / "network" / net).is_dir():
            yield f"network/{net}", [*strict, "--network", profile, _rel(EXAMPLES / "network" / net)]
    for ledger in sorted((EXAMPLES / "ledger").rglob("*.ndjson")):
        yield _rel(ledger), [*strict, "--target", "ledger", _rel(ledger)]
    yield "identity", [*strict, "--did-document", _rel(EXAMPLES / "identity" / "office-did.json"),
                       _rel(EXAMPLES / "identity")]
    expected = json.loads((LEDGER_FIXTURES / "expected.json").read_text(encoding="utf-8"))
    options = {"multichain": ["--chain", "ip-register", "--stream", "em-rights"]}
    for platform, spec in expected["platforms"].items():
        files = [_rel(LEDGER_FIXTURES / platform / name) for name in spec["files"]]
        yield f"--from {platform}", [*strict, "--from", platform, "--records", _rel(LEDGER_FIXTURES / "offchain"),
                                     *options.get(platform, []), *files]


def report(arguments: list[str]) -> dict[str, Any]:
    """The JSON report of one run (without the tool's version, which changes with every release)."""
    from wipo_bc_standard.cli import main
    here = os.getcwd()
    os.chdir(ROOT)  # sources are reported as given: relative to the repository
    try:
        result = CliRunner().invoke(main, ["validate", "--format", "json", *arguments])
    finally:
        os.chdir(here)
    if result.exit_code not in (0, 1):
        raise AssertionError(f"wipo-bc validate {' '.join(arguments)}: exit {result.exit_code}\n{result.output}")
    doc = json.loads(result.stdout)
    doc.pop("tool")
    doc["exitCode"] = result.exit_code
    return dict(doc)


def all_reports() -> dict[str, dict[str, Any]]:
    return {name: report(arguments) for name, arguments in runs()}


def main(argv: list[str]) -> int:
    if argv != ["--update"]:
        print(__doc__)
        return 2
    RECORDED.write_text(json.dumps(all_reports(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                        encoding="utf-8")
    print(f"wrote {_rel(RECORDED)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
