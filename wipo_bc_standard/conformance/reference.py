"""wipo-bc as an implementation under the conformance protocol: a request in, a result out.

``wipo-bc conformance run`` without ``--implementation`` calls :func:`answer` in process (no
process per case); ``wipo-bc conformance case`` answers one request read from stdin, as any other
implementation would.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .. import jsontext
from ..api import iter_validate
from ..engine import Checker
from ..report import ItemResult
from ..sources import SourceError


def _json_object(path: str, what: str) -> dict[str, Any]:
    doc = jsontext.parse(Path(path).read_bytes())
    if isinstance(doc, jsontext.ParseError) or not isinstance(doc, dict):
        raise SourceError(f"{what} {path}: not a JSON object")
    return doc


def answer(request: Mapping[str, Any]) -> dict[str, Any]:
    """The protocol's result for one request: ``{"conformant": bool, "findings": [{"rule", "path"}]}``."""
    network = _json_object(request["network"], "network") if request.get("network") else None
    did_documents = {}
    for path in request.get("didDocuments") or ():
        doc = _json_object(path, "DID document")
        did_documents[str(doc.get("id"))] = doc
    options: dict[str, Any] = {"target": request["target"], "profile": request["profile"], "network": network,
                               "did_documents": did_documents}
    ledger = request.get("ledger")
    results: list[ItemResult]
    if ledger:
        from ..ledgers import open_reader
        reader = open_reader(ledger["from"], chain=ledger.get("chain"), records=ledger.get("records"))
        results = list(Checker(**{**options, "target": "ledger"}).run(reader.read([request["input"]])))
    else:
        results = list(iter_validate(request["input"], **options))
    findings = sorted({(f.rule, f.path) for result in results for f in result.findings})
    return {"conformant": all(result.conformant for result in results),
            "findings": [{"rule": rule, "path": path} for rule, path in findings]}
