"""What one lookup of the pages costs in a release's on-disk store: CPU microseconds to
open an iterator over a subject's statements, to read its statements in the union (the
default graph), and in every graph, for 5,000 typed subjects taken at random.

Usage::

    .venv/bin/python bench/store_reads.py STORE [--count 5000] [--compact]

``STORE`` is a pyoxigraph store folder (e.g. one loaded by ``bench/pages_memory.py``,
or ``ReleaseData(dump, folder)``); ``--compact`` compacts it first (``Store.optimize``,
what the pages stage does since session 11) and prints what that cost. Not run by the
test suite.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import time

from pyoxigraph import DefaultGraph, NamedNode, Store

from attackgraph.namespaces import RDF


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--compact", action="store_true")
    args = parser.parse_args()
    if args.compact:
        start, wall = _cpu(), time.monotonic()
        writable = Store(args.store)
        writable.optimize()
        writable.flush()
        del writable
        gc.collect()  # the Rust store closes RocksDB when the object is freed
        print(f"compacted: {_cpu() - start:.1f} CPU-s, {time.monotonic() - wall:.0f} s wall")
    store = Store.read_only(args.store)
    subjects = [
        q.subject
        for q in store.quads_for_pattern(None, RDF.type, None, DefaultGraph())
        if isinstance(q.subject, NamedNode)
    ]
    random.Random(1).shuffle(subjects)
    subjects = subjects[: args.count]
    timings = []
    for graph in (DefaultGraph(), DefaultGraph(), None):
        start, quads = _cpu(), 0
        for subject in subjects:
            found = store.quads_for_pattern(subject, None, None, graph)
            if timings:  # the first pass only opens the iterators
                quads += sum(1 for _ in found)
        timings.append((1e6 * (_cpu() - start) / len(subjects), quads / len(subjects)))
    (opened, _), (union, in_union), (every, in_all) = timings
    print(
        f"{args.store}: {len(subjects)} subjects; open {opened:.0f} us; union {union:.0f} us "
        f"({in_union:.1f} quads); every graph {every:.0f} us ({in_all:.1f} quads)"
    )


if __name__ == "__main__":
    main()
