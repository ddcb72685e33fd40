"""Every id a finding can carry is explained: by the rule catalogue, or by the finding catalogue."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from wipo_bc_standard import messages
from wipo_bc_standard.cli import main
from wipo_bc_standard.finding_catalogue import KINDS, explain
from wipo_bc_standard.resources import data_dir
from wipo_bc_standard.rules import CATALOGUE

#: JSON Schema keywords that only structure a schema (their failures are reported by the keywords inside).
STRUCTURAL = {"$defs", "$id", "$ref", "$schema", "allOf", "if", "then", "items", "properties", "description",
              "title", "type_", "examples", "default"}


def _keywords(node: object, out: set[str]) -> set[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("properties", "$defs", "patternProperties") and isinstance(value, dict):
                for sub in value.values():
                    _keywords(sub, out)
                continue
            out.add(key)
            _keywords(value, out)
    elif isinstance(node, list):
        for value in node:
            _keywords(value, out)
    return out


def test_every_message_id_and_schema_keyword_is_explained() -> None:
    ids = set(messages.TEMPLATES) | {"internal.error", "ledger.malformed"}
    for name in ("record", "profile", "governance", "did", "vc"):
        schema = json.loads((data_dir("schemas") / f"{name}.schema.json").read_text(encoding="utf-8"))
        ids |= {f"schema.{k}" for k in _keywords(schema, set()) - STRUCTURAL if k[0].islower()}
    assert sorted(i for i in ids if explain(i) is None and i not in CATALOGUE) == []


def test_entries_are_complete_and_ids_do_not_clash_with_rules() -> None:
    for kind in KINDS:
        assert kind.title and kind.explanation and kind.example and kind.fix and kind.source, kind.id
        assert kind.id not in CATALOGUE


@pytest.mark.parametrize("finding_id, words", [("schema.required", "A required member is missing"),
                                                ("json.duplicate-key", "RFC 7493"),
                                                ("xsd.cvc-pattern-valid", "one of xsd.*")])
def test_rules_show_explains_findings_that_are_not_rules(finding_id: str, words: str) -> None:
    result = CliRunner().invoke(main, ["rules", "show", finding_id])
    assert result.exit_code == 0 and words in result.output and "fix:" in result.output
    data = json.loads(CliRunner().invoke(main, ["rules", "show", finding_id, "--format", "json"]).output)
    assert data["id"] == finding_id and data["fix"]


def test_rules_list_names_them_and_sarif_describes_them() -> None:
    listed = CliRunner().invoke(main, ["rules", "list"]).output
    assert "schema.required" in listed and "json.duplicate-key" in listed
    result = CliRunner().invoke(main, ["validate", "--format", "sarif", "-"], input='{"recordId": "x", "recordId": "y"}')
    driver = json.loads(result.output)["runs"][0]["tool"]["driver"]
    rules = {r["id"]: r for r in driver["rules"]}
    assert rules["json.duplicate-key"]["fullDescription"]["text"].startswith("Two members")
    assert rules["json.duplicate-key"]["helpUri"].startswith(driver["informationUri"])


def test_the_site_has_a_page_of_them() -> None:
    from wipo_bc_standard.docs_site.rule_pages import other_findings_page
    page = other_findings_page()
    assert all(f"## {kind.id}" in page.text for kind in KINDS)
