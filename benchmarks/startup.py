"""Start-up: how long a pre-commit hook or a desk run waits, beside the tools users would pick instead.

    .venv/bin/python benchmarks/startup.py [--repeat 15]

Times, as the median wall clock and CPU (user + system) of ``--repeat`` runs of each command in a
fresh process: ``wipo-bc --help``, ``wipo-bc --version``, ``wipo-bc validate`` of one small record,
``check-jsonschema --schemafile`` of the same record against the record's schema, and ``ruff check``
of the same file (ruff lints Python and says so; the figure is its start-up), with the ratio of each
to ``wipo-bc validate``. A tool that is not installed is skipped, saying so; install
``check-jsonschema`` in the venv for the comparison (it is not a dependency of the project).

Byte code is compiled first (``compileall``), as ``pip install`` does: a checkout run with
``PYTHONDONTWRITEBYTECODE`` would otherwise time the compiler. On a loaded machine the wall clock
grows with the load; the CPU column does not.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent


def timed(command: list[str], repeat: int) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds (user + system of the child) of ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = os.times()
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - start)
        after = os.times()
        cpus.append((after.children_user - before.children_user) + (after.children_system - before.children_system))
    return statistics.median(walls), statistics.median(cpus)


def tool(name: str) -> str | None:
    found = BIN / name
    return str(found) if found.exists() else shutil.which(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    compileall.compile_dir(str(ROOT / "wipo_bc_standard"), quiet=1)
    wipo = tool("wipo-bc")
    if wipo is None:
        sys.exit("wipo-bc is not installed in this environment")
    with tempfile.TemporaryDirectory() as scratch:
        record = Path(scratch) / "record.json"
        record.write_bytes((ROOT / "examples" / "valid" / "record" / "patent-licence.json").read_bytes())
        schema = ROOT / "schemas" / "record.schema.json"
        runs: list[tuple[str, list[str] | None]] = [
            ("wipo-bc --help", [wipo, "--help"]),
            ("wipo-bc --version", [wipo, "--version"]),
            ("wipo-bc validate record.json", [wipo, "validate", str(record)]),
        ]
        checker = tool("check-jsonschema")
        runs.append(("check-jsonschema --schemafile record.schema.json record.json",
                     [checker, "--schemafile", str(schema), str(record)] if checker else None))
        ruff = tool("ruff")
        runs.append(("ruff check record.json", [ruff, "check", "--no-cache", str(record)] if ruff else None))
        results: dict[str, tuple[float, float]] = {}
        print(f"start-up, median of {args.repeat} runs (load average {os.getloadavg()[0]:.1f}, "
              f"{os.cpu_count()} cores)")
        print(f"{'command':<64} {'wall s':>8} {'cpu s':>8} {'wall / wipo-bc validate':>24}")
        for label, command in runs:
            if command is not None:
                results[label] = timed(command, args.repeat)
        reference = results["wipo-bc validate record.json"][0]
        for label, _ in runs:
            if label not in results:
                print(f"{label:<64} {'skipped: not installed':>42}")
                continue
            wall, cpu = results[label]
            print(f"{label:<64} {wall:>8.3f} {cpu:>8.3f} {wall / reference:>24.2f}")


if __name__ == "__main__":
    main()
