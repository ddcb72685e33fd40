"""``wipo-bc``: a thin shell over the Python API. Each command lives in its own module."""

from __future__ import annotations

import importlib

import click

from .._version import __version__

#: Modules that each define ``commands`` (a list of click commands or groups), in help order.
COMMAND_MODULES = ("validate_cmd", "ledger_cmd", "compat_cmd", "jcs_cmd", "convert_cmd", "vocab_cmd",
                   "rules_cmd", "schemas_cmd", "baseline_cmd", "docs_cmd", "conformance_cmd")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="wipo-bc")
def main() -> None:
    """Conformance checks for the draft WIPO standard on blockchain in the IP ecosystem.

    Exit codes: 0 conformant; 1 not conformant (a finding at or above --fail-on);
    2 the run could not be done (bad arguments, a path that does not exist).
    """
    from ..limits import check_environment
    problem = check_environment()  # WIPO_BC_LIMIT_* variables (docs/limits.md)
    if problem is not None:
        from .common import fail
        fail(problem)


for _name in COMMAND_MODULES:
    for _command in importlib.import_module(f"{__name__}.{_name}").commands:
        main.add_command(_command)


def run() -> None:
    """The console entry point: ``main`` with a quiet exit when the reader of stdout goes away."""
    import os
    import sys
    try:
        main()
    except BrokenPipeError:
        # `wipo-bc validate ... | head`: stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
