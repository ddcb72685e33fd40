"""``wipo-bc baseline``: accept today's findings, so that ``validate --baseline`` reports only new ones."""

from __future__ import annotations

import sys

import click

from .. import baseline as baselines
from ..runner import Run, RunError, RunOptions, load_network_profile, run_inputs
from ..sources import SourceError
from . import validate_cmd
from .common import fail, output, select_sources, settings

#: The options of ``validate`` that decide which findings a run makes (the others only present them).
SHARED_PARAMS = ("paths", "target", "profile", "network_path", "jobs")


@click.group("baseline")
def baseline() -> None:
    """Adopt the checks on existing data: record today's findings, then report only new ones.

    Fingerprints are made of the source path relative to the configuration root (the working
    directory without a configuration file), the item's index (and, for a second key, its own id),
    the rule id and the JSON Pointer path; not the message, which changes with --lang. The same
    files give the same fingerprints from any working directory, however they are named.
    """


@click.command("create", params=[p for p in validate_cmd.command.params if p.name in SHARED_PARAMS])
@click.option("-o", "--output", "out_path", metavar="FILE", help="Write the baseline to FILE instead of stdout.")
def create(paths: tuple[str, ...], target: str, profile: str, network_path: str | None, jobs: int,
           out_path: str | None) -> None:
    """Write the fingerprints of every finding of PATH... (sorted, versioned JSON).

    Takes the same options as `validate` that decide which checks run; use the same ones later
    with `wipo-bc validate --baseline FILE`.
    """
    given = settings(None, False, False, target=target, profile=profile, network=network_path)
    target, profile, network_path = given["target"], given["profile"], given["network"]
    sources = select_sources(paths, given)
    try:
        run = Run(RunOptions(target=target, profile=profile,
                             network=load_network_profile(network_path) if network_path else None, jobs=jobs,
                             root=given["root"], per_path_target=given["per_path_target"]))
        # Everything is checked before the file is opened: an interrupted run leaves no file behind.
        found = baselines.collect(run.results(sources), given["root"])
    except (RunError, SourceError) as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted: no baseline written")
    with output(out_path, run_inputs(sources.sources, network_path)) as out:
        count = baselines.write_entries(found, out)
    where = f" to {out_path}" if out_path and out_path != "-" else ""
    click.echo(f"wipo-bc: baseline of {count} finding{'s' if count != 1 else ''} written{where}", err=True)
    sys.exit(0)


baseline.add_command(create)
commands = [baseline]
