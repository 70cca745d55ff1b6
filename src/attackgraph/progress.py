"""Progress a person can follow: stage names, a counter, a sensible ETA.

On a terminal one line is redrawn in place; otherwise (a log file, a CI job, a pipe) plain
lines are printed when a stage starts and every ``every`` seconds within it. Stage lines
read ``stage: NAME`` (``bench/run.py`` reads them to split CPU time by stage).

The ETA is computed from the items done since the first one finished, so the start-up
cost of the first item (loading reference data) does not make a minutes job look like
hours; it is shown only once a few items and a couple of seconds have passed.

>>> import io
>>> out, now = io.StringIO(), iter(range(0, 100, 4))
>>> p = Progress(out, tty=False, every=5, clock=lambda: float(next(now)))
>>> p.stage("converting", total=10)
>>> for _ in range(10):
...     p.advance()
>>> p.stage("writing dumps")
>>> print(out.getvalue(), end="")
stage: converting (10 items)
converting 2 / 10 (20%), 0.2 items/s
converting 4 / 10 (40%), 0.2 items/s, ETA 24 s
converting 6 / 10 (60%), 0.2 items/s, ETA 16 s
converting 8 / 10 (80%), 0.2 items/s, ETA 8 s
stage: writing dumps
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final, TextIO

_ETA_AFTER_ITEMS: Final = 3
_ETA_AFTER_SECONDS: Final = 2.0


class Progress:
    """Reports stages and a counter on ``stream``; ``tty`` says whether to redraw in place
    (default: ``stream.isatty()``). ``clock`` returns seconds (for tests)."""

    def __init__(
        self,
        stream: TextIO,
        *,
        tty: bool | None = None,
        every: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.every = every
        self.clock = clock
        self.started = clock()
        self._name, self._total, self._done = "", 0, 0
        self._first: tuple[float, int] | None = None
        self._shown = 0.0

    def stage(self, name: str, total: int | None = None) -> None:
        """Start a stage (with ``total`` items to count, or none)."""
        if self.tty and self._total:
            self.stream.write("\n")
        self._name, self._total, self._done = name, total or 0, 0
        self._first, self._shown = None, self.clock()
        count = f" ({total:,} items)" if total else ""
        self.stream.write(f"stage: {name}{count}\n")
        self.stream.flush()

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more items of the current stage done."""
        self._done += n
        now = self.clock()
        if self._first is None:
            self._first = (now, self._done)
        if self.tty:
            self.stream.write("\r" + self.line(now) + "\033[K")
            if self._done >= self._total:
                self.stream.write("\n")
                self._total = 0
        elif now - self._shown >= self.every and self._done < self._total:
            self._shown = now
            self.stream.write(self.line(now) + "\n")
        self.stream.flush()

    def line(self, now: float) -> str:
        """``NAME done / total (pct), rate items/s, ETA ...``."""
        text = f"{self._name} {self._done:,}"
        if self._total:
            text += f" / {self._total:,} ({100 * self._done // self._total}%)"
        rate = self._rate(now)
        if rate:
            text += f", {rate:.1f} items/s"
            if self._total and rate * (now - self._shown_from()) >= _ETA_AFTER_ITEMS:
                text += f", ETA {_duration((self._total - self._done) / rate)}"
        return text

    def _shown_from(self) -> float:
        return self._first[0] if self._first else self.clock()

    def _rate(self, now: float) -> float | None:
        if self._first is None or now - self._first[0] < _ETA_AFTER_SECONDS:
            return None
        return (self._done - self._first[1]) / (now - self._first[0]) or None

    def elapsed(self) -> float:
        """Seconds since this object was made."""
        return self.clock() - self.started


def _duration(seconds: float) -> str:
    """``42 s``, ``3 min 05 s``, ``2 h 07 min``.

    >>> _duration(42.4), _duration(185), _duration(7650)
    ('42 s', '3 min 05 s', '2 h 07 min')
    """
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
