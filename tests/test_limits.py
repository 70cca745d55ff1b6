"""Per-document limits (``limits.bounded``) decided by what the block used, not by when
the watchdog happened to poll: memory that grows in the last moments of a conversion (as
building the RDF does) counts, in the main thread and in a worker thread alike. The
watchdog is made to never poll during the block, so only the check at the end can see
the growth."""

from __future__ import annotations

import gc
import threading

import pytest

from attackgraph import limits
from attackgraph.limits import LimitExceeded, Limits, bounded


def _grow_at_the_end(size: int) -> bytes:
    gc.collect()  # garbage of earlier tests freed inside the block would hide the growth
    with bounded(Limits(seconds=None, memory=16 << 20)):
        kept = b"x" * size  # one C call: no poll can fall inside it
    return kept


def _in_thread(size: int) -> BaseException | None:
    found: list[BaseException | None] = [None]

    def run() -> None:
        try:
            _grow_at_the_end(size)
        except LimitExceeded as error:
            found[0] = error

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    return found[0]


@pytest.fixture(autouse=True)
def no_polls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "POLL_SECONDS", 3600.0)


def test_memory_grown_just_before_the_end_is_over_the_limit_in_the_main_thread() -> None:
    with pytest.raises(LimitExceeded) as raised:
        _grow_at_the_end(256 << 20)
    assert raised.value.rule == "limit/memory"
    assert len(_grow_at_the_end(1 << 20)) == 1 << 20  # under the limit: the block's result


def test_memory_grown_just_before_the_end_is_over_the_limit_in_a_worker_thread() -> None:
    error = _in_thread(256 << 20)
    assert isinstance(error, LimitExceeded) and error.rule == "limit/memory"
    assert _in_thread(1 << 20) is None


def test_cpu_time_spent_since_the_last_poll_is_over_the_limit_in_a_worker_thread() -> None:
    found: list[BaseException | None] = [None]

    def run() -> None:
        try:
            with bounded(Limits(seconds=0.05, memory=None)):
                total = 0
                for n in range(20_000_000):  # well over 0.05 s of CPU time
                    total += n
        except LimitExceeded as error:
            found[0] = error

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    error = found[0]
    assert isinstance(error, LimitExceeded) and error.rule == "limit/time"
