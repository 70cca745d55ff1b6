"""Publish an existing release's dumps again: CPU seconds per step and peak memory.

Usage::

    .venv/bin/python bench/republish.py bench/out/release-corpus-10000 --out /tmp/republished
    .venv/bin/python bench/republish.py bench/out/release-corpus-10000 --no-pages

Copies the dumps (and reports) of a release built by ``bench/run.py`` into a fresh
folder and runs ``attackgraph.publish.publish`` on it, so the parent's work after the
workers (gzip, data, pages, VoID, sums) is measured at 10,000 documents without
converting them again. Prints the CPU seconds of this process at each step and its peak
RSS (``ru_maxrss``: one process, the gzip threads and the store's threads included);
with ``--jobs N`` the pages are rendered in N worker processes, whose CPU is printed
apart (``RUSAGE_CHILDREN``).
Not run by the test suite.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import time
from pathlib import Path

from attackgraph.export import ALL_FORMATS, DUMP_STEM
from attackgraph.publish import PublishOptions, ReleaseStats, publish

REPORTS = ("validation-report.txt", "build-report.json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release", type=Path)
    parser.add_argument("--out", type=Path, default=Path("bench/out/republished"))
    parser.add_argument("--no-pages", action="store_true")
    parser.add_argument("--jobs", type=int, default=1, help="processes rendering the pages")
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    names = [f.file_name(DUMP_STEM) for f in ALL_FORMATS] + list(REPORTS)
    for name in names:
        if (args.release / name).is_file():
            shutil.copy(args.release / name, args.out / name)
    start = time.process_time()

    def step(name: str) -> None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
        workers = resource.getrusage(resource.RUSAGE_CHILDREN)
        print(
            f"{name:<10} {time.process_time() - start:8.1f} CPU-s  peak RSS {peak:.2f} GiB"
            f"  workers {workers.ru_utime + workers.ru_stime:.1f} CPU-s"
        )

    publish(
        args.out,
        stats=ReleaseStats(documents_read=0, documents_built=0),
        base="https://w3id.org/attackgraph",
        version="bench",
        issued=None,
        options=PublishOptions(pages=not args.no_pages),
        progress=step,
        jobs=args.jobs,
    )
    step("end")


if __name__ == "__main__":
    main()
