"""``wipo-bc validate``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .. import jsontext, parallel, safe_io
from ..baseline import Baseline, BaselineError, BaselineFilter
from ..engine import Checker
from ..findings import Level
from ..limits import LIMITS
from ..progress import Progress
from ..renderers import FORMATS, REGISTRY
from ..report import Summary
from ..rules import PROFILES
from ..sources import SourceError, expand
from ..targets import TARGETS
from .common import fail, input_sources, output


def read_option_file(option: str, path: str) -> bytes:
    """The bytes of a file an option names: a regular file within the limits, or a one-line error."""
    try:
        return safe_io.read_regular(path, LIMITS.item_bytes)
    except OSError as exc:
        fail(f"{option} {path}: {safe_io.reason(exc)}")
    except safe_io.NotReadable as exc:
        fail(f"{option} {exc}")


def run_inputs(sources: list[Any], *option_paths: str | None, records: str | None = None) -> list[Any]:
    """Every file a run reads (sources, and files named by options): ``-o`` must name none of them."""
    inputs = list(sources) + [p for p in option_paths if p]
    if records:
        inputs.append(records)
        if Path(records).is_dir():
            try:
                inputs.extend(expand([records]))
            except SourceError:
                pass
    return inputs


def load_network(path: str) -> dict[str, Any]:
    """A network profile given as context; it must be readable JSON (a one-line error otherwise)."""
    data = read_option_file("--network", path)
    doc = jsontext.parse(data)
    if isinstance(doc, jsontext.ParseError) or not isinstance(doc, dict):
        fail(f"--network {path}: not a JSON object")
    return doc


def load_did_documents(paths: tuple[str, ...]) -> dict[str, Any]:
    """DID documents given with ``--did-document``, by their DID (a one-line error if one is unreadable)."""
    documents: dict[str, Any] = {}
    for path in paths:
        data = read_option_file("--did-document", path)
        doc = jsontext.parse(data)
        if isinstance(doc, jsontext.ParseError) or not isinstance(doc, dict) or not isinstance(doc.get("id"), str):
            fail(f"--did-document {path}: not a DID document (a JSON object with an id)")
        documents[doc["id"]] = doc
    return documents


@click.command("validate")
@click.argument("paths", nargs=-1, metavar="[PATH ... | -]")
@click.option("--target", type=click.Choice(("auto",) + TARGETS), default="auto", show_default=True,
              help="What the items are; auto tells it from each document.")
@click.option("--profile", type=click.Choice(tuple(PROFILES)), default="interop", show_default=True,
              help="Rule set: core (MUST rules), interop (MUST and SHOULD), strict (all).")
@click.option("--network", "network_path", metavar="PROFILE.json",
              help="Network profile giving context to network-dependent rules.")
@click.option("--did-document", "did_document_paths", multiple=True, metavar="FILE",
              help="A DID document to resolve signing keys from, offline (repeatable).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Report format.")
@click.option("-o", "--output", "out_path", metavar="FILE", help="Write the report to FILE instead of stdout.")
@click.option("--fail-on", type=click.Choice(("error", "warning", "info")), default="error", show_default=True,
              help="Lowest level of finding that makes an item, and the run, not conformant.")
@click.option("--lang", type=click.Choice(("en", "zh")), default="en", show_default=True,
              help="Language of the findings' messages.")
@click.option("--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes to check with; 0 = all cores for inputs over 4 MiB, else one.")
@click.option("--baseline", "baseline_path", metavar="FILE",
              help="Report only findings not in FILE (made by `wipo-bc baseline create`); the summary counts "
                   "the suppressed ones.")
@click.option("--from", "ledger_kind", type=click.Choice(("evm", "fabric", "multichain")),
              help="PATHs are ledger exports of this platform: their records are checked as a ledger.")
@click.option("--chain", metavar="NAME", help="With --from: network name where the export lacks it (MultiChain).")
@click.option("--stream", metavar="NAME", help="With --from multichain: the stream the items were listed from.")
@click.option("--records", "records_path", metavar="PATH",
              help="With --from: off-chain records (and documents/) that anchors and document digests are checked against.")
def command(paths: tuple[str, ...], target: str, profile: str, network_path: str | None, fmt: str,
            out_path: str | None, fail_on: str, lang: str, jobs: int, baseline_path: str | None,
            did_document_paths: tuple[str, ...] = (), ledger_kind: str | None = None, chain: str | None = None,
            stream: str | None = None, records_path: str | None = None) -> None:
    """Check records, ledgers, network profiles and governance declarations.

    PATH may be a file (JSON, a JSON array of items, or NDJSON), a directory (read recursively)
    or - for stdin. Every input item appears in the report. With --target ledger, the items of all
    PATHs, in the order given (a directory's files sorted by name), form one ledger: a ledger split
    over several files stays one; check separate ledgers in separate runs.
    """
    sources = input_sources(paths)
    network = load_network(network_path) if network_path else None
    checker_options: dict[str, Any] = {"target": target, "profile": profile, "network": network,
                                       "fail_on": Level.parse(fail_on), "lang": lang,
                                       "did_documents": load_did_documents(did_document_paths)}
    Checker(**checker_options)  # fail early, in this process, on options the checker refuses
    jobs = jobs or parallel.auto_jobs(sources, target)
    try:
        suppress = BaselineFilter(Baseline.load(baseline_path), Level.parse(fail_on)) if baseline_path else None
    except BaselineError as exc:
        fail(f"--baseline {exc}")
    summary = Summary()
    progress = Progress.for_terminal(sys.stderr)  # None unless stderr is a terminal
    inputs = run_inputs(sources, network_path, baseline_path, *did_document_paths, records=records_path)
    with output(out_path, inputs) as out:
        if ledger_kind:
            from .ledger_cmd import ledger_results
            results = ledger_results(ledger_kind, sources, checker_options, chain=chain, stream=stream,
                                     records=records_path)
        else:
            results = parallel.run(sources, checker_options, jobs)
        if suppress is not None:
            results = suppress(results)
        if progress is not None:
            results = progress.wrap(results)
            out = progress.guard(out)
        renderer = REGISTRY[fmt](out)
        renderer.begin()
        try:
            for result in results:
                summary.add(result)
                renderer.item(result)
        except SourceError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            summary.partial = True
        if progress is not None:
            progress.clear()
        if suppress is not None:
            summary.suppressed = suppress.suppressed
        renderer.finish(summary)
    sys.exit(2 if summary.partial else summary.exit_code())


commands = [command]
