"""The documentation site and the CI integration files (pre-commit hooks, GitHub Action)."""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

from wipo_bc_standard import codelists
from wipo_bc_standard.compat import CHECKS
from wipo_bc_standard.docs_site import Sources, glossary_pages, pages, value_chain_svg
from wipo_bc_standard.rules import CATALOGUE

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def installed_command() -> str:
    """The ``wipo-bc`` script of the environment running the tests."""
    script = Path(sys.executable).parent / ("wipo-bc.exe" if os.name == "nt" else "wipo-bc")
    found = str(script) if script.is_file() else shutil.which("wipo-bc")
    if not found:
        pytest.skip("the wipo-bc command is not installed (pip install -e .)")
    return found


def load_yaml(path: Path) -> object:
    yaml = pytest.importorskip("yaml", reason="PyYAML comes with the docs extra (mkdocs)")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# --- pre-commit hooks ------------------------------------------------------------------------------

HOOK_EXAMPLES = {
    "wipo-bc-records": sorted((EXAMPLES / "valid" / "record").glob("*.json")),
    "wipo-bc-profiles": sorted((EXAMPLES / "valid" / "profile").glob("*.json"))
    + sorted((EXAMPLES / "networks").glob("*/profile.json")),
    "wipo-bc-governance": sorted((EXAMPLES / "valid" / "governance").glob("*.json"))
    + sorted((EXAMPLES / "networks").glob("*/governance.json")),
}


def hooks() -> dict[str, dict[str, str]]:
    return {h["id"]: h for h in load_yaml(ROOT / ".pre-commit-hooks.yaml")}  # type: ignore[union-attr]


def test_hooks_are_the_three_documented_ones() -> None:
    found = hooks()
    assert set(found) == set(HOOK_EXAMPLES)
    for hook in found.values():
        assert hook["language"] == "python"
        assert shlex.split(hook["entry"])[:2] == ["wipo-bc", "validate"]


@pytest.mark.parametrize("hook_id", sorted(HOOK_EXAMPLES))
def test_hook_entry_passes_valid_examples_it_matches(hook_id: str) -> None:
    hook = hooks()[hook_id]
    files = [p.relative_to(ROOT).as_posix() for p in HOOK_EXAMPLES[hook_id]]
    assert files, f"no example files for {hook_id}"
    # pre-commit selects files with re.search on the repository-relative path.
    unmatched = [f for f in files if not re.search(hook["files"], f)]
    assert not unmatched, f"{hook_id}'s files pattern misses {unmatched}"
    argv = [installed_command(), *shlex.split(hook["entry"])[1:], *files]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stdout + done.stderr


def test_hook_entry_fails_on_an_invalid_record() -> None:
    hook = hooks()["wipo-bc-records"]
    bad = next((EXAMPLES / "invalid" / "record").glob("LS-01--*.json"))
    argv = [installed_command(), *shlex.split(hook["entry"])[1:], str(bad)]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 1 and "LS-01" in done.stdout


def test_hook_patterns_do_not_cross_targets() -> None:
    found = hooks()
    assert not re.search(found["wipo-bc-profiles"]["files"], "records/trademark.json")
    assert not re.search(found["wipo-bc-governance"]["files"], "networks/a/profile.json")
    assert not re.search(found["wipo-bc-records"]["files"], "networks/a/governance.json")


# --- GitHub Action ---------------------------------------------------------------------------------

def test_action_declares_its_inputs_and_runs_composite() -> None:
    action = load_yaml(ROOT / "action.yml")
    assert isinstance(action, dict)
    assert {"paths", "target", "profile", "fail-on", "sarif-file", "upload-sarif"} <= set(action["inputs"])
    assert action["runs"]["using"] == "composite"
    uses = [s.get("uses", "") for s in action["runs"]["steps"]]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps are bash scripts")
@pytest.mark.parametrize(("paths", "expected"), [("examples/valid/record", "0"),
                                                 ("examples/invalid/record/LS-01--trademark-event-coded-in-st27.json",
                                                  "1"),
                                                 ("no/such/path", "2")])
def test_action_validate_step_keeps_the_exit_code_and_writes_sarif(tmp_path: Path, paths: str,
                                                                   expected: str) -> None:
    action = load_yaml(ROOT / "action.yml")
    assert isinstance(action, dict)
    step = next(s for s in action["runs"]["steps"] if s.get("id") == "validate")
    outputs, sarif = tmp_path / "outputs", tmp_path / "report.sarif"
    env = {**os.environ, "PATH": f"{Path(installed_command()).parent}{os.pathsep}{os.environ['PATH']}",
           "GITHUB_OUTPUT": str(outputs), "WIPO_BC_PATHS": paths, "WIPO_BC_TARGET": "auto",
           "WIPO_BC_PROFILE": "interop", "WIPO_BC_NETWORK": "", "WIPO_BC_FAIL_ON": "error",
           "WIPO_BC_SARIF": str(sarif), "WIPO_BC_ANNOTATIONS": "true"}
    # GitHub runs composite bash steps with -e -o pipefail: the step itself must still succeed.
    done = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", step["run"]], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    recorded = dict(line.split("=", 1) for line in outputs.read_text().splitlines())
    assert recorded["exit-code"] == expected
    assert (recorded.get("sarif-written") == "true") == (expected != "2")
    if expected == "1":
        assert '"ruleId":"LS-01"' in sarif.read_text(encoding="utf-8").replace(" ", "")
        assert "::error" in done.stdout  # the annotations run


# --- generated pages (no mkdocs needed) ------------------------------------------------------------

@pytest.fixture(scope="module")
def generated() -> dict[str, str]:
    from wipo_bc_standard.cli import main
    return {p.path: p.text for p in pages(Sources(ROOT), main)}


def test_a_page_per_rule_code_list_and_schema(generated: dict[str, str]) -> None:
    for rule in CATALOGUE.values():
        assert rule.id in generated[f"generated/rules/{rule.id}.md"]
    for codes in codelists.ALL.values():
        page = generated[f"generated/codelists/{codes.id}.md"]
        assert all(f"`{c.value}`" in page for c in codes.codes)
    for schema in (ROOT / "schemas").glob("*.schema.json"):
        assert f"generated/data-model/{schema.name.removesuffix('.schema.json')}.md" in generated


def test_data_model_table_has_definitions_and_example_values(generated: dict[str, str]) -> None:
    record = generated["generated/data-model/record.md"]
    assert "| `ipRight.applicationNumber` | string | yes | Application number as the office gives it" in record
    assert "| `recordId` | string (uri) | yes |" in record and "<code>urn:uuid:" in record
    # Code-list values link to the code list's page.
    assert "`parties[].role` | code from [party-roles](../codelists/party-roles.md) | yes |" in record
    assert "| `recordType` | code from [record-types](../codelists/record-types.md) | yes |" in record


def test_reference_model_draws_every_use_case_and_phase() -> None:
    svg = value_chain_svg()
    assert svg.startswith("<svg") and "<script" not in svg
    for code in (*codelists.USE_CASES.codes, *codelists.VALUE_CHAIN_PHASES.codes):
        assert code.label.replace("&", "&amp;") in svg


def test_compat_page_lists_every_check(generated: dict[str, str]) -> None:
    page = generated["generated/compat-checks.md"]
    assert all(f"`{check_id}`" in page for check_id in CHECKS)


def test_cli_reference_has_every_command(generated: dict[str, str]) -> None:
    from wipo_bc_standard.cli import main
    cli = generated["generated/cli.md"]
    assert all(f"`wipo-bc {name}`" in cli for name in main.list_commands(click.Context(main)))


def test_glossary_reads_the_vocabulary_per_language() -> None:
    from wipo_bc_standard.vocabulary import Concept
    blockchain = Concept("term", "blockchain", "T005", {"en": "blockchain", "zh": "区块链", "ar": "سلسلة الكتل"},
                         {"en": "Append-only chain of blocks.", "zh": "只能追加的区块链式结构。"})
    by_path = {p.path: p.text for p in glossary_pages([blockchain])}
    assert "## 区块链 { #T005 }" in by_path["generated/glossary/zh.md"]  # same anchor in every language
    assert "只能追加的区块链式结构。" in by_path["generated/glossary/zh.md"]
    assert 'dir="rtl"' in by_path["generated/glossary/ar.md"]
    assert "0 of 1 terms" in by_path["generated/glossary/fr.md"]


def test_the_glossary_has_every_term_of_the_vocabulary(generated: dict[str, str]) -> None:
    from wipo_bc_standard import vocabulary
    english = generated["generated/glossary/en.md"]
    assert all(f"{{ #{t.notation} }}" in english for t in vocabulary.terms())


# --- the built site --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    missing = [m for m in ("mkdocs", "material", "mkdocstrings") if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed: pip install -e '.[docs]'")
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run([installed_command(), "docs", "build", "--site-dir", str(out)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    # mkdocs --strict: any warning (broken link, missing page, bad reference) fails the build.
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_strict_build_writes_the_site(site: Path) -> None:
    assert (site / "index.html").is_file()
    assert (site / "ci" / "index.html").is_file()


def test_site_carries_every_rule(site: Path) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in (site / "generated" / "rules").rglob("index.html"))
    missing = [rule_id for rule_id in CATALOGUE if rule_id not in text]
    assert not missing


def test_site_documents_the_python_api(site: Path) -> None:
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    assert "iter_validate" in api and "compare" in api


def test_site_carries_the_chinese_glossary(site: Path) -> None:
    zh = (site / "generated" / "glossary" / "zh" / "index.html").read_text(encoding="utf-8")
    assert "区块链" in zh
    assert 'lang="zh"' in zh


def test_site_links_the_draft_standard_documents(site: Path) -> None:
    page = (site / "standard-draft" / "index.html").read_text(encoding="utf-8")
    for lang in ("en", "zh"):
        for fmt in ("docx", "html"):
            assert f'href="../standard/draft-standard-{lang}.{fmt}"' in page
            assert (site / "standard" / f"draft-standard-{lang}.{fmt}").stat().st_size > 10_000
