"""The data behind the static pages, read from the release's N-Quads.

The dump is bulk-loaded once into a pyoxigraph store, on disk when the release is
published (RocksDB: memory stays bounded whatever the release's size). Each page looks
up what it shows (names, types, claims with their figures and quotes, sides, parts,
coordinates) resource by resource, through bounded caches; nothing is collected for the
whole release. Lookups read the union of the documents' graphs (the store's default
graph, a set), a resource's own statements its named graphs (a bag).
"""

from __future__ import annotations

import gc
import hashlib
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Final, Generic, TypeVar

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, QuerySolutions, Store

from attackgraph.namespaces import AG, GEO, NIF, PREFIXES, RDF, SCHEMA
from attackgraph.publish.kept_store import KeptStore, compact
from attackgraph.publish.reads import Reads
from attackgraph.sparql.store import load_release

Term = NamedNode | Literal
_PROLOGUE: Final = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
_POINT: Final = re.compile(r"\s*POINT\s*\(\s*(-?[0-9.]+)\s+(-?[0-9.]+)\s*\)\s*", re.IGNORECASE)
EVENT_CLASSES: Final = (AG.Event.value, AG.Attack.value, AG.ArmedConflict.value)
CACHE_SIZE: Final = 1 << 15
"""Entries each lookup asked again from page to page keeps (names, types, link targets):
bounds the memory of the pages. A page worker of a 1,000-document release already asks
more distinct keys than that (its share: ~49,000 types, ~37,000 targets), so a larger
release adds misses, not memory."""
CLAIMS_KEPT: Final = 1 << 14
"""Claims kept (a claim is read by its event's page, its document's page, and the pages
linking to its figures): a worker of a 1,000-document release reads ~12,800."""
NEAR_KEPT: Final = 1 << 10
"""Entries kept of a lookup that only a page and its neighbours ask again (an event's
parts, sides and claims, a document's claims, a place's geometry and coordinates): as
many misses with 1,024 entries as with 32,768 at 1,000 documents."""
SUBJECTS_KEPT: Final = 1 << 10
"""Subjects whose statements are kept once read (a page reads each a few times), in
the union and, apart, in the documents' graphs."""
K = TypeVar("K")
V = TypeVar("V")
D = TypeVar("D")


@dataclass
class Node:
    """A resource's properties: predicate IRI -> distinct values, in a stable order."""

    iri: str
    props: dict[str, list[Term]] = field(default_factory=dict)

    def add(self, predicate: str, value: Term) -> None:
        values = self.props.setdefault(predicate, [])
        if value not in values:
            values.append(value)

    def values(self, predicate: NamedNode) -> list[Term]:
        return sorted(self.props.get(predicate.value, ()), key=str)

    def iris(self, predicate: NamedNode) -> list[str]:
        return [v.value for v in self.values(predicate) if isinstance(v, NamedNode)]

    def text(self, predicate: NamedNode) -> str | None:
        """The first literal value (by codepoint order), if any."""
        found = [v.value for v in self.values(predicate) if isinstance(v, Literal)]
        return found[0] if found else None

    def integer(self, predicate: NamedNode) -> int | None:
        value = self.text(predicate)
        try:
            return None if value is None else int(value)
        except ValueError:
            return None


@dataclass(frozen=True)
class Quote:
    """An evidence span: the words, and where they are."""

    iri: str
    anchor: str
    doc: str | None
    begin: int | None
    end: int | None


@dataclass(frozen=True)
class Figure:
    iri: str
    group: str | None
    group_label: str | None
    outcome: str | None
    value: int | None
    low: int | None
    high: int | None
    estimate: str | None
    side: str | None
    actor: str | None
    stated_as: str | None
    qualifier: str | None = None
    """The subgroup counted (``ag:groupQualifier``): never a total."""


@dataclass(frozen=True)
class Claim:
    """Who said what about which event, where."""

    iri: str
    about: str | None
    docs: tuple[str, ...]
    by: str | None
    via: str | None
    kind: str | None
    rank: str | None
    quotes: tuple[Quote, ...]
    figures: tuple[Figure, ...]
    statement: tuple[str, Term] | None
    """``(rdf:predicate, rdf:object)`` of a triple-shaped claim."""


class Lookup(Generic[K, V]):
    """A read-only mapping computed key by key (``find``; None or empty: absent) and
    kept in a bounded cache, so a release of any size is never held whole; what ``find``
    read is noted in ``reads`` on every call (see :mod:`attackgraph.publish.reads`).

    >>> squares = Lookup(lambda n: n * n or None, Reads())
    >>> squares.get(3), squares.get(0, "none"), 0 in squares, squares[2]
    (9, 'none', False, 4)
    """

    def __init__(self, find: Callable[[K], V | None], reads: Reads, size: int = CACHE_SIZE) -> None:
        self._find = reads.cached(find, size) if size else find
        """``find`` behind its cache (``size`` 0: asked anew each time)."""

    def get(self, key: K, default: D = None) -> V | D:  # type: ignore[assignment]
        value = self._find(key)
        return default if value is None or value == [] else value

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None  # type: ignore[arg-type]

    def __getitem__(self, key: K) -> V:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value


class ReleaseData:
    """A loaded release, looked up resource by resource. Raises
    :class:`~attackgraph.sparql.store.ReleaseError` if the dump cannot be read.

    ``folder`` puts the store on disk (RocksDB), so memory stays bounded whatever the
    release's size; without it the store is held in memory. Every other index (names,
    types, parts, sides, coordinates, claims) is a :class:`Lookup`: computed when a
    page asks and cached up to :data:`CACHE_SIZE` entries (fewer for those asked again
    only by nearby pages, none for an actor's claims), never for the whole release.
    """

    def __init__(
        self, nquads: Path | None, folder: Path | None = None, *, store: Store | None = None
    ) -> None:
        self.folder = folder
        """Where the store is on disk (None: in memory)."""
        self._read_only = store is None and nquads is None
        """Whether :attr:`store` was opened read-only (no process writes it)."""
        if store is not None:
            self.store = store
        elif nquads is None:
            assert folder is not None, "a store to open, or a dump to load"
            self.store = Store.read_only(str(folder))
        else:
            self.store = Store(str(folder)) if folder is not None else Store()
            load_release(self.store, nquads, vocabulary=False)  # pages show the documents
            if folder is not None:
                compact(self.store)
        self.asked: dict[Asked, bytes] | None = None
        """When a dict, every read of the store is noted in it with a digest of its
        answer (:func:`answer_digest`): a page rendered from one document's graph
        alone is then checked against the release by asking the same again
        (:mod:`attackgraph.publish.alone`)."""
        self._stated = lru_cache(maxsize=SUBJECTS_KEPT)(self._read_union)
        self._graphs = lru_cache(maxsize=SUBJECTS_KEPT)(self._read_graphs)
        self.reads = reads = Reads()
        """What the lookups read: the keys a page depends on (``reads.frame()``)."""
        self.types: Lookup[str, list[str]] = Lookup(
            lambda iri: sorted(self._objects(iri, RDF.type)), reads
        )
        self.parts: Lookup[str, list[str]] = Lookup(
            lambda o: self.subjects_with(AG.partOf, o), reads, NEAR_KEPT
        )
        self.sides: Lookup[str, list[str]] = Lookup(
            lambda o: self.subjects_with(AG.sideOf, o), reads, NEAR_KEPT
        )
        self.geometry: Lookup[str, str] = Lookup(
            lambda place: max(self._objects(place, GEO.hasGeometry), default=None),
            reads,
            NEAR_KEPT,
        )
        self.points: Lookup[str, tuple[float, float]] = Lookup(self._point, reads, NEAR_KEPT)
        self.claim: Callable[[str], Claim] = reads.cached(self._claim, CLAIMS_KEPT)
        self.claims_about: Lookup[str, list[Claim]] = Lookup(
            lambda e: self._claims_with(AG.about, e, lambda c: c.about == e), reads, NEAR_KEPT
        )
        self.claims_in: Lookup[str, list[Claim]] = Lookup(
            lambda d: self._claims_with(AG.reportedIn, d, lambda c: d in c.docs), reads, NEAR_KEPT
        )
        self.claims_by: Lookup[str, list[Claim]] = Lookup(
            lambda a: self._claims_with(AG.claimedBy, a, lambda c: c.by == a), reads, 0
        )  # asked by the actor's own page only: never kept (it grows with the documents)

    @classmethod
    @contextmanager
    def on_disk(cls, nquads: Path, parent: Path) -> Iterator[ReleaseData]:
        """The release loaded into a temporary on-disk store in ``parent``, deleted when
        the block ends."""
        with tempfile.TemporaryDirectory(dir=parent, prefix=".pages-store-") as folder:
            data = cls(nquads, Path(folder))
            try:
                data.settle()
                yield data
            finally:
                del data.store
                gc.collect()  # the Rust store closes RocksDB when the object is freed

    @classmethod
    @contextmanager
    def kept(
        cls, nquads: Path, ntriples: Path, kept: KeptStore, *, previous: Path, sha256: str
    ) -> Iterator[ReleaseData]:
        """The release in the store ``kept`` between builds, updated from the dumps of the
        release folder ``previous`` when it holds them (:mod:`.kept_store`); noted as
        holding ``nquads`` (whose SHA-256 is ``sha256``) when the block ends normally."""
        data = cls(None, kept.folder, store=kept.open(nquads, ntriples, previous=previous))
        try:
            data.settle()
            yield data
            kept.remember(sha256)
        finally:
            del data.store
            gc.collect()

    @classmethod
    def opened(cls, folder: Path) -> ReleaseData:
        """The store another :class:`ReleaseData` loaded into ``folder``, opened read-only
        (by a worker process rendering pages; call :meth:`settle` on the loader first)."""
        return cls(None, folder)

    def settle(self) -> None:
        """Close the store loaded on disk and open it again read-only, so that other
        processes can open it read-only too (the page workers; nothing to do for a store
        in memory or already read-only).

        A writable RocksDB store compacts its files in background threads for a while
        after a load or an update: each compaction writes new ``.sst`` files and deletes
        those it merged. A process opening the store read-only meanwhile reads the list
        of files, then opens them, and fails when one was deleted in between ("No such
        file ... .sst"). Closing the writable store waits for its background work and
        deletes what it replaced; from then on no process writes the folder. Nothing
        else may hold the store (a live query result would keep it open): this object
        owns it.
        """
        if self.folder is None or self._read_only:
            return
        self.store.flush()
        del self.store
        gc.collect()  # the Rust store closes RocksDB when the object is freed
        self.store = Store.read_only(str(self.folder))
        self._read_only = True

    def select(self, query: str) -> QuerySolutions:
        """A SELECT over the union of all graphs, with the project prefixes declared."""
        result = self.store.query(_PROLOGUE + query)
        assert isinstance(result, QuerySolutions)
        return result

    def typed_subjects(self) -> Iterator[str]:
        """Every typed subject, once each, in no particular order."""
        seen: set[str] = set()
        for q in self.store.quads_for_pattern(None, RDF.type, None, DefaultGraph()):
            if isinstance(q.subject, NamedNode) and q.subject.value not in seen:
                seen.add(q.subject.value)
                yield q.subject.value

    def _quads(
        self, s: str | None, p: NamedNode | None, o: str | None, union: bool = True
    ) -> Iterator[Quad]:
        """The store's quads matching IRIs ``s`` and ``o`` (None: any; not an IRI: none), in
        the union (the default graph) or else in the documents' graphs. Notes what it
        reads in :attr:`reads`."""
        predicate = "" if p is None else p.value
        if s is not None:
            self.reads.note("s", s, predicate, union=union)
        if o is not None:
            self.reads.note("o", o, predicate, union=union)
        if s is not None and o is None:
            stated = self._stated(s) if union else self._graphs(s)
            if self.asked is None:
                return iter(stated) if p is None else (q for q in stated if q.predicate == p)
            found = list(_with_predicate(stated, predicate))
        elif self.asked is None:
            return self._pattern(s, predicate, o, union)
        else:
            found = list(self._pattern(s, predicate, o, union))
        self.asked[(s or "", predicate, o or "", union)] = answer_digest(found)
        return iter(found)

    def _pattern(self, s: str | None, predicate: str, o: str | None, union: bool) -> Iterator[Quad]:
        """The store's quads matching IRIs ``s``, ``predicate`` (``""``: any) and ``o``
        (None: any; not an IRI: none), in the union or else in the documents' graphs."""
        try:
            subject, obj = (None if x is None else NamedNode(x) for x in (s, o))
            p = NamedNode(predicate) if predicate else None
        except ValueError:
            return iter(())
        if union:
            return self.store.quads_for_pattern(subject, p, obj, DefaultGraph())
        found = self.store.quads_for_pattern(subject, p, obj, None)
        return (q for q in found if isinstance(q.graph_name, NamedNode))

    def answer(self, asked: Asked) -> bytes:
        """The digest of what this release's store answers to a read another
        :class:`ReleaseData` noted in its :attr:`asked` (nothing noted here)."""
        s, predicate, o, union = asked
        if s and not o:
            stated = self._stated(s) if union else self._graphs(s)
            return answer_digest(_with_predicate(stated, predicate))
        return answer_digest(self._pattern(s or None, predicate, o or None, union))

    def _read_union(self, iri: str) -> tuple[Quad, ...]:
        """The statements about ``iri`` in the union, read from the store at once (a
        claim's name, types, figures and description are looked up one after the other:
        one read serves them all). Apart from its statements in the documents' graphs,
        which grow with the documents naming it (an agency quoted by thousands): its
        name or types never read those."""
        try:
            subject = NamedNode(iri)
        except ValueError:
            return ()
        return tuple(self.store.quads_for_pattern(subject, None, None, DefaultGraph()))

    def _read_graphs(self, iri: str) -> tuple[Quad, ...]:
        """The statements about ``iri`` in the documents' graphs (a page's own, its
        members'), read from the store at once."""
        try:
            subject = NamedNode(iri)
        except ValueError:
            return ()
        found = self.store.quads_for_pattern(subject, None, None, None)
        return tuple(quad for quad in found if isinstance(quad.graph_name, NamedNode))

    def statements(self, s: str | None, p: NamedNode | None, o: str | None) -> Iterator[Quad]:
        """The documents' statements matching IRIs ``s``, ``o`` and ``p`` (None: any)."""
        return self._quads(s, p, o, union=False)

    def union_node(self, iri: str) -> Node:
        """The resource's properties in the union of the graphs."""
        node = Node(iri)
        for q in self._quads(iri, None, None):
            if isinstance(q.object, NamedNode | Literal):
                node.add(q.predicate.value, q.object)
        return node

    def is_a(self, iri: str, cls: NamedNode) -> bool:
        return cls.value in self.types.get(iri, ())

    def subjects_with(self, predicate: NamedNode, obj: str) -> list[str]:
        """Sorted subjects pointing at ``obj`` with ``predicate``."""
        found = self._quads(None, predicate, obj)
        return sorted({q.subject.value for q in found if isinstance(q.subject, NamedNode)})

    def pointing(self, obj: str, predicates: tuple[NamedNode, ...]) -> list[str]:
        """Sorted subjects pointing at ``obj`` with any of ``predicates``, from one read of
        every statement pointing at it (for a resource that few statements point at:
        one read instead of one for each predicate)."""
        wanted = {p.value for p in predicates}
        found = self._quads(None, None, obj)
        return sorted(
            {
                q.subject.value
                for q in found
                if q.predicate.value in wanted and isinstance(q.subject, NamedNode)
            }
        )

    def outgoing(self, iri: str) -> list[Quad]:
        """The resource's statements, in the documents' graphs."""
        return list(self._quads(iri, None, None, union=False))

    def stated(self, iri: str) -> list[Quad]:
        """The resource's statements in the union: each of its triples once, whichever
        documents' graphs state it (the release has no statement outside them)."""
        return list(self._quads(iri, None, None))

    def incoming(self, iri: str) -> list[Quad]:
        """The statements pointing at the resource, in N-Quads order (the dump's:
        whatever the store's own order)."""
        return sorted(self._quads(None, None, iri, union=False), key=_line_order)

    def node(self, iri: str, quads: list[Quad] | None = None) -> Node:
        """The resource's properties (from ``quads`` if already fetched)."""
        node = Node(iri)
        for quad in self.outgoing(iri) if quads is None else quads:
            if isinstance(quad.object, NamedNode | Literal):
                node.add(quad.predicate.value, quad.object)
        return node

    def label(self, iri: str) -> str | None:
        """The resource's name (not cached here: the pages ask through
        :meth:`attackgraph.publish.site.Site.label`, which is)."""
        return self._label(iri)

    # --- lookups -------------------------------------------------------------------

    def _objects(self, iri: str, predicate: NamedNode) -> set[str]:
        found = self._quads(iri, predicate, None)
        return {q.object.value for q in found if isinstance(q.object, NamedNode)}

    def _label(self, iri: str) -> str | None:
        found = self._quads(iri, SCHEMA.name, None)
        names = [q.object for q in found if isinstance(q.object, Literal)]
        if not names:
            return None
        return min(names, key=lambda lit: (lit.language not in (None, "en"), lit.value)).value

    def _point(self, geometry: str) -> tuple[float, float] | None:
        if not self.is_a(geometry, GEO.Geometry):
            return None
        match = _POINT.fullmatch(self.union_node(geometry).text(GEO.asWKT) or "")
        if match is None:
            return None
        return float(match[2]), float(match[1])  # WKT is "POINT(lon lat)"

    def _typed_node(self, iri: str, cls: NamedNode) -> Node:
        return self.union_node(iri) if self.is_a(iri, cls) else Node(iri)

    def _claims_with(
        self, predicate: NamedNode, obj: str, keep: Callable[[Claim], bool]
    ) -> list[Claim]:
        """The claims (by IRI) pointing at ``obj`` with ``predicate`` that ``keep``."""
        found = [self.claim(c) for c in self.subjects_with(predicate, obj)]
        return [c for c in found if self.is_a(c.iri, AG.Claim) and keep(c)]

    def layout_claims(self, doc: str) -> list[Claim]:
        """The claims reported in ``doc`` (as :attr:`claims_in`, unsorted) with what a
        document page's layout reads of them (their quotes, their figures' IRIs), read
        from the store without the lookups' caches: a hub's page (an agency quoted in
        hundreds of documents) links into the pages of all those documents, and their
        thousands of claims, figures and spans would push out of every cache what the
        other pages ask again (and stay in the worker's memory)."""
        found = []
        for iri in self.subjects_with(AG.reportedIn, doc):
            node = self._fresh_node(iri)
            if AG.Claim.value in node.iris(RDF.type):
                claim = self._claim(iri, node, self._fresh_node, lean=True)
                if doc in claim.docs:
                    found.append(claim)
        return found

    def _fresh_node(self, iri: str, cls: NamedNode | None = None) -> Node:
        """The resource's properties in the union, read from the store (not kept); with
        ``cls``, none unless it is one (as :meth:`_typed_node`)."""
        node = Node(iri)
        found = self._read_union(iri)
        if self.asked is not None:
            self.asked[(iri, "", "", True)] = answer_digest(found)
        for q in found:
            if isinstance(q.object, NamedNode | Literal):
                node.add(q.predicate.value, q.object)
        return node if cls is None or cls.value in node.iris(RDF.type) else Node(iri)

    def _claim(
        self,
        iri: str,
        node: Node | None = None,
        typed: Callable[[str, NamedNode], Node] | None = None,
        *,
        lean: bool = False,
    ) -> Claim:
        """The claim ``iri`` (its statements ``node`` if read, its spans and figures read
        by ``typed``; ``lean``: its figures' IRIs only)."""
        node = self.union_node(iri) if node is None else node
        typed = self._typed_node if typed is None else typed
        spans = [typed(s, AG.TextSpan) for s in node.iris(AG.evidence)]
        quotes = tuple(_quote(span) for span in spans)
        figures = tuple(
            _figure(Node(f) if lean else typed(f, AG.CasualtyFigure))
            for f in node.iris(AG.assertsFigure)
        )
        predicate, obj = node.iris(RDF.predicate), node.values(RDF.object)
        return Claim(
            iri=iri,
            about=_first(node.iris(AG.about)),
            docs=tuple(node.iris(AG.reportedIn)),
            by=_first(node.iris(AG.claimedBy)),
            via=_first(node.iris(AG.via)),
            kind=_first(node.iris(AG.claimKind)),
            rank=_first(node.iris(AG.rank)),
            quotes=tuple(sorted(quotes, key=lambda q: (q.begin or 0, q.iri))),
            figures=figures,
            statement=(predicate[0], obj[0]) if predicate and obj else None,
        )


Asked = tuple[str, str, str, bool]
"""A read of the store: ``(subject, predicate, object, union)``, the IRIs of a pattern
(``""``: any) and whether it reads the union or the documents' graphs."""


def _with_predicate(quads: Iterable[Quad], predicate: str) -> Iterable[Quad]:
    """``quads`` whose predicate is ``predicate`` (``""``: all of them)."""
    return quads if not predicate else (q for q in quads if q.predicate.value == predicate)


def answer_digest(quads: Iterable[Quad]) -> bytes:
    """A digest of a set of quads, whatever their order.

    >>> a, b = (Quad(NamedNode(f"urn:{x}"), RDF.type, AG.Actor) for x in "ab")
    >>> answer_digest([a, b]) == answer_digest([b, a]) != answer_digest([a])
    True
    """
    lines = sorted({str(q) for q in quads})  # a set: the union's answers are one
    return hashlib.blake2b("\n".join(lines).encode(), digest_size=16).digest()


def _line_order(quad: Quad) -> tuple[str, ...]:
    """Sorts quads as their N-Quads lines sort."""
    return tuple(str(term) for term in (quad.subject, quad.predicate, quad.object, quad.graph_name))


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


def _quote(node: Node) -> Quote:
    return Quote(
        iri=node.iri,
        anchor=node.text(NIF.anchorOf) or "",
        doc=_first(node.iris(NIF.referenceContext)),
        begin=node.integer(NIF.beginIndex),
        end=node.integer(NIF.endIndex),
    )


def _figure(node: Node) -> Figure:
    return Figure(
        iri=node.iri,
        group=_first(node.iris(AG.populationGroup)),
        group_label=node.text(AG.groupLabel),
        outcome=_first(node.iris(AG.outcome)),
        value=node.integer(SCHEMA.value),
        low=node.integer(SCHEMA.minValue),
        high=node.integer(SCHEMA.maxValue),
        estimate=_first(node.iris(AG.estimateType)),
        side=_first(node.iris(AG.ofSide)),
        actor=_first(node.iris(AG.ofActor)),
        stated_as=node.text(AG.statedAs),
        qualifier=node.text(AG.groupQualifier),
    )
