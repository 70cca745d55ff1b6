"""What each of a page worker's caches holds after N pages: its entries and the memory
freed when it alone is emptied, to find which cache grows with the corpus.

Usage::

    .venv/bin/python bench/cache_weigh.py RELEASE [--pages 5000]

As ``bench/worker_growth.py``: this process loads the release's dump into a temporary
on-disk store and builds the pages' ``Site``, then forks one worker that renders
``--pages`` pages of a fixed shuffle (seed 7). The worker then empties its caches one at
a time, largest first by entries (``cache_clear``, a full collection, ``malloc_trim(0)``)
and prints for each the drop of its ``Private_Dirty`` (MiB): what that cache alone held
(values shared with a cache emptied later are counted there). Not run by the test suite.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import multiprocessing
import random
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pages_memory  # bench/: registers every lookup cache as it is made
from worker_growth import rollup

from attackgraph.publish import workers
from attackgraph.publish.data import ReleaseData
from attackgraph.publish.files import packaged_file
from attackgraph.publish.ontology import Ontology
from attackgraph.publish.site import Site


def _trimmed() -> dict[str, int]:
    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    return rollup()


def _dirty() -> int:
    """KiB of ``Private_Dirty`` (this process's own memory)."""
    with open("/proc/self/smaps_rollup") as lines:
        for line in lines:
            if line.startswith("Private_Dirty:"):
                return int(line.split()[1])
    return 0


def worker(site: Site, folder: Path, out: Path, tasks: list[workers.Task], trace: bool) -> None:
    workers._start(site, folder, out)
    if trace:
        tracemalloc.start(1)
    start = time.process_time()
    grew: list[tuple[int, int, workers.Task]] = []
    by_kind: dict[str, int] = {}
    cpu: dict[str, list[float]] = {}
    last = _dirty()
    for done, task in enumerate(tasks):
        begun = time.process_time()
        workers._render(task)
        spent = cpu.setdefault(task[0], [0, 0.0])
        spent[0] += 1
        spent[1] += time.process_time() - begun
        now = _dirty()
        grew.append((now - last, done, task))
        by_kind[task[0]] = by_kind.get(task[0], 0) + now - last
        last = now
    print(f"worker: {len(tasks)} pages, {time.process_time() - start:.1f} CPU-s", flush=True)
    print("  by kind: pages, CPU-s, own memory gained while rendering (MiB):", flush=True)
    for kind, kib in sorted(by_kind.items()):
        pages, seconds = cpu[kind]
        print(f"    {kind:8} {pages:6.0f} {seconds:7.1f} {kib / 1024:7.1f}", flush=True)
    print("  the pages after which it grew most:", flush=True)
    for kib, done, task in sorted(grew, reverse=True)[:15]:
        print(f"    {kib / 1024:6.1f} MiB  page {done:5d}  {task[0]} {task[1]}", flush=True)
    caches: list[tuple[str, Any]] = list(pages_memory._CACHES)
    caches.sort(key=lambda c: -c[1].cache_info().currsize)
    before = _trimmed()
    print("worker after its pages", before, flush=True)
    traced = tracemalloc.get_traced_memory()[0] if trace else 0
    for name, cache in caches:
        entries = cache.cache_info().currsize
        cache.cache_clear()
        after = _trimmed()
        freed = before["Private_Dirty"] - after["Private_Dirty"]
        now = tracemalloc.get_traced_memory()[0] if trace else 0
        print(
            f"  {name:40} {entries:7d} entries  {freed:5d} MiB freed"
            f"  {(traced - now) / 2**20:7.1f} MiB traced freed",
            flush=True,
        )
        before, traced = after, now
    print("worker with its caches empty", before, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release", type=Path)
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--trace", action="store_true", help="tracemalloc in the worker")
    args = parser.parse_args()
    pages_memory._patch_cached()
    with tempfile.TemporaryDirectory() as tmp:
        with ReleaseData.on_disk(args.release / "attackgraph.nq", Path(tmp)) as data:
            site = Site(
                data, Ontology(packaged_file("ontology.ttl")), base="https://w3id.org/attackgraph"
            )
            tasks = [(kind, iri) for kind, iris in site.by_kind.items() for iri in iris]
            random.Random(7).shuffle(tasks)
            pages_memory._CACHES.clear()  # the parent's caches: the worker binds its own
            gc.freeze()  # as render_all does
            assert data.folder is not None
            fork = multiprocessing.get_context("fork")
            child = fork.Process(
                target=worker,
                args=(site, data.folder, Path(tmp) / "site", tasks[: args.pages], args.trace),
            )
            child.start()
            child.join()


if __name__ == "__main__":
    main()
