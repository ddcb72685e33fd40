"""The hostile corpus (tests/hostile/cases.py) through the CLI: every case keeps every promise.

No traceback; an exit code of 0, 1 or 2 (and the one the case calls for); every item reported;
no input changed; no network attempt; at most 2 CPU seconds and 300 MiB of memory per case. See
``tests/hostile/driver.py`` for how cases run and are measured.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .hostile.cases import Case, cases

ROOT = Path(__file__).resolve().parents[1]
CASES = cases()
#: While working on a class of cases: ``WIPO_BC_HOSTILE_CASES=int-huge,fifo`` runs only those.
SELECTED = [c for c in CASES if any(part in c.name for part in
                                    os.environ.get("WIPO_BC_HOSTILE_CASES", "").split(","))]
#: CPU seconds and peak resident memory a case may use.
CPU_LIMIT = 2.0
RSS_LIMIT_MIB = 300


def _write(folder: Path, case: Case) -> None:
    folder.mkdir(parents=True)
    for name, content in case.files.items():
        path = Path(os.fsdecode(folder)) / os.fsdecode(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content() if callable(content) else content
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    if case.setup is not None:
        case.setup(folder)


def _snapshot(folder: Path, outputs: tuple[str, ...]) -> dict[str, Any]:
    """Every entry of the case's folder: a regular file by its digest, anything else by its kind."""
    seen: dict[str, Any] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            relative = os.fsdecode(path.relative_to(folder))
            if relative in outputs:
                continue
            mode = os.lstat(path).st_mode
            if stat.S_ISREG(mode):
                seen[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                seen[relative] = stat.S_IFMT(mode)
    return seen


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("hostile")
    manifest, before = [], {}
    for case in SELECTED:
        folder = base / "cases" / case.name
        _write(folder, case)
        before[case.name] = _snapshot(folder, case.outputs)
        argv = [os.fsencode(a).hex() for a in case.argv]
        stdin = None if case.stdin is None else str(folder / case.stdin)
        manifest.append({"name": case.name, "cwd": str(folder), "argv_hex": argv, "stdin": stdin,
                         "out": str(base / "out" / case.name)})
    (base / "manifest.json").write_text(json.dumps(manifest))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "tests.hostile.driver", str(base / "manifest.json"),
                    str(base / "results.json")], cwd=ROOT, env=env, check=True, timeout=3600)
    results = {r["name"]: r for r in json.loads((base / "results.json").read_text())}
    return {"base": base, "before": before, "results": results}


def test_the_corpus_is_big_and_covers_every_class() -> None:
    assert len(CASES) >= 100
    assert len({c.name for c in CASES}) == len(CASES)
    kinds = {c.kind for c in CASES}
    assert {"huge integers", "EVM numbers", "deep nesting", "RDF", "file names", "outputs", "special files",
            "patterns", "crypto", "XML", "line endings", "sizes", "report injection"} <= kinds


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_case(case: Case, corpus: dict[str, Any]) -> None:
    if case not in SELECTED:
        pytest.skip("not selected by WIPO_BC_HOSTILE_CASES")
    result = corpus["results"][case.name]
    out_dir = corpus["base"] / "out" / case.name
    stdout = (out_dir / "stdout").read_bytes()
    stderr = (out_dir / "stderr").read_bytes()
    said = stdout + stderr
    tail = said[-2000:].decode("utf-8", "replace")
    assert b"Traceback" not in said, tail
    assert result["code"] in case.codes, f"exit {result['code']}: {tail}"
    assert result["network"] == ""
    assert result["cpu"] <= CPU_LIMIT, f"{result['cpu']:.2f} CPU seconds"
    assert result["rss_mib"] <= RSS_LIMIT_MIB, f"{result['rss_mib']:.0f} MiB"
    folder = corpus["base"] / "cases" / case.name
    assert _snapshot(folder, case.outputs) == corpus["before"][case.name], "an input was changed"
    # Nothing forges a report line, a GitHub workflow command, or a terminal escape.
    assert b"\x1b" not in said
    if "github" not in case.argv:
        assert not any(line.startswith(b"::") for line in said.splitlines()), tail
    for text in case.says:
        assert text.encode() in said, tail
    if result["code"] == 2:
        assert len(stderr.strip().splitlines()) == 1, stderr.decode("utf-8", "replace")[-2000:]
    if case.items is not None:
        lines = [json.loads(line) for line in stdout.splitlines()]
        items = [line for line in lines if "source" in line]
        assert len(items) == case.items
        assert lines[-1]["summary"]["items"] == case.items
