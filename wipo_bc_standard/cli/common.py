"""What several commands share: one-line errors and output files."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any, NoReturn

import click

from .. import runner
from ..report import EXIT_CANNOT_RUN


def fail(message: str) -> NoReturn:
    """A clear one-line error and exit code 2: the run could not be done."""
    click.echo(f"wipo-bc: error: {message}", err=True)
    sys.exit(EXIT_CANNOT_RUN)


@contextmanager
def output(path: str | None) -> Iterator[IO[str]]:
    """The file named by ``-o`` (UTF-8), or stdout."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        stream = open(path, "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror or exc}")
    with stream:
        yield stream



def input_sources(paths: tuple[str, ...]) -> list[Any]:
    """The files named or under the directories named (``-``: stdin), or a one-line error."""
    try:
        return runner.input_sources(paths)
    except runner.RunError as exc:
        fail(str(exc))
