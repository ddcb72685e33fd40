"""``wipo-bc validate``."""

from __future__ import annotations

import sys

import click

from ..constants import ENGINES, LEDGER_KINDS, MESSAGE_LANGUAGES
from ..findings import PROFILES, Level
from ..renderers import FORMATS
from ..targets import TARGETS
from .common import fail, output, select_sources, selection_options, settings


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
              help="Processes to check with (at most the cores); 0 = chosen from the input's size and form.")
@click.option("--baseline", "baseline_path", metavar="FILE",
              help="Report only findings not in FILE (made by `wipo-bc baseline create`); the summary counts "
                   "the suppressed ones.")
@click.option("--from", "ledger_kind", type=click.Choice(LEDGER_KINDS),
              help="PATHs are ledger exports of this platform: their records are checked as a ledger.")
@click.option("--chain", metavar="NAME", help="With --from: network name where the export lacks it (MultiChain).")
@click.option("--stream", metavar="NAME", help="With --from multichain: the stream the items were listed from.")
@click.option("--records", "records_path", metavar="PATH",
              help="With --from: off-chain records (and documents/) that anchors and document digests are checked against.")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="Where to check: this machine, or a Dask or Spark cluster (PATHs may then be URLs the "
                   "workers read: file://, s3://, hdfs://). Needs the [dask] or [spark] extra.")
@click.option("--scheduler", metavar="ADDR", help="With --engine dask: the scheduler (default: a local cluster).")
@click.option("--master", metavar="URL", help="With --engine spark: the master URL (default: local[*]).")
@selection_options
@click.option("--fix", is_flag=True,
              help="Correct the safe, unambiguous cases in the files (a misspelt member, UK for GB, blanks around an "
                   "identifier), written atomically; the report shows the findings as found before.")
def command(paths: tuple[str, ...], target: str, profile: str, network_path: str | None, fmt: str,
            out_path: str | None, fail_on: str, lang: str, jobs: int, baseline_path: str | None,
            did_document_paths: tuple[str, ...] = (), ledger_kind: str | None = None, chain: str | None = None,
            stream: str | None = None, records_path: str | None = None, config_path: str | None = None,
            no_config: bool = False, include: tuple[str, ...] = (), exclude: tuple[str, ...] = (),
            no_gitignore: bool = False, allow_empty: bool = False, show_config: bool = False,
            fix: bool = False, engine: str = "local", scheduler: str | None = None,
            master: str | None = None) -> None:
    """Check records, ledgers, network profiles and governance declarations.

    PATH may be a file (JSON, a JSON array of items, NDJSON, an XML record, JSON-LD or Turtle),
    a directory (walked recursively: see --include, --exclude and the configuration file) or - for
    stdin. Every input item appears in the report. With --target ledger, the items of all
    PATHs, in the order given (a directory's files sorted by name), form one ledger: a ledger split
    over several files stays one; check separate ledgers in separate runs.
    """
    for name, value in (("--records", records_path), ("--chain", chain), ("--stream", stream)):
        if value is not None and ledger_kind is None:
            fail(f"{name} applies to ledger exports: give --from evm|fabric|multichain too")
    given = settings(config_path, no_config, show_config, target=target, profile=profile, network=network_path,
                     fail_on=fail_on, lang=lang, baseline=baseline_path, include=include, exclude=exclude,
                     no_gitignore=no_gitignore, allow_empty=allow_empty)
    target, profile, network_path = given["target"], given["profile"], given["network"]
    fail_on, lang, baseline_path = given["fail_on"], given["lang"], given["baseline"]
    if scheduler and engine != "dask" or master and engine != "spark":
        fail("--scheduler goes with --engine dask, --master with --engine spark")
    # URLs are for a cluster's workers to read: the engine lists them, not this machine.
    urls = engine != "local" and any("://" in path for path in paths)
    sources = list(paths) if urls else select_sources(paths, given)
    # The engine loads when a run starts, not when the command's help is printed.
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
    try:
        options = RunOptions(target=target, profile=profile,
                             network=load_network_profile(network_path) if network_path else None,
                             fail_on=Level.parse(fail_on), lang=lang,
                             did_documents=load_did_documents(did_document_paths), jobs=jobs,
                             baseline=load_baseline(baseline_path) if baseline_path else None,
                             ledger=LedgerInput(ledger_kind, chain, stream, records_path) if ledger_kind else None,
                             root=given["root"], per_path_target=given["per_path_target"],
                             per_file_ignores=given["per_file_ignores"], allow_empty=given["allow_empty"], fix=fix,
                             engine=engine, engine_address=scheduler or master)
        run = Run(options)
        read = sources if isinstance(sources, list) else sources.sources
        inputs = run_inputs(read, network_path, baseline_path, *did_document_paths, records=records_path)
        with output(out_path, inputs) as out:
            exit_code = run.render(sources, fmt, out, progress_to=sys.stderr)
    except (RunError, SourceError) as exc:
        fail(str(exc))
    if run.ledger_stats is not None and not run.summary.partial:
        click.echo(f"wipo-bc: ledger read: {run.ledger_stats.summary()}", err=True)
    if run.fixer is not None and not run.summary.partial:
        made, files = run.fixer.apply()
        for failure in run.fixer.failed:
            click.echo(f"wipo-bc: not fixed: {failure} (the file is unchanged)", err=True)
        click.echo(f"wipo-bc: fixed {made} finding{'s' if made != 1 else ''} in {files} file{'s' if files != 1 else ''}"
                   + ("; run again to check the result" if made else ""), err=True)
    if run.checked_nothing:
        fail(run.nothing_checked_message())
    sys.exit(exit_code)


commands = [command]
