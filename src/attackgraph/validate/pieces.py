"""A big graph cut into pieces whose SHACL results, put together, are the whole graph's.

pyshacl-turbo's cost grows faster than the graph (a 1 MB document of claims: 6 CPU-s,
5 MB: 58), so :func:`pieces` cuts a graph into bounded pieces. Every node that can be a
focus (a subject, an object of an ``sh:targetObjectsOf`` predicate, an
``sh:targetNode``) is *owned* by exactly one piece, which holds all of its triples and
the incoming triples that make it a target, then, for each node ``d`` links away, its
triples of the predicates the shapes read at that distance (:class:`~.reach.Reach`:
a claim's event only by its ``rdf:type``, its span's document by its ``rdf:type``, not
its text). So the engine computes an owned node's results from the same triples as in
the whole graph; keeping each piece's results for the nodes it owns gives each result
once. A document node's text is in the one piece that owns it.

The cut is made only where that argument holds: the shapes' reach is bounded
(:func:`~.reach.reach` is not None), the data has no blank nodes (the results name a
blank focus by a label that says nothing about the piece) and no ``rdfs:subClassOf``
(SHACL's class targets and ``sh:class`` follow it in the data). Otherwise the graph is
one piece. ``tests/test_pieces.py`` requires the whole graph's results on every shape
fixture and on generated documents.

A long document repeats itself (the same claim sentence, a heading and one line again
and again): :meth:`Cut.alike` puts the foci whose neighbourhoods are equal up to a
one-to-one renaming of the IRIs no shape reads as text in one class, and the validator
gives the engine one focus of each class, then every focus of a class whose first one
has results (``tests/test_alike.py``: faults planted late, and an IRI a project shape
reads, are found as in the whole graph).

>>> s, o, p, q = (ox.NamedNode(f"http://e/{n}") for n in "sopq")
>>> reads = Reach((frozenset({p.value}), frozenset({q.value})), frozenset(), frozenset())
>>> data = [ox.Triple(s, p, o), ox.Triple(o, q, s), ox.Triple(o, p, s)]
>>> [(sorted(owned or ()), text.count("\\n")) for owned, text in pieces(data, reads, 1)]
[(['http://e/s'], 2), (['http://e/o'], 2)]
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Sequence
from typing import Final

import pyoxigraph as ox

from attackgraph.namespaces import RDF_NS, RDFS_NS
from attackgraph.validate.reach import ALL, Reach

Piece = tuple[frozenset[str] | None, str]
"""The IRIs of the nodes a piece owns (None: every node, the whole graph) and its triples
as N-Triples text."""

_SUBCLASS: Final = f"<{RDFS_NS}subClassOf>"


def pieces(quads: Sequence[ox.Quad | ox.Triple], reach: Reach | None, size: int) -> list[Piece]:
    """The pieces of the union of ``quads``' graphs, each owning nodes with about ``size``
    triples between them (at least one node), in the order the nodes first appear; one
    piece, the whole graph, when it has no more than ``size`` triples or cannot be cut.

    The triples are handled as the lines of their N-Triples text (one serialisation, then
    string operations: reading pyoxigraph's terms back costs more than the engine)."""
    cut = Cut(quads, reach, size)
    return cut.pieces(cut.foci) if cut.whole is None else [cut.whole]


_Line = tuple[str, str | None, str]
"""A triple: its predicate's IRI, its object's IRI (None: a literal), its N-Triples line."""


class Cut:
    """A graph's N-Triples lines indexed by node, to cut pieces owning any of its nodes.

    :attr:`whole` is the graph as one piece when it is no bigger than ``size`` or cannot
    be cut (then nothing else is set); else :attr:`foci` are the nodes that can be a
    focus, in the order they first appear."""

    def __init__(
        self,
        quads: Sequence[ox.Quad | ox.Triple],
        reach: Reach | None,
        size: int,
        *,
        lines: Sequence[str] | None = None,
    ) -> None:
        """The cut of ``quads``, or with ``lines`` of the triples written as these
        N-Triples lines (without their line ends, each a different triple; ``quads`` is
        then not read): the lines are indexed as they are, not serialised again."""
        self.size = size
        self.foci: list[str] = []
        self.out: dict[str, list[_Line]] = {}
        self.incoming: dict[str, list[_Line]] = {}
        self._said: dict[int, int] = {}
        """How many triples state each (predicate, literal), by hash."""
        self._hubs: dict[tuple[str, int], tuple[list[str], list[_Line]]] = {}
        """What :func:`_around` takes from a node of many triples at a depth, kept."""
        self.whole: Piece | None = None
        raw: Sequence[str]
        unique: Collection[str]
        if lines is not None:
            if reach is None or len(lines) <= size:
                self.whole = (None, "\n".join(lines) + "\n" if lines else "")
                return
            raw = unique = lines
        else:
            triples = (q.triple if isinstance(q, ox.Quad) else q for q in quads)
            text = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
            self.whole = (None, text)
            if reach is None or text.count("\n") <= size:  # no more lines, so no more triples
                return
            # "\n" alone ends a line: a literal may hold U+2028 or U+0085 unescaped
            raw = text.split("\n")
            raw.pop()  # after the last "\n"
            self.whole = None
            del text  # held as its lines only (joined again if the graph is not cut)
            unique = dict.fromkeys(raw)
        self.reach = reach
        if len(unique) <= size:
            self.whole = (None, "\n".join(raw) + "\n")
            return
        out, incoming = self.out, self.incoming
        targeting = {f"<{p}>" for p in reach.objects_targeted}
        # each IRI's text held once, however many triples name it (a long document's
        # event, document, concepts and predicates are in most of its triples)
        names: dict[str, str] = {}
        said = self._said
        for line in unique:
            subject, predicate, rest = line.split(" ", 2)
            if (
                not subject.startswith("<")
                or rest.startswith(("_:", "<<"))
                or predicate == _SUBCLASS
            ):
                self.out, self.incoming = {}, {}
                self.whole = (None, "\n".join(raw) + "\n")
                return  # a blank node, a triple term, a subclass (see the module's notes)
            iri = predicate[1:-1]
            iri = names.setdefault(iri, iri)
            target: str | None = None
            if rest.startswith("<"):
                linked = rest[1:-3]
                target = names.setdefault(linked, linked)
            else:
                key = hash((iri, rest))
                said[key] = said.get(key, 0) + 1
            parsed = (iri, target, line)
            node = subject[1:-1]
            out.setdefault(names.setdefault(node, node), []).append(parsed)
            if target is not None and predicate in targeting:
                incoming.setdefault(target, []).append(parsed)
        del raw, unique
        self.foci = list(out)  # subjects in order, then the other nodes that can be a focus
        self.foci += sorted(({*incoming} | {str(n) for n in reach.nodes_targeted}) - set(out))

    def pieces(self, nodes: Iterable[str]) -> list[Piece]:
        """Pieces owning ``nodes`` (foci of the graph), about ``size`` triples each."""
        found: list[Piece] = []
        owned: list[str] = []
        weight = 0
        for node in nodes:
            owned.append(node)
            weight += len(self.out.get(node, ())) + len(self.incoming.get(node, ()))
            if weight >= self.size:
                found.append(_piece(owned, self.out, self.incoming, self.reach))
                owned, weight = [], 0
        if owned:
            found.append(_piece(owned, self.out, self.incoming, self.reach))
        return found

    def alike(self) -> dict[str, list[str]]:
        """The foci in classes whose neighbourhoods (what the shapes read around each:
        :func:`_around`) are equal once the IRIs that are neither named by the shapes nor
        values of :attr:`~.reach.Reach.lexical` predicates (nor types) are renamed one to
        one, the focus to the focus: each class's first node -> the class, in order.
        Each focus is its own class when the shapes may read a node's IRI as text.

        The engine's results for a focus are computed from its neighbourhood alone (what
        makes the pieces exact), and every constraint reads the renamed IRIs only by which
        are equal (see :func:`~.reach.lexical`), so a focus has results if and only if its
        class's first node has: a class whose first node has none needs no other
        validated. Classes are told apart by the SHA-256 of that renamed text, as the
        build cache tells documents apart."""
        if self.reach.lexical is None:
            return {node: [node] for node in self.foci}
        classes: dict[bytes | str, list[str]] = {}
        for node in self.foci:
            key = node if self._alone(node) else self._signature(node)
            classes.setdefault(key, []).append(node)
        return {members[0]: members for members in classes.values()}

    def _alone(self, node: str) -> bool:
        """Whether the node states a (predicate, literal) no other triple states: an
        alike node would state it too (a span's offsets), so no signature is needed."""
        said = self._said
        return any(
            said.get(hash((predicate, line.split(" ", 2)[2])), 0) == 1
            for predicate, target, line in self.out.get(node, ())
            if target is None
        )

    def _signature(self, node: str) -> bytes:
        reach = self.reach
        assert reach.lexical is not None
        around = _around(node, self.out, self.incoming, reach, self._hubs)
        named, lexical = reach.named, reach.lexical
        fixed = {
            target
            for _, (predicate, target, _line) in around
            if target is not None and (predicate in lexical or predicate == _TYPE)
        }
        names: dict[str, str] = {}

        def name(iri: str) -> str:
            if iri in fixed or iri in named:
                return f"<{iri}>"
            found = names.get(iri)
            if found is None:
                found = names[iri] = f"_{len(names)}"
            return found

        parts = [name(node)]
        for subject, (predicate, target, line) in around:
            value = name(target) if target is not None else line.split(" ", 2)[2]
            parts.append(f"{name(subject)} <{predicate}> {value}")
        return hashlib.sha256("\n".join(parts).encode("utf-8")).digest()


_TYPE: Final = f"{RDF_NS}type"


_HUB: Final = 32
"""A node with more triples than this (a long document's event, its document node) has
what :func:`_around` takes from it at each depth kept, not filtered again per focus."""


def _around(
    node: str,
    out: dict[str, list[_Line]],
    incoming: dict[str, list[_Line]],
    reach: Reach,
    hubs: dict[tuple[str, int], tuple[list[str], list[_Line]]] | None = None,
) -> list[tuple[str, _Line]]:
    """(subject, triple) of what a piece owning ``node`` alone holds, in a fixed order:
    its triples, those targeting it, and around it what the shapes read at each distance.

    ``hubs`` keeps, for a node of more than :data:`_HUB` triples reached at a depth, the
    targets it links on to and the triples read on it (in the order of its triples): a
    long document's thousands of foci all link to its event and document node, which
    would else be filtered again for each (the same answer, in the same order)."""
    kept: dict[str, tuple[str, _Line]] = {}
    for triple in out.get(node, ()):
        kept[triple[2]] = (node, triple)
    for triple in incoming.get(node, ()):
        kept.setdefault(triple[2], (triple[2].split(" ", 1)[0][1:-1], triple))
    frontier = [node]
    for depth in range(len(reach.reads) - 1):
        follows, read = reach.follows(depth), reach.reads[depth + 1]
        every_link, every_read = ALL in follows, ALL in read
        following: dict[str, None] = {}
        for at in frontier:
            triples = out.get(at, ())
            if hubs is not None and depth and len(triples) > _HUB:
                following.update(dict.fromkeys(_hub(at, depth - 1, out, reach, hubs)[0]))
                continue
            for predicate, target, _ in triples:
                if target is not None and (every_link or predicate in follows):
                    following[target] = None
        for at in following:
            triples = out.get(at, ())
            if hubs is not None and len(triples) > _HUB:
                for triple in _hub(at, depth, out, reach, hubs)[1]:
                    kept.setdefault(triple[2], (at, triple))
                continue
            for triple in triples:
                if every_read or triple[0] in read:
                    kept.setdefault(triple[2], (at, triple))
        frontier = list(following)
    return list(kept.values())


def _hub(
    at: str,
    depth: int,
    out: dict[str, list[_Line]],
    reach: Reach,
    hubs: dict[tuple[str, int], tuple[list[str], list[_Line]]],
) -> tuple[list[str], list[_Line]]:
    """For the node ``at`` reached ``depth + 1`` links from a focus: the targets of its
    links the shapes follow on (at ``depth + 1``) and its triples they read, in order."""
    found = hubs.get((at, depth))
    if found is None:
        follows, read = reach.follows(depth + 1), reach.reads[depth + 1]
        every_link, every_read = ALL in follows, ALL in read
        triples = out.get(at, ())
        links = [
            target
            for predicate, target, _ in triples
            if target is not None and (every_link or predicate in follows)
        ]
        found = hubs[at, depth] = (links, [t for t in triples if every_read or t[0] in read])
    return found


def _piece(
    owned: list[str],
    out: dict[str, list[_Line]],
    incoming: dict[str, list[_Line]],
    reach: Reach,
) -> Piece:
    """The owned nodes' triples, the triples targeting them, and around them the triples
    the shapes read at each distance (each triple once)."""
    kept: dict[str, None] = {}
    for node in owned:
        kept.update(dict.fromkeys(t[2] for t in out.get(node, ())))
        kept.update(dict.fromkeys(t[2] for t in incoming.get(node, ())))
    frontier = set(owned)
    for depth in range(len(reach.reads) - 1):
        follows, read = reach.follows(depth), reach.reads[depth + 1]
        every_link, every_read = ALL in follows, ALL in read
        following: set[str] = set()
        for node in frontier:
            for predicate, target, _ in out.get(node, ()):
                if target is not None and (every_link or predicate in follows):
                    following.add(target)
        for node in following:
            kept.update(
                dict.fromkeys(t[2] for t in out.get(node, ()) if every_read or t[0] in read)
            )
        frontier = following
    return frozenset(owned), "\n".join(kept) + "\n"
