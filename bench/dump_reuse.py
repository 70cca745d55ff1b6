"""What a rebuild after one change costs in the dumps, their gzip copies and the pages'
store: whole files (then gzip) and a fresh store load, against units reused from the
cache and the kept store updated (``export/chunks.py``, ``publish/kept_store.py``).

    .venv/bin/python bench/dump_reuse.py bench/out/release-corpus-1000/attackgraph.nq

Reads a release's N-Quads dump, hands each document's quads to ``write_dataset`` as one
batch (as a build does), then changes the text literals of the middle document (a
sentence appended) and writes again. CPU seconds of this process (``getrusage``). Not run
by the test suite.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
from pathlib import Path

from pyoxigraph import Literal, Quad, RdfFormat, parse

from attackgraph import export
from attackgraph.export import UnitCache
from attackgraph.publish.data import ReleaseData
from attackgraph.publish.files import gzip_and_hash, sha256_file
from attackgraph.publish.kept_store import KeptStore


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def edited(quad: Quad) -> Quad:
    """A text literal (a span's words, a document's text) with one more sentence."""
    obj = quad.object
    if isinstance(obj, Literal) and obj.datatype.value.endswith("#string") and len(obj.value) > 40:
        return Quad(
            quad.subject, quad.predicate, Literal(obj.value + " One more."), quad.graph_name
        )
    return quad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nquads", type=Path)
    args = parser.parse_args()
    batches: dict[str, list[Quad]] = {}
    for quad in parse(path=str(args.nquads), format=RdfFormat.N_QUADS):
        batches.setdefault(str(quad.graph_name), []).append(quad)
    first = list(batches.values())
    changed = list(first)
    middle = len(changed) // 2
    changed[middle] = [edited(q) for q in changed[middle]]
    edits = sum(a != b for a, b in zip(first[middle], changed[middle], strict=True))
    print(f"{len(first)} documents, {sum(map(len, first)):,} quads; {edits} quads changed")
    work = Path(tempfile.mkdtemp(prefix="dump-reuse-"))
    try:
        for label, data in (("build", first), ("rebuild", changed)):
            start = cpu()
            export.write_dataset(data, work / f"whole-{label}")
            dumps = cpu() - start
            start = cpu()
            for fmt in export.ALL_FORMATS:
                gzip_and_hash(work / f"whole-{label}" / fmt.file_name())
            print(f"whole files, {label}: dumps {dumps:.2f} + gzip {cpu() - start:.2f} CPU-s")
        for label, data in (("build", first), ("rebuild", changed)):
            units = UnitCache(work / "units", "bench")
            start = cpu()
            export.write_dataset(data, work / f"units-{label}", packed=True, units=units)
            print(
                f"units, {label}: dumps with gzip {cpu() - start:.2f} CPU-s"
                f" ({units.hits} units reused, {units.misses} rendered)"
            )
        new = work / "units-rebuild"
        start = cpu()
        with ReleaseData.on_disk(new / "attackgraph.nq", work):
            pass
        print(f"pages' store loaded afresh: {cpu() - start:.2f} CPU-s")
        old = work / "units-build"
        kept = KeptStore(work / "store" / "release", "bench")
        kept.open(old / "attackgraph.nq", old / "attackgraph.nt", previous=None).flush()
        kept.remember(sha256_file(old / "attackgraph.nq"))
        start = cpu()
        kept.open(new / "attackgraph.nq", new / "attackgraph.nt", previous=old).flush()
        print(f"kept store updated: {cpu() - start:.2f} CPU-s (updated: {kept.updated})")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
