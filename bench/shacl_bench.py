"""Per-document SHACL CPU time of each engine on a generated corpus.

Usage::

    .venv/bin/python bench/shacl_bench.py --count 200

Converts the documents once (without validation), then validates each document's quads
with every engine (``attackgraph.validate.ENGINES``) and prints CPU milliseconds per
document (getrusage of this process; the engines run in-process) and whether the reports
are equal. Not run by the test suite.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from attackgraph.pipeline import BuildOptions, Converter, discover
from attackgraph.validate import ENGINES, Validator

HERE = Path(__file__).resolve().parent


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        generate = [sys.executable, str(HERE / "generate.py"), "--out", str(corpus)]
        generate += ["--count", str(args.count), "--seed", str(args.seed), "--overwrite"]
        subprocess.run(generate, check=True, capture_output=True)
        converter = Converter(BuildOptions(validate=False))
        documents = [converter.convert(path).quads for path in discover([corpus])]
    reports = {}
    print(f"{len(documents)} documents, {sum(map(len, documents)):,} quads")
    for engine in ENGINES:
        validator = Validator(engine=engine)
        start = cpu_seconds()
        reports[engine] = [validator.validate_quads(quads) for quads in documents]
        per_document = (cpu_seconds() - start) / len(documents) * 1000
        print(f"{engine:>8}: {per_document:6.1f} CPU ms per document")
    print("same reports:", len({tuple(r) for r in reports.values()}) == 1)


if __name__ == "__main__":
    main()
