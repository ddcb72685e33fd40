"""wipo-bc as an implementation under the conformance protocol: a request in, a result out.

``wipo-bc conformance run`` without ``--implementation`` calls :func:`answer` in process (no
process per case); ``wipo-bc conformance case`` answers one request read from stdin, as any other
implementation would. Both go through the runner, as ``wipo-bc validate`` does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..runner import LedgerInput, Run, RunOptions, input_sources, load_did_documents, load_network_profile


def answer(request: Mapping[str, Any]) -> dict[str, Any]:
    """The protocol's result for one request: ``{"conformant": bool, "findings": [{"rule", "path"}]}``.

    Raises :class:`~wipo_bc_standard.runner.RunError` when a file the request names cannot be used."""
    ledger = request.get("ledger")
    options = RunOptions(target=request["target"], profile=request["profile"],
                         network=load_network_profile(request["network"]) if request.get("network") else None,
                         did_documents=load_did_documents(request.get("didDocuments") or ()),
                         ledger=LedgerInput(ledger["from"], chain=ledger.get("chain"), records=ledger.get("records"))
                         if ledger else None)
    results = list(Run(options).results(input_sources([request["input"]])))
    findings = sorted({(f.rule, f.path) for result in results for f in result.findings})
    return {"conformant": all(result.conformant for result in results),
            "findings": [{"rule": rule, "path": path} for rule, path in findings]}
