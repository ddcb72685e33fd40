"""SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), read by code-scanning tools.

Results are streamed as they come: JSON member order does not matter, so the run's ``results`` are
written first and its ``tool`` (whose rule table depends on which schema/json ids occurred) last.
Memory stays bounded on any run.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import orjson

from .._version import __version__
from ..baseline import fingerprint
from ..constants import DOCS_URL
from ..findings import Finding, Level
from ..report import ItemResult, Summary
from .base import Renderer, register

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = DOCS_URL
DOCS_URI = DOCS_URL
#: SARIF levels (3.27.10) for ours: info has no SARIF "info", its nearest is "note".
SARIF_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}
FINGERPRINT_KEY = "wipoBcFinding/v1"


@functools.lru_cache(maxsize=4096)
def relative_path(source: str) -> str | None:
    """The source as a path relative to the working directory where it can be; None for stdin/objects."""
    if source.startswith("<"):
        return None
    path = Path(source)
    if path.is_absolute():
        try:
            return path.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return path.as_posix()
    return path.as_posix()


@functools.lru_cache(maxsize=4096)
def artifact_uri(source: str) -> str | None:
    """A URI reference for the source: relative paths stay relative, others become file: URIs."""
    path = relative_path(source)
    if path is None:
        return None
    return Path(path).as_uri() if Path(path).is_absolute() else quote(path)


def message_text(finding: Finding) -> str:
    """The finding's message, with its path and its child findings (the reasons a choice failed)."""
    text = finding.message
    if finding.path:
        text = f"{finding.path}: {text}"
    if finding.hint:
        text += f" (hint: {finding.hint})"
    if finding.children:
        text += "".join(f"\n- {c.message}" + (f" (at {c.path})" if c.path else "") for c in finding.children)
    return text


def _name(title: str) -> str:
    """A rule's readable SARIF name: its title in UpperCamelCase."""
    return "".join(w[:1].upper() + w[1:] for w in re.findall(r"[A-Za-z0-9]+", title))


def catalogue_rule(rule_id: str) -> dict[str, Any]:
    from ..rules import CATALOGUE
    rule = CATALOGUE[rule_id]
    return {
        "id": rule.id,
        "name": _name(rule.title),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": f"{rule.rationale} Clause: {rule.clause}. Requirement: {rule.level.keyword}."
                         + (f" Basis: {rule.basis.text()}." if rule.basis else ""),
                 "markdown": f"{rule.rationale}\n\n**Clause:** {rule.clause}  \n"
                             f"**Requirement:** {rule.level.keyword}"
                             + (f"  \n**Basis:** {rule.basis.text()}" if rule.basis else "")},
        "helpUri": f"{DOCS_URI}generated/rules/{rule.id}/",
        "defaultConfiguration": {"level": SARIF_LEVEL[rule.level]},
        "properties": {"tags": list(rule.targets), "clause": rule.clause, "requirement": rule.level.keyword,
                       **({"basis": rule.basis.kind, "basisReference": rule.basis.reference,
                           "basisRationale": rule.basis.rationale} if rule.basis else {})},
    }


def other_rule(rule_id: str, level: Level, clause: str) -> dict[str, Any]:
    """A descriptor for ids outside the catalogue: JSON Schema keywords, JSON syntax, the target."""
    from ..finding_catalogue import explain
    known = explain(rule_id)
    if known is None:
        return {"id": rule_id, "name": _name(rule_id), "shortDescription": {"text": rule_id},
                "help": {"text": f"See {clause}." if clause else rule_id},
                "defaultConfiguration": {"level": SARIF_LEVEL[level]}}
    return {"id": rule_id, "name": _name(known.title), "shortDescription": {"text": known.title},
            "fullDescription": {"text": known.explanation},
            "help": {"text": f"{known.explanation} Fix: {known.fix} Example: {known.example}",
                     "markdown": f"{known.explanation}\n\n**Fix:** {known.fix}\n\n**Example:** `{known.example}`"
                                 f"\n\n**Rests on:** {known.source}"},
            "helpUri": f"{DOCS_URI}generated/rules/other-findings/",
            "defaultConfiguration": {"level": SARIF_LEVEL[level]}}


@register
class SarifRenderer(Renderer):
    name = "sarif"
    description = "SARIF 2.1.0 for code-scanning tools (GitHub, GitLab, Azure DevOps)"

    def begin(self) -> None:
        from ..rules import CATALOGUE  # loaded with the checks, not with the renderer
        self._catalogue = CATALOGUE
        self._count = 0
        self._others: dict[str, tuple[Level, str]] = {}
        self.out.write(f'{{"$schema":"{SCHEMA_URI}","version":"2.1.0","runs":[{{"results":[')

    def item(self, result: ItemResult) -> None:
        if not result.findings:
            return
        uri = artifact_uri(result.source)
        for finding in result.findings:
            if finding.rule not in self._catalogue and finding.rule not in self._others:
                self._others[finding.rule] = (finding.level, finding.clause)
            self.out.write(("," if self._count else "") + orjson.dumps(self._result(result, finding, uri)).decode())
            self._count += 1

    def _result(self, result: ItemResult, finding: Finding, uri: str | None) -> dict[str, Any]:
        location: dict[str, Any] = {}
        if uri is not None:
            physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
            if finding.line is not None:
                physical["region"] = {"startLine": finding.line}
                if finding.column is not None:
                    physical["region"]["startColumn"] = finding.column
            elif result.line is not None:
                physical["region"] = {"startLine": result.line}
            location["physicalLocation"] = physical
        if finding.path:
            location["logicalLocations"] = [{"fullyQualifiedName": finding.path, "kind": "value"}]
        out: dict[str, Any] = {
            "ruleId": finding.rule,
            "level": SARIF_LEVEL[finding.level],
            "message": {"text": message_text(finding)},
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint(result.source, result.index, finding)},
            "properties": {"jsonPointer": finding.path, "item": result.index, "source": result.source,
                           "target": result.target, "clause": finding.clause},
        }
        if location:
            out["locations"] = [location]
        return out

    def finish(self, summary: Summary) -> None:
        rules = [catalogue_rule(r) for r in sorted(self._catalogue)]
        rules += [other_rule(r, level, clause) for r, (level, clause) in sorted(self._others.items())]
        invocation: dict[str, Any] = {"executionSuccessful": not summary.partial}
        if summary.partial:
            invocation["toolExecutionNotifications"] = [
                {"level": "warning", "message": {"text": "partial report: the run was interrupted"}}]
        tail = {
            "tool": {"driver": {"name": "wipo-bc-standard", "version": __version__, "semanticVersion": __version__,
                                "informationUri": INFORMATION_URI, "rules": rules}},
            "invocations": [invocation],
            "properties": {"summary": summary.to_dict(), "partial": summary.partial},
        }
        self.out.write("]," + orjson.dumps(tail).decode()[1:] + "]}\n")
