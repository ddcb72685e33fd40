"""Every rule states its basis; a MUST rests on the seed or a public standard; clauses cite what users can read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import wipo_bc_standard.cli  # registers every rule, the ledger readers' too
from wipo_bc_standard.basis import KINDS, SEED_DOCUMENT, parse
from wipo_bc_standard.cli import main
from wipo_bc_standard.findings import Level
from wipo_bc_standard.rules import CATALOGUE, Rule
from wipo_bc_standard.rules.bases import BASES

PACKAGE = Path(wipo_bc_standard.cli.__file__).resolve().parents[1]
RULES = sorted(CATALOGUE.values(), key=lambda r: r.id)


def test_every_rule_has_a_basis_and_every_basis_a_rule() -> None:
    assert sorted(r.id for r in RULES if r.basis is None) == [], "add the rule's basis to rules/bases.py"
    assert sorted(set(BASES) - set(CATALOGUE)) == []


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_a_must_rests_on_the_seed_or_a_public_standard(r: Rule) -> None:
    assert r.basis is not None and r.basis.kind in KINDS
    assert r.basis.reference
    if r.basis.kind == "proposal":
        assert r.basis.rationale, "a proposal says why"
        assert r.level < Level.ERROR, f"{r.id} is MUST but only this project proposes it"


def test_configuration_rules_are_not_must_as_seed_paragraph_10_says() -> None:
    for rule_id in ("CFG-02", "CFG-03", "CFG-04", "CFG-05", "CFG-06"):
        assert CATALOGUE[rule_id].level is Level.WARNING
        assert "para. 10" in CATALOGUE[rule_id].basis.text()  # type: ignore[union-attr]


def test_no_clause_or_source_cites_a_document_users_cannot_read() -> None:
    hidden = re.compile(r"\bDESIGN\b|\bDOMAIN\b|DESIGN\.md")
    assert [r.id for r in RULES if hidden.search(r.clause) or (r.basis and hidden.search(r.basis.text()))] == []
    cited = [path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*")
             if path.suffix in {".py", ".toml", ".json", ".ttl"} and hidden.search(path.read_text(encoding="utf-8"))]
    assert cited == []


def test_data_files_name_their_basis() -> None:
    assert parse("seed 10").text() == f"seed: {SEED_DOCUMENT}, para. 10"
    assert parse("seed 3, 9").reference.endswith("para. 3, 9")
    assert parse("ISO 22739:2020, 3.6").kind == "standard"
    assert parse("this project").kind == "proposal"


def test_rules_list_filters_by_basis_and_show_prints_it() -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["rules", "list", "--basis", "proposal", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    rules = json.loads(listed.output)
    assert rules and {r["basis"]["kind"] for r in rules} == {"proposal"}
    assert {r["keyword"] for r in rules} <= {"SHOULD", "MAY"}
    text = runner.invoke(main, ["rules", "list", "--basis", "seed"]).output
    assert "GOV-05" in text and "CFG-02" not in text
    shown = runner.invoke(main, ["rules", "show", "CFG-02"]).output
    assert "basis:     proposal:" in shown and "para. 10" in shown


def test_sarif_rule_properties_carry_the_basis() -> None:
    from wipo_bc_standard.renderers.sarif import catalogue_rule
    props = catalogue_rule("DID-05")["properties"]
    assert props["basis"] == "standard" and "DID Core" in props["basisReference"]
