"""Document pages rendered from their document's graph alone (issue 9 item 2).

A document page shows the document's text, its claims with their figures and spans, and
links to the events, actors and places it names: in the generated corpora and the
sample, every read the page makes of the release is answered the same by the document's
own graph (its named graph, and that graph as the union). So the converting worker that
has just made the document's quads renders its page from them (:class:`PageRenderer`:
a small in-memory store of those quads, no whole-release store), noting every read of
that store with a digest of its answer (:attr:`ReleaseData.asked
<attackgraph.publish.data.ReleaseData.asked>`).

The build puts those pages aside (:class:`AlonePages`, a folder inside the staging
folder) and the pages stage, instead of rendering such a page, asks the release's store
the same reads (:meth:`ReleaseData.answer
<attackgraph.publish.data.ReleaseData.answer>`): when every answer is the same, the page
rendered alone is the page the release gives (rendering reads nothing else: a page's
bytes are a function of what it read, the premise the page reuse rests on), and its
files are moved into place; otherwise (another document says more of an actor the page
links to, the union renamed the document's event or an actor's name ...) the page is
rendered from the release as before. Either way the bytes are the same, whatever
``--jobs``.

The page's manifest entry (:class:`~attackgraph.publish.manifest.Entry`: its keys, name,
types and layout) comes with it: the same reads note the same keys.
"""

from __future__ import annotations

import os
import pickle
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store

from attackgraph.publish.data import Asked, ReleaseData
from attackgraph.publish.files import write_bytes
from attackgraph.publish.manifest import Entry
from attackgraph.to_rdf import GraphQuads

if TYPE_CHECKING:
    from attackgraph.publish.site import Site

_META: Final = "page.pickle"
"""The file of a page put aside that holds its entry and the reads it made."""


@dataclass(frozen=True)
class AlonePage:
    """A document page rendered from its document's graph alone."""

    iri: str
    bodies: tuple[tuple[str, bytes], ...]
    """Release path -> bytes of each of its files."""
    entry: Entry
    asked: tuple[tuple[Asked, bytes], ...]
    """Each read it made of the document's store, with the digest of the answer."""


class PageRenderer:
    """Renders documents' own pages from their quads alone (one per converting
    process; the ontology and templates are loaded once, on first use)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self._site: Site | None = None

    def render(self, quads: Iterable[Quad]) -> AlonePage | None:
        """The page of the document whose graph ``quads`` are (None: no quads, or no
        document page among them)."""
        found = _graph_store(quads)
        if found is None:
            return None
        iri, store = found
        data = ReleaseData(None, None, store=store)
        data.asked = {}
        site = self._bound(data)
        if site.map.page_path(iri) is None or not iri.startswith(site.instance_ns + "doc/"):
            return None
        bodies, entry = site.render_bodies("doc", iri)
        return AlonePage(iri, tuple(bodies), entry, tuple(data.asked.items()))

    def _bound(self, data: ReleaseData) -> Site:
        """The renderer's site, reading ``data`` and knowing no other document's layout
        (a page does not depend on what the process rendered before)."""
        if self._site is None:
            from attackgraph.publish.files import ONTOLOGY_TTL, packaged_file
            from attackgraph.publish.ontology import Ontology
            from attackgraph.publish.site import Site

            self._site = Site(data, Ontology(packaged_file(ONTOLOGY_TTL)), base=self.base)
        self._site.layouts.clear()
        self._site.bind(data)
        return self._site


def _graph_store(quads: Iterable[Quad]) -> tuple[str, Store] | None:
    """A store holding one document's graph ``quads`` in that graph and in the default
    graph (the union of a release of that document alone), with the graph's IRI; None
    for no quads or quads outside a named graph. A converted document's quads are
    loaded from their text."""
    store = Store()
    if isinstance(quads, GraphQuads):
        for chunk in quads.chunks:
            store.load(chunk, format=RdfFormat.N_TRIPLES, to_graph=quads.graph)
            store.load(chunk, format=RdfFormat.N_TRIPLES)
        return (quads.graph.value, store) if len(quads) else None
    found = list(quads)
    if not found or not isinstance(found[0].graph_name, NamedNode):
        return None
    store.extend(found)
    store.extend(Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in found)
    return found[0].graph_name.value, store


class AlonePages:
    """The document pages rendered alone during this build, put aside in ``folder``
    (one subfolder each: the page's files under their release paths and
    :data:`_META`) until the pages stage takes or drops them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._where: dict[str, Path] = {}

    def put(self, page: AlonePage) -> None:
        """Put ``page`` aside (replacing one of the same document put before)."""
        where = self.folder / str(len(self._where))
        while where.exists():
            where = where.with_name(where.name + "+")
        for path, body in page.bodies:
            write_bytes(where / path, body)
        write_bytes(where / _META, pickle.dumps((page.entry, page.asked)))
        self._where[page.iri] = where

    def __contains__(self, iri: object) -> bool:
        return iri in self._where

    def take(self, iri: str, data: ReleaseData, out: Path) -> Entry | None:
        """The entry of the page of ``iri`` put aside, its files moved under ``out``,
        when ``data`` (the release) answers every read it made the same; else None
        (it is to be rendered from the release)."""
        where = self._where.get(iri)
        if where is None:
            return None
        meta = pickle.loads((where / _META).read_bytes())  # this build's own file
        entry: Entry = meta[0]
        asked: tuple[tuple[Asked, bytes], ...] = meta[1]
        if any(data.answer(read) != digest for read, digest in asked):
            return None
        for path in entry.files:
            target = out / path
            try:
                os.replace(where / path, target)
            except FileNotFoundError:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(where / path, target)
        return entry

    def close(self) -> None:
        """Delete what is left of the pages put aside."""
        shutil.rmtree(self.folder, ignore_errors=True)
        self._where.clear()
