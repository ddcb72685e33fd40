"""Records/s of `wipo-bc validate` (the whole process) against plain `jsonschema` on the same records.

    .venv/bin/python benchmarks/validate.py [--records 100000] [--baseline-records 10000] [--profile strict]

The records are made from the bundled valid record examples (each copy gets its own recordId and
application number, and loses its `proof`, which would no longer verify). `wipo-bc validate` runs as users run it: a subprocess reading an NDJSON file
and writing the full JSON report. Plain `jsonschema` parses each line with `json.loads` and validates
it with `Draft202012Validator` and its format checker; it is slow, so by default it runs on the
first 10,000 records and its rate is what is compared.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_records(count: int) -> list[bytes]:
    bases = [json.loads(p.read_text()) for p in sorted((ROOT / "examples" / "valid" / "record").glob("*.json"))]
    lines = []
    for i in range(count):
        record = json.loads(json.dumps(bases[i % len(bases)]))
        record["recordId"] = f"urn:uuid:{uuid.UUID(int=i + 1, version=4)}"
        record["ipRight"]["applicationNumber"] = f"{record['ipRight']['applicationNumber']}-{i}"
        # A copy's signature no longer matches its content; signature cost is measured apart.
        record.pop("proof", None)
        lines.append(json.dumps(record, ensure_ascii=False).encode())
    return lines


def time_cli(path: Path, profile: str, jobs: int = 0) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "wipo_bc_standard", "validate", "--profile", profile,
                           "--format", "json", "-o", "/dev/null", "--jobs", str(jobs), str(path)], check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"wipo-bc validate failed with exit code {done.returncode}")
    return elapsed


def time_jsonschema(lines: list[bytes]) -> float:
    import jsonschema

    from wipo_bc_standard import schemas
    validator = jsonschema.Draft202012Validator(schemas.load("record"),
                                                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    start = time.perf_counter()
    for line in lines:
        for _error in validator.iter_errors(json.loads(line)):
            pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--baseline-records", type=int, default=10_000)
    parser.add_argument("--profile", default="strict", choices=("core", "interop", "strict"))
    args = parser.parse_args()
    lines = make_records(args.records)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.ndjson"
        path.write_bytes(b"\n".join(lines) + b"\n")
        cli_seconds = time_cli(path, args.profile)
        one_core_seconds = time_cli(path, args.profile, jobs=1)
    baseline = lines[: args.baseline_records]
    js_seconds = time_jsonschema(baseline)
    cli_rate, one_core_rate = len(lines) / cli_seconds, len(lines) / one_core_seconds
    js_rate = len(baseline) / js_seconds
    print(f"wipo-bc validate --profile {args.profile} (whole process): {len(lines)} records in {cli_seconds:.2f} s"
          f" = {cli_rate:,.0f} records/s")
    print(f"  the same with --jobs 1 (one process): {one_core_seconds:.2f} s = {one_core_rate:,.0f} records/s")
    print(f"plain jsonschema (json.loads + Draft202012Validator, formats): {len(baseline)} records in"
          f" {js_seconds:.2f} s = {js_rate:,.0f} records/s")
    print(f"ratio: {cli_rate / js_rate:.1f}x (one process: {one_core_rate / js_rate:.1f}x)")


if __name__ == "__main__":
    main()
