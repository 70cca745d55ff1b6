"""Extraction cost per document: CPU milliseconds of parse + extract, and how many
distinct sentences went through the dependency parser and through the entity
recogniser alone (before ``nlp.entities_of`` had its own cache, entities were read from
the parse cache when there, so an older checkout reports 0 for the second).

    .venv/bin/python bench/extract_bench.py data/documents /work/shared/corpus/dev
    .venv/bin/python bench/extract_bench.py bench/out/corpus --limit 300 --json

The spaCy pipeline is loaded (and timed) once before the documents, so the figure per
document is what a long build pays per document. CPU time (``getrusage``), never wall
time: the machine is shared. Run it on two checkouts (``PYTHONPATH=OTHER/src``) to compare
before and after.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
from pathlib import Path


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path, help="documents or folders of .txt")
    parser.add_argument("--limit", type=int, default=0, help="at most this many documents")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    from attackgraph.extract import extract
    from attackgraph.parse import parse

    files = sorted(f for p in args.paths for f in (sorted(p.glob("*.txt")) if p.is_dir() else [p]))
    if args.limit:
        files = files[: args.limit]
    start = _cpu()
    try:
        from attackgraph.extract import nlp

        nlp.pipeline()
        parsed_before = len(nlp._PARSED)
        named_before = len(getattr(nlp, "_ENTITIES", ()))
    except ImportError:  # a checkout without the linguistic layer
        nlp = None  # type: ignore[assignment]
        parsed_before = named_before = 0
    load_ms = (_cpu() - start) * 1000
    texts = [(f, f.read_bytes()) for f in files]
    start = _cpu()
    for path, data in texts:
        extract(parse(data, str(path)))
    spent = _cpu() - start
    parsed = (len(nlp._PARSED) - parsed_before) if nlp is not None else 0
    named = (len(getattr(nlp, "_ENTITIES", ())) - named_before) if nlp is not None else 0
    result = {
        "documents": len(texts),
        "model_load_ms": round(load_ms, 1),
        "extract_ms_per_document": round(spent * 1000 / max(len(texts), 1), 2),
        "sentences_parsed": parsed,
        "sentences_through_ner_alone": named,
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:26} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
