"""``wipo-bc``: a thin shell over the Python API. Each command lives in its own module."""

from __future__ import annotations

import importlib

import click

from .._version import __version__

#: Each command: the module that defines it (in its ``commands`` list) and its one-line help, in
#: help order. A command's module is imported only when the command runs, so that `wipo-bc --help`,
#: `--version` and a small check start fast; tests/test_startup.py checks this table against the commands.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("validate_cmd", "Check records, ledgers, network profiles and governance declarations."),
    "ledger": ("ledger_cmd", "Read IP records from ledger exports (EVM, Hyperledger Fabric, MultiChain)."),
    "compat": ("compat_cmd", "Say whether two networks can exchange records, and what blocks it."),
    "canonicalize": ("jcs_cmd", "Write the RFC 8785 (JCS) canonical bytes of the JSON document in FILE (- for stdin)."),
    "hash": ("jcs_cmd", "Print the hex digest of the RFC 8785 canonical bytes of the JSON document in FILE "
                        "(- for stdin)."),
    "convert": ("convert_cmd", "Convert a record, network profile or governance declaration between its forms, "
                               "losslessly."),
    "vocab": ("vocab_cmd", "The terms of the standard in WIPO's languages, and every code list, as SKOS concept "
                           "schemes."),
    "rules": ("rules_cmd", "The conformance rules: what each checks, at which level, and on which clause it rests."),
    "schemas": ("schemas_cmd", "Generate the schemas from the model, or check the bundled ones against it."),
    "baseline": ("baseline_cmd", "Adopt the checks on existing data: record today's findings, then report only "
                                 "new ones."),
    "docs": ("docs_cmd", "The documentation site (mkdocs + material), with pages generated from the rule "
                         "catalogue, code lists, schemas, vocabulary and these commands."),
    "conformance": ("conformance_cmd", "The conformance suite: run any implementation over it and write "
                                       "implementation reports."),
}
#: The modules that define commands, in help order.
COMMAND_MODULES = tuple(dict.fromkeys(module for module, _ in COMMANDS.values()))


class LazyGroup(click.Group):
    """A group whose commands are imported when they are used (click's documented lazy loading)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module = importlib.import_module(f"{__name__}.{entry[0]}")
        return next(c for c in module.commands if c.name == cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # The help lists the commands from the table, without importing them.
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, click.Command(name, help=text).get_short_help_str(limit)) for name, (_, text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="wipo-bc")
def main() -> None:
    """Conformance checks for the draft WIPO standard on blockchain in the IP ecosystem.

    Exit codes: 0 conformant; 1 not conformant (a finding at or above --fail-on);
    2 the run could not be done (bad arguments, a path that does not exist, nothing checked).
    """
    from ..limits import check_environment
    problem = check_environment()  # WIPO_BC_LIMIT_* variables (docs/limits.md)
    if problem is not None:
        from .common import fail
        fail(problem)


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
