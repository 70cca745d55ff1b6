"""What checking the build cache's entries and union traces costs (CPU-s, one process).

Usage (after ``bench/run.py --counts N``, whose corpus and cache it reads)::

    .venv/bin/python bench/entry_checks.py --corpus bench/out/corpus-2000 \\
        --cache bench/out/cache/build --context-src src

Each document's entry and trace are read (``BuildCache.entry``, ``BuildCache.trace``), then
timed apart: the headers checked (``entries.meta_fields``), the traces checked
(``entries.sound_trace``, what a rebuild does for each cached document), and every entry's
quads parsed and checked (``entries.sound_quads``, what a rebuild would do without the
traces). ``--context-src`` names the ``src`` whose build context keyed the entries. Not run
by the test suite.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from cache_rekey import context  # bench/, the script's own folder

from attackgraph.cache import BuildCache, file_sha256
from attackgraph.identifiers import Minter, slugify
from attackgraph.parse import display_path, document_id
from attackgraph.pipeline import document_ids
from attackgraph.pipeline.entries import meta_fields, sound_quads, sound_trace


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True, help="the build/ folder")
    parser.add_argument("--context-src", type=Path, required=True)
    args = parser.parse_args()
    cache, minter = BuildCache(args.cache, context(args.context_src)), Minter()
    start = time.process_time()
    found = []
    for path, doc_id in sorted(document_ids([args.corpus.resolve()]).items()):
        key = cache.key(f"{display_path(path)}\0{doc_id}", file_sha256(path))
        entry = cache.entry(key)
        if isinstance(entry, tuple):
            graph = minter.document(slugify(document_id(display_path(path), doc_id)))
            found.append((entry, cache.trace(key, entry[2]), graph))
    traced = sum(trace is not None for _, trace, _ in found)
    print(f"{len(found)} entries, {traced} traces read: {time.process_time() - start:.2f} CPU-s")
    start = time.process_time()
    for (_, meta, _), _, _ in found:
        meta_fields(meta)
    print(f"headers checked: {time.process_time() - start:.3f} CPU-s")
    start = time.process_time()
    bad = sum(not sound_trace(t, g) for _, t, g in found if t is not None)
    print(f"traces checked: {time.process_time() - start:.3f} CPU-s ({bad} unsound)")
    start = time.process_time()
    bad = sum(not sound_quads(e[0], g) for e, _, g in found if e[0].text)
    print(
        f"every entry's quads parsed and checked: {time.process_time() - start:.3f} CPU-s"
        f" ({bad} unsound)"
    )


if __name__ == "__main__":
    main()
