"""The pages' store, kept between builds: a rebuild updates it instead of loading it again.

Loading the release into an on-disk store is a fixed cost of every build (about 80
CPU-s at 10,000 documents), though a rebuild after one change alters a few hundred
quads. A build with the cache keeps the store in the cache folder (``store/``, one per
release folder) with a marker (a JSON file beside it) naming the build's context and the
SHA-256 of the N-Quads dump it holds. The next build, when the release it replaces has
that very dump and the same context, walks the old and the new sorted dumps side by side
and removes and adds only the lines that differ: the N-Quads lines in the documents'
graphs, the N-Triples lines (the union, a set) in the default graph. Anything else (no
marker, another context, an old dump changed or damaged since) loads the store afresh.

The marker is removed before the store is touched and written again only when the
store holds the new dumps, so a build that stops half way leaves a store that the next
build does not trust. A store holds the same quads either way, and pyoxigraph orders
what it returns by its keys, not by the order quads were added, so the pages are the
same bytes (``tests/test_page_reuse.py`` compares a rebuild with a fresh build).
"""

from __future__ import annotations

import contextlib
import gc
import json
import shutil
from itertools import islice
from pathlib import Path
from typing import Final

from pyoxigraph import BlankNode, DefaultGraph, NamedNode, Quad, RdfFormat, Store, parse

from attackgraph.publish.files import sha256_file
from attackgraph.sparql.store import load_release
from attackgraph.validate.changed import differing_lines

_BATCH: Final = 10_000
"""Differing lines parsed and applied at a time."""


class KeptStore:
    """Where a release folder's pages' store is kept (``folder``), and the build's context.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     old, new = Path(tmp, "old"), Path(tmp, "new")
    ...     for folder, o in ((old, "a"), (new, "b")):
    ...         folder.mkdir()
    ...         triple = f"<urn:s> <urn:p> <urn:{o}>"
    ...         _ = (folder / "attackgraph.nq").write_text(f"{triple} <urn:g> .\\n")
    ...         _ = (folder / "attackgraph.nt").write_text(f"{triple} .\\n")
    ...     kept = KeptStore(Path(tmp, "store", "x"), "ctx")
    ...     store = kept.open(old / "attackgraph.nq", old / "attackgraph.nt", previous=None)
    ...     kept.remember(sha256_file(old / "attackgraph.nq"))
    ...     del store
    ...     store = kept.open(new / "attackgraph.nq", new / "attackgraph.nt", previous=old)
    ...     seen = sorted(str(q.object) for q in store), kept.updated
    ...     del store  # closed before its folder is removed
    >>> seen
    (['<urn:b>', '<urn:b>'], True)
    """

    def __init__(self, folder: Path, context: str) -> None:
        self.folder, self.context = folder, context
        self.marker = folder.with_name(folder.name + ".json")
        self.updated = False
        """Whether the last :meth:`open` updated the kept store (else it loaded one)."""

    def open(self, nquads: Path, ntriples: Path, *, previous: Path | None) -> Store:
        """A store holding the dumps ``nquads`` and ``ntriples`` (the documents' graphs and
        their union in the default graph): the kept one updated, when it holds the dumps
        of the release folder ``previous``, else loaded afresh.

        Raises :class:`~attackgraph.sparql.store.ReleaseError` when a dump cannot be read,
        ``OSError`` when the store cannot be written.
        """
        old = None if previous is None else (previous / nquads.name, previous / ntriples.name)
        self.updated = old is not None and self._holds(old[0])
        with contextlib.suppress(FileNotFoundError):
            self.marker.unlink()  # a half-updated store is never trusted
        if old is not None and self.updated:
            store = Store(str(self.folder))
            try:
                _apply(store, old[0], nquads, RdfFormat.N_QUADS)
                _apply(store, old[1], ntriples, RdfFormat.N_TRIPLES)
                return store
            except (ValueError, SyntaxError):  # unsorted or unreadable: load it afresh
                self.updated = False
                del store
                gc.collect()  # the Rust store closes RocksDB when the object is freed
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        store = Store(str(self.folder))
        load_release(store, nquads, vocabulary=False)  # pages show the documents
        compact(store)
        return store

    def remember(self, sha256: str) -> None:
        """Note that the store holds the N-Quads dump whose SHA-256 is ``sha256`` (call
        once the store is flushed)."""
        noted = {"context": self.context, "sha256": sha256}
        self.marker.write_text(json.dumps(noted), encoding="utf-8")

    def _holds(self, nquads: Path) -> bool:
        try:
            noted = json.loads(self.marker.read_text(encoding="utf-8"))
            return bool(
                noted.get("context") == self.context
                and self.folder.is_dir()
                and noted.get("sha256") == sha256_file(nquads)
            )
        except (OSError, ValueError):
            return False


def compact(store: Store) -> None:
    """Compact an on-disk store just bulk-loaded, before the pages read it.

    ``load_release`` bulk-loads the dump in pieces; their files overlap in key order, and
    a store opened read-only (the page workers) never compacts them, so every lookup (an
    iterator over a subject's statements) seeks in each of them: the cost of one lookup
    grew with the release (a subject's union statements, 6.9 on average: 71 µs at 1,000
    documents, 177 µs at 3,000, 262 µs at 10,000), and the pages' CPU a document with it.
    Compacted once (about 1 CPU-s per 1,000 documents: 9.8 at 10,000), the lookup costs
    57–73 µs at every size. The store holds the same quads, and pyoxigraph returns them in
    key order whatever its files, so the pages are the same bytes. A kept store that a
    rebuild updates (:func:`_apply`) is not compacted again: its few writes go through
    RocksDB's own compaction.
    """
    store.optimize()


def _apply(store: Store, old: Path, new: Path, rdf_format: RdfFormat) -> None:
    """Remove from ``store`` the statements only ``old`` has and add those only ``new``
    has; N-Triples go to the default graph. A named graph left without statements is
    removed too (a fresh load has no empty graphs)."""
    changes = differing_lines(old, new)
    emptied: set[NamedNode | BlankNode | DefaultGraph] = set()
    while batch := list(islice(changes, _BATCH)):
        for added in (False, True):
            lines = b"".join(line for is_new, line in batch if is_new == added)
            for quad in parse(lines, rdf_format) if lines else ():
                if rdf_format == RdfFormat.N_TRIPLES:
                    quad = Quad(quad.subject, quad.predicate, quad.object, DefaultGraph())
                if added:
                    store.add(quad)
                else:
                    store.remove(quad)
                    emptied.add(quad.graph_name)
    for graph in emptied:
        if (
            isinstance(graph, NamedNode)
            and next(iter(store.quads_for_pattern(None, None, None, graph)), None) is None
        ):
            store.remove_graph(graph)
