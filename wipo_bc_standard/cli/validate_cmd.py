"""``wipo-bc validate``."""

from __future__ import annotations

import sys

import click

from ..constants import LEDGER_KINDS, MESSAGE_LANGUAGES
from ..findings import Level
from ..renderers import FORMATS
from ..rules import PROFILES
from ..runner import (
    LedgerInput,
    Run,
    RunError,
    RunOptions,
    load_baseline,
    load_did_documents,
    load_network_profile,
    run_inputs,
)
from ..sources import SourceError
from ..targets import TARGETS
from .common import fail, input_sources, output


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
@click.option("--fail-on", type=click.Choice(tuple(level.label for level in sorted(Level, reverse=True))), default="error", show_default=True,
              help="Lowest level of finding that makes an item, and the run, not conformant.")
@click.option("--lang", type=click.Choice(MESSAGE_LANGUAGES), default="en", show_default=True,
              help="Language of the findings' messages.")
@click.option("--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes to check with; 0 = all cores for inputs over 4 MiB, else one.")
@click.option("--baseline", "baseline_path", metavar="FILE",
              help="Report only findings not in FILE (made by `wipo-bc baseline create`); the summary counts "
                   "the suppressed ones.")
@click.option("--from", "ledger_kind", type=click.Choice(LEDGER_KINDS),
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
    try:
        options = RunOptions(target=target, profile=profile,
                             network=load_network_profile(network_path) if network_path else None,
                             fail_on=Level.parse(fail_on), lang=lang,
                             did_documents=load_did_documents(did_document_paths), jobs=jobs,
                             baseline=load_baseline(baseline_path) if baseline_path else None,
                             ledger=LedgerInput(ledger_kind, chain, stream, records_path) if ledger_kind else None)
        run = Run(options)
        inputs = run_inputs(sources, network_path, baseline_path, *did_document_paths, records=records_path)
        with output(out_path, inputs) as out:
            exit_code = run.render(sources, fmt, out, progress_to=sys.stderr)
    except (RunError, SourceError) as exc:
        fail(str(exc))
    if run.ledger_stats is not None and not run.summary.partial:
        click.echo(f"wipo-bc: ledger read: {run.ledger_stats.summary()}", err=True)
    sys.exit(exit_code)


commands = [command]
