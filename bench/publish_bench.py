"""Benchmark: build a synthetic corpus and publish it as a release, timing each step.

Usage::

    python bench/publish_bench.py --count 10000 --seed 7 --work bench/out/publish
    python bench/publish_bench.py --count 500 --validate      # with SHACL (much slower)

Generates ``--count`` documents with ``bench/generate.py`` (unless they are already
there), runs ``attackgraph.pipeline.build`` into a staging folder of
``attackgraph.publish.staged_release`` and publishes it, printing the time of every
step, the number of pages and files, the release's size and the peak memory.
Validation is off by default: it is the build's cost, not the release's, and it is
measured by the stage's own benchmarks.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

from attackgraph import pipeline
from attackgraph.publish import PublishOptions, publish, staged_release

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=HERE / "out" / "publish")
    parser.add_argument("--validate", action="store_true", help="run SHACL validation too")
    args = parser.parse_args()

    corpus = args.work / f"corpus-{args.count}-{args.seed}"
    if not corpus.is_dir() or len(list(corpus.glob("*.txt"))) != args.count:
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "--count", str(args.count),
             "--seed", str(args.seed), "--out", str(corpus), "--overwrite"],
            check=True,
        )  # fmt: skip
    out = args.work / "release"
    start = time.perf_counter()
    marks: list[tuple[str, float]] = []

    def step(name: str) -> None:
        marks.append((name, time.perf_counter() - start))
        print(f"{marks[-1][1]:8.1f} s  {name}", flush=True)

    with staged_release(out, progress=step) as staging:
        step("build")
        options = pipeline.BuildOptions(validate=args.validate)
        report = pipeline.build([corpus], staging, options)
        stats = report.release_stats()
        step("publish")
        publish(
            staging,
            stats=stats,
            base="https://w3id.org/attackgraph",
            version="bench",
            issued=None,
            options=PublishOptions(),
            progress=step,
        )
    step("done")
    total = time.perf_counter() - start
    times = dict(marks)
    files = [p for p in out.rglob("*") if p.is_file()]
    pages = len(list((out / "id").rglob("*.html")))
    size = sum(p.stat().st_size for p in files)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print()
    print(f"documents: {report.documents} ({report.built} built), quads: {report.quads}, "
          f"triples: {report.triples}")  # fmt: skip
    print(f"build (convert + export): {times['publish'] - times['build']:.1f} s")
    print(f"publish: {times['swap'] - times['publish']:.1f} s, of which pages "
          f"{times['void'] - times['pages']:.1f} s for {pages} pages "
          f"({pages / max(times['void'] - times['pages'], 1e-9):.0f} pages/s)")  # fmt: skip
    print(f"swap: {times['swapped'] - times['swap']:.1f} s; total {total:.1f} s")
    print(f"release: {len(files)} files, {size / 2**20:.0f} MiB; peak RSS {peak:.0f} MiB")


if __name__ == "__main__":
    main()
