"""The bundled examples, discovered by themselves: valid ones are conformant under every rule;
each invalid one reports the finding its file name promises (``RULE-ID--what-is-wrong.ext``) and
fails the default run; each advisory one (a SHOULD or MAY rule) reports its finding, passes the
default run and fails under ``--fail-on`` its level."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from wipo_bc_standard import Level, validate
from wipo_bc_standard.cli import main
from wipo_bc_standard.sources import expand

from .conftest import EXAMPLES

VALID = expand([EXAMPLES / "valid"])
INVALID = expand([EXAMPLES / "invalid"])
ADVISORY = expand([EXAMPLES / "advisory"])


def promised_rule(path: Path) -> str:
    return path.name.split("--", 1)[0]


def test_there_are_enough_examples() -> None:
    def count(files: list[Path], target: str) -> int:
        return sum(1 for f in files if f"/{target}/" in f.as_posix())
    assert count(VALID, "record") >= 5 and count(INVALID, "record") >= 10
    for target in ("profile", "governance"):
        assert count(VALID, target) >= 2 and count(INVALID, target) >= 5


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_valid_example_has_no_finding(path: Path) -> None:
    report = validate(path, profile="strict", fail_on=Level.INFO)
    assert report.summary.items >= 1
    assert [f.to_dict() for item in report.items for f in item.findings] == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_invalid_example_reports_its_promised_finding(path: Path) -> None:
    report = validate(path, profile="strict", fail_on=Level.INFO)
    rules = {f.rule for item in report.items for f in item.findings}
    assert promised_rule(path) in rules, f"{path.name} promises {promised_rule(path)}, got {sorted(rules)}"
    assert not report.conformant


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_invalid_example_exits_1_from_the_cli(path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    assert promised_rule(path) in result.output


@pytest.mark.parametrize("path", ADVISORY, ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_advisory_example_warns_without_failing_the_default_run(path: Path) -> None:
    from wipo_bc_standard.rules import CATALOGUE
    rule = CATALOGUE[promised_rule(path)]
    assert rule.level < Level.ERROR
    default = CliRunner().invoke(main, ["validate", "--profile", "strict", str(path)])
    assert default.exit_code == 0 and promised_rule(path) in default.output
    strict = CliRunner().invoke(main, ["validate", "--profile", "strict", "--fail-on", rule.level.label, str(path)])
    assert strict.exit_code == 1


def test_valid_examples_exit_0_from_the_cli() -> None:
    result = CliRunner().invoke(main, ["validate", str(EXAMPLES / "valid")])
    assert result.exit_code == 0, result.output


NETWORK_EXAMPLES = expand([EXAMPLES / "network"])


@pytest.mark.parametrize("path", NETWORK_EXAMPLES, ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_network_dependent_example_is_judged_with_its_network(path: Path) -> None:
    """``examples/network/<net>/`` holds records judged with ``--network examples/networks/<net>/profile.json``."""
    network = EXAMPLES / "networks" / path.parent.name / "profile.json"
    args = ["validate", "--profile", "strict", "--network", str(network), str(path)]
    if promised_rule(path) == "conformant":
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
    else:
        from wipo_bc_standard.rules import CATALOGUE
        level = CATALOGUE[promised_rule(path)].level.label  # a SHOULD rule fails the run with --fail-on warning
        result = CliRunner().invoke(main, [*args, "--fail-on", level])
        assert result.exit_code == 1 and f"[{promised_rule(path)}]" in result.output, result.output
        without = CliRunner().invoke(main, ["validate", "--profile", "strict", str(path)])
        assert f"[{promised_rule(path)}]" not in without.output
