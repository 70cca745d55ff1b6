"""Per-document resource limits: wall time and memory, checked while one document converts.

A document under the size limit can still ask for too much (a pathological input, or
a slow path nobody found yet). :func:`bounded` runs the conversion of one document with
a wall-clock alarm and a cap on the address space the process may add; going past
either raises :class:`LimitExceeded`, which the converter reports as
``file:1: limit/time`` or ``file:1: limit/memory`` and skips the document.

- Time: ``seconds`` of CPU time (``ITIMER_PROF``: user + system, all threads), not of
  wall-clock time: on a shared machine the wall time of one document depends on the
  load, and a limit on it would make the same input build differently from run to
  run. A wall-clock alarm at ``HANG_FACTOR`` times the limit catches a conversion that
  waits instead of computing. POSIX, main thread only (elsewhere no time limit). The
  signals interrupt Python code; a long call inside a C extension is interrupted when
  it returns. :class:`LimitExceeded` derives from ``BaseException``
  so that no ``except Exception`` in a stage can swallow it.
- Memory: the soft ``RLIMIT_AS`` is set to the process's current address space plus
  ``memory`` bytes for the duration of the document (Linux, where ``/proc/self/statm``
  says how large the process is), so an allocation past it fails with
  ``MemoryError``; the previous limit is restored afterwards.

Defaults: 30 CPU seconds and 1 GiB a document (``attackgraph build --time-limit/--memory-limit``).
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Final

try:
    import resource
except ImportError:  # pragma: no cover - not POSIX
    resource = None  # type: ignore[assignment]

DEFAULT_SECONDS: Final = 30.0
DEFAULT_MEMORY: Final = 1 << 30
TIME_RULE: Final = "limit/time"
MEMORY_RULE: Final = "limit/memory"
HANG_FACTOR: Final = 10
_STATM: Final = Path("/proc/self/statm")


@dataclass(frozen=True)
class Limits:
    """Per-document limits; ``None`` (or 0) switches one off.

    >>> Limits().seconds, Limits().memory == 1024 ** 3
    (30.0, True)
    """

    seconds: float | None = DEFAULT_SECONDS
    memory: int | None = DEFAULT_MEMORY


class LimitExceeded(BaseException):  # noqa: N818 - reads as "limit exceeded: time"
    """A document went past a limit; ``rule`` is ``limit/time`` or ``limit/memory``."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


@contextmanager
def bounded(limits: Limits) -> Iterator[None]:
    """Run the block under ``limits``; raise :class:`LimitExceeded` past one.

    >>> try:
    ...     with bounded(Limits(seconds=0.05, memory=None)):
    ...         while True:
    ...             pass
    ... except LimitExceeded as error:
    ...     print(error.rule, error.message)
    limit/time converting took more than 0.05 s of CPU time
    >>> try:
    ...     with bounded(Limits(seconds=None, memory=64 << 20)):
    ...         _ = bytearray(256 << 20)
    ... except LimitExceeded as error:
    ...     print(error.rule, error.message)
    limit/memory converting needed more than 64 MiB of memory
    """
    with _memory_cap(limits.memory or None), _alarm(limits.seconds or None):
        try:
            yield
        except MemoryError:
            raise LimitExceeded(
                MEMORY_RULE, f"converting needed more than {_size(limits.memory or 0)} of memory"
            ) from None


def _size(memory: int) -> str:
    return f"{memory / (1 << 30):g} GiB" if memory >= 1 << 30 else f"{memory >> 20} MiB"


@contextmanager
def _alarm(seconds: float | None) -> Iterator[None]:
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if seconds is None or not usable:
        yield
        return
    wall = seconds * HANG_FACTOR

    def cpu_expired(signum: int, frame: FrameType | None) -> None:
        raise LimitExceeded(TIME_RULE, f"converting took more than {seconds:g} s of CPU time")

    def wall_expired(signum: int, frame: FrameType | None) -> None:
        raise LimitExceeded(TIME_RULE, f"converting took more than {wall:g} s of wall time")

    previous_cpu = signal.signal(signal.SIGPROF, cpu_expired)
    previous_wall = signal.signal(signal.SIGALRM, wall_expired)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    signal.setitimer(signal.ITIMER_REAL, wall)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGPROF, previous_cpu)
        signal.signal(signal.SIGALRM, previous_wall)


def _address_space() -> int | None:
    """The process's current virtual size in bytes (Linux), else ``None``."""
    try:
        pages = int(_STATM.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


@contextmanager
def _memory_cap(memory: int | None) -> Iterator[None]:
    current = _address_space() if memory is not None and resource is not None else None
    if memory is None or current is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = current + memory
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft != resource.RLIM_INFINITY:
        cap = min(cap, soft)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
