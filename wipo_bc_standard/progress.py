"""A progress line on a terminal for long runs: items done and items per second.

Only drawn when the stream is a terminal (never into logs or CI output). Per item it costs a counter
and a comparison; the clock is read every ``step`` items, with ``step`` adjusted to the measured
rate so that the clock is read about 20 times a second and the line redrawn at most 10 times.
The line is plain text redrawn with ``\\r`` (no escape codes, so it works on any terminal).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TypeVar, cast

T = TypeVar("T")

REDRAW_INTERVAL = 0.1  # seconds between redraws, at most
MAX_STEP = 1 << 14


class Progress:
    """Counts items passing through :meth:`wrap` and redraws a status line on ``stream``."""

    def __init__(self, stream: IO[str], interval: float = REDRAW_INTERVAL,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.interval = interval
        self.clock = clock
        self.count = 0
        self._start = clock()
        self._last_draw = self._start
        self._width = 0  # characters of the line on screen; 0 when none is shown

    @classmethod
    def for_terminal(cls, stream: IO[str]) -> Progress | None:
        """A progress display on ``stream`` if it is a terminal, else None (nothing to do)."""
        try:
            return cls(stream) if stream.isatty() else None
        except (AttributeError, ValueError):  # no isatty, or a closed stream
            return None

    def wrap(self, items: Iterable[T]) -> Iterator[T]:
        step = 1
        next_check = 1
        for item in items:
            self.count += 1
            if self.count >= next_check:
                step = self._check(step)
                next_check = self.count + step
            yield item

    def _check(self, step: int) -> int:
        now = self.clock()
        elapsed = now - self._start
        if now - self._last_draw >= self.interval:
            self._last_draw = now
            self.draw(self.line(elapsed))
        rate = self.count / elapsed if elapsed > 0 else 0.0
        # Read the clock about twice per redraw interval at the current rate.
        return max(1, min(MAX_STEP, int(rate * self.interval / 2)))

    def line(self, elapsed: float) -> str:
        rate = self.count / elapsed if elapsed > 0 else 0.0
        return f"wipo-bc: {self.count:,} items checked, {rate:,.0f} items/s"

    def draw(self, text: str) -> None:
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)

    def clear(self) -> None:
        """Remove the line (before other output goes to the same terminal, and at the end)."""
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def guard(self, out: IO[str]) -> IO[str]:
        """``out`` itself, or, when it is the same terminal, a writer that clears the line first."""
        try:
            same_terminal = out.isatty()
        except (AttributeError, ValueError):
            same_terminal = False
        return cast(IO[str], _ClearingWriter(out, self)) if same_terminal else out


class _ClearingWriter:
    """Writes to a terminal stream after clearing the progress line (it is redrawn on the next check)."""

    def __init__(self, out: IO[str], progress: Progress) -> None:
        self._out = out
        self._progress = progress

    def write(self, text: str) -> int:
        self._progress.clear()
        return self._out.write(text)

    def flush(self) -> None:
        self._out.flush()

    def isatty(self) -> bool:
        return True

    def __getattr__(self, name: str) -> object:
        return getattr(self._out, name)
