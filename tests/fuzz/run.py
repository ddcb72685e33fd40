"""Fuzz one reader (or all) for hours, outside CI: ``python -m tests.fuzz.run TARGET [--hours H]``.

Each target is a Hypothesis test of ``tests/fuzz/test_readers.py``, run with the ``fuzz`` profile
(no example limit) in a loop until the time is up; ``--atheris`` hands its ``fuzz_one_input`` to
Atheris (libFuzzer) instead. See tests/fuzz/README.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("HYPOTHESIS_PROFILE", "fuzz")

# The profile is chosen (above) before the tests are imported.
from tests.fuzz import test_readers as readers

TARGETS = {
    "json": readers.test_a_json_array_is_its_elements,
    "ndjson": readers.test_ndjson_is_one_item_a_line_whatever_its_line_endings,
    "bytes": readers.test_any_bytes_are_items_never_an_exception,
    "xml": readers.test_xml_bytes_are_one_item,
    "jsonld": readers.test_jsonld_bytes_are_items,
    "turtle": readers.test_turtle_bytes_are_items,
    "ledger": readers.test_ledger_exports_never_raise,
    "jcs": readers.test_canonicalisation_is_rfc8785_or_a_clear_refusal,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", nargs="?", choices=[*TARGETS, "all"], default="all")
    parser.add_argument("--hours", type=float, default=1.0)
    parser.add_argument("--atheris", action="store_true", help="run under Atheris (libFuzzer) instead")
    parser.add_argument("--list", action="store_true", help="list the targets")
    args, rest = parser.parse_known_args()
    if args.list:
        print("\n".join(TARGETS))
        return
    chosen = list(TARGETS) if args.target == "all" else [args.target]
    if args.atheris:
        import atheris  # not a dependency: install it to use this mode
        test = TARGETS[chosen[0]]
        atheris.instrument_all()  # coverage of the library's Python code, which libFuzzer is guided by
        atheris.Setup([sys.argv[0], *rest], test.hypothesis.fuzz_one_input)  # type: ignore[attr-defined]
        atheris.Fuzz()
        return
    deadline = time.monotonic() + args.hours * 3600
    rounds = 0
    while time.monotonic() < deadline:
        for name in chosen:
            TARGETS[name]()  # 100,000 examples (the fuzz profile), or a failure
            rounds += 1
        print(f"{rounds} rounds without a failure", flush=True)


if __name__ == "__main__":
    main()
