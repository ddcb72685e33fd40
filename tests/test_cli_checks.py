"""Options that make no sense are refused on one line, and small things users meet are right."""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from wipo_bc_standard import Level, validate
from wipo_bc_standard.cli import main

from .conftest import EXAMPLES

RECORD = EXAMPLES / "valid" / "record" / "patent-licence.json"


@pytest.mark.parametrize("option", [["--records", "x"], ["--chain", "ip"], ["--stream", "s"]])
def test_ledger_options_without_from_are_refused(option: list[str]) -> None:
    result = CliRunner().invoke(main, ["validate", str(RECORD), *option])
    assert result.exit_code == 2 and "--from" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("content", ["{}", None])
def test_a_network_that_is_not_a_network_profile_is_refused(tmp_path: Path, content: str | None) -> None:
    network = tmp_path / "network.json"
    if content is None:
        network.write_bytes(RECORD.read_bytes())
    else:
        network.write_text(content)
    result = CliRunner().invoke(main, ["validate", str(RECORD), "--network", str(network)])
    assert result.exit_code == 2 and "not a network profile" in result.stderr


def test_levels_print_as_words() -> None:
    assert str(Level.ERROR) == "error" and f"{Level.WARNING}" == "warning" and Level.ERROR > Level.WARNING


def test_validate_shows_its_options() -> None:
    parameters = inspect.signature(validate).parameters
    assert {"target", "profile", "network", "fail_on", "lang", "baseline", "jobs"} <= set(parameters)


def test_validate_help_names_every_input_and_output_form() -> None:
    text = re.sub(r"-\s+", "-", CliRunner().invoke(main, ["validate", "--help"]).stdout)  # undo wrapping at hyphens
    for word in ("NDJSON", "XML", "JSON-LD", "Turtle", "directory", "sarif", "junit", "github", "html"):
        assert word in text
    assert "folder" not in text


def test_zh_messages_of_rec_06_are_chinese() -> None:
    from wipo_bc_standard.rules.record_rules import example_record
    finding = validate(example_record(recordType="assignment", event=None), lang="zh").items[0].findings[0]
    assert finding.rule == "REC-06" and finding.message == "assignment 类记录应包含转让人和受让人"


def test_schemas_export_without_out_never_writes_into_an_installed_package(monkeypatch: pytest.MonkeyPatch) -> None:
    from wipo_bc_standard import resources
    monkeypatch.setattr(resources, "source_root", lambda: None)
    result = CliRunner().invoke(main, ["schemas", "export"])
    assert result.exit_code == 2 and "--out" in result.stderr


def test_install_and_release_instructions_name_only_what_exists() -> None:
    """Not on PyPI, no release tag yet: the docs must not tell users to install or pin what does not resolve."""
    from wipo_bc_standard.constants import DOCS_URL
    root = Path(__file__).resolve().parents[1]
    pages = [root / "README.md", *(root / "docs").rglob("*.md")]
    for page in pages:
        if "generated" in page.parts or page.name == "release.md":
            continue
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"pip install (--user )?wipo-bc-standard\b(?!\S)", text), page
        assert not re.search(r"@v\d+\.\d+\.\d+|rev: v\d", text), page
    mkdocs = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"site_url: {DOCS_URL}" in mkdocs


def test_a_registration_date_in_the_future_is_a_finding() -> None:
    from wipo_bc_standard.rules.examples import example_record
    report = validate(example_record(ipRight__registrationDate="2099-01-01"))
    found = [f for f in report.items[0].findings if f.rule == "DT-07"]
    assert [f.path for f in found] == ["/ipRight/registrationDate"]
    assert not validate(example_record(ipRight__registrationDate="2099-01-01"), fail_on="warning").conformant
    assert not [f for f in validate(example_record()).items[0].findings if f.rule == "DT-07"]


def test_a_binary_ledger_export_is_one_finding_not_one_per_line(tmp_path: Path) -> None:
    block = tmp_path / "block.pb"
    block.write_bytes(b"\x0a\x8a\x01\x08\x00\x12\x20" + bytes(range(256)) * 8 + b"\n" * 200)
    result = CliRunner().invoke(main, ["validate", "--from", "fabric", str(block), "--format", "json"])
    items = json.loads(result.stdout)["items"]
    assert len(items) == 1 and "binary data, not JSON" in items[0]["findings"][0]["message"]
