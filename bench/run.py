"""Time ``attackgraph build`` on synthetic corpora and print throughput and peak memory.

Usage::

    .venv/bin/python bench/run.py                      # 1,000 and 10,000 documents
    .venv/bin/python bench/run.py --counts 1000 --no-validate --no-pages

Each corpus comes from ``bench/generate.py`` (seed 7) into ``bench/out/corpus-N``; the
build runs as its own process (``attackgraph build``), so the figures include start-up
and the reference-data index, as a user would see them. Peak memory is the child's
maximum resident set size. Not run by the test suite.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def generate(count: int) -> Path:
    corpus = OUT / f"corpus-{count}"
    if not corpus.exists() or len(list(corpus.glob("*.txt"))) != count:
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate.py"),
                "--count",
                str(count),
                "--seed",
                "7",
                "--out",
                str(corpus),
                "--overwrite",
            ],
            check=True,
        )
    return corpus


def build(corpus: Path, *, validate: bool, pages: bool) -> dict[str, float]:
    release = OUT / f"release-{corpus.name}"
    command = [
        str(Path(sys.executable).parent / "attackgraph"),
        "build",
        str(corpus),
        "--out",
        str(release),
        "--quiet",
    ]
    if not validate:
        command.append("--no-validate")
    if not pages:
        command.append("--no-pages")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if finished.returncode not in (0, 1):
        sys.exit(f"build failed ({finished.returncode}):\n{finished.stderr}")
    report = json.loads((release / "build-report.json").read_text(encoding="utf-8"))
    return {
        "documents": report["documents"],
        "built": report["built"],
        "triples": report["triples"],
        "seconds": seconds,
        "peak_mib": max(peak_kib, before) / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--no-validate", action="store_true")
    parser.add_argument("--no-pages", action="store_true")
    args = parser.parse_args()
    print("documents  built  triples     seconds  docs/s  triples/s  peak MiB")
    for count in args.counts:
        figures = build(generate(count), validate=not args.no_validate, pages=not args.no_pages)
        print(
            f"{figures['documents']:>9,.0f}  {figures['built']:>5,.0f}  {figures['triples']:>9,.0f}"
            f"  {figures['seconds']:>9.1f}  {figures['documents'] / figures['seconds']:>6.1f}"
            f"  {figures['triples'] / figures['seconds']:>9,.0f}  {figures['peak_mib']:>8,.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
