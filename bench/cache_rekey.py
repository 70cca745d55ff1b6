"""Copy a build cache's entries to the keys of another checkout.

A code change misses every entry of the build cache (the key holds a hash of the whole
package), so measuring a change to the merge, the dumps or the union check at 10,000
documents would first convert them all again (about 640 CPU-s). When the change leaves
conversion alone (parse, extract, resolve, build, per-document SHACL), the entries of
the old checkout are what the new one would write: this copies each document's entry
under the new checkout's key, sealed with the cache folder's key (``attackgraph.cache``),
so ``bench/run.py --keep-cache`` measures the rest.

    .venv/bin/python bench/cache_rekey.py --corpus bench/out/corpus-10000 \\
        --cache bench/out/cache/build --old /tmp/old-checkout/src --new src

``--old-corpus`` names where the old build read the same documents when it was another
folder (the key holds each document's path).

Only for benchmarks: the figures of its ``converting`` stage are cache reads, not
conversions. Not run by the test suite.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from attackgraph.cache import BuildCache
from attackgraph.to_rdf import NQuadsText

_CONTEXT = (
    "from attackgraph.cache import build_context;"
    "from attackgraph.pipeline.convert import BuildOptions;"
    "o = BuildOptions();"
    "print(build_context(base=o.base, validate=True, gazetteer_files=(),"
    " claims=o.limits.claims or None))"
)
"""The cache context of a default build (``pipeline`` passes the claims limit too)."""


def context(src: Path) -> str:
    """The cache context of the checkout whose package is in ``src``."""
    environment = {**os.environ, "PYTHONPATH": str(src.resolve())}
    done = subprocess.run(
        [sys.executable, "-c", _CONTEXT], env=environment, capture_output=True, text=True
    )
    if done.returncode != 0:
        sys.exit(done.stderr)
    return done.stdout.strip()


def entry(cache: BuildCache, key: str) -> Path:
    """Where ``cache`` keeps the entry ``key`` (``attackgraph.cache``'s layout)."""
    return cache.folder / key[:2] / f"{key[2:]}.nq"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True, help="the build/ folder")
    parser.add_argument("--old", type=Path, required=True, help="src/ of the old checkout")
    parser.add_argument("--new", type=Path, required=True, help="src/ of the new checkout")
    parser.add_argument(
        "--old-corpus",
        type=Path,
        help="where the old checkout's build read the same documents (default: --corpus)",
    )
    args = parser.parse_args()
    from attackgraph.cache import file_sha256
    from attackgraph.parse import display_path
    from attackgraph.pipeline import document_ids

    old = BuildCache(args.cache, context(args.old))
    new = BuildCache(args.cache, context(args.new))
    linked = missing = 0
    corpus = Path(os.path.abspath(args.corpus))
    old_corpus = Path(os.path.abspath(args.old_corpus or args.corpus))
    for path, doc_id in sorted(document_ids([corpus]).items()):
        name, sha256 = f"{display_path(path)}\0{doc_id}", file_sha256(path)
        old_name = f"{display_path(old_corpus / path.relative_to(corpus))}\0{doc_id}"
        source = entry(old, old.key(old_name, sha256))
        target = new.key(name, sha256)
        found = _read(source)
        if found is None:
            missing += 1
            continue
        if not new.has(target):
            new.put(target, NQuadsText(found[0]), found[1])
        linked += 1
    print(f"{linked} entries sealed under the new keys, {missing} documents without an entry")


def _read(path: Path) -> tuple[bytes, dict[str, Any]] | None:
    """The quads and header of an entry whose quads match their checksum (whoever
    sealed it: the old checkout may predate the seals), else None."""
    try:
        head, _, body = path.read_bytes().partition(b"\n")
        header = json.loads(head)
    except (OSError, ValueError):
        return None
    if header.get("sha256") != hashlib.sha256(body).hexdigest():
        return None
    return body, header["meta"]


if __name__ == "__main__":
    main()
