"""The rule catalogue: every rule is fully described, its examples behave as published, its checks
never crash on odd documents, and profiles select the right levels. Also ``wipo-bc rules``."""

from __future__ import annotations

import copy
import json
import re
import string
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner

from wipo_bc_standard.cli import main
from wipo_bc_standard.findings import Level
from wipo_bc_standard.rules import CATALOGUE, PROFILES, Rule, RuleContext, rule, select
from wipo_bc_standard.rules.examples import EXAMPLE_LEDGER, example_record
from wipo_bc_standard.rules.governance_rules import example_governance
from wipo_bc_standard.rules.profile_rules import example_profile
from wipo_bc_standard.targets import TARGETS

RULES = sorted(CATALOGUE.values(), key=lambda r: r.id)
ID_FORMAT = re.compile(r"[A-Z]{2,4}-[0-9]{2}")


def hits(r: Rule, example: Any) -> list[tuple[str, Any]]:
    """Run a rule on one of its examples, following the catalogue's example conventions."""
    if r.needs_network:
        assert isinstance(example, dict) and set(example) == {"network", "document"}, \
            "needs_network examples are {'network': ..., 'document': ...}"
        return list(r.check(example["document"], RuleContext(network=example["network"])))
    if r.stateful:
        assert isinstance(example, list), "stateful examples are lists of documents"
    return list(r.check(example, RuleContext()))


def test_catalogue_has_at_least_45_rules() -> None:
    assert len(CATALOGUE) >= 45, sorted(CATALOGUE)


def test_rule_ids_are_well_formed_and_registered_once() -> None:
    assert all(ID_FORMAT.fullmatch(rid) and CATALOGUE[rid].id == rid for rid in CATALOGUE)
    with pytest.raises(ValueError, match="registered twice"):
        rule(id="LS-01", title="t", level=Level.ERROR, targets="record", clause="c", rationale="r",
             message="m", valid={}, invalid={})(lambda doc, ctx: iter(()))


def test_each_level_is_used_by_several_rules() -> None:
    for level in Level:
        assert sum(1 for r in RULES if r.level is level) >= 3, level


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_rule_metadata_is_complete(r: Rule) -> None:
    for name in ("title", "clause", "rationale", "message", "message_zh"):
        value = getattr(r, name)
        assert isinstance(value, str) and value.strip(), f"{r.id}: {name} is empty"
    assert isinstance(r.level, Level)
    assert r.targets and set(r.targets) <= set(TARGETS), r.targets
    assert r.valid_example is not None and r.invalid_example is not None
    en = {f for _, f, _, _ in string.Formatter().parse(r.message) if f}
    zh = {f for _, f, _, _ in string.Formatter().parse(r.message_zh) if f}
    assert {f.split("!")[0] for f in en} == {f.split("!")[0] for f in zh}, "en and zh use the same placeholders"


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_valid_example_passes(r: Rule) -> None:
    assert hits(r, r.valid_example) == []


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_invalid_example_is_caught_with_a_complete_message(r: Rule) -> None:
    found = hits(r, r.invalid_example)
    assert found, f"{r.id}: the invalid example yields no finding"
    if r.stateful:
        return  # stateful rules report through the ledger checker; their params are their own
    doc = r.invalid_example["document"] if r.needs_network else r.invalid_example
    ctx_network = r.invalid_example["network"] if r.needs_network else None
    for lang in ("en", "zh"):
        for finding in r.findings(doc, RuleContext(network=ctx_network, lang=lang)):
            assert finding.rule == r.id and finding.level is r.level and finding.clause == r.clause
            assert "{" not in finding.message, f"{r.id} ({lang}): unfilled placeholder in {finding.message!r}"
            assert finding.path == "" or finding.path.startswith("/")


def _mutations(doc: Any) -> Iterator[Any]:
    """Schema-invalid variants of a document: every member in turn replaced by values of wrong types."""
    def paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, member in items:
            yield prefix + (key,)
            yield from paths(member, prefix + (key,))
    for path in list(paths(doc)):
        for wrong in (None, 7, True, "x", [], {}, [None, 1, ["nested"]], {"k": [{}]}):
            variant = copy.deepcopy(doc)
            target = variant
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = wrong
            yield variant


ODD_DOCUMENTS: list[Any] = [None, 0, 1.5, "text", "caf\u0065\u0301", [], [None], {}, {"ipRight": []},
                            {"parties": [None, 1, {"role": ["x"], "id": {"a": 1}, "name": 3}]},
                            {"dataGovernance": "yes", "nodeOperators": {"did": 1}}]


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_check_never_raises_on_schema_invalid_documents(r: Rule) -> None:
    example = r.invalid_example
    base = example["document"] if r.needs_network else example
    networks = ([example["network"], {}, {"hashAlgorithms": "sha-256", "consensus": [], "platform": 1,
                                          "permissionModel": {"read": 1}}] if r.needs_network else [None])
    documents = ODD_DOCUMENTS + list(_mutations(base))
    if r.stateful:
        documents = [[d] for d in documents] + [documents[:20]]
    for network in networks:
        ctx = RuleContext(network=network)
        for doc in documents:
            list(r.check(doc, ctx))


def test_deeply_nested_text_is_checked_without_recursion() -> None:
    deep: Any = "Cafe\u0301"
    for _ in range(5000):
        deep = [deep]
    record = example_record()
    record["ipRight"]["title"] = deep  # set directly: copying it would itself recurse
    assert [p for p, _ in CATALOGUE["REC-04"].check(record, RuleContext())]


# --- what specific rules promise users ---------------------------------------------------------

def _ids(doc: Any, network: Any = None) -> set[str]:
    ctx = RuleContext(network=network)
    return {r.id for r in RULES if not r.stateful and (network is not None or not r.needs_network)
            and list(r.check(doc, ctx))}


@pytest.mark.parametrize(("model", "n", "f", "ok"), [
    ("byzantine", 4, 1, True), ("byzantine", 3, 1, False), ("byzantine", 7, 2, True), ("byzantine", 6, 2, False),
    ("crash", 3, 1, True), ("crash", 2, 1, False), ("crash", 5, 2, True), ("crash", 4, 2, False),
])
def test_cfg02_node_count_bounds(model: str, n: int, f: int, ok: bool) -> None:
    family = "byzantine-fault-tolerant" if model == "byzantine" else "crash-fault-tolerant"
    profile = example_profile(consensus={"family": family, "algorithm": "x", "faultModel": model,
                                         "nodes": n, "faultTolerance": f})
    assert ("CFG-02" in _ids(profile)) is not ok


@pytest.mark.parametrize(("kind", "priority", "filing", "warns"), [
    ("patent", "2020-03-10", "2021-03-10", False),        # the last day of twelve months
    ("patent", "2020-03-10", "2021-03-11", True),
    ("trademark", "2020-08-31", "2021-02-28", False),     # six months from 31 August end on 28 February
    ("trademark", "2020-08-31", "2021-03-01", True),
    ("industrial-design", "2020-01-01", "2020-07-02", True),
    ("copyright", "2000-01-01", "2021-01-01", False),      # no Paris Convention period
])
def test_dt04_priority_period(kind: str, priority: str, filing: str, warns: bool) -> None:
    record = example_record(ipRight__kind=kind, ipRight__filingDate=filing, event=None, recordType="priority-claim",
                            ipRight__priorityClaims=[{"office": "FR", "applicationNumber": "1", "date": priority}])
    assert ("DT-04" in _ids(record)) is warns


def test_former_st3_code_is_a_warning_not_an_error() -> None:
    found = _ids(example_record(parties__0__country="SU"))
    assert "ID-06" in found and "ID-01" not in found
    assert "ID-01" in _ids(example_record(parties__0__country="EU"))
    assert not {"ID-01", "ID-06"} & _ids(example_record(ipRight__office="WO", parties__0__country="XV"))


def test_st3_rules_cover_governance_codes() -> None:
    assert "ID-01" in _ids(example_governance(governingBody__seat="UK"))
    assert "ID-06" in _ids(example_governance(nodeOperators__0__country="YU"))


def test_personal_data_is_reported_once_per_network_kind() -> None:
    record = example_record(parties__0__name="Jeanne Martin")
    public = example_profile(networkType="public", permissionModel__read="permissionless")
    closed = example_profile()  # personalDataOnChain false, permissioned read
    assert {"PD-01", "PD-02"} & _ids(record, public) == {"PD-01"}
    assert {"PD-01", "PD-02"} & _ids(record, closed) == {"PD-02"}
    assert not {"PD-01", "PD-02"} & _ids(record, example_profile(personalDataOnChain=True))


def test_email_in_free_text_is_personal_data_on_public_ledgers() -> None:
    public = example_profile(networkType="public", permissionModel__read="permissionless")
    record = example_record(event__description="Contact jeanne.martin@mail.example for details")
    assert "PD-01" in _ids(record, public)
    assert "PD-01" not in _ids(example_record(event__description="Renewal @ office counter"), public)


def test_nfc_finding_points_at_the_text() -> None:
    record = example_record(parties__0__name="Zo\u0308e")
    assert [path for path, _ in CATALOGUE["REC-04"].check(record, RuleContext())] == ["/parties/0/name"]


def test_dt01_allows_one_day_for_time_zones() -> None:
    ledger = dict(EXAMPLE_LEDGER, timestamp="2021-06-01T23:30:00Z")
    assert "DT-01" not in _ids(example_record(ledger=ledger, ipRight__filingDate="2021-06-02",
                                              event__date="2021-06-02"))
    assert "DT-01" in _ids(example_record(ledger=ledger, ipRight__filingDate="2021-06-03",
                                          event__date="2021-06-03"))


def test_network_rules_need_the_network() -> None:
    network_rules = {r.id for r in RULES if r.needs_network}
    assert len(network_rules) >= 5
    for target in TARGETS:
        for profile in PROFILES:
            assert not {r.id for r in select(target, profile, network=False)} & network_rules



def test_an_invalid_network_profile_gives_no_internal_error() -> None:
    # --network takes any profile-like object; an office that is not a string names no office.
    network = example_profile(applicationNumberPatterns=[{"office": ["EM"], "pattern": "x"},
                                                         {"office": "EM", "pattern": "0[0-9]+"}])
    ctx = RuleContext(network=network)
    assert list(CATALOGUE["ID-02"].check(example_record(), ctx)) == []
    (hit,) = CATALOGUE["ID-02"].check(example_record(ipRight__applicationNumber="EM-018123456"), ctx)
    assert hit[0] == "/ipRight/applicationNumber"

# --- profiles ----------------------------------------------------------------------------------

@pytest.mark.parametrize("target", TARGETS)
def test_profiles_select_rules_by_level(target: str) -> None:
    expected_levels = {"core": {Level.ERROR}, "interop": {Level.ERROR, Level.WARNING},
                       "strict": {Level.ERROR, Level.WARNING, Level.INFO}}
    for profile, levels in expected_levels.items():
        chosen = select(target, profile, network=True)
        assert {r.level for r in chosen} <= levels
        wanted = {r.id for r in RULES if target in r.targets and r.level in levels and not r.stateful}
        assert {r.id for r in chosen} == wanted
    core, interop, strict = ({r.id for r in select(target, p, True)} for p in ("core", "interop", "strict"))
    assert core <= interop <= strict


# --- wipo-bc rules -----------------------------------------------------------------------------

def test_cli_rules_list_json_renders_the_whole_catalogue() -> None:
    result = CliRunner().invoke(main, ["rules", "list", "--format", "json"])
    assert result.exit_code == 0
    listed = json.loads(result.output)
    assert {r["id"] for r in listed} == set(CATALOGUE)
    for entry in listed:
        assert entry["level"] in ("error", "warning", "info") and entry["message_zh"]
        assert set(entry["examples"]) == {"valid", "invalid"}


def test_cli_rules_list_filters_by_target_and_profile() -> None:
    result = CliRunner().invoke(main, ["rules", "list", "--target", "profile", "--profile", "core"])
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    listed = {line.split()[0] for line in lines[:-1]}
    assert listed == {r.id for r in RULES if "profile" in r.targets and r.level is Level.ERROR}
    assert lines[-1] == f"{len(listed)} rules"
    assert all(" MUST " in line for line in lines[:-1])


def test_cli_rules_show() -> None:
    result = CliRunner().invoke(main, ["rules", "show", "CFG-02"])
    assert result.exit_code == 0
    assert "CFG-02" in result.output and "n >= 3f+1" in result.output and "invalid example" in result.output
    as_json = json.loads(CliRunner().invoke(main, ["rules", "show", "cfg-02", "--format", "json"]).output)
    assert as_json["id"] == "CFG-02" and as_json["keyword"] == "SHOULD" and as_json["profiles"] == ["interop", "strict"]


def test_cli_rules_show_unknown_id_is_a_one_line_error() -> None:
    result = CliRunner().invoke(main, ["rules", "show", "NOPE-99"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "unknown rule" in result.output
