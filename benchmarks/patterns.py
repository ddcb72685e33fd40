"""Matching time of every pattern the library applies to input, against input length.

    .venv/bin/python benchmarks/patterns.py [--size 20000]

Patterns: the library's own (registered in :data:`wipo_bc_standard.patterns.APPLIED_PATTERNS`, matched by
RE2), the published JSON Schemas' ``pattern`` keywords (matched by jsonschema-rs with its ``regex``
engine), the few byte patterns still on Python's ``re`` (each possessive or anchored), and a network
profile's own patterns, shown with classic catastrophic-backtracking examples. Each is timed on
adversarial strings: a prefix the pattern accepts, a long run of one character its quantifiers
accept, then one character that breaks the match. The table gives the time at n and 4n characters
and their ratio: about 4 for linear growth (16 for quadratic; backtracking engines never finish).
``tests/test_patterns.py`` asserts the ratio for every pattern.
"""

from __future__ import annotations

import argparse
import importlib
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema_rs
import orjson

ROOT = Path(__file__).resolve().parents[1]
#: Modules whose patterns register themselves on import.
PATTERN_MODULES = ("wipo_bc_standard.identity.uri", "wipo_bc_standard.identity.did",
                   "wipo_bc_standard.identity.credentials", "wipo_bc_standard.rules")
#: Prefixes that lead a pattern into its repeated parts (literal openings of the library's patterns).
PREFIXES = ("", "did:a:", "did:web:a", "a@", "urn:uuid:", "2021-01-01T00:00:00", "a:", "x", "A1", "1.2.", '"')
#: Characters repeated: one from each class the patterns' quantifiers accept.
RUNS = ("a", "A", "0", ".", ":", "-", "%41", "/", " ", "@", "a.", "a:", "\\\"", "_")
#: A network profile's own patterns are RE2-compiled too: these backtrack without end on ``re``.
NETWORK_EXAMPLES = ("(a+)+$", "(a|a)*b", "(a|aa)+$", "(.*a){12}", "(\\w+\\s?)*$", "0[0-9]{8}")


def library_patterns() -> dict[str, Callable[[str], Any]]:
    """Name -> a function matching one string, for every pattern the library applies to input."""
    from wipo_bc_standard import patterns, sources
    from wipo_bc_standard.formats import xml_form
    from wipo_bc_standard.rules import identifier_rules

    for module in PATTERN_MODULES:
        importlib.import_module(module)
    found: dict[str, Callable[[str], Any]] = {}
    for name, (pattern, how) in sorted(patterns.APPLIED_PATTERNS.items()):
        compiled = patterns.compile(pattern)
        found[f"re2: {name} ({how})"] = getattr(compiled, how)
    for pattern in sorted(schema_patterns()):
        validator = jsonschema_rs.validator_for({"type": "string", "pattern": pattern},
                                                pattern_options=jsonschema_rs.RegexOptions())
        found[f"schema: {pattern}"] = validator.is_valid
    # The array scanner runs only on text the JSON parser accepted: it is timed on such text (a
    # string of the run, escaped), where each token is matched once.
    found["re: array tokens (sources), on JSON"] = lambda s, c=sources._ARRAY_TOKENS: list(
        c.finditer(orjson.dumps([s, {"k": s}])))
    from wipo_bc_standard import locations
    found["re: location scanner (locations), on JSON"] = lambda s, c=locations._TOKEN: list(
        c.finditer(orjson.dumps([s, {"k": s}]).decode()))
    found["re: XML encoding declaration"] = lambda s, c=xml_form._ENCODING_DECL: c.match(s.encode())
    found["re: whitespace (REC rules)"] = lambda s, c=identifier_rules._WHITESPACE: c.search(s)
    for pattern in NETWORK_EXAMPLES:  # applied with fullmatch (ID-02)
        found[f"network: {pattern}"] = patterns.compile(pattern).fullmatch
    return found


def schema_patterns() -> set[str]:
    """Every ``pattern`` keyword of the published schemas."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                found.add(node["pattern"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted((ROOT / "schemas").glob("*.json")):
        walk(orjson.loads(path.read_bytes()))
    return found


def adversarial(n: int) -> Iterator[str]:
    """Strings of about ``n`` characters: a prefix, a run, a character that fails the match."""
    for prefix in PREFIXES:
        for run in RUNS:
            yield prefix + run * (n // len(run)) + "!\n"


def seconds(match: Callable[[str], Any], text: str, repeat: int = 5) -> float:
    """The best of ``repeat`` timings (the least disturbed by other processes)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        match(text)
        best = min(best, time.perf_counter() - started)
    return best


def growth(match: Callable[[str], Any], n: int) -> tuple[float, float, float]:
    """(seconds at n, seconds at 4n, their ratio), summed over every adversarial family."""
    t1 = t4 = 0.0
    for small, large in zip(adversarial(n), adversarial(4 * n)):
        t1 += seconds(match, small)
        t4 += seconds(match, large)
    return t1, t4, t4 / max(t1, 1e-9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000, help="n: characters of the shorter strings")
    args = parser.parse_args()
    print(f"{'pattern':70} {'n':>10} {'4n':>10} {'ratio':>6}")
    for name, match in library_patterns().items():
        t1, t4, ratio = growth(match, args.size)
        print(f"{name[:70]:70} {t1 * 1e3:8.2f}ms {t4 * 1e3:8.2f}ms {ratio:6.1f}")
    evil = re.compile("(a+)+$")
    started = time.perf_counter()
    evil.match("a" * 24 + "!")
    print(f"\nfor comparison, Python re on (a+)+$ with 24 characters: {time.perf_counter() - started:.2f}s "
          "(doubling with each character more)")


if __name__ == "__main__":
    main()
