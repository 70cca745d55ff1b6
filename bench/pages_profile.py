"""Where a page worker's CPU goes: one worker's share of a built release's pages
rendered in one process, under :mod:`cProfile` (or timed without it).

Usage::

    .venv/bin/python bench/pages_profile.py RELEASE --store DIR --out DIR [--share 2]
        [--every 1] [--profile FILE] [--top 40]

``RELEASE`` is a release folder (``attackgraph build --out``: its ``attackgraph.nq``).
Its dump is loaded into an on-disk store at ``--store`` (compacted, as the pages stage
does) the first time and opened read-only afterwards (delete the folder to load it
again). The pages are listed as :meth:`attackgraph.publish.site.Site.write` lists them
and cut into chunks as :func:`attackgraph.publish.workers.render_all` hands them to
``--share`` workers; this process renders every ``--share``-th chunk (one worker's
share, its caches warming as a worker's do), or with ``--every N`` only every N-th of
those, into ``--out``. Printed: CPU-s and ms a page; with ``--profile FILE`` the
profile is saved there and its ``--top`` functions by own and by cumulative time are
printed (process-time clock: waits for the disk or for a core are not counted; the
profiler inflates code made of many small calls: a guide, not a
measurement).

Not run by the test suite.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import shutil
import sys
import time
from pathlib import Path

from attackgraph.publish.data import ReleaseData
from attackgraph.publish.files import packaged_file
from attackgraph.publish.ontology import Ontology
from attackgraph.publish.site import Site
from attackgraph.publish.workers import CHUNK


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release", type=Path)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--share", type=int, default=2, help="workers the pages are shared by")
    parser.add_argument("--every", type=int, default=1, help="render every N-th chunk of one")
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--base", default="https://w3id.org/attackgraph")
    args = parser.parse_args()
    if not args.store.is_dir():
        loaded = ReleaseData(args.release / "attackgraph.nq", args.store)
        loaded.settle()
        del loaded
    data = ReleaseData.opened(args.store)
    site = Site(data, Ontology(packaged_file("ontology.ttl")), base=args.base)
    tasks = [(kind, iri) for kind, iris in site.by_kind.items() for iri in iris]
    chunk = max(1, min(CHUNK, len(tasks) // (args.share * 8)))
    chunks = [tasks[i : i + chunk] for i in range(0, len(tasks), chunk)]
    mine = [t for c in chunks[:: args.share * args.every] for t in c]
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    profiler = cProfile.Profile(time.process_time) if args.profile else None
    start = _cpu()
    if profiler is not None:
        profiler.enable()
    for kind, iri in mine:
        site.render(args.out, kind, iri)
    if profiler is not None:
        profiler.disable()
    cpu = _cpu() - start
    each = 1000 * cpu / len(mine)
    print(f"{len(mine)} of {len(tasks)} pages: {cpu:.1f} CPU-s, {each:.2f} ms a page")
    if profiler is not None:
        profiler.dump_stats(args.profile)
        stats = pstats.Stats(str(args.profile))
        stats.sort_stats("tottime").print_stats(args.top)
        stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    sys.exit(main())
