"""What several commands share: one-line errors and output files."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any, NoReturn

import click

from .. import runner, safe_io
from ..report import EXIT_CANNOT_RUN


def fail(message: str) -> NoReturn:
    """A clear one-line error and exit code 2: the run could not be done. The message is made
    printable (a file name or a value holding a newline or an escape cannot forge more lines)."""
    click.echo(f"wipo-bc: error: {safe_io.printable(message)}", err=True)
    sys.exit(EXIT_CANNOT_RUN)


@contextmanager
def output(path: str | None, inputs: Iterable[Any] = (), binary: bool = False) -> Iterator[IO[Any]]:
    """The file named by ``-o`` (UTF-8 text, or bytes), or stdout.

    The file is written atomically (a temporary file renamed over it at the end), so a failed
    write leaves the previous file as it was; a path that is one of ``inputs`` is refused.
    Either is a one-line error, exit 2.
    """
    if path is None or path == "-":
        stream: Any = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    name = safe_io.display_name(path)
    try:
        with safe_io.atomic_output(path, inputs, binary) as stream:
            yield stream
    except safe_io.OutputRefused as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write {name}: {safe_io.reason(exc)} (any previous file is unchanged)")


def input_sources(paths: tuple[str, ...]) -> list[Any]:
    """The files named or under the directories named (``-``: stdin), or a one-line error."""
    try:
        return runner.input_sources(paths)
    except runner.RunError as exc:
        fail(str(exc))
