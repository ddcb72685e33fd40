"""``wipo-bc ledger read``: the IP records of a ledger export, as NDJSON with their ledger envelope."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import orjson

from ..constants import LEDGER_KINDS
from ..ledgers import LedgerReader
from ..runner import LedgerInput, RunError, open_ledger, run_inputs
from ..safe_io import printable
from ..sources import SourceError, expand
from .common import fail, output


def make_reader(kind: str, chain: str | None, stream: str | None, records: str | None) -> LedgerReader:
    """The reader ``--from`` names, or a one-line error."""
    try:
        reader: LedgerReader = open_ledger(LedgerInput(kind, chain, stream, records))
    except RunError as exc:
        fail(str(exc))
    return reader


def export_files(paths: tuple[str, ...]) -> list[Path]:
    if not paths:
        fail("no input: name the export files (JSON, NDJSON or .io transcripts)")
    try:
        files = expand(paths)
    except SourceError as exc:
        fail(str(exc))
    # Directories: the .io transcripts of the execution-API tests too, in name order.
    transcripts = [p for raw in paths if Path(raw).is_dir() for p in sorted(Path(raw).rglob("*.io"))]
    listed = set(files)  # a set: a folder may hold thousands of each
    return files + [p for p in transcripts if p not in listed]


@click.group("ledger")
def ledger() -> None:
    """Read IP records from ledger exports (EVM, Hyperledger Fabric, MultiChain)."""


@ledger.command("read")
@click.argument("paths", nargs=-1, metavar="FILE ...")
@click.option("--from", "kind", type=click.Choice(LEDGER_KINDS), required=True,
              help="Platform of the export: EVM JSON-RPC responses, Fabric blocks, MultiChain stream items.")
@click.option("--chain", metavar="NAME",
              help="Network name where the export does not give it (required for MultiChain; "
                   "overrides the EVM eip155 chain id and the Fabric channel as network).")
@click.option("--stream", metavar="NAME", help="MultiChain stream the items were listed from (ledger.channel).")
@click.option("--records", "records", metavar="PATH",
              help="Off-chain records (and documents/ directory) to resolve anchors and check document digests.")
@click.option("-o", "--output", "out_path", metavar="FILE", help="Write the NDJSON to FILE instead of stdout.")
@click.option("--quiet", is_flag=True, help="No summary on stderr (errors and findings are still told).")
def read(paths: tuple[str, ...], kind: str, chain: str | None, stream: str | None, records: str | None,
         out_path: str | None, quiet: bool) -> None:
    """Print the records found in FILE ... as NDJSON, each with its ledger envelope.

    On stderr: each entry that could not be read and each finding, one line each, then a
    summary (entries read, records found, entries skipped and why). Exit codes: 0 all read;
    1 some entries could not be read, or findings (anchors, documents); 2 the run could not be done.
    """
    files = export_files(paths)
    reader = make_reader(kind, chain, stream, records)
    problems = 0
    with output(out_path, run_inputs(files, records=records)) as out:
        try:
            for item in reader.read(files):
                if item.error is not None:
                    problems += 1
                    click.echo(printable(f"wipo-bc: {item.error.rule}: {item.error.finding().message}"), err=True)
                    continue
                for finding in item.findings:
                    problems += 1
                    click.echo(printable(f"wipo-bc: {finding.rule}: {item.source} item {item.index}"
                                         f"{' ' + finding.path if finding.path else ''}: {finding.message}"), err=True)
                out.write(orjson.dumps(item.doc, option=orjson.OPT_APPEND_NEWLINE).decode("utf-8"))
        except SourceError as exc:
            fail(str(exc))
    if not quiet:
        click.echo(reader.stats.summary(), err=True)
    sys.exit(1 if problems else 0)


commands: list[click.Command] = [ledger]

