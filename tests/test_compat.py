"""``wipo-bc compat``: whether two networks can exchange records, and what blocks it."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from wipo_bc_standard import validate
from wipo_bc_standard.compat import CHECKS, Network, NetworkError, compare, load_network

NETWORKS = Path(__file__).resolve().parents[1] / "examples" / "networks"
EUIPO, IPCHAIN, EBSI, ETHEREUM = (NETWORKS / n for n in ("euipo-multichain", "ipchain-fabric", "ebsi-besu",
                                                        "ethereum-anchoring"))


def invoke(*args: str) -> tuple[int, str]:
    """Run ``wipo-bc compat`` in-process through click (exit code, stdout+stderr)."""
    from click.testing import CliRunner

    from wipo_bc_standard.cli import main
    result = CliRunner().invoke(main, ["compat", *args])
    return result.exit_code, result.output


@pytest.mark.parametrize("folder", sorted(p.name for p in NETWORKS.iterdir() if p.is_dir()))
def test_every_example_network_is_conformant(folder: str) -> None:
    # The example networks are what users copy: each must pass validate under the strictest profile,
    # its governance checked against its own profile.
    network = load_network(NETWORKS / folder)
    assert network.governance is not None, f"{folder} has no governance.json"
    for target, doc in (("profile", network.profile), ("governance", network.governance)):
        report = validate(doc, target=target, profile="strict", network=network.profile, fail_on="info")
        assert report.conformant, [f.to_dict() for item in report.items for f in item.findings]


def test_compatible_pair_exits_0_and_says_so() -> None:
    code, out = invoke(str(EUIPO), str(EBSI))
    assert code == 0, out
    assert "compatible: the networks can exchange records" in out
    assert "BLOCKER" not in out


def test_blocked_pair_exits_1_and_explains_each_blocker() -> None:
    code, out = invoke(str(IPCHAIN), str(ETHEREUM), "--format", "json")
    assert code == 1
    verdict = json.loads(out)
    assert verdict["compatible"] is False
    blockers = {i["id"]: i for i in verdict["issues"] if i["level"] == "blocker"}
    assert set(blockers) == {"COMPAT-SIG", "COMPAT-PERSONAL-DATA"}
    assert verdict["summary"]["blockers"] == 2
    # Each blocker names both sides' values, so that the reader sees what to change.
    assert blockers["COMPAT-SIG"]["a"] == ["ES256", "GOST-R-34.10-2012"]
    assert blockers["COMPAT-SIG"]["b"] == ["ES256K", "EdDSA"]
    assert "public network" in blockers["COMPAT-PERSONAL-DATA"]["message"]
    assert blockers["COMPAT-PERSONAL-DATA"]["a"]["personalDataOnChain"] is True
    assert blockers["COMPAT-PERSONAL-DATA"]["b"]["networkType"] == "public"


def test_text_verdict_lists_blocker_with_both_values() -> None:
    code, out = invoke(str(IPCHAIN), str(ETHEREUM))
    assert code == 1
    assert "BLOCKER  COMPAT-SIG: no signature algorithms in common" in out
    assert "A: ES256, GOST-R-34.10-2012" in out and "B: ES256K, EdDSA" in out
    assert out.rstrip().splitlines()[-1].startswith("NOT compatible: resolve the blockers first (2 blockers, ")


def test_personal_data_blocks_towards_a_network_that_forbids_it() -> None:
    # IPChain writes holders' names on chain; the EUIPO-like network's governance forbids that.
    verdict = compare(EUIPO, IPCHAIN)
    assert [i.id for i in verdict.blockers] == ["COMPAT-PERSONAL-DATA"]
    assert verdict.blockers[0].message.startswith("from B to A")
    assert verdict.exit_code == 1


def test_compare_is_symmetric_in_its_findings() -> None:
    forward = compare(IPCHAIN, ETHEREUM)
    backward = compare(ETHEREUM, IPCHAIN)
    assert sorted(i.id for i in forward.issues) == sorted(i.id for i in backward.issues)
    for issue in forward.issues:
        mirror = next(j for j in backward.issues if j.id == issue.id and j.level == issue.level)
        if issue.id not in ("COMPAT-FINALITY", "COMPAT-ERASURE"):
            assert (mirror.a, mirror.b) == (issue.b, issue.a)


def _with(network: Path, **profile_changes: object) -> Network:
    base = load_network(network)
    profile = copy.deepcopy(dict(base.profile))
    profile.update(profile_changes)
    return Network(profile, base.governance, base.source)


def test_no_common_hash_algorithm_blocks() -> None:
    verdict = compare(_with(EUIPO, hashAlgorithms=["sha-384"]), _with(EBSI, hashAlgorithms=["sha3-256"]))
    hash_issues = [i for i in verdict.blockers if i.id == "COMPAT-HASH"]
    assert hash_issues and hash_issues[0].a == ["sha-384"] and hash_issues[0].b == ["sha3-256"]


def test_governance_narrows_the_profile_algorithms() -> None:
    # Both profiles list sha-384, but B's governance approves only sha-256 and sha3-256: B accepts
    # sha3-256 alone (on both of its lists), so nothing is in common with A.
    a = _with(EUIPO, hashAlgorithms=["sha-384"])
    b = _with(EBSI, hashAlgorithms=["sha-384", "sha3-256"])
    issue = next(i for i in compare(a, b).issues if i.id == "COMPAT-HASH")
    assert issue.kind == "blocker" and (issue.a, issue.b) == (["sha-384"], ["sha3-256"])


def test_different_json_canonicalisation_blocks() -> None:
    verdict = compare(_with(EUIPO, canonicalization={"json": "exc-c14n"}), EBSI)
    assert "COMPAT-CANON" in {i.id for i in verdict.blockers}


def test_no_common_version_blocks() -> None:
    verdict = compare(_with(EUIPO, supportedVersions=["0.2"]), EBSI)
    issue = next(i for i in verdict.blockers if i.id == "COMPAT-VERSION")
    assert (issue.a, issue.b) == (["0.2"], ["0.1"])


def test_no_common_record_type_blocks_partial_warns() -> None:
    blocked = compare(_with(EUIPO, recordTypes=["renewal"]), EBSI)
    assert "COMPAT-RECORD-TYPES" in {i.id for i in blocked.blockers}
    partial = compare(EUIPO, EBSI)
    assert "COMPAT-RECORD-TYPES" in {i.id for i in partial.warnings}


def test_no_common_legal_status_standard_blocks_when_both_carry_status_events() -> None:
    a = _with(EUIPO, legalStatusStandards=["ST.61"])
    b = _with(IPCHAIN, legalStatusStandards=["ST.27"], personalDataOnChain=False)
    assert "COMPAT-LEGAL-STATUS" in {i.id for i in compare(a, b).blockers}


def test_invalid_input_is_reported_as_blockers() -> None:
    broken = _with(EUIPO, hashAlgorithms=[], networkType="galactic")
    verdict = compare(broken, EBSI)
    inputs = [i for i in verdict.blockers if i.id == "COMPAT-INPUT"]
    assert len(inputs) >= 2
    assert all(i.message.startswith("A's profile is not valid") and i.b is None for i in inputs)
    assert {i.a["path"] for i in inputs} >= {"/hashAlgorithms", "/networkType"}


def test_governance_of_another_network_warns() -> None:
    mixed = Network(load_network(EUIPO).profile, load_network(EBSI).governance, "mixed")
    issue = next(i for i in compare(mixed, IPCHAIN).issues if i.id == "COMPAT-PAIRING")
    assert issue.kind == "warning" and issue.a == "did:web:ebsi.example" and issue.b is None


def test_a_profile_file_alone_is_accepted() -> None:
    code, out = invoke(str(EUIPO / "profile.json"), str(EBSI))
    assert code == 0, out
    assert "COMPAT-GOVERNANCE" in out


@pytest.mark.parametrize("problem", ["missing", "not-json", "no-profile", "governance-alone"])
def test_unreadable_input_exits_2_with_one_line(tmp_path: Path, problem: str) -> None:
    target = tmp_path / "net"
    if problem == "not-json":
        target.mkdir()
        (target / "profile.json").write_text("{not json", encoding="utf-8")
    elif problem == "no-profile":
        target.mkdir()
        (target / "governance.json").write_text("{}", encoding="utf-8")
    elif problem == "governance-alone":
        target = EUIPO / "governance.json"
    code, out = invoke(str(target), str(EBSI))
    assert code == 2
    assert out.startswith("wipo-bc: error: ") and out.count("\n") == 1
    with pytest.raises(NetworkError):
        compare(target, EBSI)


def test_every_issue_id_is_documented() -> None:
    # The docs' compat page is rendered from CHECKS: every id a verdict can carry must be there.
    pairs = [(a, b) for a in (EUIPO, IPCHAIN, EBSI, ETHEREUM) for b in (EUIPO, IPCHAIN, EBSI, ETHEREUM)]
    seen = {i.id for a, b in pairs for i in compare(a, b).issues}
    assert seen <= set(CHECKS)
    assert all(c.description for c in CHECKS.values())


def test_a_huge_integer_in_a_profile_is_written_exactly_in_the_json_verdict() -> None:
    """A profile given as an object (the API; files refuse such numbers) may hold an integer beyond
    64 bits: the JSON verdict shows it as it is, it is no traceback."""
    from wipo_bc_standard.renderers.verdict import render_verdict
    profile = {**load_network(EUIPO).profile, "canonicalization": {"json": 10**30}}
    verdict = compare(Network(profile, None, "given"), EBSI)
    issue = next(i for i in json.loads(render_verdict(verdict, "json"))["issues"] if i["id"] == "COMPAT-CANON")
    assert issue["a"] == 10**30
