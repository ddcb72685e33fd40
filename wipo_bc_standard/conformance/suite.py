"""The conformance suite as data: the manifest, its cases, and where their files are.

Paths in the manifest are relative to the *suite root*: the source checkout (``examples/``,
``conformance/``) or, installed, the package's ``_data/`` folder, which holds both with the same layout.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from ..resources import data_dir

MANIFEST = "manifest.json"
MANIFEST_SCHEMA = "manifest.schema.json"


def suite_dir() -> Path:
    """The folder of the manifest and the generated case files."""
    return data_dir("conformance")


def suite_root() -> Path:
    """The folder the manifest's paths are relative to."""
    return suite_dir().parent


@dataclass(frozen=True, slots=True)
class Expected:
    conformant: bool
    #: (rule id, JSON Pointer) pairs.
    findings: frozenset[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Case:
    """One test case: an input, how to check it, and what a conformant implementation says."""

    id: str
    description: str
    input: str
    target: str
    profile: str
    network: str | None
    did_documents: tuple[str, ...]
    #: ``{"from": platform, "chain": name, "records": path or None}`` for ledger exports, else None.
    ledger: Mapping[str, Any] | None
    #: The rules this case exercises: their findings must be exactly the expected ones.
    checks: frozenset[str]
    expected: Expected

    @classmethod
    def of(cls, raw: Mapping[str, Any]) -> Case:
        exp = raw["expected"]
        return cls(id=raw["id"], description=raw.get("description", ""), input=raw["input"],
                   target=raw["target"], profile=raw["profile"], network=raw.get("network"),
                   did_documents=tuple(raw.get("didDocuments", ())), ledger=raw.get("ledger"),
                   checks=frozenset(raw["checks"]),
                   expected=Expected(exp["conformant"], frozenset((f["rule"], f["path"]) for f in exp["findings"])))

    def negative_for(self, rule: str) -> bool:
        """The case shows a violation of ``rule`` (else, if the rule is in ``checks``, its absence)."""
        return any(r == rule for r, _ in self.expected.findings)

    def request(self, root: Path) -> dict[str, Any]:
        """What an implementation is given (the protocol's request), with absolute paths."""
        def where(path: str | None) -> str | None:
            return str((root / path).resolve()) if path is not None else None
        ledger = None
        if self.ledger is not None:
            ledger = {"from": self.ledger["from"], "chain": self.ledger.get("chain"),
                      "records": where(self.ledger.get("records"))}
        return {"id": self.id, "input": where(self.input), "target": self.target, "profile": self.profile,
                "network": where(self.network), "didDocuments": [where(p) for p in self.did_documents],
                "ledger": ledger}


@dataclass(frozen=True, slots=True)
class RuleInfo:
    id: str
    title: str
    keyword: str
    targets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Suite:
    name: str
    version: str
    rules: tuple[RuleInfo, ...]
    cases: tuple[Case, ...]
    root: Path

    @classmethod
    def load(cls, manifest: Path | None = None) -> Suite:
        path = manifest or suite_dir() / MANIFEST
        raw = orjson.loads(path.read_bytes())
        return cls.of(raw, path.resolve().parent.parent)

    @classmethod
    def of(cls, raw: Mapping[str, Any], root: Path) -> Suite:
        rules = tuple(RuleInfo(r["id"], r["title"], r["keyword"], tuple(r["targets"])) for r in raw["rules"])
        return cls(raw["name"], raw["standardVersion"], rules, tuple(Case.of(c) for c in raw["cases"]), root)
