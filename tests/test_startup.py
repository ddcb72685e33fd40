"""Start-up stays light: `wipo-bc --help` and `--version` load no checks; the command table is the commands'."""

from __future__ import annotations

import subprocess
import sys

import click

from wipo_bc_standard.cli import COMMANDS, main

PROBE = """
import sys
from wipo_bc_standard.cli import main
try:
    main({args!r})
except SystemExit:
    pass
heavy = [m for m in ("wipo_bc_standard.engine", "wipo_bc_standard.rules", "wipo_bc_standard.runner", "pyld",
                     "cryptography", "rdflib", "lxml", "pydantic", "pathspec") if m in sys.modules]
print("LOADED:" + ",".join(heavy))
"""


def _loaded(args: list[str]) -> str:
    done = subprocess.run([sys.executable, "-c", PROBE.format(args=args)], capture_output=True, text=True, check=True)
    return done.stdout.rsplit("LOADED:", 1)[1].strip()


def test_help_and_version_load_none_of_the_checks() -> None:
    assert _loaded(["--help"]) == ""
    assert _loaded(["--version"]) == ""
    assert _loaded(["validate", "--help"]) == ""


def test_the_command_table_matches_the_commands() -> None:
    ctx = click.Context(main)
    for name, (_, short_help) in COMMANDS.items():
        command = main.get_command(ctx, name)
        assert command is not None and command.name == name
        assert command.get_short_help_str(limit=1000) == short_help
