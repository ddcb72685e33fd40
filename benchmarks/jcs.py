"""Records/s of `jcs.record_hash` (orjson fast path where safe) against the `rfc8785` package alone,
and of the whole ledger-chain check (`LedgerChain.feed`, every chain rule on).

    .venv/bin/python benchmarks/jcs.py [--records 50000]

The records are the bundled valid examples (records and the 20-record ledger), parsed from JSON
as `validate` sees them, each copy with its own recordId. Both paths' hashes are compared on
every record: the benchmark fails if they ever differ.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import rfc8785

from wipo_bc_standard import jcs
from wipo_bc_standard.rules import CATALOGUE
from wipo_bc_standard.rules.ledger_chain import CHAIN_RULES, LedgerChain

ROOT = Path(__file__).resolve().parents[1]
START = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def make_records(count: int) -> list[dict[str, Any]]:
    bases = [json.loads(p.read_text()) for p in sorted((ROOT / "examples" / "valid" / "record").glob("*.json"))]
    bases += [json.loads(line) for line in (ROOT / "examples" / "ledger" / "valid" / "chain-20.ndjson").read_text().splitlines()]
    records = []
    for i in range(count):
        record = json.loads(json.dumps(bases[i % len(bases)]))
        record["recordId"] = f"urn:uuid:{uuid.UUID(int=i + 1, version=4)}"
        records.append(record)
    return records


def make_ledger(records: list[dict[str, Any]], rights: int) -> list[dict[str, Any]]:
    """The records as a valid ledger: ``rights`` rights in turn, forward ledger order, real links."""
    last: dict[tuple[str, str, str], dict[str, Any]] = {}
    ledger = []
    for i, base in enumerate(records):
        record = {k: v for k, v in base.items() if k not in ("previousRecordHash", "ledger", "proof")}
        record["ipRight"] = {**record["ipRight"], "applicationNumber": f"A{i % rights}"}
        right = (record["ipRight"]["office"], record["ipRight"]["kind"], f"A{i % rights}")
        if right in last:
            record["previousRecordHash"] = {"alg": "sha-256", "value": jcs.record_hash(last[right])}
        record["ledger"] = {"platform": "multichain", "network": "bench", "transactionId": f"{i:064x}",
                            "blockNumber": i, "timestamp": (START + dt.timedelta(seconds=i)).isoformat().replace("+00:00", "Z")}
        last[right] = record
        ledger.append(record)
    return ledger


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:>10,.0f} records/s ({seconds / count * 1e6:6.1f} us a record)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=50_000)
    args = parser.parse_args()
    records = make_records(args.records)

    start = time.perf_counter()
    fast = [jcs.record_hash(r) for r in records]
    fast_s = time.perf_counter() - start

    start = time.perf_counter()
    exact = [hashlib.sha256(rfc8785.dumps({k: v for k, v in r.items() if k not in ("ledger", "proof")})).hexdigest()
             for r in records]
    exact_s = time.perf_counter() - start

    taken = sum(jcs.canonicalize_fast({k: v for k, v in r.items() if k not in ("ledger", "proof")}) is not None
                for r in records)
    ledger = make_ledger(records, rights=max(1, args.records // 5))
    chain = LedgerChain([CATALOGUE[r] for r in CHAIN_RULES])
    start = time.perf_counter()
    findings = sum(len(chain.feed(r)) for r in ledger)
    chain_s = time.perf_counter() - start

    print(f"{args.records:,} records; fast path taken on {taken:,}")
    print(f"record_hash (jcs, fast path) {rate(args.records, fast_s)}")
    print(f"rfc8785 + sha-256            {rate(args.records, exact_s)}")
    print(f"LedgerChain.feed, all rules  {rate(args.records, chain_s)} on a valid ledger of "
          f"{len(chain.state.rights):,} rights ({findings} findings)")
    print(f"speed-up of record_hash: {exact_s / fast_s:.1f}x")
    if fast != exact or findings:
        print("MISMATCH between the fast path and rfc8785, or findings on a valid ledger", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
