"""The parts of a rebuild that read the whole release, each timed alone (CPU-s, one process).

Usage (after ``bench/run.py --counts N --rebuild``, whose cache and release it reads)::

    PYTHONPATH=CHECKOUT/src .venv/bin/python bench/rebuild_parts.py \\
        --corpus bench/out/corpus-2000 --release bench/out/release-corpus-2000 \\
        --cache bench/out/cache/build --context-src A/src

- **merge**: every document's build-cache entry read, parsed and added to a new union
  (``Union.add``, recording each document's trace into a temporary folder), then
  collected for the dumps (``SortedQuads``): what the converting stage of a build
  without traces does for each unchanged document. Prints a hash of the union's quads
  and its stats, to compare two checkouts' output.
- **replay**: the same again from the traces (``Union.replay``; the entries' text is
  not parsed): what a rebuild does for each unchanged document whose reads give the
  same answers. Prints the same hash when the union is the same.
- **kept pages**: every page of the release's manifest kept (``Previous.keep``: its
  files hashed and linked into a temporary folder), against the release's own dumps.
- **dump differences**: the release's N-Quads and N-Triples dumps compared with copies
  whose middle 30 lines are removed (the kept store's update, the pages' changed keys).
- **stats**: ``stats.measure`` of the N-Triples dump (the data stage); then the same
  keeping each subject's and object's count (``KeptCounts``, a build), and those counts
  changed by the dump with its middle 30 lines removed (a rebuild).

``--context-src`` names the ``src`` whose build context keyed the cache's entries (the
checkout that built the release), so that another checkout's code reads the same
entries. Not run by the test suite.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox
from cache_rekey import context  # bench/, the script's own folder

from attackgraph.cache import BuildCache
from attackgraph.export.collect import SortedQuads
from attackgraph.namespaces import DEFAULT_BASE
from attackgraph.parse import display_path
from attackgraph.pipeline import document_ids
from attackgraph.publish.reuse import PageReuse, Previous, changed_keys
from attackgraph.publish.stats import KeptCounts, measure
from attackgraph.to_rdf import NQuadsText
from attackgraph.union import Union
from attackgraph.validate.changed import differing_lines


def merge(corpus: Path, cache: BuildCache) -> None:
    ids = document_ids([corpus.resolve()])
    start = time.process_time()
    entries = []
    for path in sorted(ids):
        sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
        key = cache.key(f"{display_path(path)}\0{ids[path]}", sha256)
        entry = cache.entry(key)
        if not isinstance(entry, tuple):
            sys.exit(f"{path}: no usable cache entry under this context ({entry})")
        entries.append((key, entry[0].text, entry[1]["source"], entry[2]))
    read = time.process_time()
    union, data = Union(DEFAULT_BASE), SortedQuads()
    added = []
    with tempfile.TemporaryDirectory() as folder:
        traces = BuildCache(Path(folder), cache.context)
        parsed = time.process_time()
        for key, text, source, digest in entries:
            added.append(union.add(list(NQuadsText(text)), source, record=True)[0])
            if union.trace is not None:
                traces.put_trace(key, digest, union.trace)
        merged = time.process_time()
        for quads in added:
            data.add(quads)
        data.finish()
        collected = time.process_time()
        print(
            f"merge: {len(entries):,} entries read {read - start:.2f} CPU-s,"
            f" parsed and Union.add (recording traces) {merged - parsed:.2f},"
            f" SortedQuads {collected - merged:.2f}"
            f" (union {_digest(added, union)}, {union.stats})"
        )
        start = time.process_time()
        again, data, outs, replayed = Union(DEFAULT_BASE), SortedQuads(), [], 0
        for key, text, source, digest in entries:
            quads = NQuadsText(text)
            trace = traces.trace(key, digest)
            found = again.replay(trace) if trace is not None else None
            if found is None:
                outs.append(again.add(list(quads), source)[0])
                continue
            replayed += 1
            outs.append(quads if found[0] is None else NQuadsText(found[0]))
        merged = time.process_time()
        for quads in outs:
            data.add(quads)
        data.finish()
        collected = time.process_time()
    print(
        f"replay: {replayed:,} of {len(entries):,} replayed {merged - start:.2f} CPU-s"
        f" (traces read, the union's state read and written), SortedQuads"
        f" {collected - merged:.2f} (union {_digest(outs, again)})"
    )


def _digest(added: list[Sequence[ox.Quad]], union: Union) -> str:
    digest = hashlib.sha256()
    for quads in added:
        digest.update(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")
    digest.update(union.report_text().encode())
    return digest.hexdigest()[:16]


def kept_pages(release: Path, cache_folder: Path) -> None:
    manifest = next((cache_folder / "pages").glob("*.sqlite"))
    db = sqlite3.connect(manifest)
    (page_context,) = db.execute("SELECT value FROM meta WHERE name = 'context'").fetchone()
    iris = [iri for (iri,) in db.execute("SELECT iri FROM pages")]
    db.close()
    reuse = PageReuse(manifest=manifest, previous=release, context=page_context)
    with tempfile.TemporaryDirectory(dir=release.parent) as staging:
        start = time.process_time()
        previous = Previous(reuse, release / "attackgraph.nq", release / "attackgraph.nt")
        opened = time.process_time()
        kept = sum(previous.keep(iri, Path(staging)) is not None for iri in iris)
        done = time.process_time()
        previous.close()
    print(
        f"kept pages: manifest and dumps compared {opened - start:.2f} CPU-s,"
        f" {kept:,} of {len(iris):,} pages kept {done - opened:.2f}"
    )


def dump_differences(release: Path, folder: Path) -> None:
    pairs = []
    for name in ("attackgraph.nq", "attackgraph.nt"):
        lines = (release / name).read_bytes().split(b"\n")
        middle = len(lines) // 2
        changed = folder / name
        changed.write_bytes(b"\n".join(lines[:middle] + lines[middle + 30 :]))
        pairs.append((release / name, changed))
    start = time.process_time()
    found = sum(1 for old, new in pairs for _ in differing_lines(old, new))
    middle_time = time.process_time()
    keys = sum(len(changed_keys(old, new, union=old.suffix == ".nt") or ()) for old, new in pairs)
    done = time.process_time()
    print(
        f"dump differences: kept store's {middle_time - start:.2f} CPU-s ({found} lines),"
        f" pages' changed keys {done - middle_time:.2f} ({keys} keys)"
    )


def stats(release: Path) -> None:
    start = time.process_time()
    measured = measure(release / "attackgraph.nt", f"{DEFAULT_BASE}/id/")
    print(f"stats: measure {time.process_time() - start:.2f} CPU-s ({measured.triples:,} triples)")
    with tempfile.TemporaryDirectory() as folder:
        kept = KeptCounts(Path(folder, "counts.sqlite"), "bench")
        start = time.process_time()
        kept.measure(release / "attackgraph.nt", f"{DEFAULT_BASE}/id/", previous=None)
        counted = time.process_time()
        lines = (release / "attackgraph.nt").read_bytes().split(b"\n")
        middle = len(lines) // 2
        changed = Path(folder, "new", "attackgraph.nt")
        changed.parent.mkdir()
        changed.write_bytes(b"\n".join(lines[:middle] + lines[middle + 30 :]))
        del lines
        begin = time.process_time()
        found = kept.measure(changed, f"{DEFAULT_BASE}/id/", previous=release)
        done = time.process_time()
        assert kept.updated and found == measure(changed, f"{DEFAULT_BASE}/id/")
    print(
        f"stats: measure keeping the counts {counted - start:.2f} CPU-s, the kept counts"
        f" changed by 30 lines {done - begin:.2f} (the same stats as a whole measure)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--release", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True, help="the build/ folder")
    parser.add_argument("--context-src", type=Path, required=True)
    args = parser.parse_args()
    merge(args.corpus, BuildCache(args.cache, context(args.context_src)))
    kept_pages(args.release, args.cache)
    with tempfile.TemporaryDirectory() as folder:
        dump_differences(args.release, Path(folder))
    stats(args.release)


if __name__ == "__main__":
    main()
