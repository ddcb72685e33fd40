"""Baselines: adopt the checks on an existing ledger by accepting today's findings, and report only new ones.

A finding's fingerprint is a stable hash of four things:

- the source path as given (relative stays relative; ``./a/b.json`` and ``a/b.json`` are the same,
  and so are ``a\\b.json`` on Windows and ``a/b.json`` elsewhere),
- the item's index in that source,
- the rule id,
- the JSON Pointer path of the finding.

Messages do not take part: they change with ``--lang`` and with wording fixes. Line numbers do not
take part either: for NDJSON the index already says which line, and for other files a line is
presentation. Child findings are covered by their parent's fingerprint.

The same finding may occur twice on one item (same rule, same path); the baseline keeps one entry
per occurrence, so a third occurrence is reported as new.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import PurePath, PureWindowsPath
from typing import IO, Any

import orjson

from . import jsontext, safe_io
from ._version import __version__
from .findings import Finding, Level, conformant_at
from .report import ItemResult

#: The version of the baseline file format; a reader refuses versions it does not know.
BASELINE_VERSION = 1
FINGERPRINT_METHOD = ("sha256 of the compact UTF-8 JSON array [source, index, rule, path] (no spaces, non-ASCII "
                      "unescaped), first 32 hex digits")


class BaselineError(ValueError):
    """A baseline file that cannot be used (unreadable, not a baseline, unknown version)."""


def normalise_source(source: str) -> str:
    """The source path as given, in one spelling across systems (``/`` separators, no ``./``)."""
    if source.startswith("<"):  # <stdin>, <object>, <bytes>
        return source
    posix = PureWindowsPath(source).as_posix() if "\\" in source else PurePath(source).as_posix()
    return posixpath.normpath(posix)


def fingerprint(source: str, index: int, finding: Finding) -> str:
    """The stable key of one finding of one item (see the module docstring for what takes part)."""
    key = orjson.dumps([normalise_source(source), index, finding.rule, finding.path])
    return hashlib.sha256(key).hexdigest()[:32]


def entries(results: Iterable[ItemResult]) -> Iterator[dict[str, Any]]:
    """One baseline entry per finding: its fingerprint and, for people reading the file, what it is."""
    for result in results:
        source = normalise_source(result.source)
        for finding in result.findings:
            yield {"fingerprint": fingerprint(result.source, result.index, finding), "rule": finding.rule,
                   "source": source, "index": result.index, "path": finding.path}


def collect(results: Iterable[ItemResult]) -> list[dict[str, Any]]:
    """The entries of a baseline of these results, sorted (so that the file diffs well)."""
    return sorted(entries(results), key=lambda e: (e["fingerprint"], e["source"], e["index"]))


def write_entries(found: list[dict[str, Any]], out: IO[str]) -> int:
    """Write a baseline file of collected entries; return how many there are."""
    doc = {"baselineVersion": BASELINE_VERSION, "tool": {"name": "wipo-bc-standard", "version": __version__},
           "fingerprint": FINGERPRINT_METHOD, "findings": found}
    out.write(orjson.dumps(doc, option=orjson.OPT_INDENT_2).decode() + "\n")
    return len(found)


def write(results: Iterable[ItemResult], out: IO[str]) -> int:
    """Write the baseline of these results; return how many findings it accepts."""
    return write_entries(collect(results), out)


class Baseline:
    """The fingerprints of accepted findings, each with how many times it was accepted."""

    def __init__(self, fingerprints: Iterable[str] = ()) -> None:
        self.fingerprints: Counter[str] = Counter(fingerprints)

    def __len__(self) -> int:
        return sum(self.fingerprints.values())

    @classmethod
    def from_results(cls, results: Iterable[ItemResult]) -> Baseline:
        return cls(e["fingerprint"] for e in entries(results))

    @classmethod
    def parse(cls, data: bytes, name: str = "baseline") -> Baseline:
        doc = jsontext.parse(data)
        if isinstance(doc, jsontext.ParseError):
            raise BaselineError(f"{name}: not acceptable JSON: {doc.message()}")
        if not isinstance(doc, Mapping) or "baselineVersion" not in doc:
            raise BaselineError(f"{name}: not a baseline (no baselineVersion; make one with `wipo-bc baseline create`)")
        if type(doc["baselineVersion"]) is not int or doc["baselineVersion"] != BASELINE_VERSION:  # true == 1
            raise BaselineError(f"{name}: baseline version {doc['baselineVersion']!r} is not known "
                                f"(this version reads {BASELINE_VERSION})")
        found = doc.get("findings")
        if not isinstance(found, list) or not all(isinstance(e, Mapping) and isinstance(e.get("fingerprint"), str)
                                                   for e in found):
            raise BaselineError(f"{name}: findings must be a list of objects with a fingerprint")
        return cls(e["fingerprint"] for e in found)

    @classmethod
    def load(cls, path: str) -> Baseline:
        try:
            data = safe_io.read_regular(path)
        except OSError as exc:
            raise BaselineError(f"{path}: {safe_io.reason(exc)}") from None
        except safe_io.NotReadable as exc:
            raise BaselineError(str(exc)) from None
        return cls.parse(data, path)


class BaselineFilter:
    """Drops the findings a baseline accepts from a stream of results, counting what it drops.

    An item's conformance is decided again from the findings left, at ``fail_on``; items are never
    dropped (items in equals items reported), only findings.
    """

    def __init__(self, baseline: Baseline, fail_on: Level = Level.ERROR) -> None:
        self._left = Counter(baseline.fingerprints)  # each accepted occurrence is used up once
        self.fail_on = fail_on
        self.suppressed = 0

    def __call__(self, results: Iterable[ItemResult]) -> Iterator[ItemResult]:
        left = self._left
        for result in results:
            if result.findings and left:
                kept = []
                for finding in result.findings:
                    fp = fingerprint(result.source, result.index, finding)
                    if left[fp] > 0:
                        left[fp] -= 1
                        self.suppressed += 1
                    else:
                        kept.append(finding)
                if len(kept) != len(result.findings):
                    result.findings = kept
                    result.conformant = conformant_at(kept, self.fail_on)
            yield result


def apply_baseline(results: Iterable[ItemResult], baseline: Baseline,
                   fail_on: Level = Level.ERROR) -> Iterator[ItemResult]:
    """The results with the baseline's findings removed (use :class:`BaselineFilter` to count them)."""
    return BaselineFilter(baseline, fail_on)(results)
