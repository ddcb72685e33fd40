"""What several commands share: one-line errors and output files."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
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
    """The file named by ``-o`` (UTF-8), or stdout.

    A file is written under a temporary name beside it and renamed over the destination only when
    the block ends normally: a failed or interrupted write never leaves a partial report in its place.
    """
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    destination = Path(path)
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".part",
                                                 dir=destination.parent)
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror or exc}")
    try:
        with open(descriptor, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp's 0600 would hide the report from others
        os.replace(temporary, destination)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            fail(f"cannot write {path}: {exc.strerror or exc}")
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask



def input_sources(paths: tuple[str, ...]) -> list[Any]:
    """The files named or under the directories named (``-``: stdin), or a one-line error."""
    try:
        return runner.input_sources(paths)
    except runner.RunError as exc:
        fail(str(exc))
