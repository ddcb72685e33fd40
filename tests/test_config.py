"""Everyday runs in a real repository: which files are read, configuration files, and runs that check nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from wipo_bc_standard.cli import main

from .conftest import EXAMPLES


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository as users have them: a JavaScript toolchain beside the records."""
    (tmp_path / "records").mkdir()
    for name in ("trademark-assignment.json", "patent-licence.json"):
        shutil.copy(EXAMPLES / "valid" / "record" / name, tmp_path / "records" / name)
    (tmp_path / "package.json").write_text('{"name": "site", "version": "1.0.0"}')
    (tmp_path / "package-lock.json").write_text('{"lockfileVersion": 3}')
    (tmp_path / "tsconfig.json").write_text('{"compilerOptions": {}}')
    (tmp_path / "node_modules" / "left-pad").mkdir(parents=True)
    (tmp_path / "node_modules" / "left-pad" / "package.json").write_text('{"name": "left-pad"}')
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_directory_walk_checks_only_the_records_and_says_what_it_skipped(repo: Path) -> None:
    code, out, _ = run("validate", ".", "--format", "json")
    report = json.loads(out)
    assert code == 0
    assert sorted(Path(i["source"]).name for i in report["items"]) == ["patent-licence.json",
                                                                       "trademark-assignment.json"]
    files = report["summary"]["files"]
    assert files["read"] == 2
    assert files["skipped"]["not-ours"]["count"] == 4  # package.json, package-lock.json, tsconfig.json, node_modules
    code, out, _ = run("validate", ".")
    assert "read 2 files; skipped 4 not documents of this standard" in out


def test_the_actions_default_run_checks_only_the_records(repo: Path) -> None:
    """action.yml runs `wipo-bc validate <paths> --target auto ...` with paths "." by default."""
    action = (Path(__file__).resolve().parents[1] / "action.yml").read_text(encoding="utf-8")
    assert 'default: "."' in action and 'wipo-bc validate "${paths[@]}" "${options[@]}" --format sarif' in action
    code, out, _ = run("validate", ".", "--target", "auto", "--profile", "interop", "--fail-on", "error",
                       "--format", "sarif")
    assert code == 0
    sarif = json.loads(out)
    assert sarif["runs"][0]["results"] == []


def test_gitignore_is_respected_unless_told_otherwise(repo: Path) -> None:
    (repo / ".gitignore").write_text("drafts/\n")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "half.json").write_text('{"recordId": "x"}')
    code, out, _ = run("validate", ".", "--format", "json")
    assert code == 0 and json.loads(out)["summary"]["files"]["skipped"]["gitignored"]["count"] == 1
    code, out, _ = run("validate", ".", "--format", "json", "--no-gitignore")
    assert code == 1 and json.loads(out)["summary"]["files"]["read"] == 3


def test_include_and_exclude_globs_on_the_command_line(repo: Path) -> None:
    code, out, _ = run("validate", ".", "--format", "json", "--exclude", "*licence*")
    report = json.loads(out)
    assert [Path(i["source"]).name for i in report["items"]] == ["trademark-assignment.json"]
    assert report["summary"]["files"]["skipped"]["excluded"]["count"] == 1
    code, out, _ = run("validate", ".", "--format", "json", "--include", "records/patent-*")
    assert [Path(i["source"]).name for i in json.loads(out)["items"]] == ["patent-licence.json"]


@pytest.mark.parametrize("name, content", [("empty-dir", None), ("items.ndjson", b""), ("items.json", b"[]"),
                                           ("items.ndjson", b"\n\n")])
def test_nothing_checked_is_not_a_pass(tmp_path: Path, name: str, content: bytes | None) -> None:
    target = tmp_path / name
    if content is None:
        target.mkdir()
    else:
        target.write_bytes(content)
    code, out, err = run("validate", str(target))
    assert code == 2
    assert "nothing was checked" in err and "--allow-empty" in err
    assert "nothing checked" in out
    code, _, _ = run("validate", str(target), "--allow-empty")
    assert code == 0


def test_configuration_in_pyproject_is_found_from_a_subdirectory(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.wipo-bc]\nprofile = "strict"\n'
                                         'exclude = ["*licence*"]\nlang = "zh"\n')
    monkeypatch.chdir(repo / "records")
    code, out, _ = run("validate", ".", "--show-config")
    shown = json.loads(out)
    assert code == 0 and shown["file"] == str(repo / "pyproject.toml")
    assert shown["profile"] == {"value": "strict", "from": str(repo / "pyproject.toml")}
    code, out, _ = run("validate", ".", "--show-config", "--profile", "core")
    assert json.loads(out)["profile"] == {"value": "core", "from": "command line"}
    code, out, _ = run("validate", ".", "--format", "json")
    assert [Path(i["source"]).name for i in json.loads(out)["items"]] == ["trademark-assignment.json"]
    code, out, _ = run("validate", ".", "--format", "json", "--no-config")
    assert len(json.loads(out)["items"]) == 2


def test_wipo_bc_toml_wins_and_its_paths_are_relative_to_it(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / "pyproject.toml").write_text('[tool.wipo-bc]\nprofile = "strict"\n')
    (repo / "wipo-bc.toml").write_text('profile = "core"\nbaseline = "accepted.json"\n')
    monkeypatch.chdir(repo / "records")
    shown = json.loads(run("validate", ".", "--show-config")[1])
    assert shown["file"] == str(repo / "wipo-bc.toml")
    assert shown["profile"]["value"] == "core"
    assert shown["baseline"]["value"] == str(repo / "accepted.json")


@pytest.mark.parametrize("text, words", [('bogus = 1\n', "unknown key 'bogus'"),
                                         ('profile = "loose"\n', "'loose' is not one of"),
                                         ('include = 3\n', "must be a list of strings"),
                                         ('profile = \n', "not TOML")])
def test_a_wrong_configuration_is_a_one_line_error(repo: Path, text: str, words: str) -> None:
    (repo / "wipo-bc.toml").write_text(text)
    code, _, err = run("validate", ".")
    assert code == 2 and words in err and len(err.strip().splitlines()) == 1


def test_per_file_ignores_and_per_path_targets(repo: Path) -> None:
    (repo / "profiles").mkdir()
    (repo / "profiles" / "ours.json").write_text('{"recordId": "not a profile"}')
    (repo / "records" / "bad.json").write_text('{"recordId": "x"}')
    code, out, _ = run("validate", ".", "--format", "json")
    bad = {Path(i["source"]).name: i for i in json.loads(out)["items"]}
    assert bad["ours.json"]["target"] == "record" and bad["bad.json"]["findings"]
    (repo / "wipo-bc.toml").write_text('[per-path-target]\n"profiles/" = "profile"\n'
                                       '[per-file-ignores]\n"records/bad.json" = ["schema.", "REC-"]\n')
    code, out, _ = run("validate", ".", "--format", "json")
    report = json.loads(out)
    items = {Path(i["source"]).name: i for i in report["items"]}
    assert items["ours.json"]["target"] == "profile"
    assert items["bad.json"]["findings"] == [] and items["bad.json"]["conformant"]
    assert report["summary"]["ignored"] >= 1


def test_a_named_file_is_read_whatever_its_name(repo: Path) -> None:
    code, out, _ = run("validate", "package.json", "--format", "json")
    assert code == 1 and json.loads(out)["items"][0]["findings"][0]["rule"] == "target.unknown"


def test_a_real_git_repository_and_its_nested_gitignore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "records" / "old").mkdir(parents=True)
    shutil.copy(EXAMPLES / "valid" / "record" / "patent-licence.json", tmp_path / "records" / "a.json")
    (tmp_path / "records" / "old" / "b.json").write_text("{}")
    (tmp_path / "records" / ".gitignore").write_text("old/\n")
    monkeypatch.chdir(tmp_path / "records")
    code, out, _ = run("validate", ".", "--format", "json")
    assert code == 0 and json.loads(out)["summary"]["files"]["read"] == 1


def test_blank_lines_at_the_end_of_ndjson_are_not_items(tmp_path: Path) -> None:
    record = (EXAMPLES / "valid" / "record" / "patent-licence.json").read_bytes()
    line = json.dumps(json.loads(record)).encode()
    path = tmp_path / "items.ndjson"
    path.write_bytes(line + b"\n\n" + line + b"\n\n  \n")
    code, out, _ = run("validate", str(path), "--format", "json")
    items = json.loads(out)["items"]
    assert [i["line"] for i in items] == [1, 2, 3]
    assert [f["rule"] for f in items[1]["findings"]] == ["json.empty"] and code == 1


def test_blank_lines_between_batches_of_a_parallel_run_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wipo_bc_standard import parallel
    monkeypatch.setattr(parallel, "BATCH_LINES", 2)
    path = tmp_path / "items.ndjson"
    path.write_bytes(b'{"recordId": "a"}\n\n{"recordId": "b"}\n\n\n')
    single = json.loads(run("validate", str(path), "--format", "json", "--jobs", "1")[1])["items"]
    double = json.loads(run("validate", str(path), "--format", "json", "--jobs", "2")[1])["items"]
    assert single == double and [i["line"] for i in single] == [1, 2, 3]


def test_every_configuration_key_is_documented() -> None:
    from wipo_bc_standard.config import KEYS
    page = (Path(__file__).resolve().parents[1] / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert [key for key in KEYS if f"| `{key}` |" not in page] == []


def test_a_skipped_file_name_cannot_forge_report_lines(repo: Path) -> None:
    """The names of skipped files are shown as the names of read ones are: control characters
    escaped, so a name cannot inject a workflow command into the GitHub Actions output."""
    (repo / "records" / "x\n::error title=forged::forged.json").write_text("{}")
    code, out, _ = run("validate", ".", "--format", "github", "--exclude", "*forged*")
    assert code == 0 and "x\\x0a::error" in out
    assert not any(line.startswith("::") for line in out.splitlines())


def test_a_gitignore_that_is_not_a_regular_file_does_not_hold_the_walk(repo: Path) -> None:
    """A FIFO named .gitignore would block a read forever: it is passed over like an unreadable one."""
    import os
    os.mkfifo(repo / "records" / ".gitignore")
    code, out, _ = run("validate", ".")
    assert code == 0 and "read 2 files" in out
