"""A page worker's own memory against the number of pages it rendered, to compare
corpus sizes at the same number of pages.

Usage::

    .venv/bin/python bench/worker_growth.py RELEASE [--pages 10000]

``RELEASE`` is a release folder (``attackgraph build --out``: its ``attackgraph.nq``). This
process loads the dump into a temporary on-disk store and builds the pages' ``Site`` as
the pages stage does, then forks one worker (``workers._start``, as the pool does) that
renders ``--pages`` pages of a fixed shuffle (seed 7) of every page and prints its
``/proc/self/smaps_rollup`` (MiB) at 500, 2,000, 5,000, 10,000 pages and at the end:
``Private_Dirty`` is what the worker holds alone, ``Shared_Dirty`` the parent's heap it
still shares (counted in its ``Anonymous``), ``Pss`` its share of both. Not run by the
test suite.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import random
import tempfile
import time
from pathlib import Path

from attackgraph.publish import workers
from attackgraph.publish.data import ReleaseData
from attackgraph.publish.files import packaged_file
from attackgraph.publish.ontology import Ontology
from attackgraph.publish.site import Site

FIELDS = ("Rss", "Pss", "Anonymous", "Private_Dirty", "Shared_Dirty")


def rollup() -> dict[str, int]:
    """MiB of :data:`FIELDS` in ``/proc/self/smaps_rollup``."""
    found: dict[str, int] = {}
    with open("/proc/self/smaps_rollup") as lines:
        for line in lines:
            name, _, rest = line.partition(":")
            if name in FIELDS:
                found[name] = int(rest.split()[0]) // 1024
    return found


def worker(site: Site, folder: Path, out: Path, tasks: list[workers.Task]) -> None:
    workers._start(site, folder, out)
    print("worker started", rollup(), flush=True)
    marks = {500, 2000, 5000, 10000, len(tasks)}
    for done, task in enumerate(tasks, 1):
        workers._render(task)
        if done in marks:
            print(f"worker {done} pages", rollup(), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release", type=Path)
    parser.add_argument("--pages", type=int, default=10000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.process_time()
        with ReleaseData.on_disk(args.release / "attackgraph.nq", Path(tmp)) as data:
            print(f"loaded in {time.process_time() - start:.1f} CPU-s", rollup(), flush=True)
            ontology = Ontology(packaged_file("ontology.ttl"))
            site = Site(data, ontology, base="https://w3id.org/attackgraph")
            tasks = [(kind, iri) for kind, iris in site.by_kind.items() for iri in iris]
            print(f"parent before the fork ({len(tasks)} pages)", rollup(), flush=True)
            random.Random(7).shuffle(tasks)
            gc.freeze()  # as render_all does
            assert data.folder is not None
            fork = multiprocessing.get_context("fork")
            child = fork.Process(
                target=worker, args=(site, data.folder, Path(tmp) / "site", tasks[: args.pages])
            )
            child.start()
            child.join()


if __name__ == "__main__":
    main()
