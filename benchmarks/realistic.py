"""`wipo-bc validate` side by side with the tools users would pick instead, on realistic varied data.

    .venv/bin/python benchmarks/realistic.py [--records 100000] [--ledger-records 100000,1000000] [--quick]

One run, one seeded data set (benchmarks/datagen.py: every record type and kind of right, a dozen
offices, optional members present or not, a tenth signed, 5% faults of many kinds). Printed:

1. records/s, whole process, of `wipo-bc validate --format json` on one NDJSON file, for each
   profile with `--jobs 1`, `--jobs 2` and the automatic choice, beside plain `jsonschema`
   (`json.loads` + `Draft202012Validator` with its format checker), the `check-jsonschema` CLI (when
   installed), raw `jsonschema-rs` (schema only) and `orjson` parsing alone, with ratios;
2. the input forms: one big NDJSON, one big JSON array, 10,000 small JSON files, 10,000 small XML
   files, JSON-LD and Turtle files, each with `--jobs 1` and auto;
3. the ledger target on chains of `--ledger-records` records (records/s and peak RSS at each size:
   the chain keeps state per IP right and per record id);
4. peak RSS (with the JSON report) as the input grows.

Whole-process figures include start-up (~0.3 s). CPU seconds are user + system of the process and
its workers. The slow baselines run on a prefix of the same records (`--baseline-records`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import orjson

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from datagen import Generator  # noqa: E402

from wipo_bc_standard import schemas  # noqa: E402


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float
    code: int


def _peak_rss(pid: int, peaks: dict[int, int]) -> None:
    """Record the high-water RSS (VmHWM, kB) of a process and its descendants, as /proc shows them now."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            peaks[pid] = max(peaks.get(pid, 0), int(line.split()[1]))
    for child in children:
        _peak_rss(int(child), peaks)


def run_process(args: list[str]) -> Run:
    """Wall, CPU (process and its workers) and peak RSS of one command. The RSS is the largest
    high-water mark of any one of its processes, sampled every 20 ms from /proc (rusage's maxrss
    would count this script's own memory, inherited across fork)."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks: dict[int, int] = {}
    while True:
        _peak_rss(process.pid, peaks)
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(0.02)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code
    if code not in (0, 1) or "Traceback" in stderr:
        raise SystemExit(f"{' '.join(args)} failed ({code}): {stderr[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, max(peaks.values(), default=0) / 1024, code)


def wipo_bc(paths: Iterable[Path | str], *options: str) -> Run:
    return run_process([sys.executable, "-m", "wipo_bc_standard", "validate", "--format", "json",
                        "-o", os.devnull, *options, *map(str, paths)])


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}" if seconds > 0 else "-"


def plain_jsonschema(lines: list[bytes]) -> float:
    import json

    import jsonschema
    validator = jsonschema.Draft202012Validator(schemas.load("record"),
                                                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    start = time.process_time()
    for line in lines:
        try:
            doc = json.loads(line)
        except ValueError:
            continue
        for _error in validator.iter_errors(doc):
            pass
    return time.process_time() - start


def raw_jsonschema_rs(lines: list[bytes]) -> float:
    import jsonschema_rs
    validator = jsonschema_rs.validator_for(schemas.load("record"), validate_formats=True)
    start = time.process_time()
    for line in lines:
        try:
            doc = orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        if not validator.is_valid(doc):
            for _error in validator.iter_errors(doc):
                pass
    return time.process_time() - start


def orjson_only(lines: list[bytes]) -> float:
    start = time.process_time()
    for line in lines:
        try:
            orjson.loads(line)
        except orjson.JSONDecodeError:
            pass
    return time.process_time() - start


def time_check_jsonschema(files: list[Path]) -> Run | None:
    tool = shutil.which("check-jsonschema") or str(Path(sys.executable).with_name("check-jsonschema"))
    if not Path(tool).exists():
        return None
    folder = Path(tempfile.mkdtemp())
    schema = folder / "record.schema.json"
    schema.write_bytes(orjson.dumps(schemas.load("record")))
    try:
        return run_process([tool, "--schemafile", str(schema), *map(str, files)])
    finally:
        shutil.rmtree(folder)


def write_forms(gen: Generator, lines: list[bytes], folder: Path, small: int, rdf: int) -> dict[str, tuple[list[Path], int]]:
    """The same kind of data in each input form: paths and item count."""
    from wipo_bc_standard.formats import rdf_form, xml_form

    parseable = []
    for line in lines:
        try:
            orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        parseable.append(line)
    forms: dict[str, tuple[list[Path], int]] = {}
    ndjson = folder / "records.ndjson"
    ndjson.write_bytes(b"\n".join(parseable) + b"\n")
    forms["one NDJSON file"] = ([ndjson], len(parseable))
    array = folder / "records.json"
    array.write_bytes(b"[\n" + b",\n".join(parseable) + b"\n]\n")
    forms["one JSON array"] = ([array], len(parseable))
    small_json = folder / "json"
    small_json.mkdir()
    for n, line in enumerate(lines[:small]):
        (small_json / f"{n:05d}.json").write_bytes(line)
    forms[f"{small:,} JSON files"] = ([small_json], min(small, len(lines)))
    small_xml = folder / "xml"
    small_xml.mkdir()
    made = 0
    for doc in gen.valid_records(small):
        try:
            (small_xml / f"{made:05d}.xml").write_bytes(xml_form.to_xml(doc, "record"))
        except Exception:  # a document the XML form cannot carry: not part of the XML benchmark
            continue
        made += 1
    forms[f"{made:,} XML files"] = ([small_xml], made)
    for form, suffix in (("JSON-LD", "jsonld"), ("Turtle", "ttl")):
        sub = folder / suffix
        sub.mkdir()
        made = 0
        for doc in gen.valid_records(rdf):
            try:
                data = (orjson.dumps(rdf_form.to_jsonld(doc, "record")) if suffix == "jsonld"
                        else rdf_form.to_turtle(doc, "record").encode())
            except Exception:
                continue
            (sub / f"{made:05d}.{suffix}").write_bytes(data)
            made += 1
        forms[f"{made:,} {form} files"] = ([sub], made)
    return forms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--baseline-records", type=int, default=5_000)
    parser.add_argument("--small-files", type=int, default=10_000)
    parser.add_argument("--rdf-files", type=int, default=300)
    parser.add_argument("--ledger-records", default="100000,1000000",
                        help="comma-separated record counts of the ledgers (one chain each, an eighth as many rights)")
    parser.add_argument("--rss-records", default="10000,100000,1000000",
                        help="comma-separated record counts for the memory figures (the data set repeated)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each input form and job count (the best is shown)")
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run of the whole script")
    parser.add_argument("--only", default="", help="comma-separated sections: tools,forms,ledger,rss")
    args = parser.parse_args()
    if args.quick:
        args.records, args.baseline_records, args.small_files = 2000, 300, 300
        args.rdf_files, args.ledger_records, args.rss_records = 20, "5000", "1000,5000"
        args.repeat = 1
    sections = set(args.only.split(",")) if args.only else {"tools", "forms", "ledger", "rss"}
    cores = os.cpu_count() or 1
    gen = Generator(args.seed)
    lines = list(gen.lines(args.records))
    count = len(lines)
    print(f"data: {count:,} records (seed {args.seed}), {sum(map(len, lines)) / count:.0f} bytes each on average; "
          f"faults planted: {sum(gen.faults.values()):,} of {len(gen.faults)} kinds; {cores} cores")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ndjson = folder / "all.ndjson"
        ndjson.write_bytes(b"\n".join(lines) + b"\n")
        if "tools" in sections:
            tools(lines, ndjson, folder, args.baseline_records)
        if "forms" in sections:
            forms(gen, lines, folder, args.small_files, args.rdf_files, args.repeat)
        if "ledger" in sections:
            ledger(args.seed, [int(n) for n in args.ledger_records.split(",") if n], folder)
        if "rss" in sections:
            memory(lines, folder, [int(n) for n in args.rss_records.split(",") if n])


def tools(lines: list[bytes], ndjson: Path, folder: Path, baseline_records: int) -> None:
    count = len(lines)
    baseline = lines[:baseline_records]
    js = len(baseline) / plain_jsonschema(baseline)
    orjson_rate = count / orjson_only(lines)
    rs_rate = count / raw_jsonschema_rs(lines)
    print(f"\n1. {count:,} varied records in one NDJSON file. Ratios are of CPU rates (the machine may be shared);"
          " --jobs N speed-ups are of wall time")
    print(f"{'method':<50}{'wall s':>7}{'CPU s':>7}{'rec/s wall':>11}{'rec/s CPU':>11}{'vs jsonschema':>14}"
          f"{'RSS MB':>7}")
    for label, seconds in (("orjson.loads only (the floor of reading)", count / orjson_rate),
                           ("jsonschema-rs raw (orjson + schema only)", count / rs_rate)):
        print(f"{label:<50}{'':>7}{seconds:>7.2f}{'':>11}{rate(count, seconds):>11}{count / seconds / js:>13.1f}x")
    one_core: dict[str, Run] = {}
    for profile in ("core", "interop", "strict"):
        for jobs in ("1", "2", "0"):
            run = wipo_bc([ndjson], "--profile", profile, "--jobs", jobs)
            label = f"wipo-bc validate --profile {profile} --jobs {jobs if jobs != '0' else 'auto'}"
            if jobs == "1":
                one_core[profile] = run
            extra = "" if jobs == "1" else f" {one_core[profile].wall / run.wall:.2f}x --jobs 1"
            print(f"{label:<50}{run.wall:>7.2f}{run.cpu:>7.2f}{rate(count, run.wall):>11}{rate(count, run.cpu):>11}"
                  f"{count / run.cpu / js:>13.1f}x{run.rss_mb:>7.0f}{extra}")
    print(f"{'plain jsonschema (json.loads + Draft202012 + formats)':<50}{'':>7}{len(baseline) / js:>7.2f}{'':>11}"
          f"{js:>11,.0f}{1:>13.1f}x   (first {len(baseline):,} records)")
    files_dir = folder / "cj"
    files_dir.mkdir()
    files = []
    for n, line in enumerate(baseline[:1000]):
        files.append(files_dir / f"{n:04d}.json")
        files[-1].write_bytes(line)
    cj = time_check_jsonschema(files)
    if cj is None:
        print("check-jsonschema: not installed (pip install check-jsonschema to compare)")
    else:
        print(f"{'check-jsonschema CLI (' + str(len(files)) + ' of the records, one file each)':<50}{cj.wall:>7.2f}"
              f"{cj.cpu:>7.2f}{rate(len(files), cj.wall):>11}{rate(len(files), cj.cpu):>11}"
              f"{len(files) / cj.cpu / js:>13.2f}x{cj.rss_mb:>7.0f}")
    interop = count / one_core["interop"].cpu
    print(f"default profile (interop), one process: {interop / js:.1f}x plain jsonschema; "
          f"{interop / orjson_rate:.0%} of orjson's parse rate per core")


def forms(gen: Generator, lines: list[bytes], folder: Path, small: int, rdf: int, repeat: int) -> None:
    (folder / "forms").mkdir()
    made = write_forms(gen, lines, folder / "forms", small, rdf)
    print(f"\n2. input forms, default profile; records/s whole process, best wall of {repeat} runs of each,"
          " alternated (on a shared machine the load moves between runs); auto/1: wall of --jobs 1 over auto's,"
          " above 1 when auto is faster")
    print(f"{'form':<22}{'items':>9}{'--jobs 1':>11}{'auto':>11}{'auto/1':>8}{'CPU s (1/auto)':>16}"
          f"{'RSS MB (1/auto)':>17}")
    base = None
    net: dict[str, float] = {}
    for name, (paths, items) in made.items():
        runs: dict[str, list[Run]] = {"1": [], "0": []}
        for _ in range(repeat):
            for jobs in runs:
                runs[jobs].append(wipo_bc(paths, "--jobs", jobs))
        one, auto = (min(runs[jobs], key=lambda run: run.wall) for jobs in ("1", "0"))
        first = _one_item(paths[0], folder / "forms")
        alone = min((wipo_bc([first], "--jobs", "1") for _ in range(repeat)), key=lambda run: run.cpu)
        net[name] = (items - 1) / max(one.cpu - alone.cpu, 1e-9)
        print(f"{name:<22}{items:>9,}{rate(items, one.wall):>11}{rate(items, auto.wall):>11}{one.wall / auto.wall:>7.2f}x"
              f"{one.cpu:>9.2f}/{auto.cpu:<6.2f}{one.rss_mb:>9.0f}/{auto.rss_mb:.0f}")
        if name == "one NDJSON file":
            base = one.wall
        elif name == "one JSON array" and base:
            print(f"{'':<22}(the array takes {one.wall / base:.2f}x the time of the same records as NDJSON)")
    print("items per CPU second with --jobs 1, start-up taken out (the CPU of a run on one of the items "
          "subtracted):")
    json_rate = next((rate for name, rate in net.items() if name.endswith("JSON files")), None)
    for name, per_second in net.items():
        versus = f"  ({per_second / json_rate:.2f}x small JSON files)" if json_rate else ""
        print(f"  {name:<22}{per_second:>9,.0f} {'graphs' if 'JSON-LD' in name or 'Turtle' in name else 'records'}/s"
              f"{versus}")


def _one_item(path: Path, folder: Path) -> Path:
    """A file of one item of the same form: the first file of a folder, or the first record of a file."""
    if path.is_dir():
        return min(path.iterdir())
    first = path.read_bytes().split(b"\n", 2)
    single = folder / f"one{path.suffix}"
    single.write_bytes(first[0] + b"\n" if path.suffix == ".ndjson" else b"[" + first[1].rstrip(b",") + b"]\n")
    return single


def ledger(seed: int, sizes: list[int], folder: Path) -> None:
    print("\n3. ledger target: one chain in ledger order (an eighth as many rights as records; --jobs 1, as auto"
          " is for a ledger: its chain is fed in order in one process)")
    print(f"{'records':>12}{'rights':>10}{'faults':>8}{'wall s':>9}{'CPU s':>9}{'rec/s wall':>12}{'rec/s CPU':>11}"
          f"{'RSS MB':>8}")
    for records in sizes:
        gen = Generator(seed)
        path = folder / "ledger.ndjson"
        with path.open("wb") as out:
            for line in gen.ledger(records):
                out.write(line + b"\n")
        run = wipo_bc([path], "--target", "ledger", "--jobs", "1")
        print(f"{records:>12,}{max(1, records // 8):>10,}{sum(gen.faults.values()):>8,}{run.wall:>9.2f}{run.cpu:>9.2f}"
              f"{rate(records, run.wall):>12}{rate(records, run.cpu):>11}{run.rss_mb:>8.0f}")
        path.unlink()


def memory(lines: list[bytes], folder: Path, sizes: list[int]) -> None:
    print("\n4. peak RSS with the JSON report written (default profile, auto jobs), the data set repeated")
    path = folder / "big.ndjson"
    for size in sizes:
        with path.open("wb") as out:
            written = 0
            while written < size:
                chunk = lines[: size - written]
                out.write(b"\n".join(chunk) + b"\n")
                written += len(chunk)
        report = folder / "report.json"
        run = run_process([sys.executable, "-m", "wipo_bc_standard", "validate", "--format", "json", "-o", str(report),
                           str(path)])
        print(f"{size:>12,} records: {run.wall:8.2f} s, {rate(size, run.wall):>10} records/s, peak RSS {run.rss_mb:6.0f} MB, "
              f"report {report.stat().st_size / 1e6:,.0f} MB")
        report.unlink()
    path.unlink()


if __name__ == "__main__":
    main()
