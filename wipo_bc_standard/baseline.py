"""Baselines: adopt the checks on an existing ledger by accepting today's findings, and report only new ones.

A finding's fingerprint is a stable hash of four things:

- the source path relative to the configuration root (the directory of ``wipo-bc.toml`` or of the
  ``pyproject.toml`` with ``[tool.wipo-bc]``; the working directory without one), so that the same
  file has the same key whatever the working directory and however it was named (``dir``, ``./dir``,
  an absolute path; ``a\\b.json`` on Windows and ``a/b.json`` elsewhere),
- the item's index in that source,
- the rule id,
- the JSON Pointer path of the finding.

Messages do not take part: they change with ``--lang`` and with wording fixes. Line numbers do not
take part either: for NDJSON the index already says which line, and for other files a line is
presentation. Child findings are covered by their parent's fingerprint.

An item with its own id (``recordId``, ``profileId``, ``declarationId``, ``id``) also gets a content
fingerprint, with that id in place of the index: a finding whose item moved within its file is still
recognised.

The same finding may occur twice on one item (same rule, same path); the baseline keeps one entry
per occurrence, so a third occurrence is reported as new.
"""

from __future__ import annotations

import functools
import hashlib
import os
import posixpath
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path, PurePath, PureWindowsPath
from typing import IO, Any

import orjson

from . import jsontext, safe_io
from ._version import __version__
from .findings import Finding, Level, conformant_at
from .report import ItemResult

#: The version of the baseline file format; a reader refuses versions it does not know.
BASELINE_VERSION = 1
CONTENT_FINGERPRINT_METHOD = ("sha256 of the compact UTF-8 JSON array [source, item, rule, path], item being the "
                              "item's own id (recordId, profileId, declarationId or id), first 32 hex digits")
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


def relative_source(source: str, root: Path | None = None) -> str:
    """The source path relative to ``root`` (the configuration root; the working directory without
    one), in one spelling: the same file gives the same key from any working directory, named as
    ``dir/a.json``, ``./dir/a.json`` or an absolute path. A file outside the root keeps its absolute path."""
    if source.startswith("<"):  # <stdin>, <object>, <bytes>
        return source
    return _relative(source, os.path.realpath(root or os.getcwd()))


@functools.lru_cache(maxsize=4096)
def _relative(source: str, base: str) -> str:
    spelled = PureWindowsPath(source).as_posix() if "\\" in source else source
    absolute = os.path.realpath(spelled)
    relative = os.path.relpath(absolute, base)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return PurePath(absolute).as_posix()
    return PurePath(relative).as_posix()


def content_fingerprint(source: str, identity: str | None, finding: Finding) -> str | None:
    """A second key of a finding, by the item's own id instead of its position: items moved within
    a file, or lines inserted above them, keep their accepted findings. None for items without an id."""
    if identity is None:
        return None
    key = orjson.dumps([normalise_source(source), identity, finding.rule, finding.path])
    return hashlib.sha256(key).hexdigest()[:32]


def fingerprint(source: str, index: int, finding: Finding) -> str:
    """The stable key of one finding of one item (see the module docstring for what takes part)."""
    key = orjson.dumps([normalise_source(source), index, finding.rule, finding.path])
    return hashlib.sha256(key).hexdigest()[:32]


def entries(results: Iterable[ItemResult], root: Path | None = None) -> Iterator[dict[str, Any]]:
    """One baseline entry per finding: its fingerprints and, for people reading the file, what it is.
    Sources are keyed relative to ``root`` (see :func:`relative_source`)."""
    for result in results:
        source = relative_source(result.source, root)
        for finding in result.findings:
            entry = {"fingerprint": fingerprint(source, result.index, finding), "rule": finding.rule,
                     "source": source, "index": result.index, "path": finding.path}
            content = content_fingerprint(source, result.identity, finding)
            if content is not None:
                entry["item"] = result.identity
                entry["contentFingerprint"] = content
            yield entry


def _unambiguous(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entries, without content fingerprints where one id names several items of a source (they
    would not say which item a finding was on)."""
    indexes: dict[tuple[str, str], set[int]] = defaultdict(set)
    for entry in found:
        if "item" in entry:
            indexes[(entry["source"], entry["item"])].add(entry["index"])
    for entry in found:
        if "item" in entry and len(indexes[(entry["source"], entry["item"])]) > 1:
            del entry["contentFingerprint"]
    return found


def collect(results: Iterable[ItemResult], root: Path | None = None) -> list[dict[str, Any]]:
    """The entries of a baseline of these results, sorted (so that the file diffs well)."""
    return sorted(_unambiguous(list(entries(results, root))), key=lambda e: (e["fingerprint"], e["source"], e["index"]))


def write_entries(found: list[dict[str, Any]], out: IO[str]) -> int:
    """Write a baseline file of collected entries; return how many there are."""
    doc = {"baselineVersion": BASELINE_VERSION, "tool": {"name": "wipo-bc-standard", "version": __version__},
           "fingerprint": FINGERPRINT_METHOD, "contentFingerprint": CONTENT_FINGERPRINT_METHOD, "findings": found}
    out.write(orjson.dumps(doc, option=orjson.OPT_INDENT_2).decode() + "\n")
    return len(found)


def write(results: Iterable[ItemResult], out: IO[str]) -> int:
    """Write the baseline of these results; return how many findings it accepts."""
    return write_entries(collect(results), out)


class Baseline:
    """The accepted findings: per occurrence, its fingerprint and (for items with an id) its content fingerprint."""

    def __init__(self, fingerprints: Iterable[str | tuple[str, str | None]] = ()) -> None:
        self.accepted: list[tuple[str, str | None]] = [
            (f, None) if isinstance(f, str) else (f[0], f[1]) for f in fingerprints]

    @property
    def fingerprints(self) -> Counter[str]:
        return Counter(fp for fp, _ in self.accepted)

    def __len__(self) -> int:
        return len(self.accepted)

    @classmethod
    def from_results(cls, results: Iterable[ItemResult], root: Path | None = None) -> Baseline:
        return cls((e["fingerprint"], e.get("contentFingerprint")) for e in _unambiguous(list(entries(results, root))))

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
        return cls((e["fingerprint"], e["contentFingerprint"] if isinstance(e.get("contentFingerprint"), str)
                    else None) for e in found)

    @classmethod
    def load(cls, path: str) -> Baseline:
        try:
            data = safe_io.read_regular(path)
        except safe_io.NotReadable as exc:
            raise BaselineError(str(exc)) from None
        return cls.parse(data, path)


class BaselineFilter:
    """Drops the findings a baseline accepts from a stream of results, counting what it drops.

    A finding is accepted when an unused entry has its fingerprint or, failing that, its content
    fingerprint (the item moved); each entry is used once. Sources are keyed relative to ``root``,
    as :func:`entries` keyed them. An item's conformance is decided again from the findings left,
    at ``fail_on``; items are never dropped (items in equals items reported), only findings.
    """

    def __init__(self, baseline: Baseline, fail_on: Level = Level.ERROR, root: Path | None = None) -> None:
        self._by_fp: dict[str, list[int]] = defaultdict(list)
        self._by_content: dict[str, list[int]] = defaultdict(list)
        for n, (fp, content) in enumerate(baseline.accepted):
            self._by_fp[fp].append(n)
            if content is not None:
                self._by_content[content].append(n)
        self._used = bytearray(len(baseline.accepted))
        self._left = len(baseline.accepted)
        self.root = root
        self.fail_on = fail_on
        self.suppressed = 0

    def _take(self, candidates: list[int] | None) -> bool:
        for n in candidates or ():
            if not self._used[n]:
                self._used[n] = 1
                self._left -= 1
                return True
        return False

    def __call__(self, results: Iterable[ItemResult]) -> Iterator[ItemResult]:
        for result in results:
            if result.findings and self._left:
                source = relative_source(result.source, self.root)
                kept = []
                for finding in result.findings:
                    if self._take(self._by_fp.get(fingerprint(source, result.index, finding))):
                        self.suppressed += 1
                        continue
                    content = content_fingerprint(source, result.identity, finding)
                    if content is not None and self._take(self._by_content.get(content)):
                        self.suppressed += 1
                        continue
                    kept.append(finding)
                if len(kept) != len(result.findings):
                    result.findings = kept
                    result.conformant = conformant_at(kept, self.fail_on)
            yield result


def apply_baseline(results: Iterable[ItemResult], baseline: Baseline, fail_on: Level = Level.ERROR,
                   root: Path | None = None) -> Iterator[ItemResult]:
    """The results with the baseline's findings removed (use :class:`BaselineFilter` to count them)."""
    return BaselineFilter(baseline, fail_on, root)(results)
