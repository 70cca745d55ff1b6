"""Where the pages stage's memory goes: the pages of a built release rendered again, alone,
with each process's memory followed page by page.

Usage::

    .venv/bin/python bench/pages_memory.py RELEASE --out /tmp/pages [--jobs 2] [--every 200]
        [--trace 6] [--trim]

``RELEASE`` is a release folder (``attackgraph build --out``: its ``attackgraph.nq``). Its
dump is loaded into a temporary on-disk store in ``--out`` and every page is rendered
into ``--out/site`` in ``--jobs`` processes, as the pages stage of a build does. Printed:

- every 2 s, each process's PSS and its anonymous memory (``/proc/PID/smaps_rollup``) and
  the sum over all of them (the figure ``bench/run.py`` reports as peak PSS);
- every ``--every`` pages a worker renders, a line from that worker: pages done, its PSS,
  RSS and anonymous memory, the entries its lookups' caches hold and, with ``--trace N``,
  the Python heap traced by :mod:`tracemalloc` (``N`` frames) with its largest allocation
  sites in ``--out/trace-PID.txt`` (the worker's last snapshot, with each cache's
  entries); ``--trim`` calls ``malloc_trim(0)`` then and prints the line again (what
  the allocator held freed);
- CPU-s of the whole stage (the tree's ``getrusage``) and per page, and of this process
  alone (the parent: the lists, the index, the workers' entries received, and the
  memory sampler's thread, whose CPU is printed apart).

Not run by the test suite.
"""

from __future__ import annotations

import argparse
import ctypes
import functools
import os
import resource
import shutil
import sys
import threading
import time
import tracemalloc
from pathlib import Path
from typing import Any

from attackgraph.publish import data as data_module
from attackgraph.publish import reads as reads_module
from attackgraph.publish import workers
from attackgraph.publish.data import ReleaseData
from attackgraph.publish.files import packaged_file
from attackgraph.publish.ontology import Ontology
from attackgraph.publish.site import Site

_CACHES: list[Any] = []
_DONE = [0]
_ARGS: argparse.Namespace | None = None


def rollup(pid: int) -> dict[str, int]:
    """kB fields of ``/proc/PID/smaps_rollup`` (empty if the process is gone)."""
    found: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as lines:
            for line in lines:
                name, _, rest = line.partition(":")
                parts = rest.split()
                if len(parts) == 2 and parts[1] == "kB":
                    found[name] = int(parts[0])
    except OSError:
        pass
    return found


def children(pid: int) -> list[int]:
    """The children of every thread of ``pid`` (the pool forks a worker it replaces from
    its own thread)."""
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as text:
                found += [int(p) for p in text.read().split()]
    except OSError:
        pass
    return found


def _patch_cached() -> None:
    """Register every lookup cache (``lru_cache``) made by ``Reads.cached`` and the
    subjects' caches, to count their entries (named by the function cached)."""
    original = functools.lru_cache
    naming = [""]

    def counting(*args: Any, **kwargs: Any) -> Any:
        wrap = original(*args, **kwargs)

        def apply(function: Any) -> Any:
            cached = wrap(function)
            name = naming[0] or getattr(function, "__qualname__", "?")
            _CACHES.append((name.rsplit(".", 1)[-1], cached))
            return cached

        return apply

    cached_by = reads_module.Reads.cached

    def named(self: Any, find: Any, size: int) -> Any:
        naming[0] = getattr(find, "__qualname__", "?")
        if naming[0].endswith("<lambda>"):  # a Lookup's: named by its line in data.py
            naming[0] = f"lambda:{find.__code__.co_firstlineno}"
        try:
            return cached_by(self, find, size)
        finally:
            naming[0] = ""

    reads_module.Reads.cached = named  # type: ignore[method-assign]
    reads_module.lru_cache = counting  # type: ignore[attr-defined]
    data_module.lru_cache = counting  # type: ignore[attr-defined]


def _worker_line() -> str:
    own = rollup(os.getpid())
    entries = sum(c.cache_info().currsize for _, c in _CACHES)
    traced = ""
    if tracemalloc.is_tracing():
        traced = f" traced {tracemalloc.get_traced_memory()[0] / 2**20:7.1f} MiB"
    return (
        f"worker {os.getpid()} pages {_DONE[0]:6d} pss {own.get('Pss', 0) / 1024:7.1f} "
        f"rss {own.get('Rss', 0) / 1024:7.1f} anon {own.get('Anonymous', 0) / 1024:7.1f} MiB "
        f"entries {entries:8d} cpu {time.process_time():7.1f} s{traced}"
    )


def _snapshot(path: Path, frames: int) -> None:
    snapshot = tracemalloc.take_snapshot()
    snapshot = snapshot.filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
    with path.open("w") as out:
        out.write(_worker_line() + "\n")
        for name, cache in _CACHES:
            out.write(f"  {name:40} {cache.cache_info().currsize:7d} entries\n")
        for key in ("lineno", "traceback"):
            out.write(f"--- top by {key}\n")
            for stat in snapshot.statistics(key)[:25]:
                out.write(f"{stat.size / 2**20:8.2f} MiB {stat.count:9d}\n")
                for line in stat.traceback.format()[-2 * frames :]:
                    out.write(f"    {line}\n")


def _render(task: workers.Task) -> Any:
    assert _ARGS is not None
    entry = _RENDER(task)
    _DONE[0] += 1
    if _DONE[0] % _ARGS.every == 0:
        print(_worker_line(), flush=True)
        if _ARGS.trim:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
            print(_worker_line() + " (after malloc_trim)", flush=True)
        if _ARGS.trace:
            _snapshot(_ARGS.out / f"trace-{os.getpid()}.txt", _ARGS.trace)
    return entry


def _start(site: Site, folder: Path, out: Path) -> None:
    assert _ARGS is not None
    if _ARGS.trace:
        tracemalloc.start(_ARGS.trace)
    _START(site, folder, out)


_RENDER = workers._render
_START = workers._start


def sample(stop: threading.Event, peak: list[int], spent: list[float]) -> None:
    """Sample every process's memory until ``stop``; the peak sum of their PSS in
    ``peak``, this thread's CPU-s in ``spent`` (reading ``smaps_rollup`` is kernel work:
    ~20 CPU-s in ten minutes)."""
    me = os.getpid()
    last = 0.0
    while not stop.wait(0.2):
        spent[0] = time.thread_time()
        pids = [me, *children(me)]
        rolls = {pid: rollup(pid) for pid in pids}
        total = sum(r.get("Pss", 0) for r in rolls.values())
        peak[0] = max(peak[0], total)
        if time.monotonic() - last >= 2:
            last = time.monotonic()
            each = " ".join(
                f"{pid}:{r.get('Pss', 0) / 1024:.0f}/{r.get('Anonymous', 0) / 1024:.0f}"
                for pid, r in rolls.items()
            )
            print(f"sample all {total / 2**20:6.2f} GiB  pid:pss/anon MiB {each}", flush=True)


def main() -> None:
    global _ARGS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--every", type=int, default=200)
    parser.add_argument("--trace", type=int, default=0, help="tracemalloc frames (0: off)")
    parser.add_argument("--trim", action="store_true", help="malloc_trim(0) in the workers")
    parser.add_argument("--base", default="https://w3id.org/attackgraph")
    _ARGS = args = parser.parse_args()
    _patch_cached()
    workers._render = _render  # type: ignore[assignment]
    workers._start = _start  # type: ignore[assignment]
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    stop, peak, spent = threading.Event(), [0], [0.0]
    sampler = threading.Thread(target=sample, args=(stop, peak, spent), daemon=True)
    sampler.start()
    started = time.monotonic()
    cpu0 = _cpu()
    with ReleaseData.on_disk(args.release / "attackgraph.nq", args.out) as data:
        loaded, parent0 = _cpu(), _cpu(children=False)
        print(f"store loaded: {loaded - cpu0:.1f} CPU-s", flush=True)
        site = Site(data, Ontology(packaged_file("ontology.ttl")), base=args.base)
        counts = site.write(args.out / "site", version="bench", jobs=args.jobs)
    cpu = _cpu() - loaded
    parent = _cpu(children=False) - parent0
    stop.set()
    sampler.join()
    pages = sum(counts.values())
    print(
        f"pages {counts} in {time.monotonic() - started:.0f} s wall; pages stage {cpu:.1f} CPU-s "
        f"({1000 * cpu / pages:.1f} ms a page; this process {parent:.1f}, of which the memory "
        f"sampler {spent[0]:.1f}); "
        f"peak PSS all {peak[0] / 2**20:.2f} GiB",
        flush=True,
    )


def _cpu(*, children: bool = True) -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    if not children:
        return own.ru_utime + own.ru_stime
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


if __name__ == "__main__":
    sys.exit(main())
