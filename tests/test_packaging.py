"""What a user installs: the wheel carries the schemas, the vocabulary and py.typed."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling", reason="building the wheel offline needs hatchling (the test extra has it)")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(out), str(ROOT)], check=True, capture_output=True)
    (built,) = out.glob("*.whl")
    return built


def test_wheel_carries_the_artifacts(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "wipo_bc_standard/py.typed" in names
    for schema in (ROOT / "schemas").iterdir():
        assert f"wipo_bc_standard/_data/schemas/{schema.name}" in names
    for term_file in (ROOT / "vocab").iterdir():
        assert f"wipo_bc_standard/_data/vocab/{term_file.name}" in names
    # The W3C contexts resolved offline, with the notice their licence asks for.
    for context_file in (ROOT / "wipo_bc_standard/identity/w3c_contexts").iterdir():
        assert f"wipo_bc_standard/identity/w3c_contexts/{context_file.name}" in names
    # The conformance suite, with the examples its cases read, in the layout the manifest's paths assume.
    manifest = json.loads((ROOT / "conformance" / "manifest.json").read_text(encoding="utf-8"))
    for case in manifest["cases"]:
        assert f"wipo_bc_standard/_data/{case['input']}" in names, case["id"]


def test_cli_runs_as_a_module() -> None:
    done = subprocess.run([sys.executable, "-m", "wipo_bc_standard", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and "wipo-bc" in done.stdout
