"""``wipo-bc conformance run|report|case|build``: the conformance suite and implementation reports."""

from __future__ import annotations

import os
import sys

import click

from .. import safe_io
from .._version import __version__
from ..conformance.report_formats import REPORT_FORMATS
from .common import fail, output


def write_text(path: str | None, text: str, inputs: tuple[str, ...] = ()) -> None:
    """Write ``text`` to ``path`` (stdout for None or -), never over one of ``inputs``."""
    with output(path, inputs) as stream:
        stream.write(text)


@click.group("conformance")
def group() -> None:
    """The conformance suite: run any implementation over it and write implementation reports.

    The protocol an implementation follows is in the documentation (Conformance suite).
    """


@group.command("run")
@click.option("--implementation", "command", metavar="CMD",
              help="Command of the implementation to test, run once per case (see the protocol); "
                   "default: wipo-bc itself, in this process.")
@click.option("--name", metavar="NAME", help="The implementation's name in the report (default: the command's first word).")
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default="json", show_default=True,
              help="Report format: JSON, EARL (Turtle) or an HTML table.")
@click.option("-o", "--output", "out_path", metavar="FILE", help="Write the report to FILE instead of stdout.")
@click.option("--case", "patterns", metavar="TEXT", multiple=True,
              help="Run only the cases whose id contains TEXT (repeatable).")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Cases run at once (at most the number of cores).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds an implementation may take on one case.")
def run(command: str | None, name: str | None, fmt: str, out_path: str | None, patterns: tuple[str, ...],
        jobs: int, timeout: float) -> None:
    """Run an implementation over the suite and write its implementation report.

    Exit code 0 when no case failed (cases an implementation declines are not failures), 1 otherwise.
    """
    from ..conformance.evaluate import evaluate
    from ..conformance.protocol import command_implementation, in_process_reference, run_suite
    from ..conformance.report_formats import render
    from ..conformance.suite import Suite

    suite = Suite.load()
    cases = [c for c in suite.cases if not patterns or any(p in c.id for p in patterns)]
    if not cases:
        fail(f"no case id contains {' or '.join(patterns)}")
    jobs = min(jobs, os.cpu_count() or 1)
    if command is None:
        implementation = in_process_reference()
        about = {"name": name or "wipo-bc", "version": __version__, "command": "wipo-bc (in process)"}
    else:
        try:
            implementation = command_implementation(command, timeout=timeout)
        except ValueError as exc:
            fail(str(exc))
        about = {"name": name or command.split()[0].rsplit("/", 1)[-1], "command": command}
    report = evaluate(suite, run_suite(suite, implementation, jobs=jobs, cases=cases), about)
    write_text(out_path, render([report], fmt))
    totals = report["totals"]
    click.echo(f"wipo-bc: {about['name']}: cases {totals['cases']['passed']}/{totals['cases']['total']} passed, "
               f"{totals['cases']['failed']} failed, {totals['cases']['unsupported']} not supported; rules "
               f"{totals['rules']['passed']}/{totals['rules']['total']} passed, {totals['rules']['failed']} failed, "
               f"{totals['rules']['unsupported']} not supported", err=True)
    sys.exit(1 if totals["cases"]["failed"] else 0)


@group.command("report")
@click.argument("reports", nargs=-1, required=True, metavar="REPORT.json ...")
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default="html", show_default=True,
              help="html sets several reports side by side; json and earl take one.")
@click.option("-o", "--output", "out_path", metavar="FILE", help="Write to FILE instead of stdout.")
def report(reports: tuple[str, ...], fmt: str, out_path: str | None) -> None:
    """Merge JSON implementation reports into one comparison table (or convert one report)."""
    from ..conformance.report_formats import ReportError, load_report, render

    loaded = []
    for path in reports:
        try:
            loaded.append(load_report(safe_io.read_regular(path), path))
        except (safe_io.NotReadable, ReportError) as exc:
            fail(str(exc))
    try:
        text = render(loaded, fmt)
    except ReportError as exc:
        fail(str(exc))
    write_text(out_path, text, inputs=reports)


@group.command("case")
@click.argument("request_path", required=False, metavar="[REQUEST.json]")
def case(request_path: str | None) -> None:
    """Answer one request of the protocol (from REQUEST.json or stdin) as wipo-bc: the protocol's
    reference answer, and what `run --implementation "wipo-bc conformance case"` runs."""
    import orjson

    from ..conformance.reference import answer
    from ..limits import LIMITS
    from ..runner import RunError
    from ..sources import SourceError

    try:
        data = (safe_io.read_regular(request_path) if request_path
                else safe_io.read_bounded(sys.stdin.buffer, LIMITS.file_bytes, "<stdin>"))
        request = orjson.loads(data)
        result = answer(request)
    except (OSError, safe_io.NotReadable, SourceError, RunError) as exc:
        fail(safe_io.reason(exc))
    except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        fail(f"not a conformance request: {exc}")
    click.echo(orjson.dumps(result).decode())


@group.command("build")
@click.option("--check", is_flag=True, help="Only say whether the committed suite is up to date (exit 1 if not).")
def build(check: bool) -> None:
    """Rebuild the suite (conformance/) in the source checkout from the examples and the rule catalogue."""
    from ..conformance.build import SuiteError, committed, write
    from ..conformance.build import build as build_files
    from ..resources import source_root

    root = source_root()
    if root is None:
        fail("the suite is built in a source checkout of wipo-bc-standard")
    try:
        if check:
            files = build_files(root)
            stale = sorted(p for p in files if not (root / p).is_file() or (root / p).read_bytes() != files[p])
            stale += sorted(set(committed(root)) - set(files))
            for path in stale:
                click.echo(path)
            sys.exit(1 if stale else 0)
        for path in write(root):
            click.echo(path)
    except SuiteError as exc:
        fail(str(exc))


commands = [group]
