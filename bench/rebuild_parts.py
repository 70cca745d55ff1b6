"""The parts of a rebuild that read the whole release, each timed alone (CPU-s, one process).

Usage (after ``bench/run.py --counts N --rebuild``, whose cache and release it reads)::

    PYTHONPATH=CHECKOUT/src .venv/bin/python bench/rebuild_parts.py \\
        --corpus bench/out/corpus-2000 --release bench/out/release-corpus-2000 \\
        --cache bench/out/cache/build --context-src A/src

- **merge**: every document's build-cache entry read, parsed and added to a new union
  (``Union.add``), then collected for the dumps (``SortedQuads``): what the converting
  stage of a rebuild does for each unchanged document. Prints a hash of the union's
  quads and its stats, to compare two checkouts' output.
- **kept pages**: every page of the release's manifest kept (``Previous.keep``: its
  files hashed and linked into a temporary folder), against the release's own dumps.
- **dump differences**: the release's N-Quads and N-Triples dumps compared with copies
  whose middle 30 lines are removed (the kept store's update, the pages' changed keys).
- **stats**: ``stats.measure`` of the N-Triples dump (the data stage).

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
from pathlib import Path

import pyoxigraph as ox
from cache_rekey import context  # bench/, the script's own folder

from attackgraph.cache import BuildCache
from attackgraph.export.collect import SortedQuads
from attackgraph.namespaces import DEFAULT_BASE
from attackgraph.parse import display_path
from attackgraph.pipeline import document_ids
from attackgraph.publish.reuse import PageReuse, Previous, changed_keys
from attackgraph.publish.stats import measure
from attackgraph.union import Union
from attackgraph.validate.changed import differing_lines


def merge(corpus: Path, cache: BuildCache) -> None:
    ids = document_ids([corpus.resolve()])
    start = time.process_time()
    entries = []
    for path in sorted(ids):
        sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
        entry = cache.get(cache.key(f"{display_path(path)}\0{ids[path]}", sha256))
        if entry is None:
            sys.exit(f"{path}: no cache entry under this context")
        entries.append((entry[0], entry[1]["source"]))
    read = time.process_time()
    union, data, digest = Union(DEFAULT_BASE), SortedQuads(), hashlib.sha256()
    added = []
    for quads, source in entries:
        added.append(union.add(quads, source)[0])
    merged = time.process_time()
    for quads in added:
        data.add(quads)
    data.finish()
    collected = time.process_time()
    for quads in added:
        digest.update(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")
    digest.update(union.report_text().encode())
    print(
        f"merge: {len(entries):,} entries read and parsed {read - start:.2f} CPU-s,"
        f" Union.add {merged - read:.2f}, SortedQuads {collected - merged:.2f}"
        f" (union {digest.hexdigest()[:16]}, {union.stats})"
    )


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
