"""``wipo-bc compat``: can two networks exchange records?"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..compat import NetworkError, compare
from ..renderers.verdict import VERDICT_FORMATS, render_verdict
from .common import fail, output


@click.command("compat")
@click.argument("network_a", metavar="NETWORK_A")
@click.argument("network_b", metavar="NETWORK_B")
@click.option("--format", "fmt", type=click.Choice(VERDICT_FORMATS), default="text", show_default=True,
              help="Verdict format.")
@click.option("-o", "--output", "out_path", metavar="FILE", help="Write the verdict to FILE instead of stdout.")
def command(network_a: str, network_b: str, fmt: str, out_path: str | None) -> None:
    """Say whether two networks can exchange records, and what blocks it.

    Each NETWORK is a directory holding profile.json and, optionally, governance.json
    (without it the governance-based checks are skipped), or a network profile file alone.
    Both must be valid: their errors are blockers.

    Exit codes: 0 the networks can interoperate (warnings and notes allowed); 1 something blocks;
    2 an input cannot be read.
    """
    try:
        verdict = compare(network_a, network_b)
    except NetworkError as exc:
        fail(str(exc))
    inputs = [p for n in (network_a, network_b) for p in (n, Path(n) / "profile.json", Path(n) / "governance.json")]
    with output(out_path, inputs) as out:
        out.write(render_verdict(verdict, fmt))
    sys.exit(verdict.exit_code)


commands = [command]
