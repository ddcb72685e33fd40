"""Reading and writing files safely: inputs are hostile, outputs must never destroy them.

- Only regular files are read. A FIFO would block the run forever, a device (``/dev/zero``,
  ``/dev/urandom``) never ends, a socket cannot be read as a file: each is refused with
  :class:`NotReadable` before a byte is read (the file is opened non-blocking, then checked with
  ``fstat``, so a FIFO nobody writes to cannot block the open either).
- Whole-file reads are bounded (:func:`read_regular`); line reads are bounded per line
  (:func:`bounded_lines`), which also reads CR-only line endings as lines.
- Outputs are written to a temporary file in the target's folder and renamed over it
  (:func:`atomic_output`), so a failed or interrupted write leaves the previous file intact; an
  output that resolves to one of the run's inputs is refused (:class:`OutputRefused`).
- Untrusted text shown to people (file names, values in messages) goes through :func:`printable`,
  so that no report line can be forged and no terminal escape or CI workflow command injected.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any, BinaryIO, Protocol

#: Bytes read at a time from a stream.
CHUNK = 1 << 20


class NotReadable(Exception):
    """An input that is refused before it is read (not a regular file, larger than a limit)."""


class OutputRefused(Exception):
    """An output that would destroy an input, or that cannot be written."""


# ---------------------------------------------------------------------------------------------
# Text shown to people

def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


#: Control characters (C0, DEL, C1) and the Unicode line and paragraph separators, escaped.
_UNPRINTABLE = {code: _escape(code) for code in [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029]}


def printable(text: str) -> str:
    """``text`` on one line with no control character: ``\\n``, ESC, BEL... shown as escapes, and
    a byte that was not UTF-8 (a surrogate escape from a file name) as ``\\xNN``."""
    if text.isprintable():
        return text
    out = text.translate(_UNPRINTABLE)
    if any("\ud800" <= ch <= "\udfff" for ch in out):
        out = "".join(f"\\x{ord(ch) - 0xDC00:02x}" if "\udc80" <= ch <= "\udcff"
                      else f"\\u{ord(ch):04x}" if "\ud800" <= ch <= "\udfff" else ch for ch in out)
    return out


def display_name(path: str | os.PathLike[str]) -> str:
    """A path as reports show it: as given, with control characters and non-UTF-8 bytes escaped."""
    return printable(os.fspath(path))


# ---------------------------------------------------------------------------------------------
# Reading

def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """The file opened for reading, if it is a regular file (symbolic links to one are followed).

    Raises :class:`NotReadable` for anything else, OSError when it cannot be opened.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotReadable(f"{display_name(path)}: {_kind(mode)}; only regular files are read")
        # O_NONBLOCK (so that opening a FIFO cannot block) changes nothing for a regular file: kept.
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_at_most(stream: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes of a stream, fewer only at its end. A read of n bytes allocates n bytes
    first (256 MiB for the file limit, for every small file: 0.1 ms), so a regular file is read at
    the size fstat gives it, then on in chunks only if it grew."""
    step = _bytes_left(stream)
    step = CHUNK if step is None else step + 1
    parts: list[bytes] = []
    got = 0
    while got < size:
        want = min(step, size - got)
        data = stream.read(want)
        parts.append(data)
        got += len(data)
        if len(data) < want:  # a buffered read comes back short only at the end of the stream
            break
        step = CHUNK
    return b"".join(parts)


def _bytes_left(stream: BinaryIO) -> int | None:
    """The bytes from a regular file's position to its end (None for other streams)."""
    try:
        status = os.fstat(stream.fileno())
        return max(status.st_size - stream.tell(), 0) if stat.S_ISREG(status.st_mode) else None
    except (OSError, AttributeError, ValueError):  # io.UnsupportedOperation is an OSError and a ValueError
        return None


def read_bounded(stream: BinaryIO, limit: int, name: str) -> bytes:
    """All of a stream, refused (:class:`NotReadable`) once it is larger than ``limit`` bytes."""
    data = read_at_most(stream, limit + 1)
    if len(data) > limit:
        raise NotReadable(f"{display_name(name)}: larger than {limit} bytes (see docs/limits.md)")
    return data


def read_regular(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (default: the ``file_bytes`` limit).

    Raises :class:`NotReadable` whatever the reason (not a regular file, too large, an OS error),
    its message one line naming the file: what callers report as it is."""
    from .limits import LIMITS
    try:
        with open_regular(path) as stream:
            return read_bounded(stream, LIMITS.file_bytes if limit is None else limit, os.fspath(path))
    except OSError as exc:
        raise NotReadable(f"{display_name(path)}: {reason(exc)}") from None


def reason(exc: BaseException) -> str:
    """One line saying why a file could not be read (OSError's strerror, or the refusal)."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return printable(str(exc))


class Readable(Protocol):
    """What :func:`bounded_lines` reads from: a binary file, or anything with its ``read``."""

    def read(self, size: int, /) -> bytes: ...


@dataclass(frozen=True, slots=True)
class Oversized:
    """A line longer than the limit: its length, never its bytes (they are not kept)."""

    size: int


def bounded_lines(stream: Readable, limit: int) -> Iterator[bytes | Oversized]:
    """The lines of a stream without their endings (LF, CRLF or a lone CR), each at most ``limit``
    bytes; a longer line is skipped and stands as :class:`Oversized`, so memory stays bounded."""
    pending = b""
    skipping = 0  # bytes of an oversized line seen so far (0: not skipping)
    held_cr = False  # the previous chunk ended in CR: a LF opening this one belongs to it
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            break
        if held_cr and chunk.startswith(b"\n"):
            chunk = chunk[1:]
        held_cr = chunk.endswith(b"\r")
        parts = chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
        for part in parts[:-1]:
            if skipping:
                yield Oversized(skipping + len(part))
                skipping = 0
            elif len(pending) + len(part) > limit:
                yield Oversized(len(pending) + len(part))
                pending = b""
            else:
                yield pending + part
                pending = b""
        last = parts[-1]
        if skipping:
            skipping += len(last)
        elif len(pending) + len(last) > limit:
            skipping = len(pending) + len(last)
            pending = b""
        else:
            pending += last
    if skipping:
        yield Oversized(skipping)
    elif pending:
        yield pending


# ---------------------------------------------------------------------------------------------
# Writing

def _identity(path: str | os.PathLike[str]) -> tuple[str, tuple[int, int] | None]:
    real = os.path.realpath(path)
    try:
        st = os.stat(real)
        return real, (st.st_dev, st.st_ino)
    except OSError:
        return real, None


def check_not_input(out_path: str, inputs: Iterable[Any]) -> None:
    """Raise :class:`OutputRefused` when ``out_path`` is (or links to) one of ``inputs``: the files
    the run reads (a folder is given as the files chosen in it, so an earlier report in an input
    folder that the run reads is refused; one not yet written is not an input)."""
    real, ident = _identity(out_path)
    for source in inputs:
        if not isinstance(source, (str, os.PathLike)) or os.fspath(source) == "-":
            continue
        in_real, in_ident = _identity(source)
        same = real == in_real or (ident is not None and ident == in_ident)
        if same:
            raise OutputRefused(f"-o {display_name(out_path)} is an input of this run ({display_name(source)}); "
                                "it is never overwritten: write the output elsewhere")


@contextmanager
def atomic_output(out_path: str, inputs: Iterable[Any] = (), binary: bool = False) -> Iterator[IO[Any]]:
    """A stream whose content replaces ``out_path`` only when the block ends without error.

    The content goes to a temporary file in the same folder, renamed over ``out_path`` at the end;
    on any error the temporary file is removed and the previous file is untouched. An existing
    output that is not a regular file (``/dev/null``, a FIFO, a terminal) is written directly.
    Raises :class:`OutputRefused` when the output is an input, OSError when it cannot be written.
    """
    check_not_input(out_path, inputs)
    try:
        mode = os.stat(out_path).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "Is a directory", out_path)
        direct: IO[Any] = (open(out_path, "wb") if binary
                           else open(out_path, "w", encoding="utf-8", newline="\n"))
        with direct:
            yield direct
        return
    folder = os.path.dirname(os.path.abspath(out_path))
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(out_path)[:64]}.", suffix=".tmp")
    try:
        stream: IO[Any] = (os.fdopen(fd, "wb") if binary
                           else os.fdopen(fd, "w", encoding="utf-8", newline="\n"))
        with stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temp, stat.S_IMODE(mode))
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, out_path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
