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
  waits instead of computing. POSIX. The signals interrupt Python code; a long call
  inside a C extension is interrupted when it returns. :class:`LimitExceeded` derives
  from ``BaseException`` so that no ``except Exception`` in a stage can swallow it.
- Memory: a watchdog thread reads the process's resident memory every
  ``POLL_SECONDS`` (Linux ``/proc/self/statm``) and interrupts the conversion when it
  has grown by more than ``memory`` bytes since the document started (a signal to the
  main thread, like the time limit), and once more when the conversion ends: a loaded
  machine can keep the watchdog from polling while the last stage (building the RDF)
  allocates most of the memory, and a document's verdict must not depend on that. Not
  ``RLIMIT_AS``: a failed allocation inside a C or C++ library (SQLite, spaCy) aborts
  the whole process instead of raising ``MemoryError``. A ``MemoryError`` raised anyway
  is reported the same way.

In a thread other than the main one (a Dask worker converts documents in its worker
threads), signals cannot reach the conversion: a watchdog thread reads that thread's own
CPU clock (``pthread_getcpuclockid``), the wall clock and the process's resident memory,
and raises :class:`LimitExceeded` in it with ``PyThreadState_SetAsyncExc``, which Python
delivers at the thread's next bytecode (so, as with signals, after a long C call
returns); when the conversion ends, its CPU time and the memory are checked once
more. The memory there is the whole worker process's growth while the document
converts: documents converting at the same time in other threads of that process count
too, so give such a worker one thread, or a memory limit of its memory divided by its
threads.

Defaults: 30 CPU seconds and 1 GiB a document (``attackgraph build --time-limit/--memory-limit``).

- Claims: converting is linear in the claims a text gives and the figures they hold
  (0.4-0.8 ms of CPU a claim of repeated sentences, about 9 ms a claim of varied prose,
  whose sentences are parsed; a document's RDF and SHACL report grow with them: a 5 MB
  document of 200,000 claims took 86 CPU-s and 2.5 GiB), so the time and memory limits
  alone would skip a long document instead of converting it. ``claims`` bounds them: the
  infobox's casualty lines and then the prose are read until the document's claims reach
  it, a claim counting once per figure (an infobox line of 3,000 figures with no source
  is one claim of 3,000: :mod:`attackgraph.extract.claims_limit`), a claim is kept whole
  or left out, the text after is left unread by every stage, and the document builds
  with a ``limit/claims`` warning naming the line where the reading stopped
  (``attackgraph build --claims-limit``). The default, 1,000, is over seventeen times
  what any development document uses (56: 40 claims) and keeps a document well inside
  the time limit (5 MB of varied prose: about 10 CPU-s, ``bench/big_document.py --kind
  prose``); it is a bound, not a drop: the warning is always printed.
"""

from __future__ import annotations

import ctypes
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Final

DEFAULT_SECONDS: Final = 30.0
DEFAULT_MEMORY: Final = 1 << 30
DEFAULT_CLAIMS: Final = 1000
TIME_RULE: Final = "limit/time"
MEMORY_RULE: Final = "limit/memory"
HANG_FACTOR: Final = 10
POLL_SECONDS: Final = 0.02
_MEMORY_SIGNAL: Final = getattr(signal, "SIGUSR2", signal.SIGTERM)
_STATM: Final = Path("/proc/self/statm")


@dataclass(frozen=True)
class Limits:
    """Per-document limits; ``None`` (or 0) switches one off.

    >>> Limits().seconds, Limits().memory == 1024 ** 3, Limits().claims
    (30.0, True, 1000)
    """

    seconds: float | None = DEFAULT_SECONDS
    memory: int | None = DEFAULT_MEMORY
    claims: int | None = DEFAULT_CLAIMS
    """Claims one document may give; the text after is not read (see the module doc)."""


class LimitExceeded(BaseException):  # noqa: N818 - reads as "limit exceeded: time"
    """A document went past a limit; ``rule`` is ``limit/time`` or ``limit/memory``."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


@contextmanager
def bounded(limits: Limits) -> Iterator[None]:
    """Run the block under ``limits``; raise :class:`LimitExceeded` past one.

    >>> try:  # 0.05 s of CPU, or 0.5 s of wall time on a machine too busy to give it
    ...     with bounded(Limits(seconds=0.05, memory=None)):
    ...         while True:
    ...             pass
    ... except LimitExceeded as error:
    ...     print(error.rule, error.message.startswith("converting took more than"))
    limit/time True
    >>> try:
    ...     with bounded(Limits(seconds=None, memory=64 << 20)):
    ...         grow = [b"x" * (1 << 20) for _ in range(1024)]
    ... except LimitExceeded as error:
    ...     print(error.rule, error.message)
    limit/memory converting needed more than 64 MiB of memory
    """
    seconds, memory = limits.seconds or None, limits.memory or None
    try:  # the cap is lifted before the error is turned into a report, which allocates
        if threading.current_thread() is threading.main_thread():
            with _memory_cap(memory), _alarm(seconds):
                yield
        else:
            with _watched_thread(seconds, memory):
                yield
    except MemoryError:
        raise LimitExceeded(
            MEMORY_RULE, f"converting needed more than {_size(limits.memory or 0)} of memory"
        ) from None


def _size(memory: int) -> str:
    return f"{memory / (1 << 30):g} GiB" if memory >= 1 << 30 else f"{memory >> 20} MiB"


@contextmanager
def _alarm(seconds: float | None) -> Iterator[None]:
    if seconds is None or not hasattr(signal, "setitimer"):
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


def _resident() -> int | None:
    """The process's resident memory in bytes (Linux), else ``None``."""
    try:
        pages = int(_STATM.read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


@contextmanager
def _memory_cap(memory: int | None) -> Iterator[None]:
    usable = hasattr(signal, "pthread_kill")
    start = _resident() if memory is not None and usable else None
    if memory is None or start is None:
        yield
        return
    main, done = threading.get_ident(), threading.Event()

    def expired(signum: int, frame: FrameType | None) -> None:
        raise LimitExceeded(MEMORY_RULE, f"converting needed more than {_size(memory)} of memory")

    def watch() -> None:
        while not done.wait(POLL_SECONDS):
            now = _resident()
            if now is not None and now - start > memory:
                signal.pthread_kill(main, _MEMORY_SIGNAL)
                return

    previous = signal.signal(_MEMORY_SIGNAL, expired)
    watcher = threading.Thread(target=watch, name="attackgraph-memory-limit", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()
        signal.signal(_MEMORY_SIGNAL, previous)
    _check_growth(start, memory)  # what grew since the last poll


def _check_growth(start: int, memory: int) -> None:
    """Raise :class:`LimitExceeded` when the resident memory grew by more than ``memory``
    bytes since ``start``."""
    now = _resident()
    if now is not None and now - start > memory:
        raise LimitExceeded(MEMORY_RULE, f"converting needed more than {_size(memory)} of memory")


@contextmanager
def _watched_thread(seconds: float | None, memory: int | None) -> Iterator[None]:
    """The limits for a conversion in this (not the main) thread; see the module doc."""
    target = threading.get_ident()
    clock = time.pthread_getcpuclockid(target) if hasattr(time, "pthread_getcpuclockid") else None
    start = _resident() if memory is not None else None
    if (seconds is None or clock is None) and start is None:
        yield
        return
    cpu_start, wall_start = (
        time.clock_gettime(clock) if clock is not None else 0.0,
        time.monotonic(),
    )
    lock, done = threading.Lock(), threading.Event()

    def expired() -> tuple[str, str] | None:
        if seconds is not None and clock is not None:
            if time.clock_gettime(clock) - cpu_start > seconds:
                return TIME_RULE, f"converting took more than {seconds:g} s of CPU time"
            if time.monotonic() - wall_start > seconds * HANG_FACTOR:
                wall = seconds * HANG_FACTOR
                return TIME_RULE, f"converting took more than {wall:g} s of wall time"
        now = _resident() if start is not None else None
        if memory is not None and now is not None and start is not None and now - start > memory:
            return MEMORY_RULE, f"converting needed more than {_size(memory)} of memory"
        return None

    def watch() -> None:
        while not done.wait(POLL_SECONDS):
            found = expired()
            if found is not None:
                with lock:
                    if not done.is_set():
                        _raise_in(target, _error_type(*found))
                return

    watcher = threading.Thread(target=watch, name="attackgraph-thread-limits", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        with lock:
            done.set()
        watcher.join()
        _raise_in(target, None)  # a limit that fired as the document finished: raised below
    # the document finished: what it used since the last poll counts too (not the wall
    # time, which only catches a conversion that waits)
    if (
        seconds is not None
        and clock is not None
        and time.clock_gettime(clock) - cpu_start > seconds
    ):
        raise LimitExceeded(TIME_RULE, f"converting took more than {seconds:g} s of CPU time")
    if memory is not None and start is not None:
        _check_growth(start, memory)


def _error_type(rule: str, message: str) -> type[LimitExceeded]:
    """A :class:`LimitExceeded` made without arguments, as an asynchronous raise makes it."""

    class Expired(LimitExceeded):
        def __init__(self) -> None:
            super().__init__(rule, message)

    return Expired


def _raise_in(thread: int, error: type[BaseException] | None) -> None:
    """Raise ``error`` in the Python thread ``thread`` at its next bytecode (``None``
    withdraws one not yet raised)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread), ctypes.py_object(error) if error is not None else None
    )
